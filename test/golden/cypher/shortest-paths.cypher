// All shortest paths between each pair of $pairs ({from, to}), through visible links only (a
// visible link's ends are visible too: a report states every entity its links join); countries are
// reference data, never inner steps. Paths are returned as node ids and link keys, with the index of
// their pair; a path comes back once per combination of its links' parallel statements, so the rows
// are made distinct before the limit (the limit counts a pair's paths, not rows). Paths come in a
// fixed order: by the ids of their nodes, then the types and directions of their links.
// A path pattern's bound cannot be a parameter: the pattern's upper bound of 20 below is lowered to
// the validated maximum length (an integer from 1 to 20, see `boundedPathQuery`), so that the search
// stops there instead of exploring up to 20 hops for paths it would then drop.
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
UNWIND range(0, size($pairs) - 1) AS pair
CALL (pair, visible) {
  MATCH (a:Entity {id: $pairs[pair].from}), (b:Entity {id: $pairs[pair].to})
  WHERE (a:Country OR EXISTS { MATCH (:Report)-[vs_a:STATES]->(a) WHERE vs_a.marking IN visible }) AND (b:Country OR EXISTS { MATCH (:Report)-[vs_b:STATES]->(b) WHERE vs_b.marking IN visible })
  MATCH p = ALL SHORTEST (a)(()-[r]-(x:Entity)
      WHERE type(r) IN $linkTypes AND r.marking IN visible AND (x = b OR NOT x:Country)){1,20}(b)
  WITH DISTINCT [n IN nodes(p) | n.id] AS nodeIds,
         [r IN relationships(p) | {type: type(r), fromId: startNode(r).id, toId: endNode(r).id}] AS links
  // equal lengths: the tie is broken by the ids along the path, then by the link types and
  // directions, never by the order the store enumerates paths in (which hidden imports shape)
  WITH nodeIds, links, [l IN links | l.type + '|' + l.fromId] AS types
  ORDER BY nodeIds, types
  LIMIT $maxPaths
  RETURN nodeIds, links, types
}
RETURN pair, nodeIds, links
ORDER BY pair, nodeIds, types
