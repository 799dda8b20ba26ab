// One breadth-first level: the visible links of the frontier and the entities at their other end.
// Dated links and entities outside [$from, $to] are left out; undated ones stay.
//:include visible-reports
UNWIND $frontier AS fid
MATCH (n:Entity {id: fid})-[r]-(m:Entity)
WHERE type(r) IN $linkTypes AND m.type IN $entityTypes
  AND (m:Country OR any(s IN m.sources WHERE s IN visible))
  AND ($from IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= date($from))
  AND ($to IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= date($to))
  AND ($from IS NULL OR coalesce(m.endDate, m.date, m.startDate) IS NULL OR coalesce(m.endDate, m.date, m.startDate) >= date($from))
  AND ($to IS NULL OR coalesce(m.startDate, m.date, m.endDate) IS NULL OR coalesce(m.startDate, m.date, m.endDate) <= date($to))
WITH DISTINCT r, m, visible, [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible] AS seen
WHERE size(seen) > 0
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id,
          sources: [i IN seen | r.sources[i]], grades: [i IN seen | r.grades[i]]} AS link,
       m.id AS neighbour
ORDER BY m.sortName, m.id
