import { AppError, ErrorCode } from './errors';

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
