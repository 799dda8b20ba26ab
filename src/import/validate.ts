import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { Problem } from '../errors';
import { PROJECT_ROOT } from '../paths';
import { isAgencyCode, releasableKind } from '../auth/markings';
import { isCountryCode } from '../domain/countries';
import { MULTI_LINE_TEXT_PATTERN, ONE_LINE_TEXT_PATTERN, textProblem, TextKind } from '../domain/text-policy';
import { EntityTypeName, LINK_ENDPOINTS, LinkTypeName, PARTICIPATION_ROLES } from '../domain/vocabulary';

export const REPORT_SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'report.schema.json');

/**
 * The importer's view of a document (after validation): the envelope, and entities and links with
 * their refs and types, the rest read field by field. The published type of the same document is
 * `OperationReport` of schema/report.d.ts, generated from the JSON Schema; a unit test
 * (test/unit/report-types.test.ts) checks that every OperationReport is a ReportDocument.
 */
export interface ReportDocument {
  report: {
    id: string;
    title: string;
    date: string;
    agency: string;
    classification: string;
    releasableTo?: string[];
    handlingCodes?: string[];
    handlingNote?: string;
    sourceReliability?: string;
    informationAccuracy?: number;
  };
  entities: Array<Record<string, unknown> & { ref: string; type: Exclude<EntityTypeName, 'Country'> }>;
  links: Array<Record<string, unknown> & { type: LinkTypeName; from: string; to: string }>;
}

let compiled: ReturnType<Ajv2020['compile']> | undefined;
function schemaValidator() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date']);
    compiled = ajv.compile(JSON.parse(fs.readFileSync(REPORT_SCHEMA_FILE, 'utf8')));
  }
  return compiled;
}

/** `/entities/3/birthDate` -> `entities[3].birthDate` */
export function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** The value at a JSON pointer of a document, or undefined. */
function valueAt(doc: unknown, pointer: string): unknown {
  let value = doc;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function describe(error: ErrorObject, doc: unknown): Problem | undefined {
  const at = jsonPath(error.instancePath);
  const join = (p: string) => (at ? `${at}.${p}` : p);
  switch (error.keyword) {
    case 'if':
      return undefined; // the failing `then` branch reports the real problem
    case 'required':
      return { path: join(String(error.params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return { path: join(String(error.params.additionalProperty)), message: 'is not a known field for this type' };
    case 'format':
      return { path: at, message: error.params.format === 'date' ? 'not a date (expected YYYY-MM-DD)' : `not a valid ${error.params.format}` };
    case 'enum':
      return { path: at, message: `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path: at, message: `must be ${JSON.stringify(error.params.allowedValue)}` };
    case 'pattern':
      if (error.params.pattern === ONE_LINE_TEXT_PATTERN || error.params.pattern === MULTI_LINE_TEXT_PATTERN) {
        // the same words as the semantic check of the same field (the two then count as one problem)
        const value = valueAt(doc, error.instancePath);
        const kind = error.params.pattern === MULTI_LINE_TEXT_PATTERN ? 'text' : 'line';
        return { path: at, message: (typeof value === 'string' && textProblem(value, kind)) || 'has characters that are not allowed' };
      }
      return {
        path: at,
        message: /\[A-Z\]\{2\}/.test(String(error.params.pattern)) ? 'not an ISO 3166-1 alpha-2 country code' : 'has characters that are not allowed',
      };
    case 'exclusiveMinimum':
      return { path: at, message: `must be greater than ${error.params.limit}` };
    case 'minimum':
      return { path: at, message: `must be at least ${error.params.limit}` };
    case 'maximum':
      return { path: at, message: `must be at most ${error.params.limit}` };
    default:
      return { path: at || '(document)', message: error.message ?? 'is invalid' };
  }
}

/**
 * Validates one report document in a single pass: the published JSON Schema first, then the
 * semantic rules (refs, endpoint types, country codes, date order). Returns every problem found.
 */
export function validateReport(doc: unknown): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (p: Problem | undefined) => {
    if (!p) return;
    const key = `${p.path}\u0000${p.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  };
  const validate = schemaValidator();
  if (!validate(doc)) for (const error of validate.errors ?? []) add(describe(error, doc));
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return problems.length ? problems : [{ path: '(document)', message: 'must be a JSON object' }];
  }
  semanticProblems(doc).forEach(add);
  markingProblems(doc).forEach(add);
  return problems;
}

/**
 * Issue 9 item 10 — the releasability convention (src/auth/markings.ts): a two-letter entry of
 * `releasableTo` must be an ISO country code, anything longer an agency code; the reporting agency
 * is an agency code. Kept apart from the other semantic rules on purpose.
 */
function markingProblems(doc: Partial<ReportDocument>): Problem[] {
  const problems: Problem[] = [];
  const report = doc.report;
  if (!report || typeof report !== 'object') return problems;
  if (typeof report.agency === 'string' && !isAgencyCode(report.agency.toUpperCase())) {
    problems.push({ path: 'report.agency', message: 'must be an agency code of 3-50 characters (A-Z 0-9 . _ -); two letters name a country' });
  }
  if (Array.isArray(report.releasableTo)) {
    report.releasableTo.forEach((entry, i) => {
      if (typeof entry !== 'string') return;
      const kind = releasableKind(entry);
      if (typeof kind === 'object') problems.push({ path: `report.releasableTo[${i}]`, message: kind.problem });
    });
  }
  return problems;
}

function semanticProblems(doc: Partial<ReportDocument>): Problem[] {
  const problems: Problem[] = [];
  // One text policy for every free-text field (src/domain/text-policy.ts): names, titles and
  // aliases need a visible letter or digit; roles and places are one line; descriptions and
  // handling notes may break lines. Other strings (ids, refs, codes) have patterns or closed lists.
  const checkText = (value: unknown, at: string, kind: TextKind) => {
    const problem = typeof value === 'string' ? textProblem(value, kind) : undefined;
    if (problem) problems.push({ path: at, message: problem });
  };
  checkText(doc.report?.title, 'report.title', 'name');
  checkText(doc.report?.handlingNote, 'report.handlingNote', 'text');
  const entities = Array.isArray(doc.entities) ? doc.entities : [];
  const links = Array.isArray(doc.links) ? doc.links : [];
  const typeOfRef = new Map<string, EntityTypeName>();

  const checkCountry = (value: unknown, at: string) => {
    if (typeof value === 'string' && /^[A-Z]{2}$/.test(value) && !isCountryCode(value)) {
      problems.push({ path: at, message: `unknown country code ${value}` });
    }
  };
  const checkOrder = (from: unknown, to: unknown, at: string, fromName: string, toName: string) => {
    if (typeof from === 'string' && typeof to === 'string' && from > to) {
      problems.push({ path: `${at}.${toName}`, message: `is before ${fromName}` });
    }
  };

  entities.forEach((entity, i) => {
    if (typeof entity !== 'object' || entity === null) return;
    const at = `entities[${i}]`;
    if (typeof entity.ref === 'string') {
      if (typeOfRef.has(entity.ref)) problems.push({ path: `${at}.ref`, message: `duplicate ref "${entity.ref}"` });
      else if (typeof entity.type === 'string') typeOfRef.set(entity.ref, entity.type);
    }
    for (const field of ['nationalities', 'countries'] as const) {
      const list = entity[field];
      if (Array.isArray(list)) list.forEach((c, j) => checkCountry(c, `${at}.${field}[${j}]`));
    }
    checkCountry(entity.country, `${at}.country`);
    // Countries are reference data (`country:<ISO code>`): no loader id may look like one, in any
    // case and whether or not the code exists, so none can stand in for or beside a country.
    if (typeof entity.id === 'string' && /^country:/i.test(entity.id)) {
      problems.push({ path: `${at}.id`, message: 'looks like a country id: countries are reference data that no report restates' });
    }
    checkText(entity.name, `${at}.name`, 'name');
    if (Array.isArray(entity.aliases)) entity.aliases.forEach((a, j) => checkText(a, `${at}.aliases[${j}]`, 'name'));
    checkText(entity.description, `${at}.description`, 'text');
    checkOrder(entity.startDate, entity.endDate, at, 'startDate', 'endDate');
  });

  // Second pass: references to other entities of the same document.
  entities.forEach((entity, i) => {
    if (typeof entity !== 'object' || entity === null) return;
    const at = `entities[${i}]`;
    if (entity.type === 'Event' && typeof entity.location === 'string') {
      const t = typeOfRef.get(entity.location);
      if (!t) problems.push({ path: `${at}.location`, message: `unknown ref "${entity.location}"` });
      else if (t !== 'Location') problems.push({ path: `${at}.location`, message: `must reference a Location, not a ${t}` });
    }
    if (entity.type === 'Route' && Array.isArray(entity.legs)) {
      entity.legs.forEach((leg, j) => {
        if (typeof leg !== 'string') return;
        const t = typeOfRef.get(leg);
        if (t === 'Location') return;
        if (t) problems.push({ path: `${at}.legs[${j}]`, message: `must be a country code or a Location ref, not a ${t}` });
        else if (!isCountryCode(leg)) problems.push({ path: `${at}.legs[${j}]`, message: `"${leg}" is neither a country code nor a ref` });
      });
    }
  });

  links.forEach((link, i) => {
    if (typeof link !== 'object' || link === null) return;
    const at = `links[${i}]`;
    const endpoints = LINK_ENDPOINTS[link.type];
    const resolve = (end: 'from' | 'to'): EntityTypeName | undefined => {
      const value = link[end];
      if (typeof value !== 'string') return undefined;
      const t = typeOfRef.get(value);
      if (t) return t;
      // Countries are referenced by ISO code where a link may end at one.
      if (endpoints?.[end].includes('Country') && isCountryCode(value)) return 'Country';
      problems.push({ path: `${at}.${end}`, message: `unknown ref "${value}"` });
      return undefined;
    };
    const fromType = resolve('from');
    const toType = resolve('to');
    if (endpoints) {
      if (fromType && !endpoints.from.includes(fromType)) {
        problems.push({ path: `${at}.from`, message: `${link.type} cannot start at a ${fromType} (allowed: ${endpoints.from.join(', ')})` });
      }
      if (toType && !endpoints.to.includes(toType)) {
        problems.push({ path: `${at}.to`, message: `${link.type} cannot end at a ${toType} (allowed: ${endpoints.to.join(', ')})` });
      }
    }
    checkText(link.role, `${at}.role`, 'line');
    checkText(link.place, `${at}.place`, 'line');
    if (typeof link.from === 'string' && link.from === link.to) problems.push({ path: `${at}.to`, message: 'a link cannot join an entity to itself' });
    if (link.type === 'PARTICIPATED_IN' && typeof link.role === 'string' && !(PARTICIPATION_ROLES as readonly string[]).includes(link.role)) {
      problems.push({ path: `${at}.role`, message: `must be one of ${PARTICIPATION_ROLES.join(', ')}` });
    }
    if (link.kind !== undefined && link.type !== 'ASSOCIATE_OF') problems.push({ path: `${at}.kind`, message: 'only ASSOCIATE_OF links have a kind' });
    checkOrder(link.since, link.until, at, 'since', 'until');
  });
  return problems;
}
