//:include visible-reports
MATCH (n:Operation)
WHERE any(s IN n.sources WHERE s IN visible)
  AND ($country IS NULL OR $country IN n.countries)
  AND ($kind IS NULL OR n.kind = $kind)
  // operations whose period overlaps [from, to]
  AND ($to IS NULL OR n.startDate <= date($to))
  AND ($from IS NULL OR coalesce(n.endDate, n.startDate) >= date($from))
//:include page
