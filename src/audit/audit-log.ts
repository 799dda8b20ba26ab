import crypto from 'node:crypto';
import { cypher } from '../db/cypher';
import { Database } from '../db/database';
import { Principal } from '../auth/principal';

export interface AuditRecord {
  at: string;
  subject: string;
  agency: string;
  country: string;
  roles: string[];
  operationName: string | null;
  operationType: string | null;
  variables: string;
  returnedIds: string[];
  changedIds: string[];
  outcome: string;
  durationMs: number;
}

export interface AuditEntry extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|api[-_]?key|credential/i;
const MAX_IDS = 2000;
const MAX_VARIABLES = 8000;

/** Variables as JSON with secret-looking keys removed and large values (report documents) summarised. */
export function redactVariables(variables: Record<string, unknown> | undefined): string {
  if (!variables) return '{}';
  const walk = (v: unknown, key = ''): unknown => {
    if (SECRET_KEY.test(key)) return '[redacted]';
    if (Array.isArray(v)) return v.length > 50 ? `[${v.length} items]` : v.map((x) => walk(x));
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      // An import document: keep its identity, not its content.
      if (o.report && typeof o.report === 'object' && Array.isArray(o.entities)) {
        return { report: (o.report as { id?: unknown }).id, entities: o.entities.length, links: Array.isArray(o.links) ? o.links.length : 0 };
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  const json = JSON.stringify(walk(variables));
  return json.length > MAX_VARIABLES ? `${json.slice(0, MAX_VARIABLES)}…` : json;
}

/** The hash of an entry covers every recorded field and the previous entry's hash. */
export function entryHash(seq: number, prevHash: string, record: AuditRecord): string {
  const fields = [
    seq,
    prevHash,
    record.at,
    record.subject,
    record.agency,
    record.country,
    record.roles.join(','),
    record.operationName ?? '',
    record.operationType ?? '',
    record.variables,
    record.returnedIds.join(','),
    record.changedIds.join(','),
    record.outcome,
    record.durationMs,
  ];
  return crypto.createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/**
 * Append-only audit trail in Neo4j with a hash chain: each entry stores the previous entry's hash
 * and its own; changing or deleting any entry breaks every later hash, which `verify` detects.
 * Appends serialise on the single `AuditHead` node's write lock, so several API replicas keep one
 * chain. The API has no code path that updates or deletes an entry.
 */
export class AuditLog {
  constructor(private readonly db: Database) {}

  record(principal: Principal, fields: Omit<AuditRecord, 'subject' | 'agency' | 'country' | 'roles'>): AuditRecord {
    return {
      ...fields,
      subject: principal.subject,
      agency: principal.agency,
      country: principal.country,
      roles: principal.roles,
      returnedIds: [...new Set(fields.returnedIds)].slice(0, MAX_IDS),
      changedIds: [...new Set(fields.changedIds)].slice(0, MAX_IDS),
    };
  }

  async append(record: AuditRecord): Promise<void> {
    await this.db.writeTransaction(async (tx) => {
      const [head] = await this.db.runIn<{ seq: number; hash: string }>(tx, cypher('audit-lock-head'), { genesis: GENESIS_HASH });
      const seq = head.seq + 1;
      const hash = entryHash(seq, head.hash, record);
      await this.db.runIn(tx, cypher('audit-append'), { entry: { ...record, seq, prevHash: head.hash, hash } });
    });
  }

  async list(filter: { first: number; afterSeq?: number; subject?: string; from?: string; to?: string }): Promise<{ total: number; page: AuditEntry[] }> {
    const [row] = await this.db.read<{ total: number; page: AuditEntry[] }>(cypher('audit-list'), {
      first: filter.first,
      afterSeq: filter.afterSeq ?? null,
      subject: filter.subject ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
    });
    return row;
  }

  /** Recomputes the chain; returns the first broken sequence number, or null when intact. */
  async verify(): Promise<{ entries: number; brokenAt: number | null }> {
    const entries = await this.db.read<AuditEntry>(cypher('audit-all'));
    let prev = GENESIS_HASH;
    for (let i = 0; i < entries.length; i++) {
      // Neo4j prints datetimes without trailing zeros (…25.68Z); the hash covers JavaScript's form.
      const e = { ...entries[i], at: new Date(entries[i].at).toISOString() };
      if (e.seq !== i + 1 || e.prevHash !== prev || entryHash(e.seq, e.prevHash, e) !== e.hash) {
        return { entries: entries.length, brokenAt: i + 1 };
      }
      prev = e.hash;
    }
    return { entries: entries.length, brokenAt: null };
  }
}
