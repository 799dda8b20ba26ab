// Persons who bridge groups based in different countries: members of (or associates of members
// of) two or more groups whose visible bases differ.
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
MATCH (p:Person)
WHERE EXISTS { MATCH (:Report)-[vs_p:STATES]->(p) WHERE vs_p.marking IN visible }
CALL (p, visible) {
  MATCH (p)-[m:MEMBER_OF]->(g:Organisation)
  WHERE m.marking IN visible
  RETURN g, 'MEMBER' AS via
  UNION
  MATCH (p)-[a:ASSOCIATE_OF]-(:Person)-[m:MEMBER_OF]->(g:Organisation)
  WHERE a.marking IN visible AND m.marking IN visible
  RETURN g, 'ASSOCIATE' AS via
}
WITH p, g, via, visible WHERE coalesce(COLLECT { MATCH (:Report)-[vb_g:STATES]->(g) WHERE vb_g.marking IN visible AND vb_g.kind IS NOT NULL RETURN vb_g.kind ORDER BY vb_g.rank, vb_g.reportDate DESC, vb_g.report LIMIT 1 }[0], 'CRIMINAL_GROUP') IN ['CRIMINAL_GROUP', 'OTHER', 'COMPANY']
WITH p, g, via, visible, COLLECT { MATCH (g)-[x:BASED_IN]->(c:Country) WHERE x.marking IN visible RETURN DISTINCT c.code AS code ORDER BY code } AS bases
WITH p, g, bases, visible, CASE WHEN 'MEMBER' IN collect(via) THEN 'MEMBER' ELSE 'ASSOCIATE' END AS via
WITH p, visible, collect({id: g.id, via: via, countries: bases}) AS groups, reduce(acc = [], b IN collect(bases) | acc + [c IN b WHERE NOT c IN acc]) AS all
WITH p, visible, groups, COLLECT { UNWIND all AS c RETURN c ORDER BY c } AS countries
WHERE size(groups) >= 2 AND size(countries) >= 2 AND ($countries IS NULL OR any(c IN countries WHERE c IN $countries))
RETURN p.id AS id, groups, countries
ORDER BY size(countries) DESC, size(groups) DESC, CASE WHEN p:Country THEN p.sortKey ELSE COLLECT { MATCH (:Report)-[vk_p:STATES]->(p) WHERE vk_p.marking IN visible RETURN vk_p.sortKey ORDER BY vk_p.sortKey LIMIT 1 }[0] END, p.id
LIMIT $top
