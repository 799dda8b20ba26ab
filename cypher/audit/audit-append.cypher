// One batch of entries (group commit); the caller holds the head's lock (audit-lock-head).
MATCH (h:AuditHead {id: 'head'})
//:include audit-write-entries
