// Need-to-know prelude. Visibility depends only on a report's marking (its classification level
// and releasability), and reports share few markings: `visible` is the short list of marking keys
// the caller may see (classification at or below their clearance, and releasable to their agency
// or country, or to everyone). Every statement and link relationship carries its report's marking,
// so `s.marking IN visible` decides what a caller sees (the macros @visible, @stated, @seen).
CALL () {
  MATCH (m:Marking)
  WHERE m.level <= $auth.clearance
    // releasableTo convention (README, src/auth/markings.ts): two letters name a country, longer codes an agency
    AND @releasable(m.releasableTo, $auth)
  RETURN collect(m.key) AS visible
}
