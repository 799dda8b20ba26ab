import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { authChecker } from './auth-checker';
import { AuditResolver } from './resolvers/audit-resolvers';
import { ENTITY_RESOLVERS } from './resolvers/entity-resolvers';
import { QueryResolver } from './resolvers/query-resolvers';
import { ANALYSIS_RESOLVERS } from './resolvers/analysis-resolvers';
import { Country, Event, Location, Operation, Organisation, Person, Route, Seizure } from './types';

let cached: GraphQLSchema | undefined;

export function buildGraphQLSchema(): GraphQLSchema {
  if (!cached) {
    cached = buildSchemaSync({
      resolvers: [QueryResolver, AuditResolver, ...ENTITY_RESOLVERS, ...ANALYSIS_RESOLVERS],
      // Implementations reachable only through the Entity interface must be listed.
      orphanedTypes: [Person, Organisation, Operation, Seizure, Route, Location, Event, Country],
      authChecker,
      authMode: 'error',
      validate: false,
    });
  }
  return cached;
}

/** The SDL committed as schema.graphql (sorted, so diffs stay readable). */
export function schemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(buildGraphQLSchema()))}\n`;
}
