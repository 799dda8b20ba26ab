// Full-text search over the names and aliases that reports state: a hit is a statement, kept only
// when the caller may see its report, before any cap; no limit is applied inside the index call.
// Countries (reference data) are searched by their names. Ranking is the service's, from the
// visible names only (Lucene's scores depend on every document, hidden ones included).
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
CALL db.index.fulltext.queryRelationships('statement_search', $query) YIELD relationship AS s
WHERE s.marking IN visible AND (size($types) = 0 OR s.type IN $types)
WITH endNode(s) AS n, collect(s) AS hits
RETURN n.id AS id, reduce(names = [], h IN hits | names + [h.name] + coalesce(h.aliases, [])) AS names,
       reduce(k = null, h IN hits | CASE WHEN k IS NULL OR h.sortKey < k THEN h.sortKey ELSE k END) AS sortKey
UNION ALL
CALL db.index.fulltext.queryNodes('country_search', $query) YIELD node
WHERE size($types) = 0 OR 'Country' IN $types
RETURN node.id AS id, [node.name] AS names, node.sortKey AS sortKey
