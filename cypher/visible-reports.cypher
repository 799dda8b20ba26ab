// Need-to-know prelude: `visible` is the list of report ids the caller may see (classification at
// or below their clearance, and releasable to their agency or country or to everyone). Every read
// query includes this and keeps a node or link only if one of its `sources` is in `visible`.
CALL () {
  MATCH (rep:Report)
  WHERE rep.classificationLevel <= $auth.clearance
    // releasableTo convention (README, src/auth/markings.ts): two letters name a country, longer codes an agency
    AND (size(rep.releasableTo) = 0 OR any(x IN rep.releasableTo WHERE CASE size(x) WHEN 2 THEN x = $auth.country ELSE x = $auth.agency END))
  RETURN collect(rep.id) AS visible
}
