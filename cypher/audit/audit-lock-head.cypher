// Taking the head's write lock serialises appends, across API replicas too.
MERGE (h:AuditHead {id: 'head'})
  ON CREATE SET h.seq = 0, h.hash = $genesis
SET h.lockedAt = datetime()
RETURN h.seq AS seq, h.hash AS hash
