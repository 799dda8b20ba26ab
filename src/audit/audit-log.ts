import { ManagedTransaction } from 'neo4j-driver';
import { CLEARANCES, Principal, VisibilityParams } from '../auth/principal';
import { releasableToCaller } from '../auth/markings';
import { cypher } from '../db/cypher';
import { Database } from '../db/database';
import { logger } from '../logger';
import { AuditAnchor, sameHex } from './anchor';

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

/**
 * The classification and releasability of what an entry touched: the highest classification
 * level (0 UNCLASSIFIED … 3 SECRET) and, for every report involved that is not releasable to
 * everyone, its `releasableTo` set joined with `|`. A reader sees the entry's content only when
 * their clearance reaches `classificationLevel` and they match at least one code of every set.
 */
export interface AuditMarking {
  classificationLevel: number;
  releasability: string[];
}

export interface AuditEntry extends AuditRecord, AuditMarking {
  seq: number;
  prevHash: string;
  hash: string;
  redacted?: boolean;
}

export interface ChainStatus {
  entries: number;
  brokenAt: number | null;
  reason: string | null;
  checkpoints: number;
}

export const GENESIS_HASH = '0'.repeat(64);
const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|api[-_]?key|credential/i;
const MAX_IDS = 2000;
const MAX_VARIABLES = 8000;
const MAX_BATCH = 500;
const MAX_WRITERS = 2;
const MOST_RESTRICTIVE: AuditMarking = { classificationLevel: 3, releasability: [] };

/** Variables as JSON with secret-looking keys removed and large values (report documents) summarised. */
export function redactVariables(variables: Record<string, unknown> | undefined): string {
  if (!variables) return '{}';
  const walk = (v: unknown, key = ''): unknown => {
    if (SECRET_KEY.test(key)) return '[redacted]';
    if (Array.isArray(v)) return v.length > 50 ? `[${v.length} items]` : v.map((x) => walk(x));
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      // An import document: keep its identity and the marking it declares, not its content.
      if (o.report && typeof o.report === 'object' && Array.isArray(o.entities)) {
        const r = o.report as { id?: unknown; classification?: unknown; releasableTo?: unknown };
        return {
          report: r.id,
          ...(r.classification !== undefined ? { classification: r.classification } : {}),
          ...(r.releasableTo !== undefined ? { releasableTo: r.releasableTo } : {}),
          entities: o.entities.length,
          links: Array.isArray(o.links) ? o.links.length : 0,
        };
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  const json = JSON.stringify(walk(variables));
  return json.length > MAX_VARIABLES ? `${json.slice(0, MAX_VARIABLES)}…` : json;
}

/** Strings in the variables (ids a caller asked about), for the entry's marking. */
function stringsIn(json: string): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length > 0 && v.length <= 300) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  try {
    walk(JSON.parse(json));
  } catch {
    // summarised (truncated) variables: no ids to take from them
  }
  return [...out].slice(0, MAX_IDS);
}

/**
 * The markings that the import documents summarised in the variables declare (see
 * `redactVariables`): a failed import's entry carries them, whatever made it fail. A summary only
 * ever raises an entry's marking, so variables that merely look like one cannot lower it. An
 * unknown classification adds nothing (the requester's own clearance is the floor, and nobody may
 * import above it); `releasableTo` entries are kept as written (upper case), so a malformed list
 * restricts the entry to whoever matches it, possibly no one.
 */
export function declaredMarkings(json: string): AuditMarking[] {
  const out: AuditMarking[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 8 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const o = v as Record<string, unknown>;
    if ('report' in o && typeof o.entities === 'number') {
      const name = typeof o.classification === 'string' ? o.classification.toUpperCase() : '';
      const level = CLEARANCES.indexOf(name as (typeof CLEARANCES)[number]);
      out.push(markingOfReport(Math.max(level, 0), Array.isArray(o.releasableTo) ? o.releasableTo.map(String) : []));
    }
    Object.values(o).forEach((x) => walk(x, depth + 1));
  };
  try {
    walk(JSON.parse(json), 0);
  } catch {
    // summarised (truncated) variables: the requester's own marking still applies
  }
  return out;
}

/**
 * The requester's own marking, the floor of every entry they cause: their clearance (the most
 * restrictive level when it is not known), releasable to their agency and country only. What
 * they asked for (search terms, ids, a document) is at most what they may know, so only readers
 * who may know as much may read it.
 */
export function requesterMarking(record: Pick<AuditRecord, 'agency' | 'country'>, caller?: VisibilityParams): AuditMarking {
  const codes = [record.agency, record.country].filter((x) => typeof x === 'string' && x !== '');
  return markingOfReport(caller?.clearance ?? MOST_RESTRICTIVE.classificationLevel, codes);
}

/** The most restrictive combination: the highest level, every releasability set. */
function combine(...markings: AuditMarking[]): AuditMarking {
  return {
    classificationLevel: Math.max(...markings.map((m) => m.classificationLevel)),
    releasability: [...new Set(markings.flatMap((m) => m.releasability))].sort(),
  };
}

/** The canonical text an entry's MAC covers: every recorded field, its marking and the previous hash. */
function entryText(seq: number, prevHash: string, e: AuditRecord & AuditMarking): string {
  return JSON.stringify([
    'audit-entry-v2',
    seq,
    prevHash,
    e.at,
    e.subject,
    e.agency,
    e.country,
    e.roles,
    e.operationName ?? '',
    e.operationType ?? '',
    e.variables,
    e.returnedIds,
    e.changedIds,
    e.outcome,
    e.durationMs,
    e.classificationLevel,
    e.releasability,
  ]);
}

/** The marking of one report (for `appendInTransaction` from the importer). */
export function markingOfReport(classificationLevel: number, releasableTo: readonly string[]): AuditMarking {
  return { classificationLevel, releasability: releasableTo.length > 0 ? [[...new Set(releasableTo.map((x) => x.toUpperCase()))].sort().join('|')] : [] };
}

/** True when a reader with this need-to-know may see the content of an entry with this marking. */
export function mayReadEntry(marking: Partial<AuditMarking>, reader: VisibilityParams): boolean {
  const level = typeof marking.classificationLevel === 'number' ? marking.classificationLevel : MOST_RESTRICTIVE.classificationLevel;
  if (level > reader.clearance) return false;
  return (marking.releasability ?? []).every((set) => set !== '' && releasableToCaller(set.split('|'), reader));
}

/** What a reader without the entry's clearance or releasability sees: who, when, what kind, the outcome. */
function redact(e: AuditEntry): AuditEntry {
  return { ...e, operationName: null, variables: '[redacted]', returnedIds: [], changedIds: [], redacted: true };
}

interface Pending {
  record: AuditRecord;
  caller?: VisibilityParams;
  marking?: AuditMarking;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * The append-only audit trail, in Neo4j, authenticated and anchored outside it.
 *
 * - **Chain.** Entry n stores `hash = HMAC(key, entry n's fields, marking, hash of entry n-1)`. The
 *   key is not in the database (AUDIT_KEY or a 0600 file), so someone holding the database can
 *   neither rewrite an entry nor re-hash the rest into a valid chain.
 * - **Anchor.** After each committed batch, a signed checkpoint {seq, hash} of the head is
 *   appended to a file outside the database; truncating the trail (deleting the newest entries and
 *   moving the head back) leaves a checkpoint the chain no longer reaches.
 * - **Group commit.** Requests enqueue their entry and wait; one writer per process appends the
 *   queue in batches, one transaction and ONE lock of the `AuditHead` node per batch (not per
 *   request). The head lock also serialises the batches of several API replicas, so they share
 *   one chain. A request is answered only after its entry has committed.
 * - **One statement per batch.** The batch's markings are read before its transaction (they only
 *   read reports), and the writer remembers the head it last wrote: the batch is chained onto it
 *   and written by one statement that locks the head and writes only if the head is still that one.
 *   When another replica (or an import's own transaction) moved the head meanwhile, the statement
 *   writes nothing and the batch is re-chained onto the head read under the lock.
 * - **Clearance.** Every entry records the marking of what it touched, of the documents its
 *   variables declare and of its requester (their clearance, releasable to their agency and
 *   country); `list` shows an entry's ids, variables and operation name only to readers whose
 *   need-to-know covers that marking.
 */
export class AuditLog {
  private queue: Pending[] = [];
  /**
   * The head the next batch is chained onto: the head of the batch chained last, committed or
   * still in flight. A guess: the append statement checks it under the head's lock.
   */
  private expectedHead?: { seq: number; hash: string };
  /** Writer loops running (a second one chains its batch behind the first's while that commits). */
  private writers = 0;
  /** Batches written and entries in them, for tests and the benchmark. */
  readonly stats = { batches: 0, entries: 0 };

  constructor(
    private readonly db: Database,
    readonly anchor: AuditAnchor,
    /** Entries per transaction at most (1 = the old one-lock-per-request behaviour, for benchmarks). */
    private readonly maxBatch = MAX_BATCH,
  ) {}

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

  /**
   * Appends an entry and resolves once it is durable (committed). `caller` is the need-to-know of
   * whoever made the request: the entry is marked at least at their clearance, releasable to their
   * agency and country only (without it, at the most restrictive level). `marking`, when given,
   * replaces what the marking query would find, never that floor.
   */
  append(record: AuditRecord, caller?: VisibilityParams, marking?: AuditMarking): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, caller, marking, resolve, reject });
      if (this.writers === 0) void this.flush();
    });
  }

  /**
   * A writer loop. While its batch waits for the head's lock and commits, entries that arrived
   * meanwhile are taken by a second writer (at most MAX_WRITERS), chained behind it: a request
   * waits for about one commit, not for the batch before its own as well.
   */
  private async flush(): Promise<void> {
    this.writers += 1;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const markings = await this.markingsOf((q, params) => this.db.read(q, params), batch);
          if (this.queue.length > 0 && this.writers < (this.maxBatch === 1 ? 1 : MAX_WRITERS)) void this.flush();
          const head = (await this.appendAutoCommit(batch, markings)) ?? (await this.db.writeTransaction((tx) => this.appendBatch(tx, batch, markings)));
          this.stats.batches += 1;
          this.stats.entries += batch.length;
          await this.anchorHead(head);
          batch.forEach((p) => p.resolve());
        } catch (err) {
          this.expectedHead = undefined; // what was chained behind this batch re-chains under the lock
          batch.forEach((p) => p.reject(err));
        }
      }
    } finally {
      this.writers -= 1;
    }
  }

  /**
   * Appends ONE entry inside a transaction the caller owns (an import and its audit entry commit
   * together, or neither does). Locks the chain head until that transaction ends, so call it as
   * the transaction's last statement. After the commit, pass the result to `anchorHead` (a
   * missing checkpoint only weakens truncation detection until the next batch's checkpoint).
   */
  async appendInTransaction(
    tx: ManagedTransaction,
    record: AuditRecord,
    marking?: AuditMarking,
    caller?: VisibilityParams,
  ): Promise<{ seq: number; hash: string }> {
    const items = [{ record, marking, caller }];
    // inside the transaction: the marking sees what the import itself just wrote
    return this.appendBatch(tx, items, await this.markingsOf((q, params) => this.db.runIn(tx, q, params), items));
  }

  /** Writes a signed checkpoint of the head outside the database; failures are logged, not thrown. */
  async anchorHead(head: { seq: number; hash: string }): Promise<void> {
    try {
      await this.anchor.checkpoint(head.seq, head.hash);
    } catch (err) {
      logger.error({ err }, 'could not write the audit checkpoint file');
    }
  }

  /**
   * Chains the batch onto the head this writer expects and writes it with one statement that locks
   * the head and checks it; if the head moved (another replica, or an import's transaction), the
   * batch is re-chained onto the head read under the lock, still in this transaction.
   */
  private async appendBatch(tx: ManagedTransaction, items: Array<Pick<Pending, 'record'>>, markings: AuditMarking[]): Promise<{ seq: number; hash: string }> {
    const expected = this.expectedHead;
    if (expected) {
      const chained = this.chain(expected, items, markings);
      this.expectedHead = chained.head;
      const [row] = await this.db.runIn<{ written: number }>(tx, cypher('audit-append-at'), { expected, ...chained });
      if (row?.written === items.length) return chained.head;
    }
    // The head's write lock is taken here and held until commit.
    const [head] = await this.db.runIn<{ seq: number; hash: string }>(tx, cypher('audit-lock-head'), { genesis: GENESIS_HASH });
    const chained = this.chain(head, items, markings);
    this.expectedHead = chained.head;
    await this.db.runIn(tx, cypher('audit-append'), chained);
    return chained.head;
  }

  /**
   * The common case in one network round-trip: the batch chained onto the expected head, written by
   * one auto-commit statement (atomic: all its entries and the head move, or nothing). Undefined
   * when there is no expected head or it moved (the caller then appends under the lock). Not
   * retried on failure: the batch fails, as a failed transaction would fail it.
   */
  private async appendAutoCommit(items: Array<Pick<Pending, 'record'>>, markings: AuditMarking[]): Promise<{ seq: number; hash: string } | undefined> {
    const expected = this.expectedHead;
    if (!expected) return undefined;
    const chained = this.chain(expected, items, markings);
    this.expectedHead = chained.head;
    const [row] = await this.db.writeStatement<{ written: number }>(cypher('audit-append-at'), { expected, ...chained });
    return row?.written === items.length ? chained.head : undefined;
  }

  /** The stored form of a batch chained onto `head`: each entry's MAC covers the previous hash. */
  private chain(head: { seq: number; hash: string }, items: Array<Pick<Pending, 'record'>>, markings: AuditMarking[]) {
    let seq = head.seq;
    let prev = head.hash;
    const batch = head.seq + 1; // the batch's first sequence number, stored on each entry (not signed: bookkeeping)
    const entries = items.map((item, i) => {
      seq += 1;
      const entry = { ...item.record, ...markings[i] };
      const hash = this.anchor.mac(entryText(seq, prev, entry));
      const stored = { ...entry, seq, prevHash: prev, hash, batch };
      prev = hash;
      return stored;
    });
    return { entries, seq, hash: prev, head: { seq, hash: prev } };
  }

  /** One read for the whole batch: the reports behind every id each entry mentions. */
  private async markingsOf(
    run: <T>(query: string, params: Record<string, unknown>) => Promise<T[]>,
    items: Array<Pick<Pending, 'record' | 'caller' | 'marking'>>,
  ): Promise<AuditMarking[]> {
    const rows = items.flatMap((item, i) =>
      item.marking
        ? []
        : [
            {
              i,
              ids: [...new Set([...item.record.returnedIds, ...item.record.changedIds, ...stringsIn(item.record.variables)])].slice(0, 3 * MAX_IDS),
              auth: item.caller ? { clearance: item.caller.clearance, agency: item.caller.agency, country: item.caller.country } : null,
            },
          ],
    );
    const found = new Map<number, { level: number; releasability: string[] }>();
    if (rows.length > 0) {
      const result = await run<{ i: number; level: number; releasability: string[][] }>(cypher('audit-marking'), { rows });
      for (const r of result) found.set(r.i, { level: r.level, releasability: r.releasability.flatMap((set) => markingOfReport(0, set).releasability) });
    }
    return items.map((item, i) => {
      // Every entry is marked at least as its requester (an id the query could not attribute, a
      // search term, a hidden id asked for, a failed document's variables: all are covered by it),
      // and as the documents its variables declare.
      const floor = [requesterMarking(item.record, item.caller), ...declaredMarkings(item.record.variables)];
      if (item.marking) return combine(item.marking, ...floor);
      const f = found.get(i) ?? { level: 0, releasability: [] };
      return combine({ classificationLevel: f.level, releasability: f.releasability }, ...floor);
    });
  }

  async list(
    reader: VisibilityParams,
    filter: { first: number; afterSeq?: number; subject?: string; from?: string; to?: string },
  ): Promise<{ total: number; page: AuditEntry[] }> {
    const [row] = await this.db.read<{ total: number; page: AuditEntry[] }>(cypher('audit-list'), {
      first: filter.first,
      afterSeq: filter.afterSeq ?? null,
      subject: filter.subject ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
    });
    return { total: row.total, page: row.page.map((e) => (mayReadEntry(e, reader) ? { ...e, redacted: false } : redact(e))) };
  }

  /**
   * Recomputes the chain and checks it against its anchors. Returns the first bad sequence number
   * and why: an entry whose MAC does not verify (rewritten, or re-hashed without the key), a gap
   * (deleted or renumbered entries), a head that does not match the last entry, or a checkpoint
   * the chain no longer reaches or no longer matches (truncated or replaced).
   */
  async verify(): Promise<ChainStatus> {
    // Anchors first, then the head, then the entries: entries are only ever appended, so whatever a
    // checkpoint or the head vouched for must be among the entries read afterwards.
    const { checkpoints, badLine } = this.anchor.readCheckpoints();
    const [head] = await this.db.read<{ seq: number; hash: string }>(cypher('audit-head'));
    const entries = await this.db.read<AuditEntry>(cypher('audit-all'));
    const status = (brokenAt: number | null, reason: string | null): ChainStatus => ({
      entries: entries.length,
      brokenAt,
      reason,
      checkpoints: checkpoints.length,
    });
    const problems: Array<{ at: number; reason: string }> = [];

    let prev = GENESIS_HASH;
    const hashAt = new Map<number, string>();
    for (let i = 0; i < entries.length; i++) {
      // Neo4j prints datetimes without trailing zeros (…25.68Z); the MAC covers JavaScript's form.
      const e = { ...entries[i], at: new Date(entries[i].at).toISOString() };
      if (e.seq !== i + 1) {
        problems.push({ at: i + 1, reason: `entry ${i + 1} is missing (the next one is ${e.seq})` });
        break;
      }
      if (e.prevHash !== prev || !sameHex(e.hash, this.anchor.mac(entryText(e.seq, prev, e)))) {
        problems.push({ at: e.seq, reason: `entry ${e.seq} does not verify (rewritten, or re-hashed without the audit key)` });
        break;
      }
      hashAt.set(e.seq, e.hash);
      prev = e.hash;
    }
    const last = entries.length;
    hashAt.set(0, GENESIS_HASH);
    if (head && head.seq > last) {
      problems.push({ at: last + 1, reason: `truncated: the chain head is at ${head.seq}, the trail ends at ${last}` });
    } else if (head && hashAt.has(head.seq) && hashAt.get(head.seq) !== head.hash) {
      problems.push({ at: Math.max(head.seq, 1), reason: `the chain head does not match entry ${head.seq}` });
    }
    for (const c of checkpoints) {
      if (c.seq > last) {
        problems.push({ at: last + 1, reason: `truncated: a checkpoint outside the database vouches for entry ${c.seq}, the trail ends at ${last}` });
        break;
      }
      const h = hashAt.get(c.seq);
      if (h !== undefined && h !== c.hash) {
        problems.push({ at: c.seq, reason: `entry ${c.seq} differs from its checkpoint outside the database (the trail was replaced)` });
        break;
      }
    }
    if (badLine !== null) problems.push({ at: last + 1, reason: `the checkpoint file fails its signature at line ${badLine}` });
    if (problems.length === 0) return status(null, null);
    const first = problems.reduce((a, b) => (b.at < a.at ? b : a));
    return status(first.at, first.reason);
  }
}
