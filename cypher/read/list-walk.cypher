// Head of a typed list page: walks the statements of entities of $type in sort-key order (the
// index on STATES(type, sortKey)), keeping each entity once, at its least visible sort key, after
// the $after cursor. Filters follow (a *-filter fragment), then list-page.
//:include visible-markings
MATCH (:Report)-[s:STATES]->(n:Entity)
WHERE s.type = $type AND s.sortKey >= $fromKey
// Ordering right after the index seek lets the planner take the index's order and stream: the
// checks below then run for about one page of statements, not for every one of the type (at
// 20,000 persons, 21 ms instead of 220 ms for a first page).
WITH s, n, visible ORDER BY s.sortKey
WHERE @seen(s)
  AND NOT EXISTS {
    MATCH (:Report)-[t:STATES]->(n)
    WHERE @seen(t) AND (t.sortKey < s.sortKey OR (t.sortKey = s.sortKey AND elementId(t) < elementId(s)))
  }
WITH n, s.sortKey AS sortKey, visible
WHERE $after IS NULL OR sortKey > $after.sortKey OR (sortKey = $after.sortKey AND n.id > $after.id)
