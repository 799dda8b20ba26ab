// The full-text indexes in place (start-up compares them with the ones schema.cypher declares).
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options
RETURN name, labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer
