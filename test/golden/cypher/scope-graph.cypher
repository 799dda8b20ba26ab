// The visible subgraph an analysis runs on: entities of the allowed types (optionally only $ids,
// only those stated by $reports), and between them one edge per link whose visible statements
// meet the evaluation filter ($reliability: allowed A/B/C/X, $maxAccuracy: 1-4). The edge's weight
// is the one the most authoritative of those statements gives (1 when none gives one). Grouping
// happens per entity (in the subquery), so the result streams at any size. Each entity also comes
// with its visible statements' labels, grades, reports and agencies, from which the service picks the display label
// (communities answer their members' labels from this read).
// Need-to-know prelude. Visibility depends only on a report's marking (its classification level
// and releasability), and reports share few markings: `visible` is the short list of marking keys
// the caller may see (classification at or below their clearance, and releasable to their agency
// or country, or to everyone). Every statement and link relationship carries its report's marking,
// so `s.marking IN visible` decides what a caller sees (the macros @visible, @stated, @seen).
CALL () {
  MATCH (m:Marking)
  WHERE m.level <= $auth.clearance
    // releasableTo convention (README, src/auth/markings.ts): two letters name a country, longer codes an agency
    AND (size(m.releasableTo) = 0 OR any(x IN m.releasableTo WHERE CASE size(x) WHEN 2 THEN x = $auth.country ELSE x = $auth.agency END))
  RETURN collect(m.key) AS visible
}
// Nodes come in id order and each node's edges in target order, so an order-sensitive algorithm
// (Louvain) sees the same graph whatever order the database stores it in (storage order depends on
// what was imported before, hidden reports included). The read stops one entity past $maxNodes:
// a scope larger than that is refused without reading it all.
MATCH (a:Entity)
WHERE a.type IN $entityTypes AND ($ids IS NULL OR a.id IN $ids)
  AND (a:Country OR EXISTS { MATCH (:Report)-[s:STATES]->(a) WHERE s.marking IN visible AND ($reports IS NULL OR s.report IN $reports) })
WITH a, visible ORDER BY a.id LIMIT $maxNodes + 1
CALL (a, visible) {
  OPTIONAL MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $linkTypes AND r.marking IN visible
    AND b.type IN $entityTypes AND ($ids IS NULL OR b.id IN $ids)
    AND ($reports IS NULL OR r.report IN $reports)
    AND substring(r.grade, 0, 1) IN $reliability AND toInteger(substring(r.grade, 1)) <= $maxAccuracy
  WITH b, type(r) AS type, collect(r) AS statements
  // the most authoritative statement that gives a weight (as @best: grade, then newest report, then report id)
  WITH b, type, reduce(best = null, x IN [s IN statements WHERE s.weight IS NOT NULL] |
         CASE WHEN best IS NULL OR x.rank < best.rank OR (x.rank = best.rank AND (x.reportDate > best.reportDate OR (x.reportDate = best.reportDate AND x.report < best.report)))
              THEN x ELSE best END) AS weighted
  ORDER BY b.id, type
  RETURN collect(CASE WHEN b IS NULL THEN null ELSE {target: b.id, type: type, weight: coalesce(weighted.weight, 1)} END) AS out
}
RETURN a.id AS id, a.type AS type, a.name AS name, out,
       COLLECT { MATCH (rep:Report)-[s:STATES]->(a) WHERE s.marking IN visible RETURN {label: s.label, rank: s.rank, report: s.report, agency: rep.agency} } AS labels
