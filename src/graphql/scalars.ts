import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { JSONObjectResolver, LocalDateResolver } from 'graphql-scalars';
import { registerEnumType } from 'type-graphql';
import { ASSOCIATION_KINDS, CLASSIFICATIONS, COMMODITIES, ENTITY_TYPES, LINK_TYPES, OPERATION_KINDS, ORGANISATION_KINDS } from '../domain/vocabulary';

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
  description: 'One operation report as JSON ({ report, entities, links }); see schema/report.schema.json.',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: (ast) => literalToJson(ast),
});

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const EntityType = asEnum(ENTITY_TYPES);
export const LinkType = asEnum(LINK_TYPES);
export const Classification = asEnum(CLASSIFICATIONS);
export const Commodity = asEnum(COMMODITIES);
export const OperationKind = asEnum(OPERATION_KINDS);
export const OrganisationKind = asEnum(ORGANISATION_KINDS);
export const AssociationKind = asEnum(ASSOCIATION_KINDS);
export enum Direction {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}

registerEnumType(EntityType, { name: 'EntityType', description: 'The entity types of the domain model.' });
registerEnumType(LinkType, { name: 'LinkType', description: 'The fixed link vocabulary, directed as written.' });
registerEnumType(Classification, { name: 'Classification', description: 'UNCLASSIFIED < RESTRICTED < CONFIDENTIAL < SECRET' });
registerEnumType(Commodity, { name: 'Commodity' });
registerEnumType(OperationKind, { name: 'OperationKind' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(AssociationKind, { name: 'AssociationKind' });
registerEnumType(Direction, { name: 'Direction', description: 'Which way a link is followed from the entity.' });
