// One breadth-first level: the visible link statements at the frontier and the entities at their
// other end. With a time window, a link statement or an entity counts only when dated inside it
// (undated ones always count); every date comes from the caller's visible statements.
//:include visible-markings
UNWIND $frontier AS fid
MATCH (n:Entity {id: fid})-[r]-(m:Entity)
WHERE type(r) IN $linkTypes AND m.type IN $entityTypes AND @seen(r)
  AND ($from IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= date($from))
  AND ($to IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= date($to))
  AND (($from IS NULL AND $to IS NULL) OR m:Country OR EXISTS {
    MATCH (:Report)-[s:STATES]->(m)
    WHERE @seen(s)
      AND ($from IS NULL OR coalesce(s.endDate, s.date, s.startDate) IS NULL OR coalesce(s.endDate, s.date, s.startDate) >= date($from))
      AND ($to IS NULL OR coalesce(s.startDate, s.date, s.endDate) IS NULL OR coalesce(s.startDate, s.date, s.endDate) <= date($to))
  })
WITH r.id AS id, type(r) AS type, startNode(r).id AS fromId, endNode(r).id AS toId, m, visible, collect(properties(r)) AS statements
WITH id, type, fromId, toId, statements, m.id AS neighbour, @sortkey(m) AS sortKey
RETURN {id: id, type: type, fromId: fromId, toId: toId, statements: statements} AS link, neighbour
ORDER BY sortKey, neighbour, id
