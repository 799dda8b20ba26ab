// Full-text search over names and aliases. Hidden entities are filtered inside the query; each hit
// comes with the claims of its visible sources, so that the service can drop hits that matched
// only a name or alias stated by a hidden report (the index holds the merge of all reports).
//:include visible-reports
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $maxHits}) YIELD node, score
WHERE (size($types) = 0 OR node.type IN $types)
  AND (node:Country OR any(s IN node.sources WHERE s IN visible))
WITH node, score, visible ORDER BY score DESC, node.sortName, node.id
RETURN node.id AS id, node.name AS name,
       [i IN range(0, size(node.sources) - 1) WHERE node.sources[i] IN visible | node.claims[i]] AS claims
