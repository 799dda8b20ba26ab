import { VisibilityParams } from '../auth/principal';
import { cypher } from '../db/cypher';
import { Database } from '../db/database';
import { visibleView } from './claims';
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

function searchTerms(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 12);
}

function namesOf(props: Record<string, unknown>): string[] {
  return [props.name, ...((props.aliases as unknown[]) ?? [])].filter((x): x is string => typeof x === 'string');
}

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...cur) > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

/** The same matching rules as `luceneQuery`: every term equals, prefixes or fuzzily matches a word. */
export function textMatches(names: string[], terms: string[]): boolean {
  const words = names.flatMap((n) => searchTerms(n));
  return terms.every((t) => {
    const fuzz = t.length >= 8 ? 2 : t.length >= 4 ? 1 : 0;
    return words.some((w) => w === t || w.startsWith(t) || (fuzz > 0 && editDistanceAtMost(t, w, fuzz)));
  });
}

/** Turns free text into a Lucene query: folded terms, exact matches boosted, fuzzy and prefix too. */
export function luceneQuery(text: string): string {
  const terms = searchTerms(text);
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
