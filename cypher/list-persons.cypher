// Persons the caller may see, filtered on what their visible reports state (names folded as
// `nameClean`: no diacritics, lower case, letters and digits), ordered by their visible sort key.
//:include visible-markings
MATCH (n:Person)
WHERE @stated(n)
  AND ($nameClean IS NULL OR EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE @seen(s) AND any(x IN s.nameClean WHERE x CONTAINS $nameClean) })
  AND ($nationality IS NULL OR EXISTS { MATCH (:Report)-[s:STATES]->(n) WHERE @seen(s) AND $nationality IN coalesce(s.nationalities, []) })
WITH n, @sortkey(n) AS sortKey
//:include page
