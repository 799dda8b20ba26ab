// Head of a typed list page: walks the statements of entities of $type in sort-key order (the
// index on STATES(type, sortKey)), keeping each entity once, at its least visible sort key, after
// the $after cursor. Filters follow (a *-filter fragment), then list-page.
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
MATCH (:Report)-[s:STATES]->(n:Entity)
WHERE s.type = $type AND s.sortKey >= $fromKey
// Ordering right after the index seek lets the planner take the index's order and stream: the
// checks below then run for about one page of statements, not for every one of the type (at
// 20,000 persons, 21 ms instead of 220 ms for a first page).
WITH s, n, visible ORDER BY s.sortKey
WHERE s.marking IN visible
  AND NOT EXISTS {
    MATCH (:Report)-[t:STATES]->(n)
    WHERE t.marking IN visible AND (t.sortKey < s.sortKey OR (t.sortKey = s.sortKey AND elementId(t) < elementId(s)))
  }
WITH n, s.sortKey AS sortKey, visible
WHERE $after IS NULL OR sortKey > $after.sortKey OR (sortKey = $after.sortKey AND n.id > $after.id)
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
// Tail of a typed list page: one more row than asked for tells whether a next page exists.
//:needs n, sortKey
RETURN n.id AS id, sortKey
ORDER BY sortKey, id
LIMIT $limit
