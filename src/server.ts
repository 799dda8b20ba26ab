import { ApolloServer, ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import { GraphQLError, GraphQLFormattedError, Kind, Lexer, Source, TokenKind } from 'graphql';
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import { AuditAnchor } from './audit/anchor';
import { closeAnalysisPool, runningAnalysisPool } from './analysis/pool/analysis-pool';
import { AuditLog, redactVariables } from './audit/audit-log';
import { visibilityOf } from './auth/principal';
import { TokenVerifier } from './auth/tokens';
import { Config } from './config';
import { Database } from './db/database';
import { createLoaders } from './domain/loaders';
import { Repository } from './domain/repository';
import { AnalysisService } from './analysis/analysis-service';
import { ScopeCache } from './analysis/scope-cache';
import { Context } from './graphql/context';
import { AppError, DatabaseUnavailableError, ErrorCode } from './errors';
import { costLimitPlugin } from './graphql/cost';
import {
  addressRateLimit,
  analysisConcurrencyPlugin,
  answerClientErrors,
  jsonDepthVerifier,
  responseSizePlugin,
  tokenSizeLimit,
} from './graphql/request-limits';
import { buildGraphQLSchema } from './graphql/schema';
import { logger } from './logger';
import { Metrics, operationLabel } from './metrics/metrics';
import { mountWeb } from './web/routes';

/** Refuses documents of more than `max` lexical tokens before any parsing (HTTP 400). */
function tokenLimit(max: number): express.RequestHandler {
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
    if (typeof query !== 'string') return next();
    const lexer = new Lexer(new Source(query));
    let count = 0;
    try {
      while (lexer.advance().kind !== TokenKind.EOF) {
        if (++count > max) {
          res.status(400).json({ errors: [{ message: `Token limit of ${max} exceeded.`, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } }] });
          return;
        }
      }
    } catch {
      // a syntax error: let GraphQL report it with its location
    }
    next();
  };
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));
const CLIENT_REQUEST_CODES = new Set(['OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'BAD_REQUEST']);
/** Extension keys a client may see besides `code` (a refused query's estimate and budget, a limit). */
const PUBLIC_EXTENSIONS = ['cost', 'budget', 'limit', 'bytes', 'retryAfter'];
function publicExtensions(ext: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(PUBLIC_EXTENSIONS.filter((k) => ext?.[k] !== undefined).map((k) => [k, ext![k]]));
}
const ARMOR_MESSAGES = /(depth limit|aliases limit|directives limit|token limit|query cost limit)/i;

/** Every error leaves with a stable code and never a stack trace or a Cypher fragment. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = formatted.extensions?.code as string | undefined;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) return { ...base, message: original.message, extensions: { ...original.extensions } };
  if (code && KNOWN_CODES.has(code)) return { ...base, extensions: { code, ...publicExtensions(formatted.extensions) } };
  // Apollo's "which operation?" failures (two operations without operationName, an unknown one)
  // and unsupported persisted queries are the client's mistake: 400 BAD_REQUEST with graphql-js's message.
  if (code && CLIENT_REQUEST_CODES.has(code)) return { ...base, extensions: { code: ErrorCode.BAD_REQUEST } };
  if (ARMOR_MESSAGES.test(formatted.message)) return { ...base, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
  if (original instanceof AuthorizationError || code === 'FORBIDDEN') {
    return { ...base, message: 'You are not allowed to do this.', extensions: { code: ErrorCode.FORBIDDEN } };
  }
  if (original instanceof AuthenticationError) return { ...base, extensions: { code: ErrorCode.UNAUTHENTICATED } };
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' || code === 'BAD_REQUEST') {
    return { ...base, extensions: { code: code === 'BAD_REQUEST' ? 'BAD_REQUEST' : code === 'BAD_USER_INPUT' ? ErrorCode.BAD_USER_INPUT : code } };
  }
  const neoCode = (original as { code?: string } | undefined)?.code ?? '';
  // Defence in depth: an argument the database refuses (a date it cannot parse) is bad input, not a crash.
  if (/^Neo\.ClientError\.Statement\.(ArgumentError|TypeError)$/.test(neoCode)) {
    logger.warn({ neoCode, path: formatted.path }, 'database refused an argument');
    return { ...base, message: 'An argument is not valid.', extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (/TransactionTimedOut|TransactionTimedOutClientConfiguration/i.test(neoCode)) {
    return { ...base, message: 'The query took too long and was stopped.', extensions: { code: ErrorCode.DATABASE_TIMEOUT } };
  }
  logger.error({ err: original }, 'unexpected error');
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Collects every `id` in a response, for the audit trail. */
function idsIn(data: unknown, out: string[] = []): string[] {
  if (Array.isArray(data)) data.forEach((d) => idsIn(d, out));
  else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      if ((k === 'id' || k === 'reportId') && typeof v === 'string') out.push(v);
      else if (typeof v === 'object') idsIn(v, out);
    }
  }
  return out;
}

const METRIC_OUTCOMES = new Set<string>([...Object.values(ErrorCode), 'BAD_REQUEST', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

/** Counts and times every request by its root field and outcome (src/metrics: bounded labels only). */
function metricsPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const stopTimer = process.hrtime.bigint();
      return {
        async willSendResponse(rc: GraphQLRequestContextWillSendResponse<Context>) {
          const roots = rc.operation?.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '(fragment)')) ?? [];
          const operation = operationLabel(rc.operation?.operation, roots);
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          const first = errors?.[0]?.extensions?.code;
          const code = errors?.length ? (typeof first === 'string' ? first : 'UNKNOWN') : 'ok';
          metrics.requests.inc({ operation, outcome: code === 'ok' || METRIC_OUTCOMES.has(code) ? code : 'other' });
          metrics.requestSeconds.observe({ operation }, Number(process.hrtime.bigint() - stopTimer) / 1e9);
        },
      };
    },
  };
}

/** GET /metrics: open in development; in production an admin's token or the METRICS_TOKEN scrape secret. */
function metricsRoute(config: Config, metrics: Metrics, verifier: TokenVerifier): express.RequestHandler {
  const scrapeSecret = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : undefined;
  return async (req, res) => {
    if (config.production) {
      const given = Buffer.from(req.headers.authorization ?? '');
      const bySecret = scrapeSecret !== undefined && given.length === scrapeSecret.length && timingSafeEqual(given, scrapeSecret);
      const principal = bySecret ? undefined : await verifier.verify(req.headers.authorization).catch(() => undefined);
      if (!bySecret && !principal) {
        res
          .status(401)
          .set('WWW-Authenticate', 'Bearer')
          .json({ errors: [{ message: 'Authentication required.', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
        return;
      }
      if (!bySecret && !principal?.roles.includes('admin')) {
        res.status(403).json({ errors: [{ message: 'You are not allowed to do this.', extensions: { code: ErrorCode.FORBIDDEN } }] });
        return;
      }
    }
    const { contentType, body } = await metrics.exposition();
    res.set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
  };
}

/** Records every authenticated request; a request whose audit record cannot be written fails. */
function auditPlugin(audit: AuditLog, metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = Date.now();
      return {
        async willSendResponse(rc: GraphQLRequestContextWillSendResponse<Context>) {
          const ctx = rc.contextValue;
          if (!ctx?.principal || ctx.auditWritten) return;
          const body = rc.response.body;
          const result = body.kind === 'single' ? body.singleResult : undefined;
          const errors = result?.errors ?? rc.errors;
          const record = audit.record(ctx.principal, {
            at: new Date().toISOString(),
            operationName: rc.operationName ?? rc.request.operationName ?? null,
            operationType: rc.operation?.operation ?? null,
            variables: redactVariables(rc.request.variables),
            returnedIds: idsIn(result?.data),
            changedIds: [...ctx.changedIds],
            outcome: errors?.length ? `error:${errors.map((e) => (e.extensions?.code as string) ?? 'UNKNOWN').join(',')}` : 'ok',
            durationMs: Date.now() - started,
          });
          const appendStarted = process.hrtime.bigint();
          const appended = (outcome: string) => metrics.auditAppendSeconds.observe({ outcome }, Number(process.hrtime.bigint() - appendStarted) / 1e9);
          try {
            await audit.append(record, ctx.auth);
            appended('ok');
          } catch (err) {
            appended('failed');
            logger.error({ err, record }, 'audit append failed; withholding the response');
            if (result) {
              result.data = null;
              result.errors = [formatError(new DatabaseUnavailableError(), new DatabaseUnavailableError())];
            }
          }
        },
      };
    },
  };
}

export interface App {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Binds to `host` (default: the configured HOST, 127.0.0.1 unless set) and answers the port. */
  listen(port: number, host?: string): Promise<number>;
  stop(): Promise<void>;
}

export async function createApp(config: Config, db: Database): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  if (config.limits.trustProxy) app.set('trust proxy', /^\d+$/.test(config.limits.trustProxy) ? Number(config.limits.trustProxy) : config.limits.trustProxy);
  const httpServer = http.createServer(app);
  answerClientErrors(httpServer);
  const verifier = new TokenVerifier(config.auth);
  const repository = new Repository(db);
  const analysis = new AnalysisService(db, config, config.limits.analysisCacheMb > 0 ? new ScopeCache(config.limits.analysisCacheMb * 1024 * 1024) : undefined);
  const audit = new AuditLog(db, new AuditAnchor(config.audit));
  const metrics = new Metrics({
    analysisQueued: () => runningAnalysisPool(config)?.queued ?? 0,
    scopeCache: () => ({ hits: analysis.cache?.hits ?? 0, misses: analysis.cache?.misses ?? 0 }),
  });
  const observeDatabase = (mode: 'read' | 'write' | 'tx', seconds: number) => metrics.databaseSeconds.observe({ mode }, seconds);
  db.timingObservers.add(observeDatabase);
  const limiter = new RateLimiterMemory({ points: config.limits.rateLimitPerMinute, duration: 60 });
  const armor = new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth, flattenFragments: true },
    maxAliases: { n: config.limits.maxAliases },
    maxDirectives: { n: config.limits.maxDirectives },
    // Tokens are counted before Apollo (see tokenLimit): armor's token check throws while parsing,
    // which Apollo can only answer with a 500.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();

  const apollo = new ApolloServer<Context>({
    schema: buildGraphQLSchema(),
    ...armor,
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      costLimitPlugin(config.limits.maxQueryCost),
      analysisConcurrencyPlugin(config.limits.maxConcurrentAnalyses),
      responseSizePlugin(config.limits.maxResponseBytes), // before the audit plugin: see request-limits.ts
      auditPlugin(audit, metrics),
      metricsPlugin(metrics),
      // The IDE is served by the service itself (src/web): Apollo's landing page loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
    introspection: !config.production,
    csrfPrevention: true,
    // main.ts owns SIGINT/SIGTERM (drain, close the driver, stop the embedded database, exit);
    // Apollo's own handler would race it and leave the shutdown hanging.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError,
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ok = db.isAvailable || (await db.probe());
    res.status(ok ? 200 : 503).json({ ready: ok, database: ok ? 'up' : 'unavailable' });
  });

  /** The per-request context: bearer token, rate limit, database availability (also used by the exports). */
  const contextFor = async (req: express.Request): Promise<Context> => {
    const principal = await verifier.verify(req.headers.authorization).catch((err: AppError) => {
      throw new GraphQLError(err.message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
    });
    try {
      await limiter.consume(principal.subject);
    } catch {
      throw new GraphQLError('Too many requests; slow down.', { extensions: { code: ErrorCode.RATE_LIMITED, http: { status: 429 } } });
    }
    if (!db.isAvailable && !(await db.probe())) {
      throw new GraphQLError('The database is unavailable; try again shortly.', {
        extensions: { code: ErrorCode.DATABASE_UNAVAILABLE, http: { status: 503 } },
      });
    }
    const auth = visibilityOf(principal);
    return { principal, auth, db, config, repository, analysis, audit, loaders: createLoaders(repository, auth), changedIds: new Set() };
  };

  // One budget per client address for everything that reads the store: /graphql and /export/*.
  const perAddress = addressRateLimit(config.limits.rateLimitPerAddressPerMinute);

  app.get('/metrics', perAddress, metricsRoute(config, metrics, verifier));

  // issue 12: GraphiQL on GET /graphql (browsers), the /explore page, and the exports.
  mountWeb(app, { config, apollo, contextFor, perAddress });

  app.use(
    '/graphql',
    perAddress,
    tokenSizeLimit(config.limits.maxTokenBytes),
    express.json({ limit: config.limits.bodyLimit, verify: jsonDepthVerifier(config.limits.maxJsonDepth) }),
    tokenLimit(config.limits.maxTokens),
    expressMiddleware(apollo, { context: async ({ req }) => contextFor(req) }),
  );
  // Body-parser failures (oversized or malformed JSON) answer in GraphQL's error shape, without a stack.
  app.use((err: { type?: string; status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!err) return next();
    const tooLarge = err.type === 'entity.too.large';
    const tooDeep = err.type === 'entity.too.deep';
    const status = tooLarge ? 413 : err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
    res.status(status).json({
      errors: [
        {
          message: tooLarge ? 'Request body too large.' : tooDeep ? 'Request body nested too deeply.' : 'Malformed request body.',
          extensions: { code: tooLarge || tooDeep ? ErrorCode.QUERY_TOO_COMPLEX : 'BAD_REQUEST' },
        },
      ],
    });
  });

  return {
    app,
    httpServer,
    apollo,
    listen: (port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    stop: async () => {
      db.timingObservers.delete(observeDatabase);
      await apollo.stop(); // drains in-flight requests, then closes the HTTP server
      await closeAnalysisPool(config); // the analysis worker threads
    },
  };
}
