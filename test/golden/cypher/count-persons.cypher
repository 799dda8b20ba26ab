// Head of a typed list count or aggregate: every entity of $type the caller may see (no order).
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
MATCH (n:Entity)
WHERE n.type = $type AND EXISTS { MATCH (:Report)-[vs_n:STATES]->(n) WHERE vs_n.marking IN visible }
WITH n, null AS sortKey, visible
// Persons by what their visible statements say: a name or alias containing $nameClean (folded:
// no diacritics, lower case, letters and digits), a nationality.
//:needs n, sortKey, visible
WITH n, sortKey, visible
WHERE ($nameClean IS NULL OR EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE s.marking IN visible AND any(x IN s.nameClean WHERE x CONTAINS $nameClean) })
  AND ($nationality IS NULL OR EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE s.marking IN visible AND $nationality IN coalesce(s.nationalities, []) })
RETURN count(n) AS total
