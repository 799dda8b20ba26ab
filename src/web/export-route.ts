import { ApolloServer } from '@apollo/server';
import express from 'express';
import { GraphQLError } from 'graphql';
import { Config } from '../config';
import { MAX_EXPAND_DEPTH } from '../analysis/analysis-service';
import { LINK_TYPES, LinkTypeName } from '../domain/vocabulary';
import { EXPORT_FORMATS, ExportEdge, ExportGraph, ExportNode, ExportSource, graphClassification, isExportFormat } from '../export';
import { Context } from '../graphql/context';
import { ErrorCode } from '../errors';
import { DateScalar } from '../graphql/scalars';
import { logger } from '../logger';

/**
 * GET /export/{graphml|gexf|cytoscape|csv}?around=<id>&depth=<n>[&from=&to=&limit=&linkTypes=A,B]
 * GET /export/{format}?ids=a,b,c[&from=&to=&linkTypes=A,B]   (the entities and the links among them)
 *
 * Exports go through the public API: the route runs the `neighbourhood` GraphQL query against
 * the app's own Apollo server with the caller's context, so need-to-know is applied inside the
 * database query exactly as for `neighbourhood`, and the request is audited by the same plugin
 * (operation `ExportNeighbourhood` / `ExportSelection`, every returned id recorded). A selection is
 * the `subgraph` query: one read for the chosen entities and the links among them.
 */

const SOURCE_FIELDS = 'reportId sourceReliability informationAccuracy report { title date agency classification handlingCodes }';
const SUBGRAPH_FIELDS = `truncated
    nodes { id type label properties sources { ${SOURCE_FIELDS} } }
    edges { id: linkId type source target directed properties sources { ${SOURCE_FIELDS} } }`;

const NEIGHBOURHOOD = `query ExportNeighbourhood($id: ID!, $depth: Int!, $from: Date, $to: Date, $limit: Int!, $linkTypes: [LinkType!]) {
  neighbourhood(id: $id, depth: $depth, from: $from, to: $to, limit: $limit, linkTypes: $linkTypes) {
    ${SUBGRAPH_FIELDS}
  }
}`;

const SELECTION = `query ExportSelection($ids: [ID!]!, $from: Date, $to: Date, $linkTypes: [LinkType!]) {
  subgraph(ids: $ids, from: $from, to: $to, linkTypes: $linkTypes) {
    ${SUBGRAPH_FIELDS}
  }
}`;

interface ApiSource {
  reportId: string;
  sourceReliability: string;
  informationAccuracy: number;
  report: { title: string; date: string; agency: string; classification: string; handlingCodes: string[] } | null;
}
interface ApiSubgraph {
  truncated: boolean;
  nodes: Array<Omit<ExportNode, 'sources'> & { sources: ApiSource[] }>;
  edges: Array<Omit<ExportEdge, 'sources'> & { sources: ApiSource[] }>;
}

const toSource = (s: ApiSource): ExportSource => ({
  reportId: s.reportId,
  sourceReliability: s.sourceReliability,
  informationAccuracy: s.informationAccuracy,
  title: s.report?.title ?? null,
  agency: s.report?.agency ?? null,
  date: s.report?.date ?? null,
  classification: s.report?.classification ?? null,
  handlingCodes: s.report?.handlingCodes ?? [],
});

const STATUS: Record<string, number> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
  [ErrorCode.DATABASE_TIMEOUT]: 504,
};

class ExportError extends Error {
  constructor(
    readonly errors: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>,
    readonly status: number,
  ) {
    super(errors[0]?.message ?? 'export failed');
  }
}

const badParam = (param: string, message: string) =>
  new ExportError([{ message: `${param}: ${message}`, path: [param], extensions: { code: ErrorCode.BAD_USER_INPUT, field: param } }], 400);

/** The query parameters a request may give (anything else is refused, naming it). */
const PARAMS = ['around', 'ids', 'depth', 'limit', 'from', 'to', 'linkTypes'] as const;
type Param = (typeof PARAMS)[number];
/** The GraphQL variable each parameter becomes, to name the parameter in any error GraphQL raises. */
const PARAM_OF_VARIABLE: Record<string, Param> = { id: 'around', ids: 'ids', depth: 'depth', limit: 'limit', from: 'from', to: 'to', linkTypes: 'linkTypes' };

const single = (v: unknown, name: string): string | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw badParam(name, 'give it once');
  return v;
};

/** A whole number from `min` to `max`, or BAD_USER_INPUT naming the parameter. */
const integerParam = (raw: string, name: Param, min: number, max: number): number => {
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw badParam(name, `must be a whole number from ${min} to ${max}`);
  return n;
};

/** A calendar date (YYYY-MM-DD, as the Date scalar takes it); empty means not given. */
const dateParam = (raw: string | undefined, name: Param): string | undefined => {
  if (!raw) return undefined;
  try {
    DateScalar.parseValue(raw);
  } catch {
    throw badParam(name, 'must be a date (YYYY-MM-DD)');
  }
  return raw;
};

/** Checked query parameters: every value is valid for the GraphQL query it becomes. */
interface ExportRequest {
  around?: string;
  ids?: string[];
  depth: number;
  limit: number;
  from?: string;
  to?: string;
  linkTypes?: LinkTypeName[];
}

function parseParams(query: express.Request['query'], maxNodes: number): ExportRequest {
  for (const key of Object.keys(query)) {
    if (!(PARAMS as readonly string[]).includes(key)) throw badParam(key.slice(0, 100), `unknown parameter; use ${PARAMS.join(', ')}`);
  }
  const raw = Object.fromEntries(PARAMS.map((p) => [p, single(query[p], p)])) as Record<Param, string | undefined>;
  if ((raw.around === undefined) === (raw.ids === undefined))
    throw badParam(raw.around === undefined ? 'around' : 'ids', 'give either `around` (with `depth`) or `ids`');
  if (raw.around !== undefined && raw.around.trim() === '') throw badParam('around', 'give an entity id');
  if (raw.ids !== undefined) {
    for (const p of ['depth', 'limit'] as const) if (raw[p] !== undefined) throw badParam(p, 'only with `around`');
  }
  const linkTypes = raw.linkTypes
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const unknownType = linkTypes?.find((t) => !(LINK_TYPES as readonly string[]).includes(t));
  if (unknownType !== undefined) throw badParam('linkTypes', `${JSON.stringify(unknownType)} is not a link type; use ${LINK_TYPES.join(', ')}`);
  const request: ExportRequest = {
    depth: raw.depth === undefined ? 1 : integerParam(raw.depth, 'depth', 1, MAX_EXPAND_DEPTH),
    limit: raw.limit === undefined ? maxNodes : integerParam(raw.limit, 'limit', 1, maxNodes),
    from: dateParam(raw.from, 'from'),
    to: dateParam(raw.to, 'to'),
    linkTypes: linkTypes?.length ? (linkTypes as LinkTypeName[]) : undefined,
  };
  if (raw.around !== undefined) return { ...request, around: raw.around };
  const ids = [
    ...new Set(
      raw
        .ids!.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) throw badParam('ids', 'give at least one id');
  if (ids.length > maxNodes) throw badParam('ids', `give at most ${maxNodes} ids`);
  return { ...request, ids };
}

/**
 * An error GraphQL raised about a variable (its coercion: `Variable "$from" got invalid value…`, or
 * a bound on an argument) names the query parameter it came from, as BAD_USER_INPUT.
 */
function asParamError(e: { message: string; extensions?: Record<string, unknown> }): { param: Param; message: string } | undefined {
  const variable = /^Variable "\$(\w+)"/.exec(e.message)?.[1];
  const argument = typeof e.extensions?.argument === 'string' ? e.extensions.argument : undefined;
  const param = PARAM_OF_VARIABLE[variable ?? argument ?? ''];
  if (!param) return undefined;
  if (argument === undefined || !e.message.startsWith(argument)) return { param, message: 'is not valid' };
  return { param, message: e.message.slice(argument.length).replace(/^:?\s*/, '') };
}

export interface ExportRouteDeps {
  config: Config;
  apollo: ApolloServer<Context>;
  /** The same context the /graphql endpoint builds (token, rate limit, database availability). */
  contextFor: (req: express.Request) => Promise<Context>;
}

export function exportRoute({ config, apollo, contextFor }: ExportRouteDeps): express.RequestHandler {
  const run = async (ctx: Context, query: string, operationName: string, variables: Record<string, unknown>) => {
    const response = await apollo.executeOperation<Record<string, ApiSubgraph | null>>({ query, operationName, variables }, { contextValue: ctx });
    if (response.body.kind !== 'single')
      throw new ExportError([{ message: 'unexpected incremental response', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }], 500);
    return response.body.singleResult;
  };
  const fail = (errors: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>) => {
    const code0 = errors[0]?.extensions?.code;
    const param = code0 === ErrorCode.BAD_USER_INPUT || code0 === ErrorCode.QUERY_TOO_COMPLEX ? errors[0] && asParamError(errors[0]) : undefined;
    if (param) return badParam(param.param, param.message);
    const code = (errors[0]?.extensions?.code as string) ?? ErrorCode.INTERNAL_SERVER_ERROR;
    return new ExportError([...errors], STATUS[code] ?? 500);
  };

  return async (req, res) => {
    try {
      // Authenticate before any work, parameters included (the same checks as /graphql): a caller
      // without a valid token learns nothing of the route, and every request counts against the
      // rate limit, whatever its parameters.
      const ctx = await contextFor(req).catch((err: unknown) => {
        if (err instanceof GraphQLError) throw fail([{ message: err.message, extensions: { code: err.extensions.code } }]);
        throw err;
      });
      const format = String(req.params.format);
      if (!isExportFormat(format)) {
        throw new ExportError(
          [
            {
              message: `unknown export format ${JSON.stringify(format)}; use one of ${Object.keys(EXPORT_FORMATS).join(', ')}`,
              extensions: { code: ErrorCode.NOT_FOUND },
            },
          ],
          404,
        );
      }
      const { around, ids, depth, limit, from, to, linkTypes } = parseParams(req.query, config.limits.maxSubgraphNodes);

      let subgraph: ApiSubgraph;
      let title: string;
      let name: string;
      if (around !== undefined) {
        const result = await run(ctx, NEIGHBOURHOOD, 'ExportNeighbourhood', { id: around, depth, from, to, limit, linkTypes });
        if (result.errors?.length || !result.data?.neighbourhood) throw fail(result.errors ?? []);
        subgraph = result.data.neighbourhood;
        title = `neighbourhood of ${around}, depth ${depth}${from || to ? `, ${from ?? '…'} to ${to ?? '…'}` : ''}`;
        name = `neighbourhood-${around}-depth${depth}`;
      } else {
        if (!ids) throw badParam('ids', 'give either `around` (with `depth`) or `ids`');
        const result = await run(ctx, SELECTION, 'ExportSelection', { ids, from, to, linkTypes });
        if (result.errors?.length || !result.data?.subgraph) throw fail(result.errors ?? []);
        subgraph = result.data.subgraph;
        title = `selection of ${ids.length} entities${from || to ? `, ${from ?? '…'} to ${to ?? '…'}` : ''}`;
        name = `selection-${ids.length}`;
      }

      const nodes = new Map<string, ExportNode>(subgraph.nodes.map((n) => [n.id, { ...n, sources: n.sources.map(toSource) }]));
      const edges = new Map<string, ExportEdge>();
      for (const e of subgraph.edges) if (nodes.has(e.source) && nodes.has(e.target)) edges.set(e.id, { ...e, sources: e.sources.map(toSource) });
      const graph: ExportGraph = {
        title,
        generatedAt: new Date().toISOString(),
        exportedBy: ctx.principal.subject,
        nodes: [...nodes.values()],
        edges: [...edges.values()],
      };
      const spec = EXPORT_FORMATS[format];
      const classification = graphClassification(graph);
      res.setHeader('Content-Type', spec.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Classification', classification);
      res.setHeader('X-Truncated', String(subgraph.truncated));
      res.setHeader('Content-Disposition', `attachment; filename="${`${classification}-${name}`.replace(/[^A-Za-z0-9._-]+/g, '_')}.${spec.extension}"`);
      res.status(200).send(spec.write(graph));
    } catch (err) {
      if (err instanceof ExportError) {
        res.status(err.status).json({ errors: err.errors });
        return;
      }
      logger.error({ err }, 'export failed');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
    }
  };
}
