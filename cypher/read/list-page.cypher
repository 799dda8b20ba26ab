// Tail of a typed list page: one more row than asked for tells whether a next page exists.
//:needs n, sortKey
RETURN n.id AS id, sortKey
ORDER BY sortKey, id
LIMIT $limit
