//:include visible-reports
UNWIND $ids AS id
MATCH (r:Report {id: id})
WHERE r.id IN visible
RETURN r {.*} AS report
