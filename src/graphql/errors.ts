import { GraphQLError } from 'graphql';

/** The stable `extensions.code` values clients can rely on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  RATE_LIMITED: 'RATE_LIMITED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  DATABASE_TIMEOUT: 'DATABASE_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface Problem {
  path: string;
  message: string;
}

export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor() {
    super('The database is unavailable; try again shortly.', ErrorCode.DATABASE_UNAVAILABLE);
  }
}

/** Validation failure: every problem with its JSON path, in `extensions.problems`. */
export class BadInputError extends AppError {
  constructor(readonly problems: Problem[], summary?: string) {
    super(
      summary ?? `Invalid input: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      ErrorCode.BAD_USER_INPUT,
      { problems },
    );
  }
}

export const badInput = (path: string, message: string) => new BadInputError([{ path, message }]);
export const tooComplex = (message: string) => new AppError(message, ErrorCode.QUERY_TOO_COMPLEX);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(message, ErrorCode.FORBIDDEN);
export const unauthenticated = (message = 'A valid bearer token is required.') => new AppError(message, ErrorCode.UNAUTHENTICATED);
export const notFound = (what: string) => new AppError(`${what} not found`, ErrorCode.NOT_FOUND);
