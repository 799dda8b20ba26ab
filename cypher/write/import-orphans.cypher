// Anchors that no report states any more go, once locked (a concurrent import that is adding a
// statement to one holds its lock until it commits, and then the anchor stays).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE NOT n:Country
SET n.lockProbe = true
REMOVE n.lockProbe
WITH n WHERE NOT EXISTS { (n)--() }
DELETE n
RETURN count(*) AS removed
