// The subgraph of the given entities: those the caller may see (with their visible statements,
// for their views) and the visible links among them, optionally of some types and within a time
// window on the links. One read, whatever the number of ids.
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
UNWIND $ids AS id
// Fragment (entities-by-ids, expand): the entity of `id` with the statements of the reports the
// caller may see, as `anchor` (its identity) and `statements`; a hidden entity gives no row, as a
// missing one (countries are reference data, visible to everyone). Keeps `visible` in scope. Each
// statement carries its report's agency: the label is the name stated by the most agencies.
//:needs id, visible
MATCH (n:Entity {id: id})
WITH n, visible, COLLECT { MATCH (rep:Report)-[s:STATES]->(n) WHERE s.marking IN visible RETURN s {.*, agency: rep.agency} } AS statements
WHERE n:Country OR size(statements) > 0
WITH visible, n {.id, .type, .name, .code, .alpha3} AS anchor, statements
WITH visible, collect({anchor: anchor, statements: statements}) AS nodes
WITH visible, nodes, [x IN nodes | x.anchor.id] AS kept
// Fragment (subgraph-among, expand): every visible link statement among the entities of `kept`
// (a list of ids), of $linkTypes and, with a time window ($from, $to), dated inside it, grouped
// by link and ordered by link id, as `links`. Keeps `visible` and `kept` in scope. Every
// graph-shaped answer reads its links this way, so that it holds every visible link among its
// nodes, whatever way its nodes were found.
CALL (visible, kept) {
  UNWIND kept AS aid
  MATCH (a:Entity {id: aid})-[r]->(b:Entity)
  WHERE b.id IN kept AND type(r) IN $linkTypes AND r.marking IN visible
// Fragment (a WHERE continued, on link relationship `r`): with a time window ($from, $to: ISO
// dates or null), the link statement counts only when dated inside it; undated ones always count.
//:needs r
    AND ($from IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= date($from))
    AND ($to IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= date($to))
  WITH r.id AS id, type(r) AS type, a.id AS fromId, b.id AS toId, collect(properties(r)) AS statements
  ORDER BY id
  RETURN collect({id: id, type: type, fromId: fromId, toId: toId, statements: statements}) AS links
}
RETURN nodes, links
