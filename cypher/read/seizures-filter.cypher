// Seizures with every value as the most authoritative visible statement gives it, by commodity,
// date range and the country where seized (through visible links and locations only).
//:needs n, sortKey, visible
WITH n, sortKey, visible, @best(n, commodity) AS commodity, @best(n, quantity) AS quantity, @best(n, unit) AS unit,
     @best(n, valueEur) AS valueEur, @best(n, date) AS seizedOn
WHERE ($commodity IS NULL OR commodity = $commodity)
  AND ($from IS NULL OR seizedOn >= date($from))
  AND ($to IS NULL OR seizedOn <= date($to))
  AND ($country IS NULL OR EXISTS {
    MATCH (n)-[r:SEIZED_AT]->(l:Location)
    WHERE @seen(r) AND EXISTS { MATCH (:Report)-[s:STATES]->(l) WHERE @seen(s) AND s.country = $country }
  })
