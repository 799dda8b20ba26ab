//:include list-all
//:include persons-filter
RETURN count(n) AS total
