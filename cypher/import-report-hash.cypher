MATCH (r:Report {id: $id})
RETURN r.contentHash AS hash, r.classificationLevel AS level, r.releasableTo AS releasableTo
