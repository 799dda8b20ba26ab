// The neighbourhood of $root in one read: up to four breadth-first levels through visible links
// (expand-step, in the order and with the cap the service applies), then the visible statements
// of every admitted node (for their views), and every visible link among the admitted nodes. A hidden
// root has no visible link and no visible statement: nothing comes back for it.
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
WITH visible, CASE WHEN $root STARTS WITH 'country:' THEN [] ELSE [$root] END AS frontier, [$root] AS visited, false AS truncated, 1 AS level
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
  WHERE type(r) IN $linkTypes AND m.type IN $entityTypes AND r.marking IN visible
// Fragment (a WHERE continued, on link relationship `r`): with a time window ($from, $to: ISO
// dates or null), the link statement counts only when dated inside it; undated ones always count.
//:needs r
    AND ($from IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= date($from))
    AND ($to IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= date($to))
    AND (($from IS NULL AND $to IS NULL) OR m:Country OR EXISTS {
      MATCH (:Report)-[s:STATES]->(m)
      WHERE s.marking IN visible
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
  WITH m, CASE WHEN m:Country THEN m.sortKey ELSE COLLECT { MATCH (:Report)-[vk_m:STATES]->(m) WHERE vk_m.marking IN visible RETURN vk_m.sortKey ORDER BY vk_m.sortKey LIMIT 1 }[0] END AS sortKey
  ORDER BY sortKey, m.id
  RETURN collect(m.id) AS fresh
}
WITH visible, visited, truncated, level, fresh, $limit - size(visited) AS room
WITH visible, visited + fresh[..room] AS visited, [x IN fresh[..room] WHERE NOT x STARTS WITH 'country:'] AS frontier,
     truncated OR size(fresh) > room AS truncated, level + 1 AS level
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
  WHERE type(r) IN $linkTypes AND m.type IN $entityTypes AND r.marking IN visible
// Fragment (a WHERE continued, on link relationship `r`): with a time window ($from, $to: ISO
// dates or null), the link statement counts only when dated inside it; undated ones always count.
//:needs r
    AND ($from IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= date($from))
    AND ($to IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= date($to))
    AND (($from IS NULL AND $to IS NULL) OR m:Country OR EXISTS {
      MATCH (:Report)-[s:STATES]->(m)
      WHERE s.marking IN visible
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
  WITH m, CASE WHEN m:Country THEN m.sortKey ELSE COLLECT { MATCH (:Report)-[vk_m:STATES]->(m) WHERE vk_m.marking IN visible RETURN vk_m.sortKey ORDER BY vk_m.sortKey LIMIT 1 }[0] END AS sortKey
  ORDER BY sortKey, m.id
  RETURN collect(m.id) AS fresh
}
WITH visible, visited, truncated, level, fresh, $limit - size(visited) AS room
WITH visible, visited + fresh[..room] AS visited, [x IN fresh[..room] WHERE NOT x STARTS WITH 'country:'] AS frontier,
     truncated OR size(fresh) > room AS truncated, level + 1 AS level
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
  WHERE type(r) IN $linkTypes AND m.type IN $entityTypes AND r.marking IN visible
// Fragment (a WHERE continued, on link relationship `r`): with a time window ($from, $to: ISO
// dates or null), the link statement counts only when dated inside it; undated ones always count.
//:needs r
    AND ($from IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= date($from))
    AND ($to IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= date($to))
    AND (($from IS NULL AND $to IS NULL) OR m:Country OR EXISTS {
      MATCH (:Report)-[s:STATES]->(m)
      WHERE s.marking IN visible
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
  WITH m, CASE WHEN m:Country THEN m.sortKey ELSE COLLECT { MATCH (:Report)-[vk_m:STATES]->(m) WHERE vk_m.marking IN visible RETURN vk_m.sortKey ORDER BY vk_m.sortKey LIMIT 1 }[0] END AS sortKey
  ORDER BY sortKey, m.id
  RETURN collect(m.id) AS fresh
}
WITH visible, visited, truncated, level, fresh, $limit - size(visited) AS room
WITH visible, visited + fresh[..room] AS visited, [x IN fresh[..room] WHERE NOT x STARTS WITH 'country:'] AS frontier,
     truncated OR size(fresh) > room AS truncated, level + 1 AS level
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
  WHERE type(r) IN $linkTypes AND m.type IN $entityTypes AND r.marking IN visible
// Fragment (a WHERE continued, on link relationship `r`): with a time window ($from, $to: ISO
// dates or null), the link statement counts only when dated inside it; undated ones always count.
//:needs r
    AND ($from IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= date($from))
    AND ($to IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= date($to))
    AND (($from IS NULL AND $to IS NULL) OR m:Country OR EXISTS {
      MATCH (:Report)-[s:STATES]->(m)
      WHERE s.marking IN visible
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
  WITH m, CASE WHEN m:Country THEN m.sortKey ELSE COLLECT { MATCH (:Report)-[vk_m:STATES]->(m) WHERE vk_m.marking IN visible RETURN vk_m.sortKey ORDER BY vk_m.sortKey LIMIT 1 }[0] END AS sortKey
  ORDER BY sortKey, m.id
  RETURN collect(m.id) AS fresh
}
WITH visible, visited, truncated, level, fresh, $limit - size(visited) AS room
WITH visible, visited + fresh[..room] AS visited, [x IN fresh[..room] WHERE NOT x STARTS WITH 'country:'] AS frontier,
     truncated OR size(fresh) > room AS truncated, level + 1 AS level
CALL (visible, visited) {
  UNWIND visited AS id
// Fragment (entities-by-ids, expand): the entity of `id` with the statements of the reports the
// caller may see, as `anchor` (its identity) and `statements`; a hidden entity gives no row, as a
// missing one (countries are reference data, visible to everyone). Keeps `visible` in scope. Each
// statement carries its report's agency: the label is the name stated by the most agencies.
//:needs id, visible
MATCH (n:Entity {id: id})
WITH n, visible, COLLECT { MATCH (rep:Report)-[s:STATES]->(n) WHERE s.marking IN visible RETURN s {.*, agency: rep.agency} } AS statements
WHERE n:Country OR size(statements) > 0
WITH visible, n {.id, .type, .name, .code, .alpha3} AS anchor, statements
  RETURN collect({anchor: anchor, statements: statements}) AS nodes
}
// every visible link among the admitted nodes (of the link types, inside the window), not only
// the ones the levels crossed: links between two nodes of the last level, or to a country, count
WITH visible, visited, visited AS kept, truncated, nodes
// Fragment (subgraph-among, expand): every visible link statement among the entities of `kept`
// (a list of ids), of $linkTypes and, with a time window ($from, $to), dated inside it, grouped
// by link and ordered by link id, as `links`. Keeps `visible` and `kept` in scope. Every
// graph-shaped answer reads its links this way, so that it holds every visible link among its
// nodes, whatever way its nodes were found.
CALL (visible, kept) {
  UNWIND kept AS aid
  MATCH (a:Entity {id: aid})-[r]->(b:Entity)
  WHERE b.id IN kept AND type(r) IN $linkTypes AND r.marking IN visible
// Fragment (a WHERE continued, on link relationship `r`): with a time window ($from, $to: ISO
// dates or null), the link statement counts only when dated inside it; undated ones always count.
//:needs r
    AND ($from IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= date($from))
    AND ($to IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= date($to))
  WITH r.id AS id, type(r) AS type, a.id AS fromId, b.id AS toId, collect(properties(r)) AS statements
  ORDER BY id
  RETURN collect({id: id, type: type, fromId: fromId, toId: toId, statements: statements}) AS links
}
RETURN visited AS nodeIds, links, truncated, nodes
