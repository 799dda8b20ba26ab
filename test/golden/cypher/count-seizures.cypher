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
// Seizures with every value as the most authoritative visible statement gives it, by commodity,
// date range and the country where seized (through visible links and locations only).
//:needs n, sortKey, visible
WITH n, sortKey, visible, COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.commodity IS NOT NULL RETURN vb_n.commodity ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0] AS commodity, COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.quantity IS NOT NULL RETURN vb_n.quantity ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0] AS quantity, COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.unit IS NOT NULL RETURN vb_n.unit ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0] AS unit,
     COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.valueEur IS NOT NULL RETURN vb_n.valueEur ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0] AS valueEur, COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.date IS NOT NULL RETURN vb_n.date ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0] AS seizedOn
WHERE ($commodity IS NULL OR commodity = $commodity)
  AND ($from IS NULL OR seizedOn >= date($from))
  AND ($to IS NULL OR seizedOn <= date($to))
  AND ($country IS NULL OR EXISTS {
    MATCH (n)-[r:SEIZED_AT]->(l:Location)
    WHERE r.marking IN visible AND EXISTS { MATCH (:Report)-[s:STATES]->(l) WHERE s.marking IN visible AND s.country = $country }
  })
RETURN count(n) AS total
