import { GraphQLError } from 'graphql';
import { AuthorizationError } from 'type-graphql';
import { AppError, badInput, ErrorCode, tooComplex } from '../../src/errors';
import { logger } from '../../src/logger';
import { formatError } from '../../src/server';

/** What Apollo hands to formatError: the formatted error and the original. */
function format(error: GraphQLError) {
  return formatError(error.toJSON(), error);
}
const wrap = (original: Error, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(original.message, { originalError: original, path: ['centrality'], extensions });

describe('formatError', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it("keeps an application error's code, message and extra extensions", () => {
    const out = format(wrap(badInput('scope.depth', 'must be between 1 and 4')));
    expect(out.extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT, problems: [{ path: 'scope.depth', message: 'must be between 1 and 4' }] });
    expect(out.message).toMatch(/scope.depth: must be between 1 and 4/);
    expect(out.path).toEqual(['centrality']);
    expect(format(wrap(tooComplex('too big'))).extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('an unexpected error: INTERNAL_SERVER_ERROR, a generic message, no stack, logged', () => {
    const secret = new Error('MATCH (n:Secret) leaked in a message');
    const out = format(wrap(secret, { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] }));
    expect(out).toEqual({ message: 'Internal server error', locations: undefined, path: ['centrality'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(out)).not.toMatch(/Secret|stacktrace/);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('maps authorisation failures to FORBIDDEN and armor limits to QUERY_TOO_COMPLEX', () => {
    expect(format(wrap(new AuthorizationError())).extensions).toEqual({ code: 'FORBIDDEN' });
    expect(format(new GraphQLError('Syntax Error: Aliases limit of 15 exceeded, found 16.')).extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('keeps GraphQL validation and parse codes; a Neo4j transaction timeout is DATABASE_TIMEOUT', () => {
    expect(format(new GraphQLError('Cannot query field "x"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })).extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
    });
    const timeout = Object.assign(new Error('timed out'), { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' });
    expect(format(wrap(timeout))).toMatchObject({ message: 'The query took too long and was stopped.', extensions: { code: 'DATABASE_TIMEOUT' } });
    expect(logged).not.toHaveBeenCalled();
  });

  it('a known code from elsewhere is kept without its other extensions', () => {
    const out = format(new GraphQLError('slow down', { extensions: { code: 'RATE_LIMITED', http: { status: 429 } } }));
    expect(out.extensions).toEqual({ code: 'RATE_LIMITED' });
    expect(new AppError('x', 'NOT_FOUND').extensions.code).toBe('NOT_FOUND');
  });
});
