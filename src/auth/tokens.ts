import { createRemoteJWKSet, jwtVerify, JWTPayload, SignJWT } from 'jose';
import { Config } from '../config';
import { unauthenticated } from '../errors';
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
      };
      const result =
        this.key instanceof Uint8Array
          ? await jwtVerify(match[1], this.key, options)
          : await jwtVerify(match[1], this.key, options);
      payload = result.payload;
    } catch {
      throw unauthenticated('The bearer token is invalid or expired.');
    }
    return principalFromClaims(payload);
  }
}

export function principalFromClaims(payload: JWTPayload): Principal {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r as Role)) : [];
  const clearance = CLEARANCES.includes(payload.clearance as Clearance) ? (payload.clearance as Clearance) : undefined;
  const agency = typeof payload.agency === 'string' ? payload.agency : undefined;
  const country = typeof payload.country === 'string' ? payload.country : undefined;
  if (!payload.sub || !clearance || !agency || !country) {
    throw unauthenticated('The bearer token lacks required claims (sub, roles, agency, country, clearance).');
  }
  return { subject: payload.sub, roles, agency, country, clearance };
}

/** Mints an HS256 token (development and tests). */
export async function mintToken(secret: string, claims: TokenClaims, expiresIn = '12h'): Promise<string> {
  return new SignJWT({ roles: claims.roles, agency: claims.agency, country: claims.country, clearance: claims.clearance })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
