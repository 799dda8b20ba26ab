// Country-to-country link counts. An entity's countries are its visible NATIONAL_OF/BASED_IN
// links to countries, and an operation's own countries; a visible link between two entities counts
// once for every pair of different countries at its two ends. Route legs count per consecutive pair.
//:include visible-reports
CALL (visible) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE NOT a:Country AND NOT b:Country AND type(r) IN $linkTypes
    AND any(s IN r.sources WHERE s IN visible)
    AND any(s IN a.sources WHERE s IN visible) AND any(s IN b.sources WHERE s IN visible)
  WITH a, b, visible,
       [(a)-[x:NATIONAL_OF|BASED_IN]->(c:Country) WHERE any(s IN x.sources WHERE s IN visible) | c.code] +
         CASE WHEN a.countries IS NULL THEN [] ELSE apoc.coll.flatten([i IN range(0, size(a.sources) - 1) WHERE a.sources[i] IN visible | coalesce(apoc.convert.fromJsonMap(a.claims[i]).countries, [])]) END AS ca,
       [(b)-[x:NATIONAL_OF|BASED_IN]->(c:Country) WHERE any(s IN x.sources WHERE s IN visible) | c.code] +
         CASE WHEN b.countries IS NULL THEN [] ELSE apoc.coll.flatten([i IN range(0, size(b.sources) - 1) WHERE b.sources[i] IN visible | coalesce(apoc.convert.fromJsonMap(b.claims[i]).countries, [])]) END AS cb
  UNWIND ca AS c1
  UNWIND cb AS c2
  WITH DISTINCT a, b, c1, c2 WHERE c1 <> c2
  RETURN CASE WHEN c1 < c2 THEN c1 ELSE c2 END AS x, CASE WHEN c1 < c2 THEN c2 ELSE c1 END AS y, 'LINK' AS via
  UNION ALL
  MATCH (route:Route)
  WHERE any(s IN route.sources WHERE s IN visible) AND size(coalesce(route.legs, [])) > 1
  // the legs as the caller's visible reports state them
  WITH visible, [i IN range(0, size(route.sources) - 1) WHERE route.sources[i] IN visible AND apoc.convert.fromJsonMap(route.claims[i]).legs IS NOT NULL
                 | apoc.convert.fromJsonMap(route.claims[i]).legs][-1] AS legs
  WHERE size(coalesce(legs, [])) > 1
  UNWIND range(0, size(legs) - 2) AS i
  OPTIONAL MATCH (l1:Entity {id: legs[i]})
  OPTIONAL MATCH (l2:Entity {id: legs[i + 1]})
  WITH CASE WHEN l1:Country THEN l1.code WHEN l1 IS NOT NULL AND any(s IN l1.sources WHERE s IN visible) THEN l1.country END AS c1,
       CASE WHEN l2:Country THEN l2.code WHEN l2 IS NOT NULL AND any(s IN l2.sources WHERE s IN visible) THEN l2.country END AS c2
  WHERE c1 IS NOT NULL AND c2 IS NOT NULL AND c1 <> c2
  RETURN CASE WHEN c1 < c2 THEN c1 ELSE c2 END AS x, CASE WHEN c1 < c2 THEN c2 ELSE c1 END AS y, 'ROUTE' AS via
}
WITH x, y, count(*) AS links, sum(CASE via WHEN 'ROUTE' THEN 1 ELSE 0 END) AS routeLegs
WHERE $countries IS NULL OR x IN $countries OR y IN $countries
RETURN x AS countryA, y AS countryB, links, routeLegs
ORDER BY links DESC, countryA, countryB
LIMIT $top
