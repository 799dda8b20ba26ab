// Fragment (subgraph-among, expand): every visible link statement among the entities of `kept`
// (a list of ids), of $linkTypes and, with a time window ($from, $to), dated inside it, grouped
// by link and ordered by link id, as `links`. Keeps `visible` and `kept` in scope. Every
// graph-shaped answer reads its links this way, so that it holds every visible link among its
// nodes, whatever way its nodes were found.
CALL (visible, kept) {
  UNWIND kept AS aid
  MATCH (a:Entity {id: aid})-[r]->(b:Entity)
  WHERE b.id IN kept AND type(r) IN $linkTypes AND @seen(r)
//:include link-in-window
  WITH r.id AS id, type(r) AS type, a.id AS fromId, b.id AS toId, collect(properties(r)) AS statements
  ORDER BY id
  RETURN collect({id: id, type: type, fromId: fromId, toId: toId, statements: statements}) AS links
}
