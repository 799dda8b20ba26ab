import crypto from 'node:crypto';
import { VisibilityParams } from '../domain/visibility';
import { badInput } from '../errors';

/**
 * Opaque cursors: the position is sealed with AES-256-GCM under a key derived from the server's
 * identity secret, so a cursor shows nothing (not even a visible name) and cannot be forged.
 *
 * - **Bound.** A cursor is bound, as GCM's additional authenticated data, to the list that issued
 *   it (its name and filters) and to the caller's visibility class (clearance, agency, country):
 *   a cursor opened by another list, with other filters, or by a caller who sees other reports is
 *   not a cursor of this API. (A SECRET analyst's cursor may hold the sort key of a name a
 *   RESTRICTED one cannot see: replayed, it would show where that name sorts.)
 * - **Padded.** The sealed text is padded to a multiple of CURSOR_BLOCK bytes (one block for any
 *   realistic position), so every cursor has the same length whatever name or id it holds.
 * - **Deterministic.** The nonce is derived from the content and the binding: the same position
 *   of the same list gives the same cursor to every caller of a class, on every replica.
 */
export const CURSOR_BLOCK = 1024;
const MAX_BLOCKS = 8;
const HEADER = 28; // 12 bytes of nonce, 16 of tag

/** What a cursor is bound to: the list that issues it (name and filters) and who reads it. */
export interface CursorScope {
  list: string;
  filters?: Record<string, unknown>;
  auth: Pick<VisibilityParams, 'clearance' | 'agency' | 'country'>;
}

function keys(secret: string) {
  const derive = (label: string) => crypto.createHmac('sha256', secret).update(`cursor:${label}`).digest();
  return { enc: derive('enc'), nonce: derive('nonce') };
}

/** JSON with object keys sorted, so equal filters bind equally whatever order they were built in. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** The additional authenticated data of a cursor: its list, filters and the caller's visibility class. */
function bindingOf(scope: CursorScope): Buffer {
  const { clearance, agency, country } = scope.auth;
  return Buffer.from(canonicalJson(['cursor-v2', scope.list, scope.filters ?? {}, clearance, agency.toUpperCase(), country.toUpperCase()]), 'utf8');
}

export function sealCursor(secret: string, scope: CursorScope, value: unknown): string {
  const { enc, nonce } = keys(secret);
  const json = Buffer.from(JSON.stringify(value), 'utf8');
  // trailing spaces: JSON.parse reads them as whitespace
  const plain = Buffer.alloc(Math.max(1, Math.ceil(json.length / CURSOR_BLOCK)) * CURSOR_BLOCK, 0x20);
  json.copy(plain);
  const aad = bindingOf(scope);
  const iv = crypto.createHmac('sha256', nonce).update(aad).update('\u0000').update(plain).digest().subarray(0, 12);
  const cipher = crypto.createCipheriv('aes-256-gcm', enc, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/**
 * The sealed value, checked by `check`; anything else (a forged cursor, one of another list or
 * filters, one sealed for another visibility class) is BAD_USER_INPUT on `field`, with one message.
 */
export function openCursor<T>(secret: string, scope: CursorScope, cursor: string | null | undefined, check: (v: unknown) => v is T, field = 'after'): T | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const raw = Buffer.from(cursor, 'base64url');
    const blocks = (raw.length - HEADER) / CURSOR_BLOCK;
    if (!Number.isInteger(blocks) || blocks < 1 || blocks > MAX_BLOCKS) throw new Error('size');
    const { enc } = keys(secret);
    const decipher = crypto.createDecipheriv('aes-256-gcm', enc, raw.subarray(0, 12));
    decipher.setAAD(bindingOf(scope));
    decipher.setAuthTag(raw.subarray(12, HEADER));
    const value: unknown = JSON.parse(Buffer.concat([decipher.update(raw.subarray(HEADER)), decipher.final()]).toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through: not a cursor of this API (for this list and this caller)
  }
  throw badInput(field, 'not a cursor returned by this API');
}
