// Entities by id, each with the statements of the reports the caller may see (the service
// assembles the caller's view from them). A hidden id answers exactly like a missing one.
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
UNWIND $ids AS id
// Fragment (entities-by-ids, expand): the entity of `id` with the statements of the reports the
// caller may see, as `anchor` (its identity) and `statements`; a hidden entity gives no row, as a
// missing one (countries are reference data, visible to everyone). Keeps `visible` in scope. Each
// statement carries its report's agency: the label is the name stated by the most agencies.
//:needs id, visible
MATCH (n:Entity {id: id})
WITH n, visible, COLLECT { MATCH (rep:Report)-[s:STATES]->(n) WHERE s.marking IN visible RETURN s {.*, agency: rep.agency} } AS statements
WHERE n:Country OR size(statements) > 0
WITH visible, n {.id, .type, .name, .code, .alpha3} AS anchor, statements
RETURN anchor, statements
