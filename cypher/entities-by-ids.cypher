//:include visible-reports
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n, [i IN range(0, size(n.sources) - 1) WHERE n.sources[i] IN visible] AS seen
WHERE n:Country OR size(seen) > 0
RETURN n {.*, sources: [i IN seen | n.sources[i]], grades: [i IN seen | n.grades[i]], claims: [i IN seen | n.claims[i]]} AS entity
