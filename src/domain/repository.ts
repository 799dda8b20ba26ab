import { VisibilityParams } from '../auth/principal';
import { cypher } from '../db/cypher';
import { Database } from '../db/database';
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

/** Turns free text into a Lucene query: folded terms, exact matches boosted, fuzzy and prefix too. */
export function luceneQuery(text: string): string {
  const terms = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 12);
  return terms
    .map((t) => {
      const fuzzy = t.length >= 8 ? `${t}~2` : t.length >= 4 ? `${t}~1` : undefined;
      return `(${[`${t}^4`, `${t}*^2`, fuzzy].filter(Boolean).join(' OR ')})`;
    })
    .join(' AND ');
}

/** Read access to entities, links and reports; every query applies need-to-know in Cypher. */
export class Repository {
  constructor(private readonly db: Database) {}

  async entitiesByIds(auth: VisibilityParams, ids: readonly string[]): Promise<EntityRow[]> {
    const rows = await this.db.read<{ entity: EntityRow }>(cypher('entities-by-ids'), { auth, ids });
    return rows.map((r) => r.entity);
  }

  async linksOf(auth: VisibilityParams, keys: readonly LinkKey[]): Promise<Map<string, LinkRow[]>> {
    const rows = await this.db.read<{ key: string; links: LinkRow[] }>(cypher('links-of'), {
      auth,
      keys: keys.map((k) => ({ ...k, key: linkKey(k) })),
    });
    return new Map(rows.map((r) => [r.key, r.links]));
  }

  async reportsByIds(auth: VisibilityParams, ids: readonly string[]): Promise<ReportRow[]> {
    const rows = await this.db.read<{ report: ReportRow }>(cypher('reports-by-ids'), { auth, ids });
    return rows.map((r) => r.report);
  }

  async search(auth: VisibilityParams, text: string, types: string[], offset: number, first: number) {
    const query = luceneQuery(text);
    if (!query) return { total: 0, page: [] as Array<{ id: string; score: number }> };
    const [row] = await this.db.read<{ total: number; page: Array<{ id: string; score: number }> }>(cypher('search'), {
      auth,
      query,
      types,
      offset,
      first,
    });
    return row;
  }
}
