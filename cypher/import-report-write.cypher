// The report's own node (its envelope) and its marking, the unit of visibility.
MERGE (m:Marking {key: $marking.key})
  ON CREATE SET m.level = $marking.level, m.releasableTo = $marking.releasableTo
WITH m
MATCH (r:Report {id: $report.id})
SET r = $report
