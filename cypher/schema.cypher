// Applied idempotently at start-up, statement by statement (IF NOT EXISTS everywhere).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (r:Report) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT country_code IF NOT EXISTS FOR (c:Country) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.seq IS UNIQUE;
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX entity_sort_name IF NOT EXISTS FOR (n:Entity) ON (n.sortName);
CREATE INDEX person_birth IF NOT EXISTS FOR (n:Person) ON (n.birthDate);
CREATE INDEX operation_start IF NOT EXISTS FOR (n:Operation) ON (n.startDate);
CREATE INDEX seizure_commodity IF NOT EXISTS FOR (n:Seizure) ON (n.commodity);
CREATE INDEX seizure_date IF NOT EXISTS FOR (n:Seizure) ON (n.date);
CREATE INDEX report_level IF NOT EXISTS FOR (r:Report) ON (r.classificationLevel);
CREATE INDEX audit_subject IF NOT EXISTS FOR (a:AuditEntry) ON (a.subject);
CREATE INDEX audit_time IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
// Full-text over names and aliases; `standard-folding` folds diacritics (Š -> S) and case.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Person|Organisation|Operation|Seizure|Route|Location|Event|Country) ON EACH [n.name, n.aliasText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
CREATE CONSTRAINT audit_head IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE;
