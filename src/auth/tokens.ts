import { createRemoteJWKSet, jwtVerify, JWTPayload, SignJWT } from 'jose';
import { Config } from '../config';
import { unauthenticated } from '../errors';
import { isCountryCode } from '../domain/countries';
import { isAgencyCode } from './markings';
import { Clearance, CLEARANCES, Principal, Role, ROLES } from './principal';

export interface TokenClaims {
  sub: string;
  roles: Role[];
  agency: string;
  country: string;
  clearance: Clearance;
}

/** Verifies bearer tokens: HS256 with a shared secret locally, or a JWKS from an identity provider. */
export class TokenVerifier {
  private readonly key: Uint8Array | ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly auth: Config['auth']) {
    if (auth.jwksUrl) this.key = createRemoteJWKSet(new URL(auth.jwksUrl));
    else if (auth.jwtSecret) this.key = new TextEncoder().encode(auth.jwtSecret);
    else throw new Error('no JWT verification key configured');
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated();
    let payload: JWTPayload;
    try {
      const options = {
        issuer: this.auth.issuer,
        audience: this.auth.audience,
        algorithms: this.auth.jwksUrl ? undefined : ['HS256'],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: this.auth.clockSkewSeconds,
      };
      const result = this.key instanceof Uint8Array ? await jwtVerify(match[1], this.key, options) : await jwtVerify(match[1], this.key, options);
      payload = result.payload;
    } catch {
      throw unauthenticated('The bearer token is invalid or expired.');
    }
    checkLifetime(payload, this.auth);
    return principalFromClaims(payload);
  }
}

/**
 * Token policy (README "Token policy"): `exp` is required (jwtVerify above), `iat` may not lie in
 * the future beyond the clock skew, and no token may live longer than MAX_TOKEN_TTL — measured
 * from `iat`, or from now when there is none, so a token minted for the year 3000 is refused.
 */
export function checkLifetime(
  payload: JWTPayload,
  policy: { maxTokenTtlSeconds: number; clockSkewSeconds: number },
  nowSeconds = Math.floor(Date.now() / 1000),
): void {
  const { exp, iat } = payload;
  if (typeof exp !== 'number') throw unauthenticated('The bearer token has no expiry (exp).');
  if (iat !== undefined && (typeof iat !== 'number' || iat > nowSeconds + policy.clockSkewSeconds)) {
    throw unauthenticated('The bearer token is issued in the future (iat).');
  }
  const start = typeof iat === 'number' ? iat : nowSeconds;
  if (exp - start > policy.maxTokenTtlSeconds + policy.clockSkewSeconds) {
    throw unauthenticated(`The bearer token lives longer than the allowed ${policy.maxTokenTtlSeconds} s (MAX_TOKEN_TTL).`);
  }
}

export function principalFromClaims(payload: JWTPayload): Principal {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  const clearance = CLEARANCES.includes(payload.clearance as Clearance) ? (payload.clearance as Clearance) : undefined;
  const agency = typeof payload.agency === 'string' ? payload.agency.toUpperCase() : undefined;
  const country = typeof payload.country === 'string' ? payload.country.toUpperCase() : undefined;
  if (!payload.sub || !clearance || !agency || !country) {
    throw unauthenticated('The bearer token lacks required claims (sub, roles, agency, country, clearance).');
  }
  if (typeof payload.sub !== 'string' || payload.sub.length > 200) throw unauthenticated('The bearer token has an invalid subject.');
  if (!isCountryCode(country)) throw unauthenticated('The bearer token has an invalid country claim (an ISO 3166-1 alpha-2 code is required).');
  if (!isAgencyCode(agency)) throw unauthenticated('The bearer token has an invalid agency claim (3-50 characters of A-Z 0-9 . _ -).');
  return { subject: payload.sub, roles, agency, country, clearance };
}

/** Mints an HS256 token (development and tests); `issuer`/`audience` as the service expects them (JWT_ISSUER, JWT_AUDIENCE). */
export async function mintToken(secret: string, claims: TokenClaims, expiresIn = '12h', options: { issuer?: string; audience?: string } = {}): Promise<string> {
  const jwt = new SignJWT({ roles: claims.roles, agency: claims.agency, country: claims.country, clearance: claims.clearance })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
