// Identity anchors, converging under uniqueness constraints: by identity key for derived ids, by
// id for loader-supplied ones. Returns each anchor's id and type (a loader id that names an entity
// of another type, or a country, is refused by the importer and the transaction rolled back).
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.key IS NOT NULL
  MERGE (n:Entity {identityKey: row.key})
    ON CREATE SET n.id = row.id, n.type = row.type
  RETURN n
  UNION
  WITH row WHERE row.key IS NULL
  MERGE (n:Entity {id: row.id})
    ON CREATE SET n.type = row.type
  RETURN n
}
WITH row, n
CALL (n, row) {
  WITH n, row WHERE n.type = row.type AND NOT n:Country
  SET n:$(row.type)
}
RETURN row.ref AS ref, row.id AS planned, n.id AS id, n.type AS type, n:Country AS country
