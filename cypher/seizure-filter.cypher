//:include visible-reports
MATCH (n:Seizure)
WHERE any(s IN n.sources WHERE s IN visible)
  AND ($commodity IS NULL OR n.commodity = $commodity)
  AND ($from IS NULL OR n.date >= date($from))
  AND ($to IS NULL OR n.date <= date($to))
  // the country where it was seized, through visible links and locations only
  AND ($country IS NULL OR EXISTS {
    MATCH (n)-[r:SEIZED_AT]->(l:Location)
    WHERE l.country = $country AND any(s IN r.sources WHERE s IN visible) AND any(s IN l.sources WHERE s IN visible)
  })
