// The nexus between investigations: other operations whose footprint (persons and organisations
// targeted or arrested, seizures, the places of those seizures, routes used by the targets)
// overlaps this one's, through visible links only (a visible link's ends are visible too).
// Need-to-know prelude. Visibility depends only on a report's marking (its classification level
// and releasability), and reports share few markings: `visible` is the short list of marking keys
// the caller may see (classification at or below their clearance, and releasable to their agency
// or country, or to everyone). Every statement and link relationship carries its report's marking,
// so `s.marking IN visible` decides what a caller sees (the macros @visible, @stated, @seen).
CALL () {
  MATCH (m:Marking)
  WHERE m.level <= $auth.clearance
    // releasableTo convention (README, src/auth/markings.ts): two letters name a country, longer codes an agency
    AND (size(m.releasableTo) = 0 OR any(x IN m.releasableTo WHERE CASE size(x) WHEN 2 THEN x = $auth.country ELSE x = $auth.agency END))
  RETURN collect(m.key) AS visible
}
MATCH (op:Operation {id: $id})
WHERE EXISTS { MATCH (:Report)-[vs_op:STATES]->(op) WHERE vs_op.marking IN visible }
CALL (op, visible) {
  MATCH (op)-[r:TARGETED|ARRESTED]->(x:Entity)
  WHERE r.marking IN visible
  RETURN x
  UNION
  MATCH (op)<-[r:SEIZED_IN]-(x:Seizure)
  WHERE r.marking IN visible
  RETURN x
  UNION
  MATCH (op)<-[r:SEIZED_IN]-(:Seizure)-[r2:SEIZED_AT]->(x:Location)
  WHERE r.marking IN visible AND r2.marking IN visible
  RETURN x
  UNION
  MATCH (op)-[r:TARGETED|ARRESTED]->(:Entity)-[r2:USES_ROUTE]->(x:Route)
  WHERE r.marking IN visible AND r2.marking IN visible
  RETURN x
}
WITH op, x, visible
CALL (x, visible) {
  MATCH (x)<-[r:TARGETED|ARRESTED]-(o:Operation)
  WHERE r.marking IN visible
  RETURN o
  UNION
  MATCH (x)-[r:SEIZED_IN]->(o:Operation)
  WHERE r.marking IN visible
  RETURN o
  UNION
  MATCH (x)<-[r2:SEIZED_AT]-(:Seizure)-[r:SEIZED_IN]->(o:Operation)
  WHERE x:Location AND r2.marking IN visible AND r.marking IN visible
  RETURN o
  UNION
  MATCH (x)<-[r2:USES_ROUTE]-(:Entity)<-[r:TARGETED|ARRESTED]-(o:Operation)
  WHERE x:Route AND r2.marking IN visible AND r.marking IN visible
  RETURN o
}
WITH op, o, x WHERE o <> op
// in id order (operations, and the shared entities of each), never in the order the store finds them
WITH DISTINCT o, x
ORDER BY o.id, x.id
WITH o, collect({id: x.id, type: x.type}) AS shared
RETURN o.id AS id, shared
ORDER BY id
