// Organisations active in several countries: where they are based, where the routes they use
// run, where operations that targeted them took place, where their seizures were made.
//:include visible-reports
MATCH (o:Organisation)
WHERE any(s IN o.sources WHERE s IN visible) AND ($kinds IS NULL OR o.kind IN $kinds)
WITH o, visible,
  [(o)-[x:BASED_IN]->(c:Country) WHERE any(s IN x.sources WHERE s IN visible) | c.code] +
  [(o)-[x:USES_ROUTE]->(rt:Route) WHERE any(s IN x.sources WHERE s IN visible) AND any(s IN rt.sources WHERE s IN visible)
     | [leg IN coalesce([i IN range(0, size(rt.sources) - 1) WHERE rt.sources[i] IN visible AND apoc.convert.fromJsonMap(rt.claims[i]).legs IS NOT NULL | apoc.convert.fromJsonMap(rt.claims[i]).legs][-1], [])
        WHERE leg STARTS WITH 'country:' | substring(leg, 8)]] +
  [(o)<-[x:TARGETED]-(op:Operation) WHERE any(s IN x.sources WHERE s IN visible) AND any(s IN op.sources WHERE s IN visible) | apoc.coll.flatten([i IN range(0, size(op.sources) - 1) WHERE op.sources[i] IN visible | coalesce(apoc.convert.fromJsonMap(op.claims[i]).countries, [])])] +
  [(o)<-[x:SEIZED_FROM]-(:Seizure)-[y:SEIZED_AT]->(l:Location) WHERE any(s IN x.sources WHERE s IN visible) AND any(s IN y.sources WHERE s IN visible) AND any(s IN l.sources WHERE s IN visible) | l.country] AS raw
WITH o, apoc.coll.toSet(apoc.coll.flatten(raw)) AS all
WITH o, [c IN all WHERE c IS NOT NULL] AS countries
WHERE size(countries) >= $minCountries AND ($countries IS NULL OR any(c IN countries WHERE c IN $countries))
RETURN o.id AS id, apoc.coll.sort(countries) AS countries
ORDER BY size(countries) DESC, o.sortName
LIMIT $top
