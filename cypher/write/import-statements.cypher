// One STATES relationship per report and entity: that report's statements about it. Returns how many
// it wrote: the importer compares that with the rows it sent (an anchor deleted under the import
// would match nothing and write nothing, silently) and retries the import on a shortfall.
MATCH (rep:Report {id: $reportId})
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
CREATE (rep)-[s:STATES]->(n)
SET s = row.props
RETURN count(s) AS written
