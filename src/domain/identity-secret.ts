import { embeddedDataDir } from '../config';
import { DEV_IDENTITY_SECRET_FILE, developmentSecret } from '../db/credentials';

/**
 * The key of the keyed hash that turns identity keys into opaque ids: IDENTITY_SECRET, set once
 * per deployment and never changed (anchors keep their ids; new entities would get ids under the
 * new key). Production refuses to start without it. Outside production, when it is unset, each
 * installation generates its own into `<data folder>/dev-identity-secret` (0600) on first use —
 * never a published constant, so an opaque id is not a computable hash of a guessed name.
 */
export function configuredIdentitySecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.IDENTITY_SECRET) return env.IDENTITY_SECRET;
  if (env.NODE_ENV === 'production') throw new Error('IDENTITY_SECRET is not set');
  return developmentSecret(embeddedDataDir(env), DEV_IDENTITY_SECRET_FILE);
}
