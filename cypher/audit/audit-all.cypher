MATCH (a:AuditEntry)
RETURN a.seq AS seq, a.prevHash AS prevHash, a.hash AS hash, toString(a.at) AS at, a.subject AS subject,
       a.agency AS agency, a.country AS country, a.roles AS roles, a.operationName AS operationName,
       a.operationType AS operationType, a.variables AS variables, a.returnedIds AS returnedIds,
       a.changedIds AS changedIds, a.outcome AS outcome, a.durationMs AS durationMs,
       a.classificationLevel AS classificationLevel, coalesce(a.releasability, []) AS releasability
ORDER BY a.seq
