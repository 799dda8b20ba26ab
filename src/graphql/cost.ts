import { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, getNullableType, GraphQLError, GraphQLSchema, isListType } from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ErrorCode } from '../errors';

/**
 * Query pricing (issue 9 item 6), with graphql-query-complexity and one estimator that follows
 * the size of every list through the nesting:
 *  - a field with `first`, `limit` or `top` (the explicit value, or its schema default) costs
 *    `size × (1 + cost of its selection)` (a `limit` caps the answer whatever the depth);
 *  - a field given a list of `ids` costs `ids × (1 + selection)` (times its depth, if any);
 *  - a field with only `depth`/`maxLength` costs `depth × (1 + selection)`;
 *  - a list field without a size argument costs `ASSUMED_LIST_SIZE × (1 + selection)`, except the
 *    `edges`/`nodes` of connections, subgraphs and paths, whose size the parent field already priced;
 *  - any other field costs `1 + selection`.
 * The estimate grows with the product of the sizes (linear in each), about the number of values
 * in the largest possible answer; three levels of `associates(first: 39)` come to ≈ 240,000.
 */
export const ASSUMED_LIST_SIZE = 5;
const SIZE_ARGS = ['first', 'limit', 'top'] as const;
const DEPTH_ARGS = ['depth', 'maxLength'] as const;
const PRICED_BY_PARENT = /(Connection|Subgraph|Path|CrossBorder)$/;

export const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const explicit = SIZE_ARGS.map((a) => args[a]).find((v): v is number => typeof v === 'number');
  const depth = DEPTH_ARGS.map((a) => args[a]).find((v): v is number => typeof v === 'number') ?? 1;
  const list = isListType(getNullableType(field.type));
  let size = explicit ?? (Array.isArray(args.ids) ? args.ids.length : 1);
  if (explicit === undefined && list && !PRICED_BY_PARENT.test(type.name)) size = ASSUMED_LIST_SIZE;
  return Math.max(0, size) * (explicit === undefined ? Math.max(1, depth) : 1) * (1 + childComplexity);
};

/** The estimated cost of one operation of a document. */
export function queryCost(
  schema: GraphQLSchema,
  query: Parameters<typeof getComplexity>[0]['query'],
  variables?: Record<string, unknown>,
  operationName?: string,
): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [listSizeEstimator] });
}

/** Refuses, before execution, any operation whose estimate exceeds `budget` (QUERY_TOO_COMPLEX, HTTP 400). */
export function costLimitPlugin(budget: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          // Operations the service itself runs (`executeOperation` from the export route, bounded by
          // MAX_SUBGRAPH_NODES there) carry no HTTP request: only client documents are priced.
          if (!request.http) return;
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables, operationName ?? undefined);
          } catch (err) {
            // Pricing coerces the variables first: a missing or mistyped one is the client's mistake.
            throw new GraphQLError(err instanceof Error ? err.message : 'Invalid variables.', {
              extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
          }
          if (cost > budget) {
            throw new GraphQLError(
              `The query is too expensive: estimated cost ${cost} exceeds the budget of ${budget} (MAX_QUERY_COST). Ask for fewer items per list (first/limit/top) or nest less.`,
              {
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, budget, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}

/** For tests and tooling: the named type a field returns. */
export const namedTypeOf = getNamedType;
