import { VisibilityParams } from './visibility';
import { cypher } from '../db/cypher';
import { Database } from '../db/database';
import { luceneQuery, searchTerms, textRelevance } from './lucene';
import { assembleEntity, assembleLink, EntityView, LinkView, Statement } from './statements';
import { LinkTypeName } from './vocabulary';

/** An entity as the caller sees it, assembled from the statements of their visible reports. */
export type EntityRow = EntityView;
/** A link as the caller sees it: its visible reports' statements collapsed. */
export type LinkRow = LinkView;
export type ReportRow = Record<string, unknown> & { id: string };

export type TypedList = 'persons' | 'operations' | 'seizures';
const LIST_TYPES: Record<TypedList, string> = { persons: 'Person', operations: 'Operation', seizures: 'Seizure' };

/** A link as queries return it: its key and every visible statement of it. */
export interface LinkStatements {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  statements: Statement[];
}

export const toLinkRow = (l: LinkStatements): LinkRow => assembleLink(l, l.statements);

export interface LinkKey {
  id: string;
  types: readonly LinkTypeName[];
  dir: 'OUT' | 'IN' | 'BOTH';
  first: number;
}

export const linkKey = (k: LinkKey) => `${k.id}|${k.types.join(',')}|${k.dir}|${k.first}`;

/** At most this many visible hits are ranked (the cap applies after the need-to-know filter). */
const MAX_SEARCH_HITS = 5000;

/** Read access to entities, links and reports; every query applies need-to-know in Cypher. */
export class Repository {
  constructor(private readonly db: Database) {}

  async entitiesByIds(auth: VisibilityParams, ids: readonly string[]): Promise<EntityRow[]> {
    const rows = await this.db.read<{ anchor: EntityRow; statements: Statement[] }>(cypher('entities-by-ids'), { auth, ids });
    return rows.map((r) => assembleEntity(r.anchor, r.statements));
  }

  async linksOf(auth: VisibilityParams, keys: readonly LinkKey[]): Promise<Map<string, LinkRow[]>> {
    const rows = await this.db.read<{ key: string; links: LinkStatements[] }>(cypher('links-of'), {
      auth,
      keys: keys.map((k) => ({ ...k, key: linkKey(k) })),
    });
    return new Map(rows.map((r) => [r.key, r.links.map(toLinkRow)]));
  }

  /** Links by type and ends, with all their visible statements. */
  async linksByKeys(auth: VisibilityParams, links: Array<{ type: string; fromId: string; toId: string }>): Promise<Map<string, LinkRow>> {
    if (links.length === 0) return new Map();
    const rows = await this.db.read<LinkStatements>(cypher('links-by-keys'), { auth, links });
    return new Map(rows.map((l) => [l.id, toLinkRow(l)]));
  }

  /** Reports the caller may see, newest first, after the `after` position. */
  async reportsPage(auth: VisibilityParams, agency: string | null, after: { date: string; id: string } | null, first: number) {
    const [result] = await this.db.read<{ total: number; start: number; page: ReportRow[] }>(cypher('list-reports'), { auth, agency, after, first });
    return result;
  }

  async databaseVersion() {
    const [row] = await this.db.read<{ version: string; edition: string }>(cypher('database-version'));
    return row;
  }

  async reportsByIds(auth: VisibilityParams, ids: readonly string[]): Promise<ReportRow[]> {
    const rows = await this.db.read<{ report: ReportRow }>(cypher('reports-by-ids'), { auth, ids });
    return rows.map((r) => r.report);
  }

  /**
   * Visible hits only (filtered in Cypher before any cap), ranked by a relevance computed from the
   * visible names, then by sort key and id; capped at MAX_SEARCH_HITS after the filter.
   */
  async search(auth: VisibilityParams, text: string, types: string[], offset: number, first: number) {
    const query = luceneQuery(text);
    if (!query) return { total: 0, page: [] as Array<{ id: string }> };
    const hits = await this.db.read<{ id: string; names: string[]; sortKey: string | null }>(cypher('search'), { auth, query, types });
    const terms = searchTerms(text);
    const byId = new Map<string, { id: string; relevance: number; sortKey: string }>();
    for (const h of hits) {
      const relevance = textRelevance(
        h.names.filter((n): n is string => typeof n === 'string'),
        terms,
      );
      if (relevance === 0) continue;
      const prev = byId.get(h.id);
      if (!prev || relevance > prev.relevance) byId.set(h.id, { id: h.id, relevance, sortKey: h.sortKey ?? '' });
    }
    const ranked = [...byId.values()]
      .sort((a, b) => b.relevance - a.relevance || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) || (a.id < b.id ? -1 : 1))
      .slice(0, MAX_SEARCH_HITS);
    return { total: ranked.length, page: ranked.slice(offset, offset + first).map((h) => ({ id: h.id })) };
  }

  /**
   * A page of a typed list (persons, operations, seizures) in the caller's sort-key order after
   * `after`, walking the statement index; the total is a separate query, run only when asked for.
   */
  async typedPage(auth: VisibilityParams, list: TypedList, filters: Record<string, unknown>, after: { sortKey: string; id: string } | null, first: number) {
    const rows = await this.db.read<{ id: string; sortKey: string }>(cypher(`list-${list}`), {
      ...filters,
      auth,
      type: LIST_TYPES[list],
      after,
      fromKey: after?.sortKey ?? '',
      limit: first + 1,
    });
    return {
      page: rows.slice(0, first),
      more: rows.length > first,
      total: async () => (await this.db.read<{ total: number }>(cypher(`count-${list}`), { ...filters, auth, type: LIST_TYPES[list] }))[0]?.total ?? 0,
    };
  }

  async seizureTotals(auth: VisibilityParams, filters: Record<string, unknown>) {
    return this.db.read<{ commodity: string; unit: string | null; quantity: number; valueEur: number | null; seizures: number }>(cypher('seizure-totals'), {
      ...filters,
      auth,
      type: 'Seizure',
    });
  }
}
