// The subgraph of the given entities: those the caller may see (with their visible statements,
// for their views) and the visible links among them, optionally of some types and within a time
// window on the links. One read, whatever the number of ids.
//:include visible-markings
UNWIND $ids AS id
//:include entity-statements
WITH visible, collect({anchor: anchor, statements: statements}) AS nodes
WITH visible, nodes, [x IN nodes | x.anchor.id] AS kept
CALL (visible, kept) {
  UNWIND kept AS aid
  MATCH (a:Entity {id: aid})-[r]->(b:Entity)
  WHERE b.id IN kept AND type(r) IN $linkTypes AND @seen(r)
//:include link-in-window
  WITH r.id AS id, type(r) AS type, a.id AS fromId, b.id AS toId, collect(properties(r)) AS statements
  ORDER BY id
  RETURN collect({id: id, type: type, fromId: fromId, toId: toId, statements: statements}) AS links
}
RETURN nodes, links
