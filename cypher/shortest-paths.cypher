// All shortest paths through visible links and visible entities only (never through a hidden
// node or link); countries are reference data and never inner steps of a path.
//:include visible-reports
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE (a:Country OR any(s IN a.sources WHERE s IN visible)) AND (b:Country OR any(s IN b.sources WHERE s IN visible))
MATCH p = ALL SHORTEST (a)(()-[r]-(x:Entity)
    WHERE type(r) IN $linkTypes AND any(s IN r.sources WHERE s IN visible)
      AND (x = b OR (NOT x:Country AND any(s IN x.sources WHERE s IN visible)))){1,20}(b)
WHERE length(p) <= $maxLength
WITH p, visible LIMIT $maxPaths
RETURN [n IN nodes(p) | n.id] AS nodeIds,
       [r IN relationships(p) | r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id,
          sources: [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible | r.sources[i]],
          grades: [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible | r.grades[i]],
          claims: [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] IN visible | r.claims[i]]}] AS links
