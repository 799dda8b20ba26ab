// The nexus between investigations: other operations whose footprint (persons and organisations
// targeted or arrested, seizures, the places of those seizures, routes used by the targets)
// overlaps this one's, through visible links and entities only.
//:include visible-reports
MATCH (op:Operation {id: $id})
WHERE any(s IN op.sources WHERE s IN visible)
CALL (op, visible) {
  MATCH (op)-[r:TARGETED|ARRESTED]->(x:Entity)
  WHERE any(s IN r.sources WHERE s IN visible) AND any(s IN x.sources WHERE s IN visible)
  RETURN x
  UNION
  MATCH (op)<-[r:SEIZED_IN]-(x:Seizure)
  WHERE any(s IN r.sources WHERE s IN visible) AND any(s IN x.sources WHERE s IN visible)
  RETURN x
  UNION
  MATCH (op)<-[r:SEIZED_IN]-(s1:Seizure)-[r2:SEIZED_AT]->(x:Location)
  WHERE any(s IN r.sources WHERE s IN visible) AND any(s IN s1.sources WHERE s IN visible)
    AND any(s IN r2.sources WHERE s IN visible) AND any(s IN x.sources WHERE s IN visible)
  RETURN x
  UNION
  MATCH (op)-[r:TARGETED|ARRESTED]->(t:Entity)-[r2:USES_ROUTE]->(x:Route)
  WHERE any(s IN r.sources WHERE s IN visible) AND any(s IN t.sources WHERE s IN visible)
    AND any(s IN r2.sources WHERE s IN visible) AND any(s IN x.sources WHERE s IN visible)
  RETURN x
}
WITH op, x, visible
CALL (x, visible) {
  MATCH (x)<-[r:TARGETED|ARRESTED]-(o:Operation)
  WHERE any(s IN r.sources WHERE s IN visible) AND any(s IN o.sources WHERE s IN visible)
  RETURN o
  UNION
  MATCH (x)-[r:SEIZED_IN]->(o:Operation)
  WHERE any(s IN r.sources WHERE s IN visible) AND any(s IN o.sources WHERE s IN visible)
  RETURN o
  UNION
  MATCH (x)<-[r2:SEIZED_AT]-(s1:Seizure)-[r:SEIZED_IN]->(o:Operation)
  WHERE x:Location AND any(s IN r2.sources WHERE s IN visible) AND any(s IN s1.sources WHERE s IN visible)
    AND any(s IN r.sources WHERE s IN visible) AND any(s IN o.sources WHERE s IN visible)
  RETURN o
  UNION
  MATCH (x)<-[r2:USES_ROUTE]-(t:Entity)<-[r:TARGETED|ARRESTED]-(o:Operation)
  WHERE x:Route AND any(s IN r2.sources WHERE s IN visible) AND any(s IN t.sources WHERE s IN visible)
    AND any(s IN r.sources WHERE s IN visible) AND any(s IN o.sources WHERE s IN visible)
  RETURN o
}
WITH op, o, x WHERE o <> op
WITH o, collect(DISTINCT {id: x.id, type: x.type}) AS shared
RETURN o.id AS id, shared
