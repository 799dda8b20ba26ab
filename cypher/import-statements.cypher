// One STATES relationship per report and entity: that report's statements about it.
MATCH (rep:Report {id: $reportId})
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CREATE (rep)-[s:STATES]->(n)
SET s = row.props
