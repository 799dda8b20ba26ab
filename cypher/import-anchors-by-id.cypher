// Identity anchors for loader-supplied ids, converging under the uniqueness constraint on id.
// Returns each anchor's type: a loader id that names an entity of another type, or a country, is
// refused by the importer and the transaction rolled back.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n.type = row.type, n:$(row.type)
RETURN row.ref AS ref, row.id AS planned, n.id AS id, n.type AS type, n:Country AS country
