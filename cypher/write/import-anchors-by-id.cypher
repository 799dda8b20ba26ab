// Identity anchors for loader-supplied ids, converging under the uniqueness constraint on id.
// Returns each anchor's type: a loader id that names an entity of another type, or a country, is
// refused by the importer and the transaction rolled back. Every anchor is locked until the import
// commits, as in import-anchors: a concurrent orphan clean-up cannot delete it under this import.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
  ON CREATE SET n.type = row.type, n:$(row.type)
//:include import-anchor-lock
