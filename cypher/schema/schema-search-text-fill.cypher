// Writes the folded words of earlier statements' names and aliases (see schema-search-text-missing);
// `aliasText`, what the earlier index held, goes.
UNWIND $rows AS row
MATCH ()-[s:STATES]->()
WHERE elementId(s) = row.id
SET s.searchText = row.searchText
REMOVE s.aliasText
