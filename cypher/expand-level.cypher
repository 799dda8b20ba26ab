// One breadth-first level: the visible links of the frontier and the entities at their other end.
// Dated links and entities outside [$from, $to] are left out; undated ones stay.
//:include visible-reports
UNWIND $frontier AS fid
MATCH (n:Entity {id: fid})-[r]-(m:Entity)
WHERE type(r) IN $linkTypes AND m.type IN $entityTypes
  AND (m:Country OR any(s IN m.sources WHERE s IN visible))
// Dates as the caller's visible reports state them (parsed only when a window is asked for).
WITH r, m, visible,
     CASE WHEN $from IS NULL AND $to IS NULL THEN {} ELSE apoc.map.mergeList(
       [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible | apoc.convert.fromJsonMap(r.claims[i])]) END AS rv,
     CASE WHEN ($from IS NULL AND $to IS NULL) OR m:Country THEN {} ELSE apoc.map.mergeList(
       [i IN range(0, size(m.sources) - 1) WHERE m.sources[i] IN visible | apoc.convert.fromJsonMap(m.claims[i])]) END AS mv
WHERE ($from IS NULL OR coalesce(rv.until, rv.date, rv.since) IS NULL OR date(coalesce(rv.until, rv.date, rv.since)) >= date($from))
  AND ($to IS NULL OR coalesce(rv.since, rv.date, rv.until) IS NULL OR date(coalesce(rv.since, rv.date, rv.until)) <= date($to))
  AND ($from IS NULL OR coalesce(mv.endDate, mv.date, mv.startDate) IS NULL OR date(coalesce(mv.endDate, mv.date, mv.startDate)) >= date($from))
  AND ($to IS NULL OR coalesce(mv.startDate, mv.date, mv.endDate) IS NULL OR date(coalesce(mv.startDate, mv.date, mv.endDate)) <= date($to))
WITH DISTINCT r, m, visible, [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible] AS seen
WHERE size(seen) > 0
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id,
          sources: [i IN seen | r.sources[i]], grades: [i IN seen | r.grades[i]], claims: [i IN seen | r.claims[i]]} AS link,
       m.id AS neighbour
ORDER BY m.sortName, m.id
