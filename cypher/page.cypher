// Keyset pagination over `matches` (ordered by sortName, id): the page after the $after cursor.
WITH n ORDER BY n.sortName, n.id
WITH collect({id: n.id, sortName: n.sortName}) AS matches
WITH matches, CASE WHEN $after IS NULL THEN 0
  ELSE size([m IN matches WHERE m.sortName < $after.sortName OR (m.sortName = $after.sortName AND m.id <= $after.id)]) END AS start
RETURN size(matches) AS total, start, matches[start..(start + $first)] AS page
