import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file, inside the embedded database's data folder, that holds the password of user `neo4j`. */
export const PASSWORD_FILE = 'neo4j-password';

/**
 * Creates `dir` (and tightens it) to mode 0700: only the service's own user may enter it, so
 * nothing below it (store files, the password, the audit key) is readable by other local users.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/**
 * Reads a secret kept in a 0600 file, generating a strong random one on first use. The file is
 * created exclusively (`wx`), so two processes starting at once cannot both write one.
 */
export function readOrCreateSecretFile(file: string, generate: () => string = () => crypto.randomBytes(32).toString('base64url')): string {
  ensurePrivateDir(path.dirname(file));
  try {
    fs.writeFileSync(file, `${generate()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  fs.chmodSync(file, 0o600);
  const value = fs.readFileSync(file, 'utf8').trim();
  if (value.length < 16) throw new Error(`${file} holds a secret shorter than 16 characters; delete it to generate a new one`);
  return value;
}

/**
 * Files, in the embedded database's data folder, that hold this installation's development
 * secrets (generated on first use, 0600, like the Neo4j password): the HS256 key of development
 * tokens when neither JWT_SECRET nor JWT_JWKS_URL is set, and the identity key when
 * IDENTITY_SECRET is not set. No secret is published in the source; production never uses them.
 */
export const DEV_JWT_SECRET_FILE = 'dev-jwt-secret';
export const DEV_IDENTITY_SECRET_FILE = 'dev-identity-secret';

/** A development secret of this installation: `<dataDir>/<file>`, generated (48 random bytes) on first use. */
export function developmentSecret(dataDir: string, file: string): string {
  return readOrCreateSecretFile(path.join(dataDir, file), () => crypto.randomBytes(48).toString('base64url'));
}

/** The embedded database's password: generated on first start into `<dataDir>/neo4j-password` (0600). */
export function embeddedPassword(dataDir: string): string {
  return readOrCreateSecretFile(path.join(dataDir, PASSWORD_FILE));
}

/**
 * True when the server at `uri` lets in a user that does not exist with a random password, i.e.
 * when its authentication is off. Production refuses to start against such a server. The probe
 * user is random, so it never counts towards the lock-out of a real user.
 */
export async function authenticationIsOff(uri: string): Promise<boolean> {
  // Imported here so that the credential helpers above stay free of the driver.
  const neo4j = (await import('neo4j-driver')).default;
  const probeUser = `auth-probe-${crypto.randomBytes(6).toString('hex')}`;
  const driver = neo4j.driver(uri, neo4j.auth.basic(probeUser, crypto.randomBytes(24).toString('hex')), { connectionTimeout: 5000, maxConnectionPoolSize: 1 });
  try {
    // true when the server accepted the made-up user (false on Security.Unauthorized)
    return await driver.verifyAuthentication();
  } catch (err) {
    if (/Security\.(Unauthorized|AuthenticationRateLimit)/.test((err as { code?: string }).code ?? '')) return false;
    throw err;
  } finally {
    await driver.close();
  }
}
