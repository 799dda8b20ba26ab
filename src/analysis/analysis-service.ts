import { VisibilityParams } from '../auth/principal';
import { Config } from '../config';
import { cypher } from '../db/cypher';
import { Database } from '../db/database';
import { visibleView } from '../domain/claims';
import { EntityRow, LinkRow } from '../domain/repository';
import { ENTITY_TYPES, EntityTypeName, LINK_TYPES, LinkTypeName } from '../domain/vocabulary';
import { badInput, notFound, tooComplex } from '../graphql/errors';
import {
  AnalysisGraph,
  betweennessCentrality,
  closenessCentrality,
  coAttendanceProjection,
  connectedComponents,
  degreeCentrality,
  eigenvectorCentrality,
  louvain,
  pageRank,
} from './graph-algorithms';
import { partitionModularity } from './modularity';

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
const SAMPLE_SIZE = 500;
/** Countries are reference data: analysis leaves them out unless a scope names them. */
const DEFAULT_ANALYSIS_TYPES = ENTITY_TYPES.filter((t) => t !== 'Country');

/**
 * Link analysis on the caller's visible graph. The subgraph is selected in Cypher with the
 * need-to-know predicate applied to every node and link, then analysed in the service with
 * graph algorithms that follow networkx's definitions (see README: engine choice).
 */
export class AnalysisService {
  constructor(
    private readonly db: Database,
    private readonly config: Config,
  ) {}

  /** Breadth-first expansion through visible links; countries are end points, never traversed. */
  async expand(auth: VisibilityParams, rootId: string, options: ExpandOptions): Promise<{ nodeIds: string[]; links: LinkRow[]; truncated: boolean }> {
    const visited = new Set<string>([rootId]);
    const links = new Map<string, LinkRow>();
    let frontier = rootId.startsWith('country:') ? [] : [rootId];
    let truncated = false;
    for (let level = 0; level < options.depth && frontier.length > 0; level++) {
      const rows = await this.db.read<{ link: LinkRow & { source: string; target: string }; neighbour: string }>(cypher('expand-level'), {
        auth,
        frontier,
        linkTypes: options.linkTypes,
        entityTypes: options.entityTypes,
        from: options.from ?? null,
        to: options.to ?? null,
      });
      const next: string[] = [];
      for (const { link, neighbour } of rows) {
        if (!visited.has(neighbour)) {
          if (visited.size >= options.limit) {
            truncated = true;
            continue;
          }
          visited.add(neighbour);
          if (!neighbour.startsWith('country:')) next.push(neighbour);
        }
        if (visited.has(link.source) && visited.has(link.target)) links.set(link.id, visibleView(link, 'link'));
      }
      frontier = next;
    }
    return { nodeIds: [...visited], links: [...links.values()], truncated };
  }

  /** The visible subgraph a scope describes, as an undirected analysis graph. */
  async scopeGraph(auth: VisibilityParams, scope: Scope = {}): Promise<AnalysisGraph> {
    const entityTypes = scope.entityTypes?.length ? scope.entityTypes : DEFAULT_ANALYSIS_TYPES;
    const linkTypes = scope.linkTypes?.length ? scope.linkTypes : LINK_TYPES;
    let ids = scope.ids?.length ? [...scope.ids] : undefined;
    if (scope.around) {
      const depth = scope.depth ?? 2;
      if (!Number.isInteger(depth) || depth < 1 || depth > 4) throw badInput('scope.depth', 'must be between 1 and 4');
      const around = await this.expand(auth, scope.around, { depth, linkTypes, entityTypes, limit: this.config.limits.maxAnalysisNodes });
      ids = [...new Set([...(ids ?? []), ...around.nodeIds])];
    }
    if (scope.maxAccuracy !== undefined && (scope.maxAccuracy < 1 || scope.maxAccuracy > 4)) throw badInput('scope.maxAccuracy', 'must be between 1 and 4');
    const rows = await this.db.read<{ id: string; type: EntityTypeName; out: Array<{ target: string; type: LinkTypeName; weight: number }> }>(cypher('scope-graph'), {
      auth,
      ids: ids ?? null,
      reports: scope.reports?.length ? scope.reports : null,
      entityTypes: scope.coAttendance ? ['Person', 'Event'] : entityTypes,
      linkTypes: scope.coAttendance ? ['ATTENDED'] : linkTypes,
      reliability: scope.reliability?.length ? scope.reliability : ['A', 'B', 'C', 'X'],
      maxAccuracy: scope.maxAccuracy ?? 4,
    });
    if (rows.length > this.config.limits.maxAnalysisNodes) {
      throw tooComplex(`the scope holds ${rows.length} entities; narrow it to at most ${this.config.limits.maxAnalysisNodes}`);
    }
    if (scope.coAttendance) {
      const persons = rows.filter((r) => r.type === 'Person');
      const attendance = persons.flatMap((p) => p.out.map((l) => ({ person: p.id, event: l.target })));
      return coAttendanceProjection(
        persons.filter((p) => p.out.length > 0).map((p) => p.id),
        attendance,
      );
    }
    const edges = rows.flatMap((row) => row.out.map((l) => ({ source: row.id, target: l.target, weight: l.weight })));
    return { nodes: rows.map((r) => r.id), edges };
  }

  async centrality(auth: VisibilityParams, algorithm: CentralityAlgorithmName, scope: Scope | undefined, top: number) {
    const graph = await this.scopeGraph(auth, scope);
    // An empty scope (unknown or hidden ids) has no scores: answer empty, never a library error.
    if (graph.nodes.length === 0) return { ranked: [] as Array<[string, number]>, approximate: false, nodeCount: 0, edgeCount: 0 };
    const approximate = (algorithm === 'BETWEENNESS' || algorithm === 'CLOSENESS') && graph.nodes.length > EXACT_LIMIT;
    const sampling = approximate ? { sampleSize: SAMPLE_SIZE } : undefined;
    const scores: Map<string, number> = {
      DEGREE: () => degreeCentrality(graph),
      BETWEENNESS: () => betweennessCentrality(graph, sampling),
      CLOSENESS: () => closenessCentrality(graph, sampling),
      PAGERANK: () => pageRank(graph),
      EIGENVECTOR: () => eigenvectorCentrality(graph),
    }[algorithm]();
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
    return { ranked, approximate, nodeCount: graph.nodes.length, edgeCount: graph.edges.length };
  }

  async communities(auth: VisibilityParams, algorithm: CommunityAlgorithmName, scope: Scope | undefined, seed?: number) {
    const graph = await this.scopeGraph(auth, scope);
    let communityOf: Map<string, number>;
    let modularity: number;
    if (algorithm === 'LOUVAIN') {
      // Weighted, as networkx's louvain_communities is by default (link weights, 1 when unset).
      ({ communityOf, modularity } = louvain(graph, { seed, weighted: true }));
    } else {
      communityOf = new Map();
      connectedComponents(graph).forEach((members, i) => members.forEach((id) => communityOf.set(id, i)));
      modularity = partitionModularity(graph, communityOf);
    }
    const groups = new Map<number, string[]>();
    for (const [id, c] of communityOf) {
      const members = groups.get(c);
      if (members) members.push(id);
      else groups.set(c, [id]);
    }
    const communities = [...groups.values()]
      .sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1))
      .map((members, i) => ({ id: i, members: members.sort() }));
    return { modularity, communities, nodeCount: graph.nodes.length };
  }

  async shortestPaths(auth: VisibilityParams, from: string, to: string, maxLength: number, linkTypes: readonly LinkTypeName[], all: boolean) {
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > this.config.limits.maxHops) {
      throw tooComplex(`maxLength must be between 1 and ${this.config.limits.maxHops}`);
    }
    if (from === to) throw badInput('to', 'must differ from `from`');
    const rows = await this.db.read<{ nodeIds: string[]; links: Array<LinkRow & { source: string; target: string }> }>(cypher('shortest-paths'), {
      auth,
      from,
      to,
      maxLength,
      linkTypes,
      maxPaths: all ? 100 : 1,
    });
    return rows.map((r) => ({ ...r, links: r.links.map((l) => visibleView(l, 'link')) }));
  }

  async requireVisible(auth: VisibilityParams, id: string, what = 'entity'): Promise<EntityRow> {
    const [row] = await this.db.read<{ entity: EntityRow }>(cypher('entities-by-ids'), { auth, ids: [id] });
    if (!row) throw notFound(`${what} ${JSON.stringify(id)}`);
    return visibleView(row.entity, 'entity');
  }
}
