// Applied idempotently at start-up, statement by statement (IF NOT EXISTS everywhere).
// Entities are identity anchors: id, type and (for derived ids) the identity key used for matching.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_identity IF NOT EXISTS FOR (n:Entity) REQUIRE n.identityKey IS UNIQUE;
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (r:Report) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT marking_key IF NOT EXISTS FOR (m:Marking) REQUIRE m.key IS UNIQUE;
CREATE CONSTRAINT country_code IF NOT EXISTS FOR (c:Country) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.seq IS UNIQUE;
CREATE CONSTRAINT audit_head IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE;
CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type);
CREATE INDEX report_marking IF NOT EXISTS FOR (r:Report) ON (r.marking);
CREATE INDEX report_date IF NOT EXISTS FOR (r:Report) ON (r.date);
CREATE INDEX audit_subject IF NOT EXISTS FOR (a:AuditEntry) ON (a.subject);
CREATE INDEX audit_time IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
// Statements (one STATES relationship per report and entity) carry the values: lists walk the
// statements in sort-key order and keep the visible ones.
CREATE INDEX statement_sort IF NOT EXISTS FOR ()-[s:STATES]-() ON (s.type, s.sortKey);
CREATE INDEX statement_report IF NOT EXISTS FOR ()-[s:STATES]-() ON (s.report);
// Full-text over the names and aliases each report states; a hit is a statement, kept only when
// its report is visible to the caller. The index holds `searchText`, the folded words of the
// names (src/domain/lucene.ts `searchText`: no diacritics, lower case), split on white space
// only: no stop words ("Weight A" keeps its "a"), no stemming. An index declared here that is in
// place with another analyzer or other properties is dropped and created anew at start-up
// (src/bootstrap.ts), and earlier statements get their `searchText`.
CREATE FULLTEXT INDEX statement_search IF NOT EXISTS
FOR ()-[s:STATES]-() ON EACH [s.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'unicode_whitespace', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX country_search IF NOT EXISTS
FOR (n:Country) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'unicode_whitespace', `fulltext.eventually_consistent`: false } };
// Indexes of the earlier store shape (values on entity nodes), dropped where they exist.
DROP INDEX entity_search IF EXISTS;
DROP INDEX entity_sort_name IF EXISTS;
DROP INDEX person_birth IF EXISTS;
DROP INDEX operation_start IF EXISTS;
DROP INDEX seizure_commodity IF EXISTS;
DROP INDEX seizure_date IF EXISTS;
DROP INDEX report_level IF EXISTS;
