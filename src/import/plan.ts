import crypto from 'node:crypto';
import slugify from 'slugify';
import { countryId } from '../domain/countries';
import { ENTITY_FIELDS, EntityTypeName, LINK_FIELDS, LinkTypeName, UNDIRECTED_LINKS } from '../domain/vocabulary';
import { ReportDocument } from './validate';

/** Folds case, diacritics, punctuation and spacing: `Škaljari clan` and `SKALJARI  CLAN` agree. */
export function normaliseName(name: string): string {
  const folded = slugify(name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''), { lower: true, strict: true });
  // Scripts slugify cannot transliterate still get a stable identity.
  return folded || `h${crypto.createHash('sha1').update(name.normalize('NFKC').toLowerCase()).digest('hex').slice(0, 16)}`;
}

/** Evaluation of one source for one fact: source reliability and information accuracy, e.g. `B2`. */
export function grade(reliability: unknown, accuracy: unknown): string {
  return `${typeof reliability === 'string' ? reliability : 'X'}${typeof accuracy === 'number' ? accuracy : 4}`;
}

export interface PlannedNode {
  ref?: string;
  id: string;
  type: EntityTypeName;
  /** Plain properties this report asserts (dates as ISO strings), without provenance. */
  props: Record<string, unknown>;
  grade: string;
}

export interface PlannedLink {
  id: string;
  type: LinkTypeName;
  from: string;
  to: string;
  props: Record<string, unknown>;
  grade: string;
}

export interface ImportPlan {
  reportId: string;
  nodes: PlannedNode[];
  links: PlannedLink[];
  refs: Array<{ ref: string; id: string }>;
}

/**
 * Deterministic identity: a loader-supplied `id` wins; otherwise type + normalised name, plus birth
 * date for persons, country for organisations and locations, date for events. Seizures have no
 * name: commodity, quantity, unit and date identify them (the report id stands in for a missing date).
 */
export function entityId(entity: Record<string, unknown>, reportId: string): string {
  if (typeof entity.id === 'string') return entity.id;
  const n = (v: unknown) => normaliseName(String(v));
  switch (entity.type) {
    case 'Person':
      return `person:${n(entity.name)}${entity.birthDate ? `:${entity.birthDate}` : ''}`;
    case 'Organisation':
      return `organisation:${n(entity.name)}:${String(entity.country ?? 'xx').toLowerCase()}`;
    case 'Location':
      return `location:${n(entity.name)}:${String(entity.country ?? 'xx').toLowerCase()}`;
    case 'Event':
      return `event:${n(entity.name)}${entity.date ? `:${entity.date}` : ''}`;
    case 'Seizure':
      return `seizure:${String(entity.commodity).toLowerCase()}:${entity.quantity ?? 'na'}${String(entity.unit ?? '').toLowerCase()}:${entity.date ?? n(reportId)}`;
    default:
      return `${String(entity.type).toLowerCase()}:${n(entity.name)}`;
  }
}


export function linkId(type: LinkTypeName, from: string, to: string): string {
  return `${type}:${from}->${to}`;
}

/** Turns a validated document into the nodes and links it asserts, with their identities. */
export function planImport(doc: ReportDocument): ImportPlan {
  const report = doc.report;
  const idOfRef = new Map<string, string>();
  const nodes = new Map<string, PlannedNode>();
  const links = new Map<string, PlannedLink>();
  const refs: ImportPlan['refs'] = [];

  for (const entity of doc.entities) {
    const id = entityId(entity, report.id);
    idOfRef.set(entity.ref, id);
    refs.push({ ref: entity.ref, id });
  }
  const endpoint = (value: string) => idOfRef.get(value) ?? countryId(value);

  const addLink = (type: LinkTypeName, fromId: string, toId: string, props: Record<string, unknown>, g: string) => {
    let [from, to] = [fromId, toId];
    if (UNDIRECTED_LINKS.has(type) && from > to) [from, to] = [to, from];
    const id = linkId(type, from, to);
    const existing = links.get(id);
    // The same link stated twice in one document: merge its properties.
    links.set(id, { id, type, from, to, props: { ...existing?.props, ...props }, grade: g });
  };

  for (const entity of doc.entities) {
    const id = idOfRef.get(entity.ref)!;
    const g = grade(entity.sourceReliability ?? report.sourceReliability, entity.informationAccuracy ?? report.informationAccuracy);
    const props: Record<string, unknown> = {};
    for (const field of ENTITY_FIELDS[entity.type]) {
      if (entity[field] !== undefined && field !== 'legs' && field !== 'location') props[field] = entity[field];
    }
    if (entity.type === 'Route' && Array.isArray(entity.legs)) props.legs = (entity.legs as string[]).map((leg) => idOfRef.get(leg) ?? countryId(leg));
    if (entity.type === 'Event' && typeof entity.location === 'string') props.location = idOfRef.get(entity.location);
    const previous = nodes.get(id);
    nodes.set(id, { ref: entity.ref, id, type: entity.type, props: { ...previous?.props, ...props }, grade: g });

    // Links implied by fields, so that analysis sees them as graph structure.
    if (entity.type === 'Person' && Array.isArray(entity.nationalities)) {
      for (const c of entity.nationalities as string[]) addLink('NATIONAL_OF', id, countryId(c), {}, g);
    }
    if ((entity.type === 'Organisation' || entity.type === 'Location') && typeof entity.country === 'string') {
      addLink('BASED_IN', id, countryId(entity.country), {}, g);
    }
    if (entity.type === 'Event' && typeof entity.location === 'string') addLink('HELD_AT', id, idOfRef.get(entity.location)!, {}, g);
  }

  for (const link of doc.links) {
    const g = grade(link.sourceReliability ?? report.sourceReliability, link.informationAccuracy ?? report.informationAccuracy);
    const props: Record<string, unknown> = {};
    for (const field of LINK_FIELDS) if (link[field] !== undefined) props[field] = link[field];
    addLink(link.type, endpoint(link.from), endpoint(link.to), props, g);
  }
  return { reportId: report.id, nodes: [...nodes.values()], links: [...links.values()], refs };
}

/** Stable hash of a document (key order does not matter), to recognise a re-import. */
export function contentHash(doc: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return crypto.createHash('sha256').update(JSON.stringify(canonical(doc))).digest('hex');
}
