/**
 * Development-only key of the keyed hash that turns identity keys into opaque ids. A deployment
 * sets IDENTITY_SECRET once and never changes it (anchors keep their ids; new entities would get
 * ids under the new key). Production refuses to start without it.
 */
export const DEV_IDENTITY_SECRET = 'dev-only-identity-secret-0123456789abcdef';
