// The retracted report's own node goes last, once its statements and links are removed (its
// marking node stays: other reports may share it).
MATCH (r:Report {id: $id})
DELETE r
