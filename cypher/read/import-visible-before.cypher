// What the importing caller could already see of the entities and links of this report, through
// OTHER reports: import counts (created/updated) are computed over the caller's view only.
// `$everything` is for trusted in-process imports (the demo seed), which see every report.
//:include visible-markings
CALL (visible) {
  UNWIND $nodeIds AS id
  MATCH (n:Entity {id: id})
  WHERE EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE ($everything OR s.marking IN visible) AND s.report <> $reportId }
  RETURN collect(n.id) AS nodes
}
CALL (visible) {
  UNWIND $links AS l
  MATCH (a:Entity {id: l.from})-[r]->(b:Entity {id: l.to})
  WHERE type(r) = l.type AND r.id = l.id AND ($everything OR @seen(r)) AND r.report <> $reportId
  RETURN collect(DISTINCT r.id) AS links
}
RETURN nodes, links
