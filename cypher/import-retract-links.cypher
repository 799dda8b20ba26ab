// A revised report replaces its earlier version. First its links: drop the report from their
// sources (and the parallel grades), delete links no other report supports.
MATCH (:Report {id: $id})-[:ASSERTS]->(:Entity)-[r]-(:Entity)
WHERE $id IN r.sources
WITH DISTINCT r
SET r.grades = [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $id | r.grades[i]],
    r.claims = [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $id | r.claims[i]],
    r.sources = [s IN r.sources WHERE s <> $id]
WITH r WHERE size(r.sources) = 0
DELETE r
