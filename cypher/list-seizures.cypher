//:include seizure-filter
WITH n, @sortkey(n) AS sortKey
//:include page
