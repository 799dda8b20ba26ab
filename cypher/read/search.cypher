// Full-text search over the names and aliases that reports state: a hit is a statement, kept only
// when the caller may see its report, before any cap; no limit is applied inside the index call.
// Countries (reference data) are searched by their names. Ranking is the service's, from the
// visible names only (Lucene's scores depend on every document, hidden ones included).
//:include visible-markings
CALL db.index.fulltext.queryRelationships('statement_search', $query) YIELD relationship AS s
WHERE @seen(s) AND (size($types) = 0 OR s.type IN $types)
WITH endNode(s) AS n, collect(s) AS hits
RETURN n.id AS id, reduce(names = [], h IN hits | names + [h.name] + coalesce(h.aliases, [])) AS names,
       reduce(k = null, h IN hits | CASE WHEN k IS NULL OR h.sortKey < k THEN h.sortKey ELSE k END) AS sortKey
UNION ALL
CALL db.index.fulltext.queryNodes('country_search', $query) YIELD node
WHERE size($types) = 0 OR 'Country' IN $types
RETURN node.id AS id, [node.name] AS names, node.sortKey AS sortKey
