// Takes the report's write lock (created under the uniqueness constraint when new), so that two
// imports or revisions of the same report run one after the other; returns what decides whether
// the caller may write it. SET + REMOVE of a throw-away property locks without changing anything.
MERGE (r:Report {id: $id})
  ON CREATE SET r.pending = true
SET r.lockProbe = true
REMOVE r.lockProbe
RETURN r.pending IS NOT NULL AS fresh, r.contentHash AS hash, r.classificationLevel AS level,
       coalesce(r.releasableTo, []) AS releasableTo, r.agency AS agency, r.marking AS marking,
       coalesce(r.revision, 0) AS revision
