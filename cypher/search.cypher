// Full-text search over names and aliases. Hidden entities are filtered inside the query, so
// neither the hits nor totalCount reveal them.
//:include visible-reports
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE (size($types) = 0 OR node.type IN $types)
  AND (node:Country OR any(s IN node.sources WHERE s IN visible))
WITH node, score ORDER BY score DESC, node.sortName, node.id
WITH collect({id: node.id, score: score}) AS hits
RETURN size(hits) AS total, hits[$offset..($offset + $first)] AS page
