UNWIND $ids AS id
MATCH (n:Entity {id: id}) USING INDEX n:Entity(id)
RETURN n.id AS id, properties(n) AS props
