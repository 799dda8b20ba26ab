UNWIND $rows AS row
// Index hints: the id lookups must be index seeks whatever the planner's statistics say.
MATCH (a:Entity {id: row.from}) USING INDEX a:Entity(id)
MATCH (b:Entity {id: row.to}) USING INDEX b:Entity(id)
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.props
