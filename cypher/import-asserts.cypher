MATCH (rep:Report {id: $reportId})
UNWIND $rows AS row
MATCH (n:Entity {id: row.id}) USING INDEX n:Entity(id)
MERGE (rep)-[a:ASSERTS]->(n)
SET a.grade = row.grade
