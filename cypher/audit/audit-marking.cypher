// The marking of what each audit entry touched (one row per entry of a batch):
//  - every report named by one of its ids;
//  - for every entity named by one of its ids, the reports stating it that the caller could see
//    (what they were shown); for an entity hidden from the caller (only its id string is in the
//    entry: they asked for it), every report stating it.
// `row.auth` is the caller's need-to-know, or null to count every report. Countries carry no marking.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (direct:Report) WHERE direct.id IN row.ids
  RETURN collect(DISTINCT direct) AS direct
}
CALL (row) {
  OPTIONAL MATCH (n:Entity) WHERE n.id IN row.ids
  OPTIONAL MATCH (src:Report)-[:ASSERTS|STATES]->(n) WHERE NOT n:Country
  WITH n, collect(DISTINCT src) AS stating
  WITH n, stating, [r IN stating WHERE row.auth IS NULL OR (r.classificationLevel <= row.auth.clearance
         AND @releasable(r.releasableTo, row.auth))] AS seen
  RETURN reduce(acc = [], s IN collect(CASE WHEN size(seen) > 0 THEN seen ELSE stating END) | acc + s) AS sources
}
WITH row, direct + sources AS reports
RETURN row.i AS i,
       reduce(m = 0, r IN reports | CASE WHEN r.classificationLevel > m THEN r.classificationLevel ELSE m END) AS level,
       [r IN reports WHERE size(r.releasableTo) > 0 | r.releasableTo] AS releasability
