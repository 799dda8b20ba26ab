// Removes one report's statements about entities and returns them (see import-retract-links).
MATCH (:Report {id: $id})-[s:STATES]->(n:Entity)
WITH s, n.id AS id, properties(s) AS props
DELETE s
RETURN id, props
