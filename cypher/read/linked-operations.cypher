// The nexus between investigations: other operations whose footprint (persons and organisations
// targeted or arrested, seizures, the places of those seizures, routes used by the targets)
// overlaps this one's, through visible links only (a visible link's ends are visible too).
//:include visible-markings
MATCH (op:Operation {id: $id})
WHERE @stated(op)
CALL (op, visible) {
  MATCH (op)-[r:TARGETED|ARRESTED]->(x:Entity)
  WHERE @seen(r)
  RETURN x
  UNION
  MATCH (op)<-[r:SEIZED_IN]-(x:Seizure)
  WHERE @seen(r)
  RETURN x
  UNION
  MATCH (op)<-[r:SEIZED_IN]-(:Seizure)-[r2:SEIZED_AT]->(x:Location)
  WHERE @seen(r) AND @seen(r2)
  RETURN x
  UNION
  MATCH (op)-[r:TARGETED|ARRESTED]->(:Entity)-[r2:USES_ROUTE]->(x:Route)
  WHERE @seen(r) AND @seen(r2)
  RETURN x
}
WITH op, x, visible
CALL (x, visible) {
  MATCH (x)<-[r:TARGETED|ARRESTED]-(o:Operation)
  WHERE @seen(r)
  RETURN o
  UNION
  MATCH (x)-[r:SEIZED_IN]->(o:Operation)
  WHERE @seen(r)
  RETURN o
  UNION
  MATCH (x)<-[r2:SEIZED_AT]-(:Seizure)-[r:SEIZED_IN]->(o:Operation)
  WHERE x:Location AND @seen(r2) AND @seen(r)
  RETURN o
  UNION
  MATCH (x)<-[r2:USES_ROUTE]-(:Entity)<-[r:TARGETED|ARRESTED]-(o:Operation)
  WHERE x:Route AND @seen(r2) AND @seen(r)
  RETURN o
}
WITH op, o, x WHERE o <> op
// in id order (operations, and the shared entities of each), never in the order the store finds them
WITH DISTINCT o, x
ORDER BY o.id, x.id
WITH o, collect({id: x.id, type: x.type}) AS shared
RETURN o.id AS id, shared
ORDER BY id
