// Seizures the caller may see, with every value as the most authoritative visible statement gives it.
//:include visible-markings
MATCH (n:Seizure)
WHERE @stated(n)
WITH n, visible, @best(n, commodity) AS commodity, @best(n, quantity) AS quantity, @best(n, unit) AS unit,
     @best(n, valueEur) AS valueEur, @best(n, date) AS seizedOn
WHERE ($commodity IS NULL OR commodity = $commodity)
  AND ($from IS NULL OR seizedOn >= date($from))
  AND ($to IS NULL OR seizedOn <= date($to))
  // the country where it was seized, through visible links and locations only
  AND ($country IS NULL OR EXISTS {
    MATCH (n)-[r:SEIZED_AT]->(l:Location)
    WHERE @seen(r) AND EXISTS { MATCH (:Report)-[s:STATES]->(l) WHERE @seen(s) AND s.country = $country }
  })
