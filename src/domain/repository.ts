import { VisibilityParams } from '../auth/principal';
import { cypher } from '../db/cypher';
import { Database } from '../db/database';
import { visibleView } from './claims';
import { luceneQuery, searchTerms, textMatches } from './lucene';
import { EntityTypeName, LinkTypeName } from './vocabulary';

/** An entity row as stored, with provenance already cut down to the caller's visible reports. */
export type EntityRow = Record<string, unknown> & { id: string; type: EntityTypeName; label: string; sources: string[]; grades: string[] };
export type LinkRow = Record<string, unknown> & { id: string; type: LinkTypeName; fromId: string; toId: string; sources: string[]; grades: string[] };
export type ReportRow = Record<string, unknown> & { id: string };

export interface LinkKey {
  id: string;
  types: readonly LinkTypeName[];
  dir: 'OUT' | 'IN' | 'BOTH';
  first: number;
}

export const linkKey = (k: LinkKey) => `${k.id}|${k.types.join(',')}|${k.dir}|${k.first}`;

const MAX_SEARCH_HITS = 5000;

function namesOf(props: Record<string, unknown>): string[] {
  return [props.name, ...((props.aliases as unknown[]) ?? [])].filter((x): x is string => typeof x === 'string');
}

/** Read access to entities, links and reports; every query applies need-to-know in Cypher. */
export class Repository {
  constructor(private readonly db: Database) {}

  async entitiesByIds(auth: VisibilityParams, ids: readonly string[]): Promise<EntityRow[]> {
    const rows = await this.db.read<{ entity: EntityRow }>(cypher('entities-by-ids'), { auth, ids });
    return rows.map((r) => visibleView(r.entity, 'entity'));
  }

  async linksOf(auth: VisibilityParams, keys: readonly LinkKey[]): Promise<Map<string, LinkRow[]>> {
    const rows = await this.db.read<{ key: string; links: LinkRow[] }>(cypher('links-of'), {
      auth,
      keys: keys.map((k) => ({ ...k, key: linkKey(k) })),
    });
    return new Map(rows.map((r) => [r.key, r.links.map((l) => visibleView(l, 'link'))]));
  }

  async reportsByIds(auth: VisibilityParams, ids: readonly string[]): Promise<ReportRow[]> {
    const rows = await this.db.read<{ report: ReportRow }>(cypher('reports-by-ids'), { auth, ids });
    return rows.map((r) => r.report);
  }

  async search(auth: VisibilityParams, text: string, types: string[], offset: number, first: number) {
    const query = luceneQuery(text);
    if (!query) return { total: 0, page: [] as Array<{ id: string }> };
    const hits = await this.db.read<{ id: string; name: string | null; claims: string[] }>(cypher('search'), { auth, query, types, maxHits: MAX_SEARCH_HITS });
    const terms = searchTerms(text);
    // Keep a hit only if the caller's visible statements of its names match the query.
    const visible = hits.filter((h) => {
      const names = h.claims.length === 0 ? [h.name ?? ''] : h.claims.flatMap((c) => namesOf(JSON.parse(c) as Record<string, unknown>));
      return textMatches(names, terms);
    });
    return { total: visible.length, page: visible.slice(offset, offset + first).map((h) => ({ id: h.id })) };
  }

}
