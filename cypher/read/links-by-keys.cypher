// Links by their ends and type, with every visible report's statement of each.
//:include visible-markings
UNWIND $links AS l
MATCH (a:Entity {id: l.fromId})-[r]->(b:Entity {id: l.toId})
WHERE type(r) = l.type AND @seen(r)
RETURN r.id AS id, type(r) AS type, a.id AS fromId, b.id AS toId, collect(properties(r)) AS statements
