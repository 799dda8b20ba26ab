// Removes one report's link relationships (every link ends at an entity the report states) and
// returns what they stated, so that a revision can tell unchanged facts from changed ones.
MATCH (:Report {id: $id})-[:STATES]->(:Entity)-[r]-()
WHERE r.report = $id
WITH DISTINCT r
WITH r, r.id AS id, properties(r) AS props
DELETE r
RETURN id, props
