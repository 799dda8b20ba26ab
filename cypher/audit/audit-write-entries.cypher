// Fragment (included by audit-append and audit-append-at, after the head `h` is locked): writes a
// batch of entries and moves the head to the batch's last entry.
//:needs h
UNWIND $entries AS entry
CREATE (a:AuditEntry)
SET a = entry, a.at = datetime(entry.at)
WITH h, count(*) AS written
SET h.seq = $seq, h.hash = $hash
