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
       [(a)-[x:NATIONAL_OF|BASED_IN]->(c:Country) WHERE any(s IN x.sources WHERE s IN visible) | c.code] + coalesce(a.countries, []) AS ca,
       [(b)-[x:NATIONAL_OF|BASED_IN]->(c:Country) WHERE any(s IN x.sources WHERE s IN visible) | c.code] + coalesce(b.countries, []) AS cb
  UNWIND ca AS c1
  UNWIND cb AS c2
  WITH DISTINCT a, b, c1, c2 WHERE c1 <> c2
  RETURN CASE WHEN c1 < c2 THEN c1 ELSE c2 END AS x, CASE WHEN c1 < c2 THEN c2 ELSE c1 END AS y, 'LINK' AS via
  UNION ALL
  MATCH (route:Route)
  WHERE any(s IN route.sources WHERE s IN visible) AND size(coalesce(route.legs, [])) > 1
  UNWIND range(0, size(route.legs) - 2) AS i
  OPTIONAL MATCH (l1:Entity {id: route.legs[i]})
  OPTIONAL MATCH (l2:Entity {id: route.legs[i + 1]})
  WITH coalesce(l1.code, l1.country) AS c1, coalesce(l2.code, l2.country) AS c2
  WHERE c1 IS NOT NULL AND c2 IS NOT NULL AND c1 <> c2
  RETURN CASE WHEN c1 < c2 THEN c1 ELSE c2 END AS x, CASE WHEN c1 < c2 THEN c2 ELSE c1 END AS y, 'ROUTE' AS via
}
WITH x, y, count(*) AS links, sum(CASE via WHEN 'ROUTE' THEN 1 ELSE 0 END) AS routeLegs
WHERE $countries IS NULL OR x IN $countries OR y IN $countries
RETURN x AS countryA, y AS countryB, links, routeLegs
ORDER BY links DESC, countryA, countryB
LIMIT $top
