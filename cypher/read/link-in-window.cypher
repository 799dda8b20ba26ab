// Fragment (a WHERE continued, on link relationship `r`): with a time window ($from, $to: ISO
// dates or null), the link statement counts only when dated inside it; undated ones always count.
//:needs r
    AND ($from IS NULL OR coalesce(r.until, r.date, r.since) IS NULL OR coalesce(r.until, r.date, r.since) >= date($from))
    AND ($to IS NULL OR coalesce(r.since, r.date, r.until) IS NULL OR coalesce(r.since, r.date, r.until) <= date($to))
