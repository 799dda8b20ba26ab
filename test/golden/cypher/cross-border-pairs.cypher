// Country-to-country link counts. An entity's countries are its visible NATIONAL_OF/BASED_IN links
// to countries, and the countries its visible statements list (operations); a visible link between
// two entities counts once for every pair of different countries at its two ends. Route legs (as
// the most authoritative visible statement orders them) count per consecutive pair.
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
CALL (visible) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE NOT a:Country AND NOT b:Country AND type(r) IN $linkTypes AND r.marking IN visible
  WITH DISTINCT a, b, visible
  WITH a, b,
       [(a)-[x:NATIONAL_OF|BASED_IN]->(c:Country) WHERE x.marking IN visible | c.code] + COLLECT { MATCH (:Report)-[va_a:STATES]->(a) WHERE va_a.marking IN visible UNWIND coalesce(va_a.countries, []) AS va_value RETURN DISTINCT va_value } AS ca,
       [(b)-[x:NATIONAL_OF|BASED_IN]->(c:Country) WHERE x.marking IN visible | c.code] + COLLECT { MATCH (:Report)-[va_b:STATES]->(b) WHERE va_b.marking IN visible UNWIND coalesce(va_b.countries, []) AS va_value RETURN DISTINCT va_value } AS cb
  UNWIND ca AS c1
  UNWIND cb AS c2
  WITH DISTINCT a, b, c1, c2 WHERE c1 <> c2
  RETURN CASE WHEN c1 < c2 THEN c1 ELSE c2 END AS x, CASE WHEN c1 < c2 THEN c2 ELSE c1 END AS y, 'LINK' AS via
  UNION ALL
  MATCH (route:Route)
  WHERE EXISTS { MATCH (:Report)-[vs_route:STATES]->(route) WHERE vs_route.marking IN visible }
  WITH visible, COLLECT { MATCH (:Report)-[vb_route:STATES]->(route) WHERE vb_route.marking IN visible AND vb_route.legs IS NOT NULL RETURN vb_route.legs ORDER BY vb_route.rank, vb_route.reportDate DESC, vb_route.report LIMIT 1 }[0] AS legs
  WHERE size(coalesce(legs, [])) > 1
  UNWIND range(0, size(legs) - 2) AS i
  OPTIONAL MATCH (l1:Entity {id: legs[i]})
  OPTIONAL MATCH (l2:Entity {id: legs[i + 1]})
  WITH visible, l1, l2
  WITH CASE WHEN l1:Country THEN l1.code WHEN l1 IS NOT NULL THEN COLLECT { MATCH (:Report)-[vb_l1:STATES]->(l1) WHERE vb_l1.marking IN visible AND vb_l1.country IS NOT NULL RETURN vb_l1.country ORDER BY vb_l1.rank, vb_l1.reportDate DESC, vb_l1.report LIMIT 1 }[0] END AS c1,
       CASE WHEN l2:Country THEN l2.code WHEN l2 IS NOT NULL THEN COLLECT { MATCH (:Report)-[vb_l2:STATES]->(l2) WHERE vb_l2.marking IN visible AND vb_l2.country IS NOT NULL RETURN vb_l2.country ORDER BY vb_l2.rank, vb_l2.reportDate DESC, vb_l2.report LIMIT 1 }[0] END AS c2
  WHERE c1 IS NOT NULL AND c2 IS NOT NULL AND c1 <> c2
  RETURN CASE WHEN c1 < c2 THEN c1 ELSE c2 END AS x, CASE WHEN c1 < c2 THEN c2 ELSE c1 END AS y, 'ROUTE' AS via
}
WITH x, y, count(*) AS links, sum(CASE via WHEN 'ROUTE' THEN 1 ELSE 0 END) AS routeLegs
WHERE $countries IS NULL OR x IN $countries OR y IN $countries
RETURN x AS countryA, y AS countryB, links, routeLegs
ORDER BY links DESC, countryA, countryB
LIMIT $top
