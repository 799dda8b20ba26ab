import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';
import { registerEnumType } from 'type-graphql';
import {
  ASSOCIATION_KINDS,
  CLASSIFICATIONS,
  COMMODITIES,
  ENTITY_TYPES,
  EVENT_KINDS,
  GENDERS,
  HANDLING_CODES,
  LINK_TYPES,
  LOCATION_KINDS,
  OPERATION_KINDS,
  ORGANISATION_KINDS,
  ROUTE_MODES,
  SOURCE_RELIABILITY,
  UNITS,
} from '../domain/vocabulary';

/** `YYYY-MM-DD` calendar dates. */
export const DateScalar = new GraphQLScalarType({ ...LocalDateResolver.toConfig(), name: 'Date' });
/** Arbitrary JSON object (node and edge properties of a Subgraph). */
export const JSONObject = JSONObjectResolver;

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map(literalToJson);
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    case Kind.ENUM:
      return ast.value;
    default:
      return undefined;
  }
}

/**
 * The import document (`report`, `entities`, `links`, as docs/product.md fixes it) as one JSON value.
 * It is a scalar on purpose: GraphQL input coercion stops at the first bad field, while the
 * importer validates the whole document against the published JSON Schema and reports every
 * problem with its path.
 */
export const ReportInputScalar = new GraphQLScalarType({
  name: 'ReportInput',
  description:
    'One operation report as JSON: { report, entities, links }. Its contract is the JSON Schema schema/report.schema.json in the ' +
    'repository, which the importer validates the whole document against (every problem is answered with its path in ' +
    '`extensions.problems`); schema/report.d.ts holds the TypeScript types generated from it (`OperationReport`).',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast) => literalToJson(ast),
});

/**
 * The closed vocabularies as GraphQL enums. Each is made from the list of `src/domain/vocabulary.ts`
 * that also builds the published JSON Schema (src/import/report-schema.ts), which the importer
 * validates every document against: a stored value is therefore always a value of its enum, in
 * inputs and outputs alike (test/unit/api-contract.test.ts checks the enums against the schema).
 * Lists may grow; a value leaves a list only after the data holding it has been migrated (an
 * output value outside its enum is a field error).
 */
function vocabularyEnum<T extends string>(values: readonly T[], name: string, description?: string): { [K in T]: K } {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}

export const EntityType = vocabularyEnum(ENTITY_TYPES, 'EntityType', 'The entity types of the domain model.');
export const LinkType = vocabularyEnum(LINK_TYPES, 'LinkType', 'The fixed link vocabulary, directed as written.');
export const Classification = vocabularyEnum(CLASSIFICATIONS, 'Classification', 'UNCLASSIFIED < RESTRICTED < CONFIDENTIAL < SECRET');
export const HandlingCode = vocabularyEnum(
  HANDLING_CODES,
  'HandlingCode',
  'H0: for preventing and fighting crime only; H1: not for judicial proceedings without the provider’s consent; H2: not to be passed on without consent; H3: other restrictions (the report’s handlingNote).',
);
export const SourceReliability = vocabularyEnum(
  SOURCE_RELIABILITY,
  'SourceReliability',
  'Source reliability of the 4x4 grading, best first: A, B, C, X (cannot be judged).',
);
export const Commodity = vocabularyEnum(COMMODITIES, 'Commodity');
export const Unit = vocabularyEnum(UNITS, 'Unit', 'The unit of a seizure’s quantity: mass, volume, items or currency.');
export const OperationKind = vocabularyEnum(OPERATION_KINDS, 'OperationKind');
export const OrganisationKind = vocabularyEnum(ORGANISATION_KINDS, 'OrganisationKind');
export const LocationKind = vocabularyEnum(LOCATION_KINDS, 'LocationKind');
export const EventKind = vocabularyEnum(EVENT_KINDS, 'EventKind');
export const RouteMode = vocabularyEnum(ROUTE_MODES, 'RouteMode');
export const Gender = vocabularyEnum(GENDERS, 'Gender');
export const AssociationKind = vocabularyEnum(ASSOCIATION_KINDS, 'AssociationKind');

export enum Direction {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}
registerEnumType(Direction, { name: 'Direction', description: 'Which way a link is followed from the entity.' });
