// Entities by id, each with the statements of the reports the caller may see (the service
// assembles the caller's view from them). A hidden id answers exactly like a missing one.
//:include visible-markings
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, COLLECT { MATCH (:Report)-[s:STATES]->(n) WHERE @seen(s) RETURN properties(s) } AS statements
WHERE n:Country OR size(statements) > 0
RETURN n {.id, .type, .name, .code, .alpha3} AS anchor, statements
