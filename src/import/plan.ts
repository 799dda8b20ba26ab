import crypto from 'node:crypto';
import { countryId } from '../domain/countries';
import { identityKey, opaqueId } from '../domain/identity';
import { grade, gradeRank } from '../domain/statements';
import { ENTITY_FIELDS, EntityTypeName, LINK_FIELDS, LinkTypeName, UNDIRECTED_LINKS } from '../domain/vocabulary';
import { ReportDocument } from './validate';

export interface PlannedNode {
  ref?: string;
  id: string;
  type: EntityTypeName;
  /** The identity key matched under a uniqueness constraint; absent when the loader supplied the id. */
  key?: string;
  /** Properties this report states (dates as ISO strings), without provenance. */
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

export { grade, gradeRank };

/** A link's id: its type and its two ends (undirected links with their ends in id order). */
export function linkId(type: LinkTypeName, from: string, to: string): string {
  return `${type}:${from}->${to}`;
}

/** The id of an entity of a document: the loader's own `id`, or the opaque keyed hash of its identity key. */
export function entityIdentity(entity: Record<string, unknown>, reportId: string, secret: string): { id: string; key?: string } {
  if (typeof entity.id === 'string') return { id: entity.id };
  const key = identityKey(entity, reportId);
  return { id: opaqueId(String(entity.type), key, secret), key };
}

/** Turns a validated document into the statements it makes: nodes and links with their identities. */
export function planImport(doc: ReportDocument, secret: string): ImportPlan {
  const report = doc.report;
  const idOfRef = new Map<string, string>();
  const nodes = new Map<string, PlannedNode>();
  const links = new Map<string, PlannedLink>();
  const refs: ImportPlan['refs'] = [];
  const keyOf = new Map<string, string | undefined>();

  for (const entity of doc.entities) {
    const { id, key } = entityIdentity(entity, report.id, secret);
    idOfRef.set(entity.ref, id);
    keyOf.set(entity.ref, key);
    refs.push({ ref: entity.ref, id });
  }
  const endpoint = (value: string) => idOfRef.get(value) ?? countryId(value);

  const addLink = (type: LinkTypeName, fromId: string, toId: string, props: Record<string, unknown>, g: string) => {
    let [from, to] = [fromId, toId];
    if (UNDIRECTED_LINKS.has(type) && from > to) [from, to] = [to, from];
    const id = linkId(type, from, to);
    const existing = links.get(id);
    // The same link stated twice in one document: one statement with the properties of both.
    links.set(id, { id, type, from, to, props: { ...existing?.props, ...props }, grade: g });
  };

  for (const entity of doc.entities) {
    const id = idOfRef.get(entity.ref)!;
    const g = grade(entity.sourceReliability ?? report.sourceReliability, entity.informationAccuracy ?? report.informationAccuracy);
    const props: Record<string, unknown> = {};
    for (const field of ENTITY_FIELDS[entity.type]) {
      if (entity[field] !== undefined && field !== 'legs' && field !== 'location') props[field] = entity[field];
    }
    // Names are stored in NFC, so that one spelling is one string however it was typed.
    if (typeof props.name === 'string') props.name = props.name.normalize('NFC');
    if (Array.isArray(props.aliases)) props.aliases = (props.aliases as string[]).map((a) => a.normalize('NFC'));
    if (entity.type === 'Route' && Array.isArray(entity.legs)) props.legs = (entity.legs as string[]).map((leg) => idOfRef.get(leg) ?? countryId(leg));
    if (entity.type === 'Event' && typeof entity.location === 'string') props.location = idOfRef.get(entity.location);
    const previous = nodes.get(id);
    nodes.set(id, { ref: entity.ref, id, type: entity.type, key: keyOf.get(entity.ref), props: { ...previous?.props, ...props }, grade: g });

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

/** Key-order-insensitive JSON: the one canonical form (content hashes, statement comparison). */
export function canonicalJson(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(norm);
    if (x && typeof x === 'object') {
      return Object.fromEntries(
        Object.keys(x)
          .sort()
          .map((k) => [k, norm((x as Record<string, unknown>)[k])]),
      );
    }
    return x;
  };
  return JSON.stringify(norm(v));
}

/** Stable hash of a document (key order does not matter), to recognise a re-import. */
export function contentHash(doc: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(doc)).digest('hex');
}
