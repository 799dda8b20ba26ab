// Links of several entities at once (one round-trip per request level, via dataloader): every
// visible report's statement of each link, ordered by the other end's sort key for this caller.
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
UNWIND $keys AS key
MATCH (n:Entity {id: key.id})
WHERE (n:Country OR EXISTS { MATCH (:Report)-[vs_n:STATES]->(n) WHERE vs_n.marking IN visible })
CALL (n, key, visible) {
  MATCH (n)-[r]-(m:Entity)
  WHERE type(r) IN key.types
    AND (key.dir = 'BOTH' OR (key.dir = 'OUT') = (startNode(r) = n))
    AND r.marking IN visible
  WITH r.id AS id, type(r) AS type, startNode(r).id AS fromId, endNode(r).id AS toId, m, visible, collect(properties(r)) AS statements
  WITH id, type, fromId, toId, statements, CASE WHEN m:Country THEN m.sortKey ELSE COLLECT { MATCH (:Report)-[vk_m:STATES]->(m) WHERE vk_m.marking IN visible RETURN vk_m.sortKey ORDER BY vk_m.sortKey LIMIT 1 }[0] END AS sortKey
  ORDER BY sortKey, id
  RETURN collect({id: id, type: type, fromId: fromId, toId: toId, statements: statements}) AS links
}
RETURN key.key AS key, links[0..key.first] AS links
