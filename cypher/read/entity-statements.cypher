// Fragment (entities-by-ids, expand): the entity of `id` with the statements of the reports the
// caller may see, as `anchor` (its identity) and `statements`; a hidden entity gives no row, as a
// missing one (countries are reference data, visible to everyone). Keeps `visible` in scope. Each
// statement carries its report's agency: the label is the name stated by the most agencies.
//:needs id, visible
MATCH (n:Entity {id: id})
WITH n, visible, COLLECT { MATCH (rep:Report)-[s:STATES]->(n) WHERE @seen(s) RETURN s {.*, agency: rep.agency} } AS statements
WHERE n:Country OR size(statements) > 0
WITH visible, n {.id, .type, .name, .code, .alpha3} AS anchor, statements
