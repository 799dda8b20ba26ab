// Links of several entities at once (one round-trip per request level, via dataloader).
//:include visible-reports
UNWIND $keys AS key
MATCH (n:Entity {id: key.id})
WHERE n:Country OR any(s IN n.sources WHERE s IN visible)
CALL (n, key, visible) {
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) IN key.types
    AND (key.dir = 'BOTH' OR (key.dir = 'OUT') = (startNode(r) = n))
    AND (m:Country OR any(s IN m.sources WHERE s IN visible))
  WITH r, m, [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible] AS seen
  WHERE size(seen) > 0
  WITH r, m, seen ORDER BY m.sortName, r.id
  RETURN collect(r {.*, type: type(r), fromId: startNode(r).id, toId: endNode(r).id,
                    sources: [i IN seen | r.sources[i]], grades: [i IN seen | r.grades[i]], claims: [i IN seen | r.claims[i]]}) AS links
}
RETURN key.key AS key, links[0..key.first] AS links
