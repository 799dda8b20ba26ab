// Persons by what their visible statements say: a name or alias containing $nameClean (folded:
// no diacritics, lower case, letters and digits), a nationality.
//:needs n, sortKey, visible
WITH n, sortKey, visible
WHERE ($nameClean IS NULL OR EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE @seen(s) AND any(x IN s.nameClean WHERE x CONTAINS $nameClean) })
  AND ($nationality IS NULL OR EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE @seen(s) AND $nationality IN coalesce(s.nationalities, []) })
