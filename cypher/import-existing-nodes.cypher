UNWIND $rows AS row
MATCH (n:Entity {id: row.id}) USING INDEX n:Entity(id)
RETURN n.id AS id, properties(n) AS props
