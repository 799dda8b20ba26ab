// Identity anchors for derived ids, converging under the uniqueness constraint on identityKey.
// Returns each anchor's id (an anchor may predate a change of IDENTITY_SECRET) and type.
UNWIND $rows AS row
MERGE (n:Entity {identityKey: row.key})
  ON CREATE SET n.id = row.id, n.type = row.type, n:$(row.type)
RETURN row.ref AS ref, row.id AS planned, n.id AS id, n.type AS type, n:Country AS country
