// Head of a typed list count or aggregate: every entity of $type the caller may see (no order).
//:include visible-markings
MATCH (n:Entity)
WHERE n.type = $type AND @stated(n)
WITH n, null AS sortKey, visible
