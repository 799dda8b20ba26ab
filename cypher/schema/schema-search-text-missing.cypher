// Statements written before the full-text index held folded words (`searchText`): a batch of
// them, for start-up to fill in (service maintenance, no caller: nothing is returned to anyone).
MATCH ()-[s:STATES]->()
WHERE s.searchText IS NULL AND (s.name IS NOT NULL OR s.aliases IS NOT NULL)
RETURN elementId(s) AS id, s.name AS name, s.aliases AS aliases
LIMIT $limit
