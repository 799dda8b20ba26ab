//:include seizure-filter
RETURN n.commodity AS commodity, n.unit AS unit, sum(coalesce(n.quantity, 0)) AS quantity,
       CASE WHEN count(n.valueEur) = 0 THEN null ELSE sum(n.valueEur) END AS valueEur, count(n) AS seizures
ORDER BY commodity, unit
