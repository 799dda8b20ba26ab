// The anchors an already imported report states, by ref (for its unchanged re-import's answer).
UNWIND $refs AS r
MATCH (:Report {id: $id})-[:STATES]->(n:Entity)
WHERE n.id = r.id OR n.identityKey = r.key
RETURN r.ref AS ref, n.id AS id
