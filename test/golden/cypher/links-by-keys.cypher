// Links by their ends and type, with every visible report's statement of each.
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
UNWIND $links AS l
MATCH (a:Entity {id: l.fromId})-[r]->(b:Entity {id: l.toId})
WHERE type(r) = l.type AND r.marking IN visible
RETURN r.id AS id, type(r) AS type, a.id AS fromId, b.id AS toId, collect(properties(r)) AS statements
