// Dated facts around an entity: its own dates, its dated links, and the dated entities linked to
// it, every date as the caller's visible statements give it.
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
MATCH (n:Entity {id: $id})
WHERE (n:Country OR EXISTS { MATCH (:Report)-[vs_n:STATES]->(n) WHERE vs_n.marking IN visible })
CALL (n, visible) {
  WITH n, visible, coalesce(COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.date IS NOT NULL RETURN vb_n.date ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0], COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.startDate IS NOT NULL RETURN vb_n.startDate ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0]) AS d
  WITH n, d WHERE d IS NOT NULL
  RETURN d AS date, n.type AS kind, null AS linkType, n.id AS entityId
  UNION
  WITH n, visible, COLLECT { MATCH (:Report)-[vb_n:STATES]->(n) WHERE vb_n.marking IN visible AND vb_n.endDate IS NOT NULL RETURN vb_n.endDate ORDER BY vb_n.rank, vb_n.reportDate DESC, vb_n.report LIMIT 1 }[0] AS d
  WITH n, d WHERE d IS NOT NULL
  RETURN d AS date, n.type + '_END' AS kind, null AS linkType, n.id AS entityId
  UNION
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m:Country AND r.marking IN visible
  WITH r, m, visible, CASE WHEN m.type IN ['Seizure', 'Event', 'Operation'] THEN coalesce(COLLECT { MATCH (:Report)-[vb_m:STATES]->(m) WHERE vb_m.marking IN visible AND vb_m.date IS NOT NULL RETURN vb_m.date ORDER BY vb_m.rank, vb_m.reportDate DESC, vb_m.report LIMIT 1 }[0], COLLECT { MATCH (:Report)-[vb_m:STATES]->(m) WHERE vb_m.marking IN visible AND vb_m.startDate IS NOT NULL RETURN vb_m.startDate ORDER BY vb_m.rank, vb_m.reportDate DESC, vb_m.report LIMIT 1 }[0]) END AS md
  UNWIND [
    {date: r.date, kind: type(r)},
    {date: r.since, kind: type(r) + '_SINCE'},
    {date: r.until, kind: type(r) + '_UNTIL'},
    {date: md, kind: m.type}
  ] AS item
  WITH item, r, m WHERE item.date IS NOT NULL
  RETURN item.date AS date, item.kind AS kind, type(r) AS linkType, m.id AS entityId
}
WITH DISTINCT date, kind, linkType, entityId, visible
// in date order, then kind, then the entity's sort key for this caller (its name, as lists sort),
// so the limit keeps the rows that come first in the order shown
MATCH (e:Entity {id: entityId})
WITH date, kind, linkType, entityId, CASE WHEN e:Country THEN e.sortKey ELSE COLLECT { MATCH (:Report)-[vk_e:STATES]->(e) WHERE vk_e.marking IN visible RETURN vk_e.sortKey ORDER BY vk_e.sortKey LIMIT 1 }[0] END AS sortKey
RETURN date, kind, linkType, entityId
ORDER BY date, kind, sortKey, entityId
LIMIT $limit
