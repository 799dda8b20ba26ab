import { VisibilityParams } from '../auth/principal';
import { Config } from '../config';
import { boundedPathQuery, cypher } from '../db/cypher';
import { Database } from '../db/database';
import { EntityRow, LinkRow, LinkStatements, Repository, toLinkRow } from '../domain/repository';
import { assembleEntity, chooseLabel, Statement } from '../domain/statements';
import { text } from '../domain/identity';
import { ENTITY_TYPES, EntityTypeName, LINK_TYPES, LinkTypeName, SOURCE_RELIABILITY } from '../domain/vocabulary';
import { badInput, checkRange, tooComplex } from '../errors';
import { AnalysisGraph, coAttendanceProjection } from './algorithms';
import { AlgorithmName, analysisPool, AnalysisRunner } from './pool/analysis-pool';
import { ScopeCache } from './scope-cache';

export type CentralityAlgorithmName = 'DEGREE' | 'BETWEENNESS' | 'CLOSENESS' | 'PAGERANK' | 'EIGENVECTOR';
export type CommunityAlgorithmName = 'LOUVAIN' | 'CONNECTED_COMPONENTS';

export interface Scope {
  ids?: string[];
  around?: string;
  depth?: number;
  reports?: string[];
  entityTypes?: EntityTypeName[];
  linkTypes?: LinkTypeName[];
  /** Analyse persons through their co-attendance of events (two-mode data). */
  coAttendance?: boolean;
  reliability?: string[];
  maxAccuracy?: number;
}

export interface ExpandOptions {
  depth: number;
  linkTypes: readonly LinkTypeName[];
  entityTypes: readonly EntityTypeName[];
  from?: string | null;
  to?: string | null;
  limit: number;
}

/** Above this many nodes in scope, betweenness and closeness sample pivots (Brandes–Pich). */
export const EXACT_LIMIT = 5000;
/** A scope's graph with what a member list shows of each node (its label for this caller, its type). */
export type ScopeGraph = AnalysisGraph & { display: Map<string, { label: string; type: EntityTypeName }> };
export interface CommunityMember {
  id: string;
  label: string;
  type: EntityTypeName;
}

/** `shortestPaths(all: true)` answers at most this many paths. */
export const MAX_PATHS = 100;

/** A link of a path as the path read answers it: its type and ends (its statements are read apart). */
export type PathLinkKey = { type: string; fromId: string; toId: string };

/** `cypher/read/expand.cypher` unrolls this many levels. */
export const MAX_EXPAND_DEPTH = 4;
const SAMPLE_SIZE = 500;
const CENTRALITY_ALGORITHMS = {
  DEGREE: 'degree',
  BETWEENNESS: 'betweenness',
  CLOSENESS: 'closeness',
  PAGERANK: 'pagerank',
  EIGENVECTOR: 'eigenvector',
} as const satisfies Record<CentralityAlgorithmName, AlgorithmName>;
/** Countries are reference data: analysis leaves them out unless a scope names them. */
const DEFAULT_ANALYSIS_TYPES = ENTITY_TYPES.filter((t) => t !== 'Country');

/**
 * Link analysis on the caller's visible graph. The subgraph is selected in Cypher with the
 * need-to-know predicate applied to every node and link, then analysed in the service with
 * graph algorithms that follow networkx's definitions (see README: engine choice).
 */
export class AnalysisService {
  private readonly repository: Repository;

  constructor(
    private readonly db: Database,
    private readonly config: Config,
    /** Shared by the requests of one app (create the service once); none: every analysis reads its scope. */
    readonly cache?: ScopeCache,
    /** Runs the algorithms in worker threads (default: the app's pool for this configuration). */
    private readonly pool: AnalysisRunner = analysisPool(config),
  ) {
    this.repository = new Repository(db);
  }

  /**
   * Breadth-first expansion through visible links; countries are end points, never traversed. One
   * read (`cypher/read/expand.cypher`): the levels, the cap of `limit` nodes (admitted in sort-key
   * order), every visible link among the admitted nodes (of the link types, inside the window)
   * and the visible statements of the admitted nodes, whose views come back in `nodes`.
   */
  async expand(
    auth: VisibilityParams,
    rootId: string,
    options: ExpandOptions,
  ): Promise<{ nodeIds: string[]; links: LinkRow[]; truncated: boolean; nodes: EntityRow[] }> {
    checkRange('depth', options.depth, 1, MAX_EXPAND_DEPTH);
    const [row] = await this.db.read<{
      nodeIds: string[];
      links: LinkStatements[];
      truncated: boolean;
      nodes: Array<{ anchor: EntityRow; statements: Statement[] }>;
    }>(cypher('expand'), {
      auth,
      root: rootId,
      depth: options.depth,
      limit: options.limit,
      linkTypes: options.linkTypes,
      entityTypes: options.entityTypes,
      from: options.from ?? null,
      to: options.to ?? null,
    });
    // Every visible link among the admitted nodes, in the order its later end was admitted (level,
    // then sort-key order within a level), then its earlier end, then its id.
    const position = new Map(row.nodeIds.map((id, i) => [id, i]));
    const rank = (l: LinkStatements) => {
      const [a, b] = [position.get(l.fromId)!, position.get(l.toId)!];
      return [Math.max(a, b), Math.min(a, b)];
    };
    const links = row.links
      .map((l) => ({ l, r: rank(l) }))
      .sort((x, y) => x.r[0] - y.r[0] || x.r[1] - y.r[1] || (x.l.id < y.l.id ? -1 : x.l.id > y.l.id ? 1 : 0))
      .map(({ l }) => toLinkRow(l));
    return {
      nodeIds: row.nodeIds,
      links,
      truncated: row.truncated,
      nodes: row.nodes.map((n) => assembleEntity(n.anchor, n.statements)),
    };
  }

  /**
   * The subgraph of these entities: the ones the caller may see and the visible links among them
   * (of `linkTypes`, dated inside the window when one is given), in one read.
   */
  async subgraphAmong(
    auth: VisibilityParams,
    ids: readonly string[],
    options: { linkTypes: readonly LinkTypeName[]; from?: string; to?: string },
  ): Promise<{ nodes: EntityRow[]; links: LinkRow[] }> {
    const [row] = await this.db.read<{ nodes: Array<{ anchor: EntityRow; statements: Statement[] }>; links: LinkStatements[] }>(cypher('subgraph-among'), {
      auth,
      ids,
      linkTypes: options.linkTypes,
      from: options.from ?? null,
      to: options.to ?? null,
    });
    // none of the ids visible: the read's aggregation has no group, so no row (an empty subgraph)
    if (!row) return { nodes: [], links: [] };
    return { nodes: row.nodes.map((n) => assembleEntity(n.anchor, n.statements)), links: row.links.map(toLinkRow) };
  }

  /**
   * The visible subgraph a scope describes, from the cache when the caller's visibility class, the
   * data version and the scope are those of an earlier read (one short query checks the version).
   */
  async scopeGraph(auth: VisibilityParams, scope: Scope = {}, knownKey?: string): Promise<ScopeGraph> {
    const key = knownKey ?? (await this.cacheKey(auth, scope));
    if (!this.cache || !key) return this.readScopeGraph(auth, scope);
    const cached = this.cache.get<ScopeGraph>(key);
    if (cached) return cached;
    const graph = await this.readScopeGraph(auth, scope);
    this.cache.set(key, graph);
    return graph;
  }

  /** The cache key of a scope for this caller: visibility class, data version, scope (none without a cache). */
  private async cacheKey(auth: VisibilityParams, scope: Scope = {}): Promise<string | undefined> {
    if (!this.cache) return undefined;
    const [v] = await this.db.read<{ visible: string[]; reports: number; revisions: number; latest: string | null }>(cypher('analysis-version'), { auth });
    return JSON.stringify([[...v.visible].sort(), v.reports, v.revisions, v.latest, scopeKey(scope)]);
  }

  /** An analysis result from the cache, or computed (on the cached scope graph) and kept. */
  private async cachedResult<T>(
    auth: VisibilityParams,
    scope: Scope | undefined,
    analysis: string,
    compute: (graph: ScopeGraph) => Promise<T>,
    bytes: (r: T) => number,
  ): Promise<T> {
    const key = await this.cacheKey(auth, scope);
    const resultKey = key && `${key}|${analysis}`;
    const cached = resultKey ? this.cache!.getResult<T>(resultKey) : undefined;
    if (cached) return cached;
    const result = await compute(await this.scopeGraph(auth, scope, key));
    if (resultKey) this.cache!.setResult(resultKey, result, bytes(result));
    return result;
  }

  /** Reads the visible subgraph a scope describes, as an undirected analysis graph. */
  async readScopeGraph(auth: VisibilityParams, scope: Scope = {}): Promise<ScopeGraph> {
    const entityTypes = scope.entityTypes?.length ? scope.entityTypes : DEFAULT_ANALYSIS_TYPES;
    const linkTypes = scope.linkTypes?.length ? scope.linkTypes : LINK_TYPES;
    let ids = scope.ids?.length ? [...scope.ids] : undefined;
    // an empty id names nothing, like an unknown one (not "no neighbourhood": that is a null `around`)
    if (scope.around !== undefined && scope.around !== null) {
      const depth = scope.depth ?? 2;
      checkRange('scope.depth', depth, 1, 4);
      const around = await this.expand(auth, scope.around, { depth, linkTypes, entityTypes, limit: this.config.limits.maxAnalysisNodes });
      ids = [...new Set([...(ids ?? []), ...around.nodeIds])];
    }
    if (scope.maxAccuracy !== undefined && (scope.maxAccuracy < 1 || scope.maxAccuracy > 4)) throw badInput('scope.maxAccuracy', 'must be between 1 and 4');
    const rows = await this.db.read<{
      id: string;
      type: EntityTypeName;
      name: unknown;
      labels: Statement[];
      out: Array<{ target: string; type: LinkTypeName; weight: number }>;
    }>(cypher('scope-graph'), {
      auth,
      ids: ids ?? null,
      reports: scope.reports?.length ? scope.reports : null,
      entityTypes: scope.coAttendance ? ['Person', 'Event'] : entityTypes,
      linkTypes: scope.coAttendance ? ['ATTENDED'] : linkTypes,
      reliability: scope.reliability?.length ? scope.reliability : SOURCE_RELIABILITY,
      maxAccuracy: scope.maxAccuracy ?? 4,
      maxNodes: this.config.limits.maxAnalysisNodes,
    });
    if (rows.length > this.config.limits.maxAnalysisNodes) {
      throw tooComplex(`the scope holds more than ${this.config.limits.maxAnalysisNodes} entities; narrow it`);
    }
    // the display label as an entity view would choose it (countries: their name)
    const display = new Map(rows.map((r) => [r.id, { label: chooseLabel(r.labels) ?? (text(r.name) || r.id), type: r.type }]));
    if (scope.coAttendance) {
      const persons = rows.filter((r) => r.type === 'Person');
      const attendance = persons.flatMap((p) => p.out.map((l) => ({ person: p.id, event: l.target })));
      const projected = coAttendanceProjection(
        persons.filter((p) => p.out.length > 0).map((p) => p.id),
        attendance,
      );
      return { ...projected, display };
    }
    const edges = rows.flatMap((row) => row.out.map((l) => ({ source: row.id, target: l.target, weight: l.weight })));
    return { nodes: rows.map((r) => r.id), edges, display };
  }

  async centrality(auth: VisibilityParams, algorithm: CentralityAlgorithmName, scope: Scope | undefined, top: number) {
    const all = await this.cachedResult(
      auth,
      scope,
      `centrality:${algorithm}`,
      async (graph) => {
        // An empty scope (unknown or hidden ids) has no scores: answer empty, never a library error.
        if (graph.nodes.length === 0) return { ranked: [] as Array<[string, number]>, approximate: false, nodeCount: 0, edgeCount: 0 };
        const approximate = (algorithm === 'BETWEENNESS' || algorithm === 'CLOSENESS') && graph.nodes.length > EXACT_LIMIT;
        const sampling = approximate ? { sampleSize: SAMPLE_SIZE } : undefined;
        const scores: Map<string, number> = await this.pool.run(CENTRALITY_ALGORITHMS[algorithm], graph, sampling);
        const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        return { ranked, approximate, nodeCount: graph.nodes.length, edgeCount: graph.edges.length };
      },
      (r) => r.ranked.reduce((sum, [id]) => sum + 48 + 2 * id.length, 64),
    );
    return { ...all, ranked: all.ranked.slice(0, top) };
  }

  async communities(auth: VisibilityParams, algorithm: CommunityAlgorithmName, scope: Scope | undefined, seed?: number) {
    return this.cachedResult(
      auth,
      scope,
      `communities:${algorithm}:${seed ?? ''}`,
      (graph) => this.computeCommunities(graph, algorithm, seed),
      (r) => r.communities.reduce((sum, c) => sum + c.members.reduce((s, m) => s + 48 + 2 * (m.id.length + m.label.length), 32), 64),
    );
  }

  /** Communities with their members' labels from the scope read (no second read for them). */
  private async computeCommunities(graph: ScopeGraph, algorithm: CommunityAlgorithmName, seed?: number) {
    // Louvain weighted, as networkx's louvain_communities is by default (link weights, 1 when unset);
    // components with the unweighted modularity of that partition.
    const { communityOf, modularity } =
      algorithm === 'LOUVAIN' ? await this.pool.run('louvain', graph, { seed, weighted: true }) : await this.pool.run('components', graph);
    const groups = new Map<number, string[]>();
    for (const [id, c] of communityOf) {
      const members = groups.get(c);
      if (members) members.push(id);
      else groups.set(c, [id]);
    }
    const communities = [...groups.values()]
      .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1))
      .map((members, i) => ({
        id: i,
        members: members
          .sort()
          .map((id): CommunityMember => ({ id, label: graph.display.get(id)?.label ?? id, type: graph.display.get(id)?.type ?? 'Person' })),
      }));
    return { modularity, communities, nodeCount: graph.nodes.length };
  }

  /** One (or, with `all`, up to MAX_PATHS) shortest paths between two entities, in a fixed order. */
  async shortestPaths(auth: VisibilityParams, from: string, to: string, maxLength: number, linkTypes: readonly LinkTypeName[], all: boolean) {
    if (from === to) throw badInput('to', 'must differ from `from`');
    const [{ paths }] = await this.shortestPathKeys(auth, [{ from, to }], maxLength, linkTypes, all ? MAX_PATHS : 1);
    const keyOf = (l: PathLinkKey) => `${l.type}|${l.fromId}|${l.toId}`;
    const unique = new Map(paths.flatMap((p) => p.links).map((l) => [keyOf(l), l]));
    const found = new Map([...(await this.repository.linksByKeys(auth, [...unique.values()])).values()].map((l) => [keyOf(l), l]));
    return paths.map((p) => ({ nodeIds: p.nodeIds, links: p.links.map((l) => found.get(keyOf(l))).filter((l): l is LinkRow => !!l) }));
  }

  /**
   * Up to `max` shortest paths between each pair (callers give pairs of distinct ends), in one read,
   * as node ids and link keys: the links' statements are the caller's to read if it answers links.
   * A pair's paths are ordered by the ids of their nodes, then their link types (ties never follow
   * storage order); `truncated` when a pair had more than `max`.
   */
  async shortestPathKeys(
    auth: VisibilityParams,
    pairs: ReadonlyArray<{ from: string; to: string }>,
    maxLength: number,
    linkTypes: readonly LinkTypeName[],
    max: number,
  ): Promise<Array<{ paths: Array<{ nodeIds: string[]; links: PathLinkKey[] }>; truncated: boolean }>> {
    checkRange('maxLength', maxLength, 1, this.config.limits.maxHops);
    const rows = await this.db.read<{ pair: number; nodeIds: string[]; links: PathLinkKey[] }>(boundedPathQuery('shortest-paths', maxLength), {
      auth,
      pairs,
      linkTypes,
      // one more than answered, to tell a complete answer from a truncated one
      maxPaths: max + 1,
    });
    const byPair = pairs.map(() => ({ paths: [] as Array<{ nodeIds: string[]; links: PathLinkKey[] }>, truncated: false }));
    for (const r of rows) {
      const answer = byPair[r.pair];
      if (answer.paths.length === max) answer.truncated = true;
      else answer.paths.push({ nodeIds: r.nodeIds, links: r.links });
    }
    return byPair;
  }

  /** Other operations sharing entities with this one, with the shared entities. */
  linkedOperations(auth: VisibilityParams, id: string) {
    return this.db.read<{ id: string; shared: Array<{ id: string; type: string }> }>(cypher('linked-operations'), { auth, id });
  }

  /** Dated facts around an entity (date, kind, link type, the entity concerned). */
  timeline(auth: VisibilityParams, id: string, limit: number) {
    return this.db.read<{ date: string; kind: string; linkType: string | null; entityId: string }>(cypher('timeline'), { auth, id, limit });
  }

  /** Country pairs, organisations active in several countries and persons bridging groups, in parallel. */
  async crossBorder(auth: VisibilityParams, p: { countries: string[] | null; linkTypes: readonly LinkTypeName[]; minCountries: number; top: number }) {
    const params = { auth, countries: p.countries, top: p.top };
    const [pairs, orgs, bridges] = await Promise.all([
      this.db.read<{ countryA: string; countryB: string; links: number; routeLegs: number }>(cypher('cross-border-pairs'), {
        ...params,
        linkTypes: p.linkTypes,
      }),
      this.db.read<{ id: string; countries: string[] }>(cypher('cross-border-organisations'), { ...params, kinds: null, minCountries: p.minCountries }),
      this.db.read<{ id: string; countries: string[]; groups: Array<{ id: string; via: string; countries: string[] }> }>(
        cypher('cross-border-bridges'),
        params,
      ),
    ]);
    return { pairs, orgs, bridges };
  }
}

/** A scope in a canonical form: the same scope always gives the same key. */
function scopeKey(scope: Scope): unknown {
  const list = (xs?: readonly string[]) => (xs?.length ? [...new Set(xs)].sort() : null);
  return {
    ids: list(scope.ids),
    around: scope.around ?? null,
    depth: scope.around !== undefined && scope.around !== null ? (scope.depth ?? 2) : null,
    reports: list(scope.reports),
    entityTypes: list(scope.entityTypes),
    linkTypes: list(scope.linkTypes),
    coAttendance: scope.coAttendance ?? false,
    reliability: list(scope.reliability),
    maxAccuracy: scope.maxAccuracy ?? null,
  };
}
