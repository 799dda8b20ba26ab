//:include visible-reports
MATCH (n:Person)
WHERE any(s IN n.sources WHERE s IN visible)
WITH n, [i IN range(0, size(n.sources) - 1) WHERE n.sources[i] IN visible | apoc.convert.fromJsonMap(n.claims[i])] AS claims
// Filters look only at what the caller's visible reports state (names folded like identities).
WHERE ($name IS NULL OR any(c IN claims WHERE any(x IN [c.name] + coalesce(c.aliases, [])
        WHERE apoc.text.clean(x) CONTAINS $nameClean)))
  AND ($nationality IS NULL OR any(c IN claims WHERE $nationality IN coalesce(c.nationalities, [])))
//:include page
