import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { AnalysisService, CentralityAlgorithmName, CommunityAlgorithmName, MAX_EXPAND_DEPTH, MAX_PATHS, Scope } from '../../analysis/analysis-service';
import { EntityRow, LinkRow } from '../../domain/repository';
import { EntityTypeName, LINK_TYPES, LinkTypeName, UNDIRECTED_LINKS } from '../../domain/vocabulary';
import { READ_ROLES } from '../auth-checker';
import { Context } from '../context';
import { badInput, checkRange, notFound } from '../../errors';
import { DateScalar, EntityType, LinkType, SourceReliability } from '../scalars';
import { Entity, GraphEdge, GraphNode, Subgraph, WalkOrientation } from '../types';
import { toEntity, toSources } from './entity-resolvers';

export enum CentralityAlgorithm {
  DEGREE = 'DEGREE',
  BETWEENNESS = 'BETWEENNESS',
  CLOSENESS = 'CLOSENESS',
  PAGERANK = 'PAGERANK',
  EIGENVECTOR = 'EIGENVECTOR',
}
export enum CommunityAlgorithm {
  LOUVAIN = 'LOUVAIN',
  CONNECTED_COMPONENTS = 'CONNECTED_COMPONENTS',
}
registerEnumType(CentralityAlgorithm, {
  name: 'CentralityAlgorithm',
  description:
    'Unweighted, as networkx computes them: degree = distinct neighbours; betweenness and closeness normalised; PageRank damping 0.85; eigenvector on the largest component.',
});
registerEnumType(CommunityAlgorithm, { name: 'CommunityAlgorithm', description: 'LOUVAIN is weighted by link weight (1 when unset) and seeded.' });

@InputType({ description: 'What part of the visible graph to analyse; empty means all of it (countries excepted).' })
export class AnalysisScope implements Scope {
  @Field(() => [ID], { nullable: true, description: 'Only these entities.' }) ids?: string[];
  @Field(() => ID, { nullable: true, description: 'The neighbourhood of this entity…' }) around?: string;
  @Field(() => Int, { nullable: true, description: '…within this many hops (1-4, default 2).' }) depth?: number;
  @Field(() => [ID], { nullable: true, description: 'Only facts asserted by these reports.' }) reports?: string[];
  @Field(() => [EntityType], { nullable: true }) entityTypes?: EntityTypeName[];
  @Field(() => [LinkType], { nullable: true }) linkTypes?: LinkTypeName[];
  @Field({ nullable: true, description: 'Analyse persons through co-attendance of events (two-mode data).' }) coAttendance?: boolean;
  @Field(() => [SourceReliability], { nullable: true, description: 'Only links with a visible source of these reliabilities.' }) reliability?: string[];
  @Field(() => Int, { nullable: true, description: 'Only links with a visible source of at most this accuracy (1 best … 4).' }) maxAccuracy?: number;
}

@ObjectType()
export class EntityScore {
  @Field(() => Entity) entity!: Entity;
  @Field(() => Float) score!: number;
  @Field({ description: 'True when betweenness/closeness were estimated from sampled pivots (large scopes).' }) approximate!: boolean;
}

@ObjectType()
export class CommunityMember {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => EntityType) type!: string;
}

@ObjectType()
export class Community {
  @Field(() => Int) id!: number;
  @Field(() => Int) size!: number;
  @Field(() => [CommunityMember]) members!: CommunityMember[];
}

@ObjectType()
export class CommunitiesResult {
  @Field(() => Float) modularity!: number;
  @Field(() => [Community]) communities!: Community[];
}

@ObjectType()
export class Path {
  @Field(() => Int) length!: number;
  @Field(() => [GraphNode]) nodes!: GraphNode[];
  @Field(() => [GraphEdge]) edges!: GraphEdge[];
}

@ObjectType()
export class SharedEntity {
  @Field(() => Entity) entity!: Entity;
  @Field(() => EntityType) type!: string;
}

@ObjectType({ description: 'Another operation sharing persons, organisations, routes, locations or seizures with this one.' })
export class LinkedOperation {
  @Field(() => Entity) operation!: Entity;
  @Field(() => Float, { description: 'Sum of evidence weights: person/organisation 3, route/seizure 2, location 1.' }) score!: number;
  @Field(() => [SharedEntity]) shared!: SharedEntity[];
}

@ObjectType()
export class TimelineEntry {
  @Field(() => DateScalar) date!: string;
  @Field({ description: 'What happened: a link type (ARRESTED, …, MEMBER_OF_SINCE), or a dated entity type.' }) kind!: string;
  @Field(() => LinkType, { nullable: true }) linkType?: string;
  @Field(() => Entity, { nullable: true }) entity?: Entity;
}

@ObjectType()
export class CountryPair {
  @Field() countryA!: string;
  @Field() countryB!: string;
  @Field(() => Int) links!: number;
  @Field(() => Int, { description: 'Of which consecutive route legs.' }) routeLegs!: number;
}

@ObjectType()
export class MultiCountryOrganisation {
  @Field(() => Entity) organisation!: Entity;
  @Field(() => [String]) countries!: string[];
}

@ObjectType()
export class BridgedGroup {
  @Field(() => Entity) organisation!: Entity;
  @Field({ description: 'MEMBER, or ASSOCIATE (associate of a member).' }) via!: string;
  @Field(() => [String]) countries!: string[];
}

@ObjectType()
export class BridgePerson {
  @Field(() => Entity) person!: Entity;
  @Field(() => [BridgedGroup]) groups!: BridgedGroup[];
  @Field(() => [String]) countries!: string[];
}

@ObjectType()
export class CrossBorder {
  @Field(() => [CountryPair]) countryLinks!: CountryPair[];
  @Field(() => [MultiCountryOrganisation]) organisations!: MultiCountryOrganisation[];
  @Field(() => [BridgePerson]) bridges!: BridgePerson[];
}

const INTERNAL = new Set(['id', 'type', 'label', 'sources', 'fromId', 'toId']);
const strip = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k, v]) => !INTERNAL.has(k) && v !== null));

export function graphNode(row: EntityRow): GraphNode {
  return { id: row.id, type: row.type, label: row.label, properties: strip(row), sources: toSources(row.sources ?? []) };
}

/** What of a link an answer shows, beyond all its visible statements: a time window that chose them. */
export interface EdgeView {
  from?: string | null;
  to?: string | null;
}

/** The part of a GraphEdge's `id` after the link id for this view ('' for the whole link). */
const viewSuffix = (view?: EdgeView) => (view && (view.from || view.to) ? `~${view.from ?? ''}..${view.to ?? ''}` : '');

export function graphEdge(row: LinkRow, view?: EdgeView): GraphEdge {
  return {
    id: `${row.id}${viewSuffix(view)}`,
    linkId: row.id,
    type: row.type,
    source: row.fromId,
    target: row.toId,
    properties: strip(row),
    sources: toSources(row.sources),
    directed: !UNDIRECTED_LINKS.has(row.type as LinkTypeName),
  };
}

/**
 * issue 12: a path's edges with the way the walk crosses each (nodeIds[i] → nodeIds[i + 1]). The
 * orientation belongs to the path, so it is part of the edge's id (issue 16, item 13): the same
 * link walked the other way by another path is another object in a normalised client cache.
 */
export function walkEdges(nodeIds: string[], links: LinkRow[]): GraphEdge[] {
  return links.map((l, i) => {
    const edge = graphEdge(l);
    const orientation = edge.source === nodeIds[i] ? WalkOrientation.FORWARD : WalkOrientation.BACKWARD;
    return { ...edge, id: `${edge.id}~${orientation}`, orientation };
  });
}

/** The entities of these ids the caller may see, through the request's loader (a failed read fails). */
async function entities(ctx: Context, ids: string[]): Promise<Map<string, EntityRow>> {
  const rows = await ctx.loaders.entity.loadMany(ids);
  const found = new Map<string, EntityRow>();
  for (const r of rows) {
    if (r instanceof Error) throw r;
    if (r) found.set(r.id, r);
  }
  return found;
}

/** As `entities`, but every id must be visible: the first that is not answers NOT_FOUND. */
async function requireVisible(ctx: Context, ids: string[], what = 'entity'): Promise<Map<string, EntityRow>> {
  const found = await entities(ctx, ids);
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw notFound(`${what} ${JSON.stringify(missing)}`);
  return found;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const SHARED_WEIGHT: Record<string, number> = { Person: 3, Organisation: 3, Route: 2, Seizure: 2, Location: 1 };

@Resolver()
export class AnalysisResolver {
  private service(ctx: Context): AnalysisService {
    return ctx.analysis;
  }

  @Authorized(...READ_ROLES)
  @Query(() => Subgraph, { description: 'The subgraph within `depth` hops, filtered by link and entity types and a time window.' })
  async neighbourhood(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('depth', () => Int, { defaultValue: 1 }) depth: number,
    @Arg('linkTypes', () => [LinkType], { nullable: true }) linkTypes?: LinkTypeName[],
    @Arg('entityTypes', () => [EntityType], { nullable: true }) entityTypes?: EntityTypeName[],
    @Arg('from', () => DateScalar, { nullable: true }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string,
    @Arg('limit', () => Int, { defaultValue: 200, description: 'At most this many nodes.' }) limit?: number,
  ): Promise<Subgraph> {
    checkRange('depth', depth, 1, MAX_EXPAND_DEPTH);
    checkRange('limit', limit, 1, ctx.config.limits.maxSubgraphNodes);
    const service = this.service(ctx);
    // No separate visibility check: a hidden root has no visible link (a visible link's ends are
    // visible), so the expansion finds nothing, and the final read of the nodes answers NOT_FOUND.
    const result = await service.expand(ctx.auth, id, {
      depth,
      linkTypes: linkTypes?.length ? linkTypes : LINK_TYPES,
      entityTypes: entityTypes?.length
        ? [...new Set([...entityTypes])]
        : (['Person', 'Organisation', 'Operation', 'Seizure', 'Route', 'Location', 'Event', 'Country'] as EntityTypeName[]),
      from,
      to,
      limit: limit!,
    });
    // the expansion read the admitted nodes' statements too: their views need no second read
    for (const node of result.nodes) ctx.loaders.entity.prime(node.id, node);
    const nodes = new Map(result.nodes.map((n) => [n.id, n]));
    if (!nodes.has(id)) throw notFound(`entity ${JSON.stringify(id)}`);
    return {
      nodes: result.nodeIds.filter((n) => nodes.has(n)).map((n) => graphNode(nodes.get(n)!)),
      edges: result.links.map((l) => graphEdge(l, { from, to })),
      truncated: result.truncated,
    };
  }

  @Authorized(...READ_ROLES)
  @Query(() => Subgraph, {
    description:
      'A chosen set of entities: the ones the caller may see (hidden and unknown ids are left out alike) and the visible links among them, optionally of some types and dated inside a time window.',
  })
  async subgraph(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('linkTypes', () => [LinkType], { nullable: true }) linkTypes?: LinkTypeName[],
    @Arg('from', () => DateScalar, { nullable: true }) from?: string,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string,
  ): Promise<Subgraph> {
    const unique = [...new Set(ids)];
    checkRange('ids', unique.length, 1, ctx.config.limits.maxSubgraphNodes);
    const result = await this.service(ctx).subgraphAmong(ctx.auth, unique, { linkTypes: linkTypes?.length ? linkTypes : LINK_TYPES, from, to });
    for (const node of result.nodes) ctx.loaders.entity.prime(node.id, node);
    const order = new Map(unique.map((id, i) => [id, i]));
    return {
      nodes: result.nodes.sort((a, b) => order.get(a.id)! - order.get(b.id)!).map(graphNode),
      edges: result.links.map((l) => graphEdge(l, { from, to })),
      truncated: false,
    };
  }

  @Authorized(...READ_ROLES)
  @Query(() => [Path], { description: 'One (or all) shortest paths through visible links; countries are never inner steps.' })
  async shortestPaths(
    @Ctx() ctx: Context,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxLength', () => Int, { defaultValue: 6 }) maxLength: number,
    @Arg('linkTypes', () => [LinkType], { nullable: true }) linkTypes?: LinkTypeName[],
    @Arg('all', { defaultValue: false }) all?: boolean,
  ): Promise<Path[]> {
    const service = this.service(ctx);
    await requireVisible(ctx, [from, to]);
    const rows = await service.shortestPaths(ctx.auth, from, to, maxLength, linkTypes?.length ? linkTypes : LINK_TYPES, all ?? false);
    const nodes = await entities(ctx, [...new Set(rows.flatMap((r) => r.nodeIds))]);
    return rows.map((r) => ({
      length: r.links.length,
      nodes: r.nodeIds.map((n) => graphNode(nodes.get(n)!)),
      edges: walkEdges(r.nodeIds, r.links),
    }));
  }

  @Authorized(...READ_ROLES)
  @Query(() => Subgraph, {
    description:
      'How are these entities connected? The nodes of the shortest paths between every pair (at most 100 per pair: `truncated` says when a pair had more) and every visible link among them.',
  })
  async connectingNetwork(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('maxLength', () => Int, { defaultValue: 4 }) maxLength: number,
    @Arg('linkTypes', () => [LinkType], { nullable: true }) linkTypes?: LinkTypeName[],
  ): Promise<Subgraph> {
    const unique = [...new Set(ids)];
    if (unique.length < 2 || unique.length > 10) throw badInput('ids', 'give between 2 and 10 distinct ids');
    await requireVisible(ctx, unique);
    const pairs = unique.flatMap((from, i) => unique.slice(i + 1).map((to) => ({ from, to })));
    const types = linkTypes?.length ? linkTypes : LINK_TYPES;
    const service = this.service(ctx);
    // only the nodes of the paths count: their links' statements are read once, by subgraphAmong
    const answers = await service.shortestPathKeys(ctx.auth, pairs, maxLength, types, MAX_PATHS);
    const nodeIds = new Set(unique);
    for (const r of answers.flatMap((a) => a.paths)) r.nodeIds.forEach((n) => nodeIds.add(n));
    // every visible link among the nodes of the paths (of the link types), not only the links the
    // paths walk: a graph-shaped answer never leaves out a visible link between two of its nodes
    const result = await service.subgraphAmong(ctx.auth, [...nodeIds], { linkTypes: types });
    for (const node of result.nodes) ctx.loaders.entity.prime(node.id, node);
    const nodes = new Map(result.nodes.map((n) => [n.id, n]));
    return {
      nodes: [...nodeIds].filter((n) => nodes.has(n)).map((n) => graphNode(nodes.get(n)!)),
      edges: result.links.map((l) => graphEdge(l)),
      truncated: answers.some((a) => a.truncated),
    };
  }

  @Authorized(...READ_ROLES)
  @Query(() => [EntityScore], { description: 'Key players: the top entities of the scope by a centrality, best first.' })
  async centrality(
    @Ctx() ctx: Context,
    @Arg('algorithm', () => CentralityAlgorithm) algorithm: CentralityAlgorithmName,
    @Arg('scope', () => AnalysisScope, { nullable: true }) scope?: AnalysisScope,
    @Arg('top', () => Int, { defaultValue: 10 }) top?: number,
  ): Promise<EntityScore[]> {
    checkRange('top', top, 1, ctx.config.limits.maxPageSize);
    const { ranked, approximate } = await this.service(ctx).centrality(ctx.auth, algorithm, scope, top!);
    const found = await entities(
      ctx,
      ranked.map(([id]) => id),
    );
    return ranked.filter(([id]) => found.has(id)).map(([id, score]) => ({ entity: toEntity(found.get(id)!), score, approximate }));
  }

  @Authorized(...READ_ROLES)
  @Query(() => CommunitiesResult, { description: 'Communities of the scope, largest first.' })
  async communities(
    @Ctx() ctx: Context,
    @Arg('algorithm', () => CommunityAlgorithm, { defaultValue: CommunityAlgorithm.LOUVAIN }) algorithm: CommunityAlgorithmName,
    @Arg('scope', () => AnalysisScope, { nullable: true }) scope?: AnalysisScope,
    @Arg('seed', () => Int, { nullable: true, description: 'Louvain is randomised; the same seed gives the same partition.' }) seed?: number,
  ): Promise<CommunitiesResult> {
    // members come with their labels from the scope read: no second read, whatever is selected
    const result = await this.service(ctx).communities(ctx.auth, algorithm, scope, seed ?? undefined);
    return {
      modularity: result.modularity,
      communities: result.communities.map((c) => ({
        id: c.id,
        size: c.members.length,
        members: c.members,
      })),
    };
  }

  @Authorized(...READ_ROLES)
  @Query(() => [LinkedOperation], { description: 'The nexus between investigations: operations sharing entities with this one, ranked.' })
  async linkedOperations(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<LinkedOperation[]> {
    const op = (await requireVisible(ctx, [id], 'operation')).get(id)!;
    if (op.type !== 'Operation') throw badInput('id', 'is not an operation');
    const rows = await this.service(ctx).linkedOperations(ctx.auth, id);
    // the read answers only entities the caller may see (through visible links); the views loaded
    // here are the labels shown, and the score counts exactly the shared entities answered
    const found = await entities(ctx, [...rows.map((r) => r.id), ...rows.flatMap((r) => r.shared.map((s) => s.id))]);
    return (
      rows
        .filter((r) => found.has(r.id))
        .map((r) => {
          const shared = r.shared.filter((s) => found.has(s.id));
          return {
            operation: toEntity(found.get(r.id)!),
            score: shared.reduce((sum, s) => sum + (SHARED_WEIGHT[s.type] ?? 1), 0),
            shared: shared.map((s) => ({ entity: toEntity(found.get(s.id)!), type: s.type })),
          };
        })
        // the read orders by id; the answer is ranked by score, equal scores by the label the
        // caller sees (assembled from visible statements), then by id (never the order of the read)
        .sort((a, b) => b.score - a.score || cmp(a.operation.label, b.operation.label) || cmp(a.operation.id, b.operation.id))
    );
  }

  @Authorized(...READ_ROLES)
  @Query(() => [TimelineEntry], { description: 'The dated events around an entity, in order.' })
  async timeline(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('limit', () => Int, { defaultValue: 200 }) limit: number,
  ): Promise<TimelineEntry[]> {
    checkRange('limit', limit, 1, ctx.config.limits.maxPageSize);
    await requireVisible(ctx, [id]);
    const rows = await this.service(ctx).timeline(ctx.auth, id, limit);
    const found = await entities(
      ctx,
      rows.map((r) => r.entityId),
    );
    // in the order of the read (date, kind, then the entity's sort key), which its limit kept
    return rows.map((r) => ({
      date: r.date,
      kind: r.kind,
      linkType: r.linkType ?? undefined,
      entity: found.has(r.entityId) ? toEntity(found.get(r.entityId)!) : undefined,
    }));
  }

  @Authorized(...READ_ROLES)
  @Query(() => CrossBorder, { description: 'Links and networks that span countries.' })
  async crossBorder(
    @Ctx() ctx: Context,
    @Arg('countries', () => [String], { nullable: true, description: 'Only figures involving these ISO codes.' }) countries?: string[],
    @Arg('linkTypes', () => [LinkType], { nullable: true }) linkTypes?: LinkTypeName[],
    @Arg('minCountries', () => Int, { defaultValue: 2 }) minCountries?: number,
    @Arg('top', () => Int, { defaultValue: 50 }) top?: number,
  ): Promise<CrossBorder> {
    checkRange('top', top, 1, ctx.config.limits.maxPageSize);
    const { pairs, orgs, bridges } = await this.service(ctx).crossBorder(ctx.auth, {
      countries: countries?.length ? countries.map((c) => c.toUpperCase()) : null,
      linkTypes: linkTypes?.length ? linkTypes : LINK_TYPES.filter((t) => t !== 'NATIONAL_OF' && t !== 'BASED_IN'),
      minCountries: minCountries!,
      top: top!,
    });
    const found = await entities(ctx, [...orgs.map((o) => o.id), ...bridges.flatMap((b) => [b.id, ...b.groups.map((g) => g.id)])]);
    return {
      countryLinks: pairs,
      organisations: orgs.filter((o) => found.has(o.id)).map((o) => ({ organisation: toEntity(found.get(o.id)!), countries: o.countries })),
      bridges: bridges
        .filter((b) => found.has(b.id))
        .map((b) => ({
          person: toEntity(found.get(b.id)!),
          countries: b.countries,
          groups: b.groups.filter((g) => found.has(g.id)).map((g) => ({ organisation: toEntity(found.get(g.id)!), via: g.via, countries: g.countries })),
        })),
    };
  }
}

export const ANALYSIS_RESOLVERS = [AnalysisResolver] as const;
