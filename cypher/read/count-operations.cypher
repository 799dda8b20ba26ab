//:include list-all
//:include operations-filter
RETURN count(n) AS total
