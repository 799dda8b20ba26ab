// Dated facts around an entity: its own dates, dated links, and dated entities linked to it.
//:include visible-reports
MATCH (n:Entity {id: $id})
WHERE n:Country OR any(s IN n.sources WHERE s IN visible)
CALL (n, visible) {
  WITH n WHERE coalesce(n.date, n.startDate) IS NOT NULL
  RETURN coalesce(n.date, n.startDate) AS date, n.type AS kind, null AS linkType, n.id AS entityId, n.label AS label
  UNION
  WITH n WHERE n.endDate IS NOT NULL
  RETURN n.endDate AS date, n.type + '_END' AS kind, null AS linkType, n.id AS entityId, n.label AS label
  UNION
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m:Country AND any(s IN r.sources WHERE s IN visible) AND any(s IN m.sources WHERE s IN visible)
  UNWIND [
    {date: r.date, kind: type(r)},
    {date: r.since, kind: type(r) + '_SINCE'},
    {date: r.until, kind: type(r) + '_UNTIL'},
    {date: CASE WHEN m.type IN ['Seizure', 'Event', 'Operation'] THEN coalesce(m.date, m.startDate) END, kind: m.type}
  ] AS item
  WITH item, r, m WHERE item.date IS NOT NULL
  RETURN item.date AS date, item.kind AS kind, type(r) AS linkType, m.id AS entityId, m.label AS label
}
RETURN date, kind, linkType, entityId, label
ORDER BY date, kind, label
LIMIT $limit
