// One batch of entries chained onto the head the writer expects: locks the head (SET), then writes
// only if the head is still that one (read under the lock). No row back: the head moved, and the
// writer re-chains the batch onto the current head (audit-lock-head, audit-append).
MATCH (h:AuditHead {id: 'head'})
SET h.lockedAt = datetime()
WITH h
WHERE h.seq = $expected.seq AND h.hash = $expected.hash
//:include audit-write-entries
RETURN written
