// Operations by country (any visible statement), kind and a date window overlapping their period
// (as the most authoritative visible statement gives them).
//:needs n, sortKey, visible
WITH n, sortKey, visible
WHERE ($country IS NULL OR EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE @seen(s) AND $country IN coalesce(s.countries, []) })
WITH n, sortKey, visible, @best(n, kind) AS kind, @best(n, startDate) AS startDate, @best(n, endDate) AS endDate
WHERE ($kind IS NULL OR kind = $kind)
  AND ($to IS NULL OR startDate <= date($to))
  AND ($from IS NULL OR coalesce(endDate, startDate) >= date($from))
