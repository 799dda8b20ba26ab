// Head of a typed list count or aggregate: every entity of $type the caller may see (no order).
// Need-to-know prelude. Visibility depends only on a report's marking (its classification level
// and releasability), and reports share few markings: `visible` is the short list of marking keys
// the caller may see (classification at or below their clearance, and releasable to their agency
// or country, or to everyone). Every statement and link relationship carries its report's marking,
// so `s.marking IN visible` decides what a caller sees (the macros @visible, @stated, @seen).
CALL () {
  MATCH (m:Marking)
  WHERE m.level <= $auth.clearance
    // releasableTo convention (README, src/auth/markings.ts): two letters name a country, longer codes an agency
    AND (size(m.releasableTo) = 0 OR any(x IN m.releasableTo WHERE CASE size(x) WHEN 2 THEN x = $auth.country ELSE x = $auth.agency END))
  RETURN collect(m.key) AS visible
}
MATCH (n:Entity)
WHERE n.type = $type AND EXISTS { MATCH (:Report)-[vs_n:STATES]->(n) WHERE vs_n.marking IN visible }
WITH n, null AS sortKey, visible
// Operations by country (any visible statement), kind and a date window overlapping their period
// (as the most authoritative visible statement gives them).
//:needs n, sortKey, visible
WITH n, sortKey, visible
WHERE ($country IS NULL OR EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE s.marking IN visible AND $country IN coalesce(s.countries, []) })
WITH n, sortKey, visible, COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.kind IS NOT NULL RETURN vb_n.kind ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0] AS kind, COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.startDate IS NOT NULL RETURN vb_n.startDate ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0] AS startDate, COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.endDate IS NOT NULL RETURN vb_n.endDate ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0] AS endDate
WHERE ($kind IS NULL OR kind = $kind)
  AND ($to IS NULL OR startDate <= date($to))
  AND ($from IS NULL OR coalesce(endDate, startDate) >= date($from))
RETURN count(n) AS total
