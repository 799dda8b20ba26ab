// One breadth-first level of `expand` (included once per possible level; a level past $depth
// reads nothing). Finds the visible link statements at the frontier and the entities at their
// other end; admits the new ones in sort-key order while fewer than $limit nodes are visited (the
// order and cap the service applied level by level before); countries are admitted, never
// traversed. With a time window, a link statement or an entity counts only when dated inside it
// (undated ones always count); every date comes from the caller's visible statements.
//:needs visible, frontier, level
CALL (visible, frontier, level) {
  UNWIND CASE WHEN level <= $depth THEN frontier ELSE [] END AS fid
  MATCH (n:Entity {id: fid})-[r]-(m:Entity)
  WHERE type(r) IN $linkTypes AND m.type IN $entityTypes AND @seen(r)
//:include link-in-window
    AND (($from IS NULL AND $to IS NULL) OR m:Country OR EXISTS {
      MATCH (:Report)-[s:STATES]->(m)
      WHERE @seen(s)
        AND ($from IS NULL OR coalesce(s.endDate, s.date, s.startDate) IS NULL OR coalesce(s.endDate, s.date, s.startDate) >= date($from))
        AND ($to IS NULL OR coalesce(s.startDate, s.date, s.endDate) IS NULL OR coalesce(s.startDate, s.date, s.endDate) <= date($to))
    })
  WITH DISTINCT m.id AS neighbour
  RETURN collect(neighbour) AS neighbours
}
CALL (visible, neighbours, visited) {
  UNWIND neighbours AS candidate
  WITH DISTINCT candidate, visible, visited
  WHERE NOT candidate IN visited
  MATCH (m:Entity {id: candidate})
  WITH m, @sortkey(m) AS sortKey
  ORDER BY sortKey, m.id
  RETURN collect(m.id) AS fresh
}
WITH visible, visited, truncated, level, fresh, $limit - size(visited) AS room
WITH visible, visited + fresh[..room] AS visited, [x IN fresh[..room] WHERE NOT x STARTS WITH 'country:'] AS frontier,
     truncated OR size(fresh) > room AS truncated, level + 1 AS level
