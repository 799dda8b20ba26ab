// Keyset pagination over the matches `n` with their caller-specific `sortKey`: the page after the
// $after cursor, in (sortKey, id) order.
WITH n, sortKey ORDER BY sortKey, n.id
WITH collect({id: n.id, sortKey: sortKey}) AS matches
WITH matches, CASE WHEN $after IS NULL THEN 0
  ELSE size([m IN matches WHERE m.sortKey < $after.sortKey OR (m.sortKey = $after.sortKey AND m.id <= $after.id)]) END AS start
RETURN size(matches) AS total, start, matches[start..(start + $first)] AS page
