/** Errors with stable codes, for every layer (see AppError). */
/** The stable `extensions.code` values clients can rely on. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The answer would exceed MAX_RESPONSE_BYTES: replaced by this error, never truncated. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  /** The request itself is malformed (e.g. which operation to run is ambiguous or unknown). */
  BAD_REQUEST: 'BAD_REQUEST',
  RATE_LIMITED: 'RATE_LIMITED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  DATABASE_TIMEOUT: 'DATABASE_TIMEOUT',
  /** An analysis ran past ANALYSIS_TIMEOUT_MS and was stopped. */
  ANALYSIS_TIMEOUT: 'ANALYSIS_TIMEOUT',
  /** Every analysis worker is busy and the queue is full: retry later. */
  ANALYSIS_BUSY: 'ANALYSIS_BUSY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface Problem {
  path: string;
  message: string;
}

/**
 * A failure the client caused or must know about, with its stable code. A plain error (no GraphQL
 * here: every layer may throw it); graphql-js carries its `extensions` into the answer, and the
 * server's `formatError` is the one place that maps errors to what clients see.
 */
export class AppError extends Error {
  readonly extensions: Record<string, unknown>;

  constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.extensions = { code, ...extra };
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor() {
    super('The database is unavailable; try again shortly.', ErrorCode.DATABASE_UNAVAILABLE);
  }
}

/** Validation failure: every problem with its JSON path, in `extensions.problems`. */
export class BadInputError extends AppError {
  constructor(
    readonly problems: Problem[],
    summary?: string,
  ) {
    super(summary ?? `Invalid input: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, ErrorCode.BAD_USER_INPUT, { problems });
  }
}

export const badInput = (path: string, message: string) => new BadInputError([{ path, message }]);
export const tooComplex = (message: string) => new AppError(message, ErrorCode.QUERY_TOO_COMPLEX);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(message, ErrorCode.FORBIDDEN);
export const unauthenticated = (message = 'A valid bearer token is required.') => new AppError(message, ErrorCode.UNAUTHENTICATED);
export const notFound = (what: string) => new AppError(`${what} not found`, ErrorCode.NOT_FOUND);

/**
 * The one check of every size bound (page sizes, limits, tops, depths, hops): an integer within
 * [min, max], else QUERY_TOO_COMPLEX naming the argument in the message and in `extensions`.
 */
export function checkRange(argument: string, value: number | null | undefined, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new AppError(`${argument} must be between ${min} and ${max}`, ErrorCode.QUERY_TOO_COMPLEX, { argument, min, max });
  }
  return value;
}
