import os from 'node:os';
import path from 'node:path';
import { DEV_IDENTITY_SECRET } from './domain/identity-secret';

/** Every setting the service reads, validated once at start-up. */
export interface Config {
  port: number;
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
  };
  /** Key of the keyed hash behind opaque entity ids and of cursor sealing; set once, never changed. */
  identitySecret: string;
  seedOnEmpty: boolean;
  logLevel: string;
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

/** Development-only HS256 secret, used when no JWT_SECRET/JWT_JWKS_URL is set outside production. */
export const DEV_JWT_SECRET = 'dev-only-secret-do-not-use-in-production-0123456789';

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const uri = env.NEO4J_URI || undefined;
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    problems.push(`NEO4J_URI must start with bolt://, neo4j://, bolt+s:// or neo4j+s:// (got "${uri}")`);
  }
  const jwtSecret = env.JWT_SECRET || (production ? undefined : DEV_JWT_SECRET);
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  if (production && !env.JWT_SECRET && !jwksUrl) problems.push('in production set JWT_JWKS_URL (or JWT_SECRET)');
  if (env.JWT_SECRET && env.JWT_SECRET.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const identitySecret = env.IDENTITY_SECRET || (production ? '' : DEV_IDENTITY_SECRET);
  if (production && !env.IDENTITY_SECRET) problems.push('in production set IDENTITY_SECRET (at least 32 characters, never changed afterwards)');
  if (env.IDENTITY_SECRET && env.IDENTITY_SECRET.length < 32) problems.push('IDENTITY_SECRET must be at least 32 characters');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`);
  }
  const config: Config = {
    port: int(env, 'PORT', 4000, 0, 65535, problems),
    production,
    neo4j: {
      uri,
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD || 'neo4j',
      database: env.NEO4J_DATABASE || 'neo4j',
      embeddedPort: int(env, 'NEO4J_EMBEDDED_PORT', 7687, 1, 65535, problems),
      embeddedDataDir: path.resolve(env.NEO4J_EMBEDDED_DATA_DIR || '.neo4j-data'),
      embeddedHeapMb: int(env, 'NEO4J_EMBEDDED_HEAP_MB', 1024, 256, 65536, problems),
      embeddedPageCacheMb: int(env, 'NEO4J_EMBEDDED_PAGECACHE_MB', 256, 16, 65536, problems),
      queryTimeoutMs: int(env, 'NEO4J_QUERY_TIMEOUT_MS', 30000, 100, 600000, problems),
    },
    auth: { jwtSecret, jwksUrl, issuer: env.JWT_ISSUER || undefined, audience: env.JWT_AUDIENCE || undefined },
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
    },
    identitySecret,
    seedOnEmpty: env.SEED_ON_EMPTY !== 'false',
    logLevel,
    graphqlIde: env.GRAPHQL_IDE ? env.GRAPHQL_IDE === 'true' : !production,
    analysis: {
      workers: int(env, 'ANALYSIS_WORKERS', Math.max(1, os.availableParallelism() - 1), 0, 256, problems),
      queueLimit: int(env, 'ANALYSIS_QUEUE_LIMIT', 64, 0, 100000, problems),
      timeoutMs: int(env, 'ANALYSIS_TIMEOUT_MS', 120000, 1, 3600000, problems),
      workerMemoryMb: int(env, 'ANALYSIS_WORKER_MEMORY_MB', 0, 0, 1048576, problems),
    },
  };
  if (env.GRAPHQL_IDE && !['true', 'false'].includes(env.GRAPHQL_IDE)) problems.push(`GRAPHQL_IDE must be true or false (got "${env.GRAPHQL_IDE}")`);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
