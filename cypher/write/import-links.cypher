// One relationship per report and link; the link type comes from the fixed vocabulary only.
// Returns how many it wrote (checked against the rows sent, as in import-statements).
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS written
