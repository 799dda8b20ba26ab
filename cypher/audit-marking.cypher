// The marking of what each audit entry touched: every report named by one of its ids, and every
// report that states an entity named by one of its ids (whatever the caller could see: the most
// restrictive reading). Reference data (countries) carries no marking.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (direct:Report) WHERE direct.id IN row.ids
  RETURN collect(DISTINCT direct) AS direct
}
CALL (row) {
  OPTIONAL MATCH (n:Entity) WHERE n.id IN row.ids
  OPTIONAL MATCH (src:Report)-[:ASSERTS|STATES]->(n)
  RETURN collect(DISTINCT n.id) AS entityIds, collect(DISTINCT src) AS sources
}
WITH row, direct + sources AS reports, entityIds, [r IN direct | r.id] AS reportIds
RETURN row.i AS i,
       coalesce(reduce(m = 0, r IN reports | CASE WHEN r.classificationLevel > m THEN r.classificationLevel ELSE m END), 0) AS level,
       [r IN reports WHERE size(r.releasableTo) > 0 | r.releasableTo] AS releasability,
       entityIds + reportIds AS resolved
