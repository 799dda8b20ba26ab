//:include visible-reports
MATCH (n:Person)
WHERE any(s IN n.sources WHERE s IN visible)
  AND ($name IS NULL OR n.sortName CONTAINS $name OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $name))
  AND ($nationality IS NULL OR $nationality IN n.nationalities)
//:include page
