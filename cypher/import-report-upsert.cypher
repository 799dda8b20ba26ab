MERGE (r:Report {id: $report.id})
SET r = $report
