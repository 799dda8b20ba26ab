// The visible subgraph an analysis runs on: nodes of the allowed types (optionally only $ids,
// only facts from $reports), and the links between them of the allowed types whose visible
// sources meet the evaluation filter ($reliability: allowed A/B/C/X, $maxAccuracy: 1-4).
//:include visible-reports
MATCH (a:Entity)
WHERE a.type IN $entityTypes AND ($ids IS NULL OR a.id IN $ids)
  AND (a:Country OR any(s IN a.sources WHERE s IN visible AND ($reports IS NULL OR s IN $reports)))
OPTIONAL MATCH (a)-[r]->(b:Entity)
WHERE type(r) IN $linkTypes
  AND b.type IN $entityTypes AND ($ids IS NULL OR b.id IN $ids)
  AND (b:Country OR any(s IN b.sources WHERE s IN visible AND ($reports IS NULL OR s IN $reports)))
  AND any(i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible
        AND ($reports IS NULL OR r.sources[i] IN $reports)
        AND substring(r.grades[i], 0, 1) IN $reliability
        AND toInteger(substring(r.grades[i], 1)) <= $maxAccuracy)
// the weight as the caller's visible reports state it (parsed only where some report gave one)
WITH a, b, r, CASE WHEN r IS NULL OR r.weight IS NULL THEN 1 ELSE coalesce(
       [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible | apoc.convert.fromJsonMap(r.claims[i]).weight][-1], 1) END AS weight
WITH a, collect(CASE WHEN b IS NULL THEN null ELSE {target: b.id, type: type(r), weight: weight} END) AS out
RETURN a.id AS id, a.type AS type, out
