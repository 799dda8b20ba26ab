// The caller's visibility class (the markings they may see) and the version of the data in it:
// how many of those reports there are, how often they were revised, and the latest import. Any
// import, revision or retraction changes it; analysis caches key on both.
//:include visible-markings
OPTIONAL MATCH (r:Report)
WHERE @seen(r)
RETURN visible, count(r) AS reports, sum(coalesce(r.revision, 0)) AS revisions, max(r.importedAt) AS latest
