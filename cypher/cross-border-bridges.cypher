// Persons who bridge groups based in different countries: members of (or associates of members
// of) two or more criminal groups whose visible bases differ.
//:include visible-reports
MATCH (p:Person)
WHERE any(s IN p.sources WHERE s IN visible)
CALL (p, visible) {
  MATCH (p)-[m:MEMBER_OF]->(g:Organisation)
  WHERE any(s IN m.sources WHERE s IN visible) AND any(s IN g.sources WHERE s IN visible)
  RETURN g, 'MEMBER' AS via
  UNION
  MATCH (p)-[a:ASSOCIATE_OF]-(q:Person)-[m:MEMBER_OF]->(g:Organisation)
  WHERE any(s IN a.sources WHERE s IN visible) AND any(s IN q.sources WHERE s IN visible)
    AND any(s IN m.sources WHERE s IN visible) AND any(s IN g.sources WHERE s IN visible)
  RETURN g, 'ASSOCIATE' AS via
}
WITH p, g, via, visible WHERE coalesce(g.kind, 'CRIMINAL_GROUP') IN ['CRIMINAL_GROUP', 'OTHER', 'COMPANY']
WITH p, g, via, [(g)-[x:BASED_IN]->(c:Country) WHERE any(s IN x.sources WHERE s IN visible) | c.code] AS bases
WITH p, g, bases, CASE WHEN 'MEMBER' IN collect(via) THEN 'MEMBER' ELSE 'ASSOCIATE' END AS via
WITH p, collect({id: g.id, via: via, countries: bases}) AS groups, apoc.coll.toSet(apoc.coll.flatten(collect(bases))) AS countries
WHERE size(groups) >= 2 AND size(countries) >= 2 AND ($countries IS NULL OR any(c IN countries WHERE c IN $countries))
RETURN p.id AS id, groups, apoc.coll.sort(countries) AS countries
ORDER BY size(countries) DESC, size(groups) DESC, p.sortName
LIMIT $top
