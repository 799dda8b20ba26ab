// Fragment (included by import-anchors and import-anchors-by-id, once the anchor `n` of `row` is
// found or merged): locks the anchor (SET + REMOVE of a throw-away property) until the import
// commits, and returns it. An anchor deleted (and committed) while this import waited for its lock
// reads back empty: it gives no row, and the importer retries the import on the shortfall.
//:needs row, n
SET n.lockProbe = true
REMOVE n.lockProbe
WITH row, n WHERE n.type IS NOT NULL
RETURN row.ref AS ref, row.id AS planned, n.id AS id, n.type AS type, n:Country AS country
