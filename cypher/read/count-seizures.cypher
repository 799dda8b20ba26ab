//:include list-all
//:include seizures-filter
RETURN count(n) AS total
