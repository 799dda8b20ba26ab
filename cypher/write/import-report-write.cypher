// The report's own node (its envelope) and its marking, the unit of visibility. Returns how many
// report nodes it wrote (one, or the importer retries).
MERGE (m:Marking {key: $marking.key})
  ON CREATE SET m.level = $marking.level, m.releasableTo = $marking.releasableTo
WITH m
MATCH (r:Report {id: $report.id})
SET r = $report
RETURN count(r) AS written
