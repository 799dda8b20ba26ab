import { ClassType, Field, Float, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { SourceRef } from '../domain/statements';
import { EntityTypeName } from '../domain/vocabulary';
import {
  AssociationKind,
  Classification,
  Commodity,
  DateScalar,
  EntityType,
  EventKind,
  Gender,
  HandlingCode,
  JSONObject,
  LinkType,
  LocationKind,
  OperationKind,
  OrganisationKind,
  RouteMode,
  SourceReliability,
  Unit,
} from './scalars';

/** One source of a fact: the report that asserted it and its evaluation (4x4: A-X, 1-4). */
@ObjectType({ description: 'Who says so: a report that asserted this fact, with the evaluation it gave.' })
export class Source {
  @Field(() => String) reportId!: string;
  @Field(() => SourceReliability) sourceReliability!: string;
  @Field(() => Int, { description: 'Information accuracy: 1 to 4.' }) informationAccuracy!: number;
}

@ObjectType({ description: 'An operation report: the provenance of everything imported from it.' })
export class Report {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => DateScalar) date!: string;
  @Field() agency!: string;
  @Field(() => Classification) classification!: string;
  @Field(() => [String], { description: 'Agencies and countries it may be released to; empty means everyone.' }) releasableTo!: string[];
  @Field(() => [HandlingCode]) handlingCodes!: string[];
  @Field(() => String, { nullable: true }) handlingNote?: string;
  @Field(() => SourceReliability, { nullable: true }) sourceReliability?: string;
  @Field(() => Int, { nullable: true }) informationAccuracy?: number;
  @Field() importedAt!: string;
  @Field() importedBy!: string;
  @Field(() => Int) entityCount!: number;
  @Field(() => Int) linkCount!: number;
}

@InterfaceType({
  description: 'Anything in the graph. Visible only through at least one report visible to the caller.',
  resolveType: (value: { type: EntityTypeName }) => value.type,
})
export abstract class Entity {
  @Field(() => ID) id!: string;
  @Field(() => EntityType) type!: EntityTypeName;
  @Field({ description: 'A human-readable name for display.' }) label!: string;
  /** The visible reports that state it, with their grades. */
  sourceRefs!: SourceRef[];
}

@ObjectType({ implements: Entity })
export class Person extends Entity {
  @Field() name!: string;
  @Field(() => [String]) aliases!: string[];
  @Field(() => DateScalar, { nullable: true }) birthDate?: string;
  @Field(() => Gender, { nullable: true }) gender?: string;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes.' }) nationalities!: string[];
}

@ObjectType({ implements: Entity })
export class Organisation extends Entity {
  @Field() name!: string;
  @Field(() => OrganisationKind, { nullable: true }) kind?: string;
  @Field(() => String, { nullable: true, description: 'ISO code of the country it is based in.' }) country?: string;
  @Field(() => [String]) aliases!: string[];
}

@ObjectType({ implements: Entity })
export class Operation extends Entity {
  @Field() name!: string;
  @Field(() => OperationKind, { nullable: true }) kind?: string;
  @Field(() => DateScalar, { nullable: true }) startDate?: string;
  @Field(() => DateScalar, { nullable: true }) endDate?: string;
  @Field(() => [String]) countries!: string[];
}

@ObjectType({ implements: Entity })
export class Seizure extends Entity {
  @Field(() => Commodity) commodity!: string;
  @Field(() => Float, { nullable: true }) quantity?: number;
  @Field(() => Unit, { nullable: true }) unit?: string;
  @Field(() => Float, { nullable: true }) valueEur?: number;
  @Field(() => DateScalar, { nullable: true }) date?: string;
  @Field(() => String, { nullable: true }) description?: string;
}

@ObjectType({ implements: Entity })
export class Route extends Entity {
  @Field() name!: string;
  @Field(() => [Commodity]) commodities!: string[];
  @Field(() => RouteMode, { nullable: true }) mode?: string;
  /** Stored leg ids (country:XX or location ids), resolved by `legs`. */
  legIds!: string[];
}

@ObjectType({ implements: Entity })
export class Location extends Entity {
  @Field() name!: string;
  @Field(() => LocationKind, { nullable: true }) kind?: string;
  @Field(() => String, { nullable: true }) country?: string;
  @Field(() => Float, { nullable: true }) latitude?: number;
  @Field(() => Float, { nullable: true }) longitude?: number;
}

@ObjectType({ implements: Entity })
export class Event extends Entity {
  @Field() name!: string;
  @Field(() => EventKind, { nullable: true }) kind?: string;
  @Field(() => DateScalar, { nullable: true }) date?: string;
}

@ObjectType({ implements: Entity, description: 'ISO 3166-1 reference data, visible to everyone.' })
export class Country extends Entity {
  @Field() name!: string;
  @Field() code!: string;
  @Field() alpha3!: string;
}

@ObjectType({
  description:
    'A link between two entities as seen from the entity it is listed under: `from`/`to` are absolute, `entity` is the other end. ' +
    'Its `id` names this view (the link and the viewpoint), so that normalised client caches keep the two ends apart; `linkId` names the link itself.',
})
export class Link {
  @Field(() => ID, { description: 'This view of the link: `<linkId>~<viewpoint id>`.' }) id!: string;
  @Field(() => ID, { description: 'The link, the same from both ends (and the `id` of its edge in a Subgraph).' }) linkId!: string;
  @Field(() => LinkType) type!: string;
  fromId!: string;
  toId!: string;
  /** The entity the link was reached from, when listed under an entity. */
  viewpointId?: string;
  @Field(() => String, { nullable: true }) role?: string;
  @Field(() => AssociationKind, { nullable: true, description: 'ASSOCIATE_OF links only.' }) kind?: string;
  @Field(() => Float, { nullable: true }) weight?: number;
  @Field(() => DateScalar, { nullable: true }) date?: string;
  @Field(() => DateScalar, { nullable: true }) since?: string;
  @Field(() => DateScalar, { nullable: true }) until?: string;
  @Field(() => String, { nullable: true }) place?: string;
  sourceRefs!: SourceRef[];
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor?: string | null;
  @Field(() => String, { nullable: true }) endCursor?: string | null;
}

/** Page info of a page of `count` items starting at `start` of `total`, with the edges' cursors. */
export function pageInfoOf(start: number, total: number, edges: Array<{ cursor: string }>, more?: boolean): PageInfo {
  return {
    hasNextPage: more ?? start + edges.length < total,
    hasPreviousPage: start > 0,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay-style connection types, one per node type. */
export function Connection<T extends object>(nodeType: ClassType<T> | (abstract new () => T), name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => nodeType) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'All matches visible to the caller.' }) totalCount!: number;
  }
  return ConnectionType;
}

export const EntityConnection = Connection(Entity, 'Entity');
export const PersonConnection = Connection(Person, 'Person');
export const OperationConnection = Connection(Operation, 'Operation');
export const SeizureConnection = Connection(Seizure, 'Seizure');
export const ReportConnection = Connection(Report, 'Report');

@ObjectType()
export class EntityRef {
  @Field() ref!: string;
  @Field(() => ID) id!: string;
}

@ObjectType()
export class ImportCounts {
  @Field(() => Int, { description: 'New to the caller: nothing they could see stated it before.' }) created!: number;
  @Field(() => Int, { description: 'Already visible to the caller, now stated (differently) by this report too.' }) updated!: number;
  @Field(() => Int, { description: 'Stated exactly so by this report before.' }) unchanged!: number;
}

@ObjectType({ description: 'What a revision removed: statements of the earlier version of the report that this one no longer makes.' })
export class RemovedCounts {
  @Field(() => Int, { description: 'Statements about entities removed.' }) statements!: number;
  @Field(() => Int, { description: 'Link statements removed.' }) links!: number;
}

@ObjectType({ description: 'Something the document lacks for a sure identity; the import went ahead regardless.' })
export class ImportWarning {
  @Field({ description: 'Where in the document, as in BAD_USER_INPUT problems: `entities[3].birthDate`.' }) path!: string;
  @Field({ description: 'A stable code: MISSING_BIRTH_DATE, MISSING_COUNTRY or SINGLE_NAME.' }) code!: string;
  @Field() message!: string;
}

@ObjectType()
export class ImportResult {
  @Field(() => ID) reportId!: string;
  @Field({ description: 'The same content had been imported before; nothing was written.' }) alreadyImported!: boolean;
  @Field({ description: 'An earlier version of this report was replaced.' }) revised!: boolean;
  @Field({ description: 'A dry run (validateOnly): every check ran, nothing was written.' }) dryRun!: boolean;
  @Field(() => ImportCounts) nodes!: ImportCounts;
  @Field(() => ImportCounts) links!: ImportCounts;
  @Field(() => RemovedCounts, { description: 'A revision: what the earlier version stated and this one no longer does (zero otherwise).' })
  removed!: RemovedCounts;
  @Field(() => [EntityRef], { description: 'The id each entity of the document received, by its ref.' }) entities!: EntityRef[];
  @Field(() => [ImportWarning], { description: 'Entities whose identity rests on their name alone (from the document only; dry runs too).' })
  warnings!: ImportWarning[];
}

@ObjectType()
export class RetractResult {
  @Field(() => ID) reportId!: string;
  @Field(() => Int, { description: 'Statements about entities removed.' }) statements!: number;
  @Field(() => Int, { description: 'Link statements removed.' }) links!: number;
}

@ObjectType()
export class SeizureTotal {
  @Field(() => Commodity) commodity!: string;
  @Field(() => Unit, { nullable: true }) unit?: string;
  @Field(() => Float) quantity!: number;
  @Field(() => Float, { nullable: true }) valueEur?: number;
  @Field(() => Int) seizures!: number;
}

@ObjectType({ description: 'A node of a Subgraph, ready to draw.' })
export class GraphNode {
  @Field(() => ID) id!: string;
  @Field(() => EntityType) type!: string;
  @Field() label!: string;
  @Field(() => JSONObject) properties!: Record<string, unknown>;
  // --- issue 12: provenance on drawn nodes ---
  @Field(() => [Source], { description: 'The visible reports that assert this entity (none for reference data such as countries).' })
  sources!: Source[];
}

// --- issue 12: edge orientation along a path ---
export enum WalkOrientation {
  FORWARD = 'FORWARD',
  BACKWARD = 'BACKWARD',
}
registerEnumType(WalkOrientation, {
  name: 'WalkOrientation',
  description: 'How a path walks an edge: FORWARD from `source` to `target`, BACKWARD from `target` to `source`.',
});

@ObjectType({
  description:
    'An edge of a Subgraph or a Path, ready to draw. Its `id` names this view of the link (the link, and what of it this answer shows), so that normalised client caches (Apollo `InMemoryCache`, urql graphcache, Relay), which key objects by type and `id`, never let one answer overwrite another; `linkId` names the link itself. See docs/graph-answers.md.',
})
export class GraphEdge {
  @Field(() => ID, {
    description:
      'This view of the link: `<linkId>` when the edge carries every visible statement of the link and no walk; `<linkId>~<from>..<to>` when a time window chose its statements (either end may be empty); with `~FORWARD` or `~BACKWARD` appended in a Path (the way the walk crosses it). Equal ids always carry equal fields.',
  })
  id!: string;
  @Field(() => ID, { description: 'The link, the same in every answer (the `linkId` of the link listed under an entity); not a cache key.' })
  linkId!: string;
  @Field(() => LinkType) type!: string;
  @Field(() => ID) source!: string;
  @Field(() => ID) target!: string;
  @Field(() => JSONObject) properties!: Record<string, unknown>;
  @Field(() => [Source]) sources!: Source[];
  // --- issue 12: direction and walk orientation ---
  @Field({ description: 'False for link types without a direction (ASSOCIATE_OF): `source` and `target` are then interchangeable.' })
  directed!: boolean;
  @Field(() => WalkOrientation, { nullable: true, description: 'In a Path: the way the walk crosses this edge (null outside paths).' })
  orientation?: WalkOrientation;
}

@ObjectType({
  description: 'The graph-shaped answer shared by every graph-returning query: nodes, every visible link among them, and whether a limit cut it short.',
})
export class Subgraph {
  @Field(() => [GraphNode]) nodes!: GraphNode[];
  @Field(() => [GraphEdge]) edges!: GraphEdge[];
  @Field({
    description:
      'True when a limit cut the answer short: `neighbourhood` left out nodes beyond its `limit`, or `connectingNetwork` had more than 100 shortest paths for a pair. Whatever its nodes, the answer holds every visible link among them (of its link types, dated inside its time window).',
  })
  truncated!: boolean;
}

@ObjectType()
export class ServiceInfo {
  @Field() version!: string;
  @Field() neo4jVersion!: string;
  @Field() neo4jEdition!: string;
}
