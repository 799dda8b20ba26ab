//:include visible-reports
MATCH (n:Operation)
WHERE any(s IN n.sources WHERE s IN visible)
// Filters read only what the caller's visible reports state (property-level provenance).
WITH n, [i IN range(0, size(n.sources) - 1) WHERE n.sources[i] IN visible | apoc.convert.fromJsonMap(n.claims[i])] AS claims
WITH n, apoc.coll.toSet(apoc.coll.flatten([c IN claims | coalesce(c.countries, [])])) AS countries,
     [c IN claims WHERE c.kind IS NOT NULL | c.kind][-1] AS kind,
     [c IN claims WHERE c.startDate IS NOT NULL | date(c.startDate)][-1] AS startDate,
     [c IN claims WHERE c.endDate IS NOT NULL | date(c.endDate)][-1] AS endDate
WHERE ($country IS NULL OR $country IN countries)
  AND ($kind IS NULL OR kind = $kind)
  // operations whose period overlaps [from, to]
  AND ($to IS NULL OR startDate <= date($to))
  AND ($from IS NULL OR coalesce(endDate, startDate) >= date($from))
//:include page
