import { normaliseName } from '../import/plan';

/**
 * Property-level provenance. Every node and link keeps, next to `sources[i]` and `grades[i]`,
 * `claims[i]`: the JSON of the properties report `sources[i]` asserted. The stored top-level
 * properties are the merge over all reports (they feed the indexes); what a caller is shown is
 * the merge over the claims of the reports visible to them, so a value stated only by a hidden
 * report never reaches them.
 */
export const LIST_FIELDS = new Set(['aliases', 'nationalities', 'countries', 'commodities']);

/** Later statements override earlier ones; list fields accumulate. */
export function applyProps(target: Record<string, unknown>, props: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(props)) {
    if (LIST_FIELDS.has(k) && Array.isArray(v)) target[k] = [...new Set([...((target[k] as unknown[]) ?? []), ...v])];
    else if (v !== undefined && v !== null) target[k] = v;
  }
  return target;
}

export function labelOf(type: string, p: Record<string, unknown>): string {
  if (type === 'Seizure') {
    const amount = p.quantity !== undefined ? `${p.quantity} ${p.unit ?? ''} `.replace('  ', ' ') : '';
    return `${amount}${String(p.commodity).toLowerCase()}${p.date ? ` (${p.date})` : ''}`.trim();
  }
  return String(p.name ?? p.id);
}

/** Display and search helpers derived from an entity's properties. */
export function withDerived(type: string, p: Record<string, unknown>): Record<string, unknown> {
  p.label = labelOf(type, p);
  p.sortName = normaliseName(String(p.label));
  if (Array.isArray(p.aliases)) p.aliasText = (p.aliases as string[]).join(' | ');
  return p;
}

const KEEP = ['id', 'type', 'sources', 'grades', 'fromId', 'toId', 'source', 'target', 'code', 'alpha3'];

/**
 * A row as the caller may see it: provenance and identity from the row, every other property
 * rebuilt from the claims of the visible sources (the query already cut `claims` down to them).
 * Rows without claims (countries, reference data) are returned as they are.
 */
export function visibleView<T extends Record<string, unknown>>(row: T, kind: 'entity' | 'link'): T {
  const claims = row.claims as string[] | undefined;
  if (!Array.isArray(claims) || claims.length === 0) return row;
  const view: Record<string, unknown> = {};
  for (const k of KEEP) if (row[k] !== undefined) view[k] = row[k];
  for (const claim of claims) applyProps(view, JSON.parse(claim) as Record<string, unknown>);
  return (kind === 'entity' ? withDerived(String(row.type), view) : view) as T;
}
