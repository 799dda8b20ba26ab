// Identity anchors for derived ids, converging under the uniqueness constraints. An anchor is found
// by its identity key; failing that, it is merged by the derived id, which is what concurrent
// imports of one new key converge on. An anchor first created by a loader-supplied id (a report that
// restated the entity by id after every report naming it was retracted, say) has no identity key
// yet: it takes this one, so the entity stays one node. Returns each anchor's id (an anchor may
// predate a change of IDENTITY_SECRET) and type.
// Every anchor is locked (SET + REMOVE of a throw-away property) until this import commits, as the
// orphan clean-up of a retraction or revision locks it before deleting it: the clean-up then waits
// and finds this import's statement, or deleted the anchor first and this lock fails (EntityNotFound,
// retried) or finds nothing (the row is missing and the importer retries the whole import).
UNWIND $rows AS row
OPTIONAL MATCH (known:Entity {identityKey: row.key})
OPTIONAL CALL (row, known) {
  WITH row WHERE known IS NULL
  MERGE (n:Entity {id: row.id})
    ON CREATE SET n.type = row.type, n:$(row.type)
  SET n.identityKey = coalesce(n.identityKey, row.key)
  RETURN n AS merged
}
WITH row, coalesce(known, merged) AS n
//:include import-anchor-lock
