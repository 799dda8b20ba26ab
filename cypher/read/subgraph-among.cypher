// The subgraph of the given entities: those the caller may see (with their visible statements,
// for their views) and the visible links among them, optionally of some types and within a time
// window on the links. One read, whatever the number of ids.
//:include visible-markings
UNWIND $ids AS id
//:include entity-statements
WITH visible, collect({anchor: anchor, statements: statements}) AS nodes
WITH visible, nodes, [x IN nodes | x.anchor.id] AS kept
//:include links-among
RETURN nodes, links
