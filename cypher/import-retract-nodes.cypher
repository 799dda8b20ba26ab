// Then its nodes, the same way; a node no report supports any longer goes with its last links.
MATCH (:Report {id: $id})-[a:ASSERTS]->(n:Entity)
SET n.grades = [i IN range(0, size(n.sources) - 1) WHERE n.sources[i] <> $id | n.grades[i]],
    n.claims = [i IN range(0, size(n.sources) - 1) WHERE n.sources[i] <> $id | n.claims[i]],
    n.sources = [s IN n.sources WHERE s <> $id]
DELETE a
WITH n WHERE size(n.sources) = 0
DETACH DELETE n
