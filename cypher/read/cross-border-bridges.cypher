// Persons who bridge groups based in different countries: members of (or associates of members
// of) two or more groups whose visible bases differ.
//:include visible-markings
MATCH (p:Person)
WHERE @stated(p)
CALL (p, visible) {
  MATCH (p)-[m:MEMBER_OF]->(g:Organisation)
  WHERE @seen(m)
  RETURN g, 'MEMBER' AS via
  UNION
  MATCH (p)-[a:ASSOCIATE_OF]-(:Person)-[m:MEMBER_OF]->(g:Organisation)
  WHERE @seen(a) AND @seen(m)
  RETURN g, 'ASSOCIATE' AS via
}
WITH p, g, via, visible WHERE coalesce(@best(g, kind), 'CRIMINAL_GROUP') IN ['CRIMINAL_GROUP', 'OTHER', 'COMPANY']
WITH p, g, via, visible, COLLECT { MATCH (g)-[x:BASED_IN]->(c:Country) WHERE @seen(x) RETURN DISTINCT c.code AS code ORDER BY code } AS bases
WITH p, g, bases, visible, CASE WHEN 'MEMBER' IN collect(via) THEN 'MEMBER' ELSE 'ASSOCIATE' END AS via
WITH p, visible, collect({id: g.id, via: via, countries: bases}) AS groups, reduce(acc = [], b IN collect(bases) | acc + [c IN b WHERE NOT c IN acc]) AS all
WITH p, visible, groups, COLLECT { UNWIND all AS c RETURN c ORDER BY c } AS countries
WHERE size(groups) >= 2 AND size(countries) >= 2 AND ($countries IS NULL OR any(c IN countries WHERE c IN $countries))
RETURN p.id AS id, groups, countries
ORDER BY size(countries) DESC, size(groups) DESC, @sortkey(p), p.id
LIMIT $top
