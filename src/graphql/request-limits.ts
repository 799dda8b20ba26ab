import { ApolloServerPlugin } from '@apollo/server';
import express from 'express';
import { FragmentDefinitionNode, GraphQLError, Kind, OperationTypeNode, SelectionSetNode } from 'graphql';
import http from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { Context } from './context';
import { ErrorCode } from '../errors';

/** A JSON error body in GraphQL's shape, for answers given before GraphQL runs. */
export function jsonError(res: express.Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/**
 * Per client address, authenticated or not, before the body is even parsed (issue 9 item 8).
 * Behind a proxy set TRUST_PROXY so that `req.ip` is the client's, not the proxy's.
 */
export function addressRateLimit(pointsPerMinute: number): express.RequestHandler {
  const limiter = new RateLimiterMemory({ points: pointsPerMinute, duration: 60 });
  return (req, res, next) => {
    limiter.consume(req.ip ?? req.socket.remoteAddress ?? 'unknown').then(
      () => next(),
      (rejection: RateLimiterRes | Error) => {
        if (rejection instanceof Error) return next(rejection);
        const retryAfter = Math.ceil(rejection.msBeforeNext / 1000);
        res.setHeader('Retry-After', String(retryAfter));
        jsonError(res, 429, ErrorCode.RATE_LIMITED, 'Too many requests from this address; slow down.', { retryAfter });
      },
    );
  };
}

/** A bearer token over `maxBytes` is refused before anything else looks at it (431, JSON body). */
export function tokenSizeLimit(maxBytes: number): express.RequestHandler {
  return (req, res, next) => {
    const authorization = req.headers.authorization;
    if (authorization && Buffer.byteLength(authorization) > maxBytes) {
      jsonError(res, 431, ErrorCode.QUERY_TOO_COMPLEX, `The Authorization header is over ${maxBytes} bytes (MAX_TOKEN_BYTES).`);
      return;
    }
    next();
  };
}

/**
 * Refuses JSON nested deeper than `maxDepth` before it is parsed (body-parser's `verify` sees the
 * raw bytes): a body nested 100,000 levels would otherwise overflow the stack of whatever walks it.
 */
export function jsonDepthVerifier(maxDepth: number): (req: http.IncomingMessage, res: http.ServerResponse, buf: Buffer) => void {
  return (_req, _res, buf) => {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i];
      if (inString) {
        if (c === 0x5c)
          i += 1; // backslash: skip the escaped byte
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) {
        if (++depth > maxDepth) {
          throw Object.assign(new Error(`JSON nested deeper than ${maxDepth} levels`), { status: 400, type: 'entity.too.deep', expose: true });
        }
      } else if (c === 0x7d || c === 0x5d) depth -= 1;
    }
  };
}

/**
 * Errors Node's HTTP parser raises before express sees the request (headers over the limit,
 * e.g. a 12 KB token; malformed requests) answer with a JSON body instead of an empty one.
 */
export function answerClientErrors(server: http.Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (socket as { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      errors: [
        {
          message: tooLarge ? 'Request headers too large (a bearer token over the header limit?).' : 'Malformed HTTP request.',
          extensions: { code: tooLarge ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.BAD_REQUEST },
        },
      ],
    });
    socket.end(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Caps the size of a response (MAX_RESPONSE_BYTES): a larger answer is replaced by an error, never
 * truncated. Must come before the audit plugin, which then records that nothing was returned.
 */
export function responseSizePlugin(maxBytes: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        // No `await` before the check: Apollo starts every plugin's hook in order, and the audit
        // plugin must see the replaced result.
        willSendResponse(rc) {
          const body = rc.response.body;
          // Only answers sent to HTTP clients (the export route streams its own, bounded, files).
          if (!rc.request.http || body.kind !== 'single' || !body.singleResult.data) return Promise.resolve();
          const bytes = Buffer.byteLength(JSON.stringify(body.singleResult));
          if (bytes > maxBytes) {
            body.singleResult.data = null;
            body.singleResult.errors = [
              {
                message: `The answer would be ${bytes} bytes, over the limit of ${maxBytes} (MAX_RESPONSE_BYTES); ask for fewer items.`,
                extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, bytes, limit: maxBytes },
              },
            ];
            rc.response.http.status = 400;
          }
          return Promise.resolve();
        },
      };
    },
  };
}

/** Root fields that run a graph algorithm in the service (paths and cross-border figures run in Neo4j). */
export const ANALYSIS_FIELDS = new Set(['centrality', 'communities']);

function countAnalyses(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let n = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) n += ANALYSIS_FIELDS.has(s.name.value) ? 1 : 0;
    else if (s.kind === Kind.INLINE_FRAGMENT) n += countAnalyses(s.selectionSet, fragments, seen);
    else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
      seen.add(s.name.value);
      const f = fragments.get(s.name.value);
      if (f) n += countAnalyses(f.selectionSet, fragments, seen);
    }
  }
  return n;
}

/**
 * At most `max` analyses in flight per subject (aliases count one each), on this instance
 * (MAX_CONCURRENT_ANALYSES): a caller cannot occupy the analysis capacity with parallel requests.
 */
export function analysisConcurrencyPlugin(max: number): ApolloServerPlugin<Context> {
  const inFlight = new Map<string, number>();
  return {
    async requestDidStart() {
      let held = 0;
      let subject: string | undefined;
      return {
        async didResolveOperation(rc) {
          const op = rc.operation;
          subject = rc.contextValue?.principal?.subject;
          if (!op || op.operation !== OperationTypeNode.QUERY || !subject) return;
          const fragments = new Map(
            rc.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const wanted = countAnalyses(op.selectionSet, fragments);
          if (wanted === 0) return;
          const current = inFlight.get(subject) ?? 0;
          if (current + wanted > max) {
            throw new GraphQLError(`At most ${max} analyses may run at once per user (${current} running, ${wanted} asked); wait for them to finish.`, {
              extensions: { code: ErrorCode.RATE_LIMITED, http: { status: 429 } },
            });
          }
          held = wanted;
          inFlight.set(subject, current + wanted);
        },
        async willSendResponse() {
          if (held > 0 && subject) {
            const left = (inFlight.get(subject) ?? held) - held;
            if (left > 0) inFlight.set(subject, left);
            else inFlight.delete(subject);
            held = 0;
          }
        },
      };
    },
  };
}
