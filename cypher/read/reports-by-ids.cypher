//:include visible-markings
UNWIND $ids AS id
MATCH (r:Report {id: id})
WHERE @seen(r)
RETURN r {.*} AS report
