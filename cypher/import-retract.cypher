// A revised report replaces its earlier version: remove the report from the sources of every node
// and link it asserted, and delete what no other report supports any longer.
MATCH (rep:Report {id: $id})-[a:ASSERTS]->(n:Entity)
OPTIONAL MATCH (n)-[r]-(:Entity)
WHERE $id IN r.sources
WITH rep, a, n, collect(DISTINCT r) AS rels
FOREACH (r IN rels |
  SET r.grades = [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $id | r.grades[i]],
      r.sources = [s IN r.sources WHERE s <> $id])
FOREACH (r IN [x IN rels WHERE size(x.sources) = 0] | DELETE r)
SET n.grades = [i IN range(0, size(n.sources) - 1) WHERE n.sources[i] <> $id | n.grades[i]],
    n.sources = [s IN n.sources WHERE s <> $id]
DELETE a
WITH n WHERE size(n.sources) = 0
DETACH DELETE n
