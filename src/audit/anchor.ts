import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, readOrCreateSecretFile } from '../db/credentials';

/** Where the audit trail's secrets and anchors live, outside the database. */
export interface AuditSecretsOptions {
  /** AUDIT_KEY: the HMAC key (shared by every API replica); else a generated 0600 file. */
  key?: string;
  /** AUDIT_DIR: folder (0700) of the generated key file and of the checkpoint file. */
  dir: string;
}

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
}

export const KEY_FILE = 'audit-key';
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

/**
 * The audit trail's anchor outside the database:
 *  - the HMAC key that authenticates every entry (an attacker holding the database cannot compute
 *    a valid MAC, so rewriting an entry and re-hashing the rest shows);
 *  - an append-only file of HMAC-signed checkpoints {seq, hash} of the chain head, one per
 *    committed batch, so deleting the newest entries and moving the head back shows too.
 */
export class AuditAnchor {
  readonly key: Buffer;
  readonly checkpointFile: string;

  constructor(options: AuditSecretsOptions) {
    ensurePrivateDir(options.dir);
    const secret = options.key ?? readOrCreateSecretFile(path.join(options.dir, KEY_FILE), () => crypto.randomBytes(32).toString('base64url'));
    this.key = Buffer.from(secret, 'utf8');
    this.checkpointFile = path.join(options.dir, CHECKPOINT_FILE);
  }

  mac(text: string): string {
    return crypto.createHmac('sha256', this.key).update(text).digest('hex');
  }

  private checkpointMac(c: Checkpoint): string {
    return this.mac(JSON.stringify(['checkpoint', c.seq, c.hash, c.at]));
  }

  /** Appends a signed checkpoint (O_APPEND, 0600). */
  async checkpoint(seq: number, hash: string): Promise<void> {
    const c: Checkpoint = { seq, hash, at: new Date().toISOString() };
    await fs.promises.appendFile(this.checkpointFile, `${JSON.stringify({ ...c, mac: this.checkpointMac(c) })}\n`, { mode: 0o600, flag: 'a' });
  }

  /** Every checkpoint, and the line number of the first one whose signature fails (forged or edited file). */
  readCheckpoints(): { checkpoints: Checkpoint[]; badLine: number | null } {
    let text: string;
    try {
      text = fs.readFileSync(this.checkpointFile, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], badLine: null };
      throw err;
    }
    const checkpoints: Checkpoint[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].trim()) continue;
      try {
        const parsed = JSON.parse(lines[i]) as Checkpoint & { mac?: string };
        const c = { seq: parsed.seq, hash: parsed.hash, at: parsed.at };
        if (!sameHex(parsed.mac, this.checkpointMac(c))) {
          return { checkpoints, badLine: i + 1 };
        }
        checkpoints.push(c);
      } catch {
        // A torn last line (a crash mid-append) is not tampering; anything else is.
        if (i === lines.length - 1 || lines.slice(i + 1).every((l) => !l.trim())) break;
        return { checkpoints, badLine: i + 1 };
      }
    }
    return { checkpoints, badLine: null };
  }
}

/** Constant-time comparison of two hex digests. */
export function sameHex(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.length === b.length && crypto.timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
