// import-visible-before for trusted in-process imports (the demo seed), which see every report.
CALL () {
  UNWIND $nodeIds AS id
  MATCH (n:Entity {id: id})
  WHERE EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE s.report <> $reportId }
  RETURN collect(n.id) AS nodes
}
CALL () {
  UNWIND $links AS l
  MATCH (a:Entity {id: l.from})-[r]->(b:Entity {id: l.to})
  WHERE type(r) = l.type AND r.id = l.id AND r.report <> $reportId
  RETURN collect(DISTINCT r.id) AS links
}
RETURN nodes, links
