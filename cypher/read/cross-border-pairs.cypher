// Country-to-country link counts. An entity's countries are its visible NATIONAL_OF/BASED_IN links
// to countries, and the countries its visible statements list (operations); a visible link between
// two entities counts once for every pair of different countries at its two ends. Route legs (as
// the most authoritative visible statement orders them) count per consecutive pair.
//:include visible-markings
CALL (visible) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE NOT a:Country AND NOT b:Country AND type(r) IN $linkTypes AND @seen(r)
  WITH DISTINCT a, b, visible
  WITH a, b,
       [(a)-[x:NATIONAL_OF|BASED_IN]->(c:Country) WHERE @seen(x) | c.code] + @all(a, countries) AS ca,
       [(b)-[x:NATIONAL_OF|BASED_IN]->(c:Country) WHERE @seen(x) | c.code] + @all(b, countries) AS cb
  UNWIND ca AS c1
  UNWIND cb AS c2
  WITH DISTINCT a, b, c1, c2 WHERE c1 <> c2
  RETURN CASE WHEN c1 < c2 THEN c1 ELSE c2 END AS x, CASE WHEN c1 < c2 THEN c2 ELSE c1 END AS y, 'LINK' AS via
  UNION ALL
  MATCH (route:Route)
  WHERE @stated(route)
  WITH visible, @best(route, legs) AS legs
  WHERE size(coalesce(legs, [])) > 1
  UNWIND range(0, size(legs) - 2) AS i
  OPTIONAL MATCH (l1:Entity {id: legs[i]})
  OPTIONAL MATCH (l2:Entity {id: legs[i + 1]})
  WITH visible, l1, l2
  WITH CASE WHEN l1:Country THEN l1.code WHEN l1 IS NOT NULL THEN @best(l1, country) END AS c1,
       CASE WHEN l2:Country THEN l2.code WHEN l2 IS NOT NULL THEN @best(l2, country) END AS c2
  WHERE c1 IS NOT NULL AND c2 IS NOT NULL AND c1 <> c2
  RETURN CASE WHEN c1 < c2 THEN c1 ELSE c2 END AS x, CASE WHEN c1 < c2 THEN c2 ELSE c1 END AS y, 'ROUTE' AS via
}
WITH x, y, count(*) AS links, sum(CASE via WHEN 'ROUTE' THEN 1 ELSE 0 END) AS routeLegs
WHERE $countries IS NULL OR x IN $countries OR y IN $countries
RETURN x AS countryA, y AS countryB, links, routeLegs
ORDER BY links DESC, countryA, countryB
LIMIT $top
