// Identity anchors for loader-supplied ids, converging under the uniqueness constraint on id.
// Returns each anchor's type: a loader id that names an entity of another type, or a country, is
// refused by the importer and the transaction rolled back. Every anchor is locked until the import
// commits, as in import-anchors: a concurrent orphan clean-up cannot delete it under this import.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n.type = row.type, n:$(row.type)
SET n.lockProbe = true
REMOVE n.lockProbe
// an anchor deleted (and committed) while this import waited for its lock reads back empty: it
// gives no row, and the importer retries the import on the shortfall
WITH row, n WHERE n.type IS NOT NULL
RETURN row.ref AS ref, row.id AS planned, n.id AS id, n.type AS type, n:Country AS country
