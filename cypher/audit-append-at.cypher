// One batch of entries chained onto the head the writer expects: locks the head (SET), then writes
// only if the head is still that one (read under the lock). No row back: the head moved, and the
// writer re-chains the batch onto the current head (audit-lock-head, audit-append).
MATCH (h:AuditHead {id: 'head'})
SET h.lockedAt = datetime()
WITH h
WHERE h.seq = $expected.seq AND h.hash = $expected.hash
UNWIND $entries AS entry
CREATE (a:AuditEntry)
SET a = entry, a.at = datetime(entry.at)
WITH h, count(*) AS written
SET h.seq = $seq, h.hash = $hash
RETURN written
