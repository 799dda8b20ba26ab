// Dated facts around an entity: its own dates, dated links, and dated entities linked to it, every
// date as the caller's visible reports state it.
//:include visible-reports
MATCH (n:Entity {id: $id})
WHERE n:Country OR any(s IN n.sources WHERE s IN visible)
WITH n, visible, apoc.map.mergeList([i IN range(0, size(n.sources) - 1) WHERE n.sources[i] IN visible | apoc.convert.fromJsonMap(n.claims[i])]) AS nv
CALL (n, nv, visible) {
  WITH n, nv WHERE coalesce(nv.date, nv.startDate) IS NOT NULL
  RETURN date(coalesce(nv.date, nv.startDate)) AS date, n.type AS kind, null AS linkType, n.id AS entityId, n.label AS label
  UNION
  WITH n, nv WHERE nv.endDate IS NOT NULL
  RETURN date(nv.endDate) AS date, n.type + '_END' AS kind, null AS linkType, n.id AS entityId, n.label AS label
  UNION
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m:Country AND any(s IN r.sources WHERE s IN visible) AND any(s IN m.sources WHERE s IN visible)
  WITH r, m,
       apoc.map.mergeList([i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible | apoc.convert.fromJsonMap(r.claims[i])]) AS rv,
       apoc.map.mergeList([i IN range(0, size(m.sources) - 1) WHERE m.sources[i] IN visible | apoc.convert.fromJsonMap(m.claims[i])]) AS mv
  UNWIND [
    {date: rv.date, kind: type(r)},
    {date: rv.since, kind: type(r) + '_SINCE'},
    {date: rv.until, kind: type(r) + '_UNTIL'},
    {date: CASE WHEN m.type IN ['Seizure', 'Event', 'Operation'] THEN coalesce(mv.date, mv.startDate) END, kind: m.type}
  ] AS item
  WITH item, r, m WHERE item.date IS NOT NULL
  RETURN date(item.date) AS date, item.kind AS kind, type(r) AS linkType, m.id AS entityId, m.label AS label
}
RETURN date, kind, linkType, entityId, label
ORDER BY date, kind, label
LIMIT $limit
