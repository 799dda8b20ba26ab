//:include visible-reports
MATCH (n:Seizure)
WHERE any(s IN n.sources WHERE s IN visible)
// Every value comes from the caller's visible reports only (property-level provenance).
WITH n, visible, [i IN range(0, size(n.sources) - 1) WHERE n.sources[i] IN visible | apoc.convert.fromJsonMap(n.claims[i])] AS claims
WITH n, visible,
     [c IN claims WHERE c.commodity IS NOT NULL | c.commodity][-1] AS commodity,
     [c IN claims WHERE c.quantity IS NOT NULL | c.quantity][-1] AS quantity,
     [c IN claims WHERE c.unit IS NOT NULL | c.unit][-1] AS unit,
     [c IN claims WHERE c.valueEur IS NOT NULL | c.valueEur][-1] AS valueEur,
     [c IN claims WHERE c.date IS NOT NULL | date(c.date)][-1] AS seizedOn
WHERE ($commodity IS NULL OR commodity = $commodity)
  AND ($from IS NULL OR seizedOn >= date($from))
  AND ($to IS NULL OR seizedOn <= date($to))
  // the country where it was seized, through visible links and locations only
  AND ($country IS NULL OR EXISTS {
    MATCH (n)-[r:SEIZED_AT]->(l:Location)
    WHERE any(s IN r.sources WHERE s IN visible)
      AND any(i IN range(0, size(l.sources) - 1) WHERE l.sources[i] IN visible AND apoc.convert.fromJsonMap(l.claims[i]).country = $country)
  })
