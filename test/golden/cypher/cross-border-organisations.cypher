// Organisations active in several countries: where they are based, where the routes they use run,
// where operations that targeted them took place, where their seizures were made: every country
// through visible links and as visible statements give it.
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
MATCH (o:Organisation)
WHERE EXISTS { MATCH (:Report)-[vs_o:STATES]->(o) WHERE vs_o.marking IN visible } AND ($kinds IS NULL OR COLLECT { MATCH (:Report)-[vb_o:STATES]->(o) WHERE vb_o.marking IN visible AND vb_o.kind IS NOT NULL RETURN vb_o.kind ORDER BY vb_o.rank, vb_o.reportDate DESC, vb_o.report LIMIT 1 }[0] IN $kinds)
WITH o, visible,
  [(o)-[x:BASED_IN]->(c:Country) WHERE x.marking IN visible | c.code] +
  reduce(acc = [], legs IN [(o)-[x:USES_ROUTE]->(rt:Route) WHERE x.marking IN visible | coalesce(COLLECT { MATCH (:Report)-[vb_rt:STATES]->(rt) WHERE vb_rt.marking IN visible AND vb_rt.legs IS NOT NULL RETURN vb_rt.legs ORDER BY vb_rt.rank, vb_rt.reportDate DESC, vb_rt.report LIMIT 1 }[0], [])]
         | acc + [leg IN legs WHERE leg STARTS WITH 'country:' | substring(leg, 8)]) +
  reduce(acc = [], cs IN [(o)<-[x:TARGETED]-(op:Operation) WHERE x.marking IN visible | COLLECT { MATCH (:Report)-[va_op:STATES]->(op) WHERE va_op.marking IN visible UNWIND coalesce(va_op.countries, []) AS va_value RETURN DISTINCT va_value }] | acc + cs) +
  [(o)<-[x:SEIZED_FROM]-(:Seizure)-[y:SEIZED_AT]->(l:Location) WHERE x.marking IN visible AND y.marking IN visible | COLLECT { MATCH (:Report)-[vb_l:STATES]->(l) WHERE vb_l.marking IN visible AND vb_l.country IS NOT NULL RETURN vb_l.country ORDER BY vb_l.rank, vb_l.reportDate DESC, vb_l.report LIMIT 1 }[0]] AS raw
WITH o, visible, COLLECT { UNWIND raw AS c WITH c WHERE c IS NOT NULL RETURN DISTINCT c ORDER BY c } AS countries
WHERE size(countries) >= $minCountries AND ($countries IS NULL OR any(c IN countries WHERE c IN $countries))
RETURN o.id AS id, countries
ORDER BY size(countries) DESC, CASE WHEN o:Country THEN o.sortKey ELSE COLLECT { MATCH (:Report)-[vk_o:STATES]->(o) WHERE vk_o.marking IN visible RETURN vk_o.sortKey ORDER BY vk_o.sortKey LIMIT 1 }[0] END, o.id
LIMIT $top
