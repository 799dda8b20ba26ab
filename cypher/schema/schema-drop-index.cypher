// Drops an index that schema.cypher declares differently (it is then created as declared).
DROP INDEX $name IF EXISTS
