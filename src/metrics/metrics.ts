import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's Prometheus metrics (issue 22), one registry per app so that two apps in one
 * process (tests, replicas in a benchmark) never share or double-register series.
 *
 * Labels are bounded on purpose: an operation is named by the schema's root fields it selects
 * (never by the client-chosen operation name, which would let any caller mint series), and an
 * outcome by an error code from a fixed list. Nothing here carries an id, a name or a value from
 * a report, so a scrape reveals traffic shape only, never content.
 */
export interface MetricsSources {
  /** Analyses waiting for a worker. */
  analysisQueued?: () => number;
  /** Scope-graph cache hits and misses since start. */
  scopeCache?: () => { hits: number; misses: number };
}

export class Metrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly requestSeconds: Histogram<'operation'>;
  readonly databaseSeconds: Histogram<'mode'>;
  readonly auditAppendSeconds: Histogram<'outcome'>;

  constructor(sources: MetricsSources = {}) {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests by operation (root fields) and outcome (ok or the first error code).',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.requestSeconds = new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL request latency, from parsing to the audited response.',
      labelNames: ['operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
    this.databaseSeconds = new Histogram({
      name: 'neo4j_query_duration_seconds',
      help: 'Time spent in Neo4j per statement or transaction, by access mode.',
      labelNames: ['mode'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
      registers: [this.registry],
    });
    this.auditAppendSeconds = new Histogram({
      name: 'audit_append_duration_seconds',
      help: 'Time to make one audit entry durable before its answer leaves (the audit lag of a request).',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [this.registry],
    });
    const { analysisQueued, scopeCache } = sources;
    new Gauge({
      name: 'analysis_queue_length',
      help: 'Analyses waiting for a worker thread.',
      registers: [this.registry],
      collect() {
        this.set(analysisQueued?.() ?? 0);
      },
    });
    // The cache keeps its own counters; a scrape copies them (a Counter cannot be set, a Gauge can).
    new Gauge({
      name: 'analysis_scope_cache_lookups',
      help: 'Scope-graph cache lookups since start, by result (hit or miss).',
      labelNames: ['result'],
      registers: [this.registry],
      collect() {
        const counts = scopeCache?.() ?? { hits: 0, misses: 0 };
        this.set({ result: 'hit' }, counts.hits);
        this.set({ result: 'miss' }, counts.misses);
      },
    });
  }

  /** Prometheus' text exposition format. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/**
 * The bounded label of an operation: its type and its root field (`query:entity`), or
 * `query:(several)` when it selects more than one: combinations would let a client mint series.
 */
export function operationLabel(type: string | undefined | null, rootFields: readonly string[]): string {
  const fields = [...new Set(rootFields)];
  if (!type || fields.length === 0) return 'invalid';
  return `${type}:${fields.length === 1 ? fields[0] : '(several)'}`;
}
