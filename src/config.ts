import os from 'node:os';
import path from 'node:path';
import { DEV_IDENTITY_SECRET_FILE, DEV_JWT_SECRET_FILE, developmentSecret } from './db/credentials';

/** Every setting the service reads, validated once at start-up. */
export interface Config {
  port: number;
  /** Interface the HTTP server binds to (HOST): the loopback one unless set, so nothing on the network reaches it by default. */
  host: string;
  production: boolean;
  neo4j: {
    uri?: string; // unset: start the embedded database
    user: string;
    password: string;
    database: string;
    embeddedPort: number;
    embeddedDataDir: string;
    embeddedHeapMb: number;
    embeddedPageCacheMb: number;
    queryTimeoutMs: number;
  };
  auth: {
    jwtSecret?: string;
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
    /** Longest accepted token lifetime (exp - iat), MAX_TOKEN_TTL. */
    maxTokenTtlSeconds: number;
    /** Tolerated clock difference with the token issuer, TOKEN_CLOCK_SKEW_SECONDS. */
    clockSkewSeconds: number;
  };
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
    maxPageSize: number;
    maxHops: number;
    maxSubgraphNodes: number;
    maxAnalysisNodes: number;
    bodyLimit: string;
    rateLimitPerMinute: number;
    /** Memory bound of the analysis scope cache. */
    analysisCacheMb: number;
    /** Requests per client address per minute, authenticated or not (RATE_LIMIT_PER_ADDRESS_PER_MINUTE). */
    rateLimitPerAddressPerMinute: number;
    /** Analyses in flight per subject (MAX_CONCURRENT_ANALYSES). */
    maxConcurrentAnalyses: number;
    /** Budget of the query price estimate (MAX_QUERY_COST). */
    maxQueryCost: number;
    /** Largest response body (MAX_RESPONSE_BYTES). */
    maxResponseBytes: number;
    /** Longest Authorization header (MAX_TOKEN_BYTES). */
    maxTokenBytes: number;
    /** Deepest JSON request body (MAX_JSON_DEPTH). */
    maxJsonDepth: number;
    /** express `trust proxy` (TRUST_PROXY): unset = the socket's address is the client's. */
    trustProxy?: string;
  };
  audit: {
    /** AUDIT_KEY: HMAC key of the audit chain (every replica the same); unset = a generated 0600 file in `dir`. */
    key?: string;
    /** AUDIT_DIR: the key file and the signed checkpoints of the chain head, outside the database. */
    dir: string;
  };
  /** Key of the keyed hash behind opaque entity ids and of cursor sealing; set once, never changed. */
  identitySecret: string;
  seedOnEmpty: boolean;
  logLevel: string;
  /**
   * GET /metrics (Prometheus): open in development (the service binds to 127.0.0.1); in
   * production it answers only an admin's API token or this scrape secret (METRICS_TOKEN).
   */
  metricsToken?: string;
  /** Serve the GraphiQL IDE at GET /graphql (browsers): on by default, off in production unless GRAPHQL_IDE=true. */
  graphqlIde: boolean;
  /** Graph algorithms run in a pool of worker threads, off the event loop (src/analysis/pool). */
  analysis: {
    /** Worker threads (default max(1, cores - 1)); 0 runs analyses on the event loop (for comparison only). */
    workers: number;
    /** Analyses waiting for a worker beyond which new ones are refused with ANALYSIS_BUSY. */
    queueLimit: number;
    /** Longest time an analysis may take, queueing included (ANALYSIS_TIMEOUT; the worker is replaced). */
    timeoutMs: number;
    /** Heap cap of each worker in MiB (0: Node's default); a worker over it fails alone. */
    workerMemoryMb: number;
  };
}

export class ConfigError extends Error {}

/** `43200`, `720m`, `12h`, `1d` -> seconds; undefined when malformed. */
export function durationSeconds(raw: string): number | undefined {
  const m = /^(\d+)\s*(s|m|h|d)?$/.exec(raw.trim());
  if (!m) return undefined;
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[(m[2] ?? 's') as 's' | 'm' | 'h' | 'd'];
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

/** The embedded database's data folder (NEO4J_EMBEDDED_DATA_DIR), which also holds the audit folder and development keys. */
export function embeddedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.NEO4J_EMBEDDED_DATA_DIR || '.neo4j-data');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const uri = env.NEO4J_URI || undefined;
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    problems.push(`NEO4J_URI must start with bolt://, neo4j://, bolt+s:// or neo4j+s:// (got "${uri}")`);
  }
  const dataDir = embeddedDataDir(env);
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  // Development without configured keys: this installation's own generated ones, read (or
  // created) once the configuration is known to be valid (issue 16 item 3).
  const devKeys = !production;
  const jwtSecret = env.JWT_SECRET || undefined;
  if (production && !env.JWT_SECRET && !jwksUrl) problems.push('in production set JWT_JWKS_URL (or JWT_SECRET)');
  // Production refuses a server without a real password (issue 9 item 12).
  if (production && uri && (!env.NEO4J_PASSWORD || env.NEO4J_PASSWORD === 'neo4j')) {
    problems.push('in production NEO4J_PASSWORD must be set to the database password (authentication on, not the default)');
  }
  const maxTokenTtlSeconds = durationSeconds(env.MAX_TOKEN_TTL || '12h');
  if (maxTokenTtlSeconds === undefined || maxTokenTtlSeconds < 60)
    problems.push(`MAX_TOKEN_TTL must be a duration of at least 60 s such as 43200, 720m or 12h (got "${env.MAX_TOKEN_TTL}")`);
  if (env.JWT_SECRET && env.JWT_SECRET.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const identitySecret = env.IDENTITY_SECRET || '';
  if (production && !env.IDENTITY_SECRET) problems.push('in production set IDENTITY_SECRET (at least 32 characters, never changed afterwards)');
  if (env.IDENTITY_SECRET && env.IDENTITY_SECRET.length < 32) problems.push('IDENTITY_SECRET must be at least 32 characters');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }
  const config: Config = {
    port: int(env, 'PORT', 4000, 0, 65535, problems),
    host: env.HOST || '127.0.0.1',
    production,
    neo4j: {
      uri,
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD || 'neo4j',
      database: env.NEO4J_DATABASE || 'neo4j',
      embeddedPort: int(env, 'NEO4J_EMBEDDED_PORT', 7687, 1, 65535, problems),
      embeddedDataDir: dataDir,
      embeddedHeapMb: int(env, 'NEO4J_EMBEDDED_HEAP_MB', 1024, 256, 65536, problems),
      embeddedPageCacheMb: int(env, 'NEO4J_EMBEDDED_PAGECACHE_MB', 256, 16, 65536, problems),
      queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 30000, 100, 600000, problems),
    },
    auth: {
      jwtSecret,
      jwksUrl,
      issuer: env.JWT_ISSUER || undefined,
      audience: env.JWT_AUDIENCE || undefined,
      maxTokenTtlSeconds: maxTokenTtlSeconds ?? 43200,
      clockSkewSeconds: int(env, 'TOKEN_CLOCK_SKEW_SECONDS', 60, 0, 600, problems),
    },
    limits: {
      maxDepth: int(env, 'MAX_QUERY_DEPTH', 8, 2, 50, problems),
      maxAliases: int(env, 'MAX_ALIASES', 15, 1, 1000, problems),
      maxTokens: int(env, 'MAX_TOKENS', 2000, 100, 100000, problems),
      maxDirectives: int(env, 'MAX_DIRECTIVES', 10, 1, 1000, problems),
      maxPageSize: int(env, 'MAX_PAGE_SIZE', 500, 1, 100000, problems),
      maxHops: int(env, 'MAX_HOPS', 8, 1, 20, problems),
      maxSubgraphNodes: int(env, 'MAX_SUBGRAPH_NODES', 2000, 10, 1000000, problems),
      maxAnalysisNodes: int(env, 'MAX_ANALYSIS_NODES', 250000, 10, 10000000, problems),
      bodyLimit: env.BODY_LIMIT || '2mb',
      rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1000000, problems),
      analysisCacheMb: int(env, 'ANALYSIS_CACHE_MB', 256, 0, 65536, problems),
      rateLimitPerAddressPerMinute: int(env, 'RATE_LIMIT_PER_ADDRESS_PER_MINUTE', 1200, 1, 10000000, problems),
      maxConcurrentAnalyses: int(env, 'MAX_CONCURRENT_ANALYSES', 4, 1, 1000, problems),
      maxQueryCost: int(env, 'MAX_QUERY_COST', 100000, 10, 1000000000, problems),
      maxResponseBytes: int(env, 'MAX_RESPONSE_BYTES', 4000000, 1000, 2000000000, problems),
      maxJsonDepth: int(env, 'MAX_JSON_DEPTH', 64, 8, 10000, problems),
      maxTokenBytes: int(env, 'MAX_TOKEN_BYTES', 8192, 512, 1000000, problems),
      trustProxy: env.TRUST_PROXY || undefined,
    },
    audit: {
      key: env.AUDIT_KEY || undefined,
      dir: path.resolve(env.AUDIT_DIR || path.join(dataDir, 'audit')),
    },
    identitySecret,
    seedOnEmpty: env.SEED_ON_EMPTY !== 'false',
    logLevel,
    graphqlIde: env.GRAPHQL_IDE ? env.GRAPHQL_IDE === 'true' : !production,
    metricsToken: env.METRICS_TOKEN || undefined,
    analysis: {
      workers: int(env, 'ANALYSIS_WORKERS', Math.max(1, os.availableParallelism() - 1), 0, 256, problems),
      queueLimit: int(env, 'ANALYSIS_QUEUE_LIMIT', 64, 0, 100000, problems),
      timeoutMs: int(env, 'ANALYSIS_TIMEOUT_MS', 120000, 1, 3600000, problems),
      workerMemoryMb: int(env, 'ANALYSIS_WORKER_MEMORY_MB', 0, 0, 1048576, problems),
    },
  };
  if (env.GRAPHQL_IDE && !['true', 'false'].includes(env.GRAPHQL_IDE)) problems.push(`GRAPHQL_IDE must be true or false (got "${env.GRAPHQL_IDE}")`);
  if (env.METRICS_TOKEN && env.METRICS_TOKEN.length < 32) problems.push('METRICS_TOKEN must be at least 32 characters');
  if (env.AUDIT_KEY && env.AUDIT_KEY.length < 32) problems.push('AUDIT_KEY must be at least 32 characters');
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  if (devKeys && !config.auth.jwtSecret && !jwksUrl) config.auth.jwtSecret = developmentSecret(dataDir, DEV_JWT_SECRET_FILE);
  if (devKeys && !config.identitySecret) config.identitySecret = developmentSecret(dataDir, DEV_IDENTITY_SECRET_FILE);
  return config;
}
