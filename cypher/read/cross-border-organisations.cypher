// Organisations active in several countries: where they are based, where the routes they use run,
// where operations that targeted them took place, where their seizures were made: every country
// through visible links and as visible statements give it.
//:include visible-markings
MATCH (o:Organisation)
WHERE @stated(o) AND ($kinds IS NULL OR @best(o, kind) IN $kinds)
WITH o, visible,
  [(o)-[x:BASED_IN]->(c:Country) WHERE @seen(x) | c.code] +
  reduce(acc = [], legs IN [(o)-[x:USES_ROUTE]->(rt:Route) WHERE @seen(x) | coalesce(@best(rt, legs), [])]
         | acc + [leg IN legs WHERE leg STARTS WITH 'country:' | substring(leg, 8)]) +
  reduce(acc = [], cs IN [(o)<-[x:TARGETED]-(op:Operation) WHERE @seen(x) | @all(op, countries)] | acc + cs) +
  [(o)<-[x:SEIZED_FROM]-(:Seizure)-[y:SEIZED_AT]->(l:Location) WHERE @seen(x) AND @seen(y) | @best(l, country)] AS raw
WITH o, visible, COLLECT { UNWIND raw AS c WITH c WHERE c IS NOT NULL RETURN DISTINCT c ORDER BY c } AS countries
WHERE size(countries) >= $minCountries AND ($countries IS NULL OR any(c IN countries WHERE c IN $countries))
RETURN o.id AS id, countries
ORDER BY size(countries) DESC, @sortkey(o), o.id
LIMIT $top
