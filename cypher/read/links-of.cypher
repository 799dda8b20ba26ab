// Links of several entities at once (one round-trip per request level, via dataloader): every
// visible report's statement of each link, ordered by the other end's sort key for this caller.
//:include visible-markings
UNWIND $keys AS key
MATCH (n:Entity {id: key.id})
WHERE @visible(n)
CALL (n, key, visible) {
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) IN key.types
    AND (key.dir = 'BOTH' OR (key.dir = 'OUT') = (startNode(r) = n))
    AND @seen(r)
  WITH r.id AS id, type(r) AS type, startNode(r).id AS fromId, endNode(r).id AS toId, m, visible, collect(properties(r)) AS statements
  WITH id, type, fromId, toId, statements, @sortkey(m) AS sortKey
  ORDER BY sortKey, id
  RETURN collect({id: id, type: type, fromId: fromId, toId: toId, statements: statements}) AS links
}
RETURN key.key AS key, links[0..key.first] AS links
