// The neighbourhood of $root in one read: up to four breadth-first levels through visible links
// (expand-step, in the order and with the cap the service applies), then the visible statements
// of every admitted node (for their views), and the links whose two ends were admitted. A hidden
// root has no visible link and no visible statement: nothing comes back for it.
//:include visible-markings
WITH visible, CASE WHEN $root STARTS WITH 'country:' THEN [] ELSE [$root] END AS frontier, [$root] AS visited, [] AS found, false AS truncated, 1 AS level
//:include expand-step
//:include expand-step
//:include expand-step
//:include expand-step
CALL (visible, visited) {
  UNWIND visited AS id
//:include entity-statements
  RETURN collect({anchor: anchor, statements: statements}) AS nodes
}
// a link counts when both its ends were admitted
RETURN visited AS nodeIds, [l IN found WHERE l.fromId IN visited AND l.toId IN visited] AS links, truncated, nodes
