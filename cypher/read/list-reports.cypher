//:include visible-markings
MATCH (r:Report)
WHERE @seen(r)
  AND ($agency IS NULL OR r.agency = $agency)
WITH r ORDER BY r.date DESC, r.id
WITH collect(r {.*}) AS matches
WITH matches, CASE WHEN $after IS NULL THEN 0 ELSE size([m IN matches WHERE m.date > date($after.date) OR (m.date = date($after.date) AND m.id <= $after.id)]) END AS start
RETURN size(matches) AS total, start, matches[start..(start + $first)] AS page
