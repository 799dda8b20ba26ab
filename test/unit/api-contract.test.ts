import fs from 'node:fs';
import { getNamedType, getNullableType, GraphQLEnumType, GraphQLInputObjectType, GraphQLInt, GraphQLObjectType, isListType } from 'graphql';
import { buildGraphQLSchema } from '../../src/graphql/schema';
import { REPORT_SCHEMA_FILE } from '../../src/import/validate';

/**
 * The GraphQL API and the published import contract (schema/report.schema.json, which the
 * importer validates every document against) speak one vocabulary: every closed list of the JSON
 * Schema is a GraphQL enum with exactly its values wherever the API shows that field, so a stored
 * value always has its enum value and clients see on output the enums they send as input.
 */

type JsonSchema = { title?: string; enum?: unknown[]; type?: string; items?: JsonSchema; properties?: Record<string, JsonSchema> } & Record<string, unknown>;

const reportSchema = JSON.parse(fs.readFileSync(REPORT_SCHEMA_FILE, 'utf8')) as {
  properties: {
    report: JsonSchema;
    entities: { items: { allOf: Array<{ if: { properties: { type: { const: string } } }; then: JsonSchema }> } };
    links: { items: JsonSchema };
  };
};
const graphql = buildGraphQLSchema();

/** Every field of the document that has a closed list of values, under the GraphQL type that shows it. */
function closedFields(): Array<{ type: string; field: string; values: unknown[]; title?: string; list: boolean }> {
  const owners: Array<[string, JsonSchema]> = [
    ['Report', reportSchema.properties.report],
    ...reportSchema.properties.entities.items.allOf.map((rule): [string, JsonSchema] => [rule.if.properties.type.const, rule.then]),
    ['Link', reportSchema.properties.links.items],
  ];
  return owners.flatMap(([type, schema]) =>
    Object.entries(schema.properties ?? {}).flatMap(([field, property]) => {
      const closed = property.enum ? property : property.items;
      return closed?.enum ? [{ type, field, values: closed.enum, title: closed.title, list: property.type === 'array' }] : [];
    }),
  );
}

function fieldOf(type: string, field: string) {
  const named = graphql.getType(type);
  if (!(named instanceof GraphQLObjectType) && !(named instanceof GraphQLInputObjectType)) throw new Error(`${type} is not an object type of the API`);
  return named.getFields()[field];
}

const enumValues = (type: GraphQLEnumType) => type.getValues().map((v) => v.value as unknown);
const sorted = (values: unknown[]) => [...values].map(String).sort();

describe('GraphQL enums are the JSON Schema’s closed vocabularies', () => {
  const fields = closedFields();

  it('finds the closed fields of the document (report grades, kinds, commodities, units, link kinds)', () => {
    const names = fields.map((f) => `${f.type}.${f.field}`);
    for (const name of [
      'Report.classification',
      'Report.handlingCodes',
      'Person.gender',
      'Seizure.commodity',
      'Seizure.unit',
      'Route.commodities',
      'Link.kind',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('shows every closed field the API exposes as an enum with the same values and name (an Int for the numeric grade)', () => {
    const exposed = fields.filter((f) => fieldOf(f.type, f.field));
    expect(exposed.length).toBeGreaterThanOrEqual(15);
    for (const { type, field, values, title, list } of exposed) {
      const output = fieldOf(type, field).type;
      const named = getNamedType(output);
      const where = `${type}.${field}`;
      expect({ where, list: isListType(getNullableType(output)) }).toEqual({ where, list });
      if (values.every((v) => typeof v === 'number')) {
        expect({ where, type: named }).toEqual({ where, type: GraphQLInt });
        continue;
      }
      expect({ where, enum: named instanceof GraphQLEnumType }).toEqual({ where, enum: true });
      const graphqlValues = enumValues(named as GraphQLEnumType);
      if (field === 'type' && type !== 'Link') {
        // EntityType also names the reference type Country, which no report creates
        expect({ where, values: sorted(graphqlValues) }).toEqual({ where, values: sorted([...values, 'Country']) });
      } else {
        expect({ where, values: sorted(graphqlValues) }).toEqual({ where, values: sorted(values) });
        // the JSON Schema's title, and so the type in schema/report.d.ts, is the enum's name
        expect({ where, name: named.name }).toEqual({ where, name: title });
      }
    }
  });

  it('uses the same enums where the API shows those values elsewhere', () => {
    const same: Array<[string, string]> = [
      ['Source.sourceReliability', 'Report.sourceReliability'],
      ['AnalysisScope.reliability', 'Report.sourceReliability'],
      ['SeizureTotal.commodity', 'Seizure.commodity'],
      ['SeizureTotal.unit', 'Seizure.unit'],
      ['AuditEntry.classification', 'Report.classification'],
      ['GraphNode.type', 'Person.type'],
      ['GraphEdge.type', 'Link.type'],
    ];
    for (const [shown, declared] of same) {
      const [a, b] = [shown, declared].map((name) => getNamedType(fieldOf(name.split('.')[0], name.split('.')[1]).type));
      expect({ shown, type: a.name }).toEqual({ shown, type: b.name });
      expect(a).toBeInstanceOf(GraphQLEnumType);
    }
  });

  it('names the audit trail’s entries AuditEntry', () => {
    expect(graphql.getType('AuditEntry')).toBeInstanceOf(GraphQLObjectType);
    expect(graphql.getType('AuditEntryType')).toBeUndefined();
    expect(String(fieldOf('AuditEntryEdge', 'node').type)).toBe('AuditEntry!');
  });
});
