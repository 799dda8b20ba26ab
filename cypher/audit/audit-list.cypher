// Newest first; `afterSeq` continues below the last entry of the previous page.
MATCH (a:AuditEntry)
WHERE ($subject IS NULL OR a.subject = $subject)
  AND ($from IS NULL OR a.at >= datetime($from))
  AND ($to IS NULL OR a.at <= datetime($to))
WITH a ORDER BY a.seq DESC
WITH collect(a) AS matches
RETURN size(matches) AS total,
       [a IN matches WHERE $afterSeq IS NULL OR a.seq < $afterSeq][0..$first] AS page
