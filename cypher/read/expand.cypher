// The neighbourhood of $root in one read: up to four breadth-first levels through visible links
// (expand-step, in the order and with the cap the service applies), then the visible statements
// of every admitted node (for their views), and every visible link among the admitted nodes. A hidden
// root has no visible link and no visible statement: nothing comes back for it.
//:include visible-markings
WITH visible, CASE WHEN $root STARTS WITH 'country:' THEN [] ELSE [$root] END AS frontier, [$root] AS visited, false AS truncated, 1 AS level
//:include expand-step
//:include expand-step
//:include expand-step
//:include expand-step
CALL (visible, visited) {
  UNWIND visited AS id
//:include entity-statements
  RETURN collect({anchor: anchor, statements: statements}) AS nodes
}
// every visible link among the admitted nodes (of the link types, inside the window), not only
// the ones the levels crossed: links between two nodes of the last level, or to a country, count
WITH visible, visited, visited AS kept, truncated, nodes
//:include links-among
RETURN visited AS nodeIds, links, truncated, nodes
