// One batch of entries (group commit); the caller holds the head's lock (audit-lock-head).
MATCH (h:AuditHead {id: 'head'})
UNWIND $entries AS entry
CREATE (a:AuditEntry)
SET a = entry, a.at = datetime(entry.at)
WITH h, count(*) AS written
SET h.seq = $seq, h.hash = $hash
