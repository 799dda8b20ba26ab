MATCH (h:AuditHead {id: 'head'})
CREATE (a:AuditEntry)
SET a = $entry, a.at = datetime($entry.at)
SET h.seq = $entry.seq, h.hash = $entry.hash
