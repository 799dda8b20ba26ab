/**
 * The fixed vocabulary of docs/product.md: entity types, link types and their endpoints, and the
 * enumerations. Cypher labels and relationship types are only ever taken from these lists.
 */
export const ENTITY_TYPES = ['Person', 'Organisation', 'Operation', 'Seizure', 'Route', 'Location', 'Event', 'Country'] as const;
export type EntityTypeName = (typeof ENTITY_TYPES)[number];
/** Types a report may create (countries are reference data). */
export const IMPORTABLE_TYPES = ENTITY_TYPES.filter((t) => t !== 'Country');

export const LINK_TYPES = [
  'MEMBER_OF',
  'ASSOCIATE_OF',
  'NATIONAL_OF',
  'BASED_IN',
  'PARTICIPATED_IN',
  'TARGETED',
  'ARRESTED',
  'SEIZED_IN',
  'SEIZED_AT',
  'SEIZED_FROM',
  'USES_ROUTE',
  'ATTENDED',
  'HELD_AT',
] as const;
export type LinkTypeName = (typeof LINK_TYPES)[number];

/** Allowed endpoint types per link type, directed as written. */
export const LINK_ENDPOINTS: Record<LinkTypeName, { from: EntityTypeName[]; to: EntityTypeName[] }> = {
  MEMBER_OF: { from: ['Person'], to: ['Organisation'] },
  ASSOCIATE_OF: { from: ['Person'], to: ['Person'] },
  NATIONAL_OF: { from: ['Person'], to: ['Country'] },
  BASED_IN: { from: ['Person', 'Organisation', 'Location'], to: ['Country', 'Location'] },
  PARTICIPATED_IN: { from: ['Organisation'], to: ['Operation'] },
  TARGETED: { from: ['Operation'], to: ['Person', 'Organisation'] },
  ARRESTED: { from: ['Operation'], to: ['Person'] },
  SEIZED_IN: { from: ['Seizure'], to: ['Operation'] },
  SEIZED_AT: { from: ['Seizure'], to: ['Location'] },
  SEIZED_FROM: { from: ['Seizure'], to: ['Person', 'Organisation'] },
  USES_ROUTE: { from: ['Person', 'Organisation'], to: ['Route'] },
  ATTENDED: { from: ['Person'], to: ['Event'] },
  HELD_AT: { from: ['Event'], to: ['Location'] },
};

/** Links that have no direction in the domain (stored one way, read both ways). */
export const UNDIRECTED_LINKS: ReadonlySet<LinkTypeName> = new Set(['ASSOCIATE_OF']);

export const ORGANISATION_KINDS = ['CRIMINAL_GROUP', 'COMPANY', 'LAW_ENFORCEMENT', 'JUDICIAL', 'INTERNATIONAL_BODY', 'OTHER'] as const;
export const OPERATION_KINDS = [
  'JOINT_OPERATION',
  'CONTROLLED_DELIVERY',
  'UNDERCOVER',
  'JOINT_INVESTIGATION_TEAM',
  'ACTION_DAY',
  'INVESTIGATION',
  'OTHER',
] as const;
export const COMMODITIES = [
  'COCAINE',
  'HEROIN',
  'CANNABIS',
  'SYNTHETIC_DRUGS',
  'PRECURSORS',
  'FIREARMS',
  'EXPLOSIVES',
  'CASH',
  'VEHICLE',
  'VESSEL',
  'OTHER',
] as const;
export const UNITS = ['KG', 'G', 'T', 'L', 'ML', 'ITEM', 'PLANT', 'TABLET', 'EUR', 'USD', 'GBP', 'CHF'] as const;
export const ROUTE_MODES = ['LAND', 'SEA', 'AIR', 'MIXED'] as const;
export const LOCATION_KINDS = ['CITY', 'PORT', 'BORDER_CROSSING', 'REGION', 'ADDRESS', 'AIRPORT', 'OTHER'] as const;
export const EVENT_KINDS = ['MEETING', 'SUMMIT', 'CALL', 'OTHER'] as const;
export const GENDERS = ['MALE', 'FEMALE', 'OTHER', 'UNKNOWN'] as const;
export const ASSOCIATION_KINDS = ['FAMILY', 'BUSINESS', 'CRIMINAL', 'COMMUNICATION'] as const;
export const PARTICIPATION_ROLES = ['LEAD', 'SUPPORT', 'COORDINATOR'] as const;
export const CLASSIFICATIONS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'] as const;
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
export const INFORMATION_ACCURACY = [1, 2, 3, 4] as const;

/** Properties each entity type stores (besides id, name, sources and grades). */
export const ENTITY_FIELDS: Record<EntityTypeName, string[]> = {
  Person: ['name', 'aliases', 'birthDate', 'gender', 'nationalities'],
  Organisation: ['name', 'kind', 'country', 'aliases'],
  Operation: ['name', 'kind', 'startDate', 'endDate', 'countries'],
  Seizure: ['commodity', 'quantity', 'unit', 'valueEur', 'date', 'description'],
  Route: ['name', 'commodities', 'legs', 'mode'],
  Location: ['name', 'kind', 'country', 'latitude', 'longitude'],
  Event: ['name', 'kind', 'date', 'location'],
  Country: ['name', 'code'],
};

/** Entity fields holding dates (stored as Neo4j DATE). */
export const DATE_FIELDS = ['birthDate', 'startDate', 'endDate', 'date'];
/** Link properties. */
export const LINK_FIELDS = ['role', 'kind', 'weight', 'date', 'since', 'until', 'place'];
export const LINK_DATE_FIELDS = ['date', 'since', 'until'];
