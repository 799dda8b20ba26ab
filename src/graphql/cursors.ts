import crypto from 'node:crypto';
import { badInput } from './errors';

/**
 * Opaque cursors: the position is sealed with AES-256-GCM under a key derived from the server's
 * identity secret, so a cursor shows nothing (not even a visible name) and cannot be forged. The
 * nonce is derived from the content (deterministic sealing): the same position gives the same
 * cursor, for every caller and replica.
 */
function keys(secret: string) {
  const derive = (label: string) => crypto.createHmac('sha256', secret).update(`cursor:${label}`).digest();
  return { enc: derive('enc'), nonce: derive('nonce') };
}

export function sealCursor(secret: string, value: unknown): string {
  const { enc, nonce } = keys(secret);
  const plain = Buffer.from(JSON.stringify(value), 'utf8');
  const iv = crypto.createHmac('sha256', nonce).update(plain).digest().subarray(0, 12);
  const cipher = crypto.createCipheriv('aes-256-gcm', enc, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The sealed value, checked by `check`; anything else is BAD_USER_INPUT on `field`. */
export function openCursor<T>(secret: string, cursor: string | null | undefined, check: (v: unknown) => v is T, field = 'after'): T | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length < 29 || raw.length > 4096) throw new Error('size');
    const { enc } = keys(secret);
    const decipher = crypto.createDecipheriv('aes-256-gcm', enc, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const value: unknown = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through: not a cursor of this API
  }
  throw badInput(field, 'not a cursor returned by this API');
}
