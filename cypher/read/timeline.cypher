// Dated facts around an entity: its own dates, its dated links, and the dated entities linked to
// it, every date as the caller's visible statements give it.
//:include visible-markings
MATCH (n:Entity {id: $id})
WHERE @visible(n)
CALL (n, visible) {
  WITH n, visible, coalesce(@best(n, date), @best(n, startDate)) AS d
  WITH n, d WHERE d IS NOT NULL
  RETURN d AS date, n.type AS kind, null AS linkType, n.id AS entityId
  UNION
  WITH n, visible, @best(n, endDate) AS d
  WITH n, d WHERE d IS NOT NULL
  RETURN d AS date, n.type + '_END' AS kind, null AS linkType, n.id AS entityId
  UNION
  MATCH (n)-[r]-(m:Entity)
  WHERE NOT m:Country AND @seen(r)
  WITH r, m, visible, CASE WHEN m.type IN ['Seizure', 'Event', 'Operation'] THEN coalesce(@best(m, date), @best(m, startDate)) END AS md
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
WITH date, kind, linkType, entityId, @sortkey(e) AS sortKey
RETURN date, kind, linkType, entityId
ORDER BY date, kind, sortKey, entityId
LIMIT $limit
