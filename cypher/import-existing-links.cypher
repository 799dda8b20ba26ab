UNWIND $rows AS row
MATCH (a:Entity {id: row.from}) USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to}) USING INDEX b:Entity(id)
MATCH (a)-[r {id: row.id}]->(b)
RETURN r.id AS id, properties(r) AS props
