//:include list-all
//:include seizures-filter
RETURN commodity, unit, sum(coalesce(quantity, 0)) AS quantity,
       CASE WHEN count(valueEur) = 0 THEN null ELSE sum(valueEur) END AS valueEur, count(n) AS seizures
ORDER BY commodity, unit
