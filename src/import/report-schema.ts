import {
  ASSOCIATION_KINDS,
  CLASSIFICATIONS,
  COMMODITIES,
  EVENT_KINDS,
  GENDERS,
  HANDLING_CODES,
  IMPORTABLE_TYPES,
  INFORMATION_ACCURACY,
  LINK_TYPES,
  LOCATION_KINDS,
  OPERATION_KINDS,
  ORGANISATION_KINDS,
  ROUTE_MODES,
  SOURCE_RELIABILITY,
  UNITS,
} from '../domain/vocabulary';
import { MULTI_LINE_TEXT_PATTERN, ONE_LINE_TEXT_PATTERN } from '../domain/text-policy';

/** A closed list of the vocabulary, titled with the name the GraphQL API gives it (Commodity, Unit, …). */
const closed = (title: string, values: readonly (string | number)[]) => ({ title, enum: [...values] });

/**
 * Builds the JSON Schema (draft 2020-12) of one operation-report document from the vocabulary.
 * `npm run schema:print` writes it to `schema/report.schema.json`, the published contract the
 * validator loads, and the TypeScript types `schema/report.d.ts` generated from it; tests fail
 * when the committed files are out of date. Titles name the parts (they become the type names).
 */
export function buildReportJsonSchema(): Record<string, unknown> {
  const date = { type: 'string', format: 'date' };
  // Free text (issue 16 item 7): no control or bidirectional formatting characters here; the
  // validator adds the rest of the policy (src/domain/text-policy.ts), e.g. a visible letter.
  const name = {
    type: 'string',
    minLength: 1,
    maxLength: 300,
    pattern: ONE_LINE_TEXT_PATTERN,
    description: 'One line with at least one visible letter or digit; no control, bidirectional formatting or tag characters.',
  };
  const line = (maxLength: number) => ({
    type: 'string',
    maxLength,
    pattern: ONE_LINE_TEXT_PATTERN,
    description: 'One line with at least one visible character; no control, bidirectional formatting or tag characters.',
  });
  const text = {
    type: 'string',
    maxLength: 2000,
    pattern: MULTI_LINE_TEXT_PATTERN,
    description: 'Free text (tabs and line breaks allowed) with at least one visible character; no other control, bidirectional formatting or tag characters.',
  };
  const strings = { type: 'array', items: name, maxItems: 100 };
  const countryCode = { type: 'string', pattern: '^[A-Z]{2}$' };
  const countries = { type: 'array', items: countryCode, maxItems: 300 };
  const ref = { type: 'string', minLength: 1, maxLength: 100 };
  const grades = {
    sourceReliability: closed('SourceReliability', SOURCE_RELIABILITY),
    informationAccuracy: closed('InformationAccuracy', INFORMATION_ACCURACY),
  };
  const common = {
    ref,
    type: { enum: [...IMPORTABLE_TYPES] },
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9:._/-]{0,199}$' },
    ...grades,
  };
  const perType: Record<string, { required: string[]; properties: Record<string, unknown> }> = {
    Person: {
      required: ['name'],
      properties: { name, aliases: strings, birthDate: date, gender: closed('Gender', GENDERS), nationalities: countries },
    },
    Organisation: {
      required: ['name'],
      properties: { name, kind: closed('OrganisationKind', ORGANISATION_KINDS), country: countryCode, aliases: strings },
    },
    Operation: {
      required: ['name'],
      properties: { name, kind: closed('OperationKind', OPERATION_KINDS), startDate: date, endDate: date, countries },
    },
    Seizure: {
      required: ['commodity'],
      properties: {
        commodity: closed('Commodity', COMMODITIES),
        quantity: { type: 'number', exclusiveMinimum: 0 },
        unit: closed('Unit', UNITS),
        valueEur: { type: 'number', minimum: 0 },
        date,
        description: text,
      },
    },
    Route: {
      required: ['name'],
      properties: {
        name,
        commodities: { type: 'array', items: closed('Commodity', COMMODITIES), maxItems: 20 },
        legs: { type: 'array', items: ref, maxItems: 100 },
        mode: closed('RouteMode', ROUTE_MODES),
      },
    },
    Location: {
      required: ['name'],
      properties: {
        name,
        kind: closed('LocationKind', LOCATION_KINDS),
        country: countryCode,
        latitude: { type: 'number', minimum: -90, maximum: 90 },
        longitude: { type: 'number', minimum: -180, maximum: 180 },
      },
    },
    Event: {
      required: ['name'],
      properties: { name, kind: closed('EventKind', EVENT_KINDS), date, location: ref },
    },
  };
  const entityRules = Object.entries(perType).map(([type, spec]) => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: {
      title: `${type} entity`,
      required: spec.required,
      properties: { ...common, ...spec.properties },
      additionalProperties: false,
    },
  }));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://crime-link-analysis.example/schema/report.schema.json',
    title: 'Operation report',
    description: 'One operation report: the report envelope (provenance), the entities it describes and the links between them.',
    type: 'object',
    required: ['report', 'entities', 'links'],
    additionalProperties: false,
    properties: {
      report: {
        title: 'Report envelope',
        type: 'object',
        required: ['id', 'title', 'date', 'agency', 'classification'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9:._/-]{0,199}$' },
          title: name,
          date,
          agency: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$' },
          classification: closed('Classification', CLASSIFICATIONS),
          releasableTo: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$' }, maxItems: 300 },
          handlingCodes: { type: 'array', items: closed('HandlingCode', HANDLING_CODES), uniqueItems: true },
          handlingNote: text,
          ...grades,
        },
      },
      entities: {
        type: 'array',
        maxItems: 100000,
        items: {
          title: 'Entity',
          type: 'object',
          required: ['ref', 'type'],
          properties: { type: { enum: [...IMPORTABLE_TYPES] } },
          allOf: entityRules,
        },
      },
      links: {
        type: 'array',
        maxItems: 500000,
        items: {
          title: 'Link',
          type: 'object',
          required: ['type', 'from', 'to'],
          additionalProperties: false,
          properties: {
            type: closed('LinkType', LINK_TYPES),
            from: ref,
            to: ref,
            role: line(200),
            kind: closed('AssociationKind', ASSOCIATION_KINDS),
            weight: { type: 'number', minimum: 0.000001, maximum: 1000000, description: 'From 10^-6 to 10^6.' },
            date,
            since: date,
            until: date,
            place: line(300),
            ...grades,
          },
        },
      },
    },
  };
}
