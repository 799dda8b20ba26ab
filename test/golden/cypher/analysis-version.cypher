// The caller's visibility class (the markings they may see) and the version of the data in it:
// how many of those reports there are, how often they were revised, and the latest import. Any
// import, revision or retraction changes it; analysis caches key on both.
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
OPTIONAL MATCH (r:Report)
WHERE r.marking IN visible
RETURN visible, count(r) AS reports, sum(coalesce(r.revision, 0)) AS revisions, max(r.importedAt) AS latest
