// What the importing caller could already see of the entities and links of this report, through
// OTHER reports: import counts (created/updated) are computed over the caller's view only.
// `$everything` is for trusted in-process imports (the demo seed), which see every report.
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
CALL (visible) {
  UNWIND $nodeIds AS id
  MATCH (n:Entity {id: id})
  WHERE EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE ($everything OR s.marking IN visible) AND s.report <> $reportId }
  RETURN collect(n.id) AS nodes
}
CALL (visible) {
  UNWIND $links AS l
  MATCH (a:Entity {id: l.from})-[r]->(b:Entity {id: l.to})
  WHERE type(r) = l.type AND r.id = l.id AND ($everything OR r.marking IN visible) AND r.report <> $reportId
  RETURN collect(DISTINCT r.id) AS links
}
RETURN nodes, links
