import { isCountryCode } from '../domain/countries';

/**
 * The one convention for `releasableTo` (and for the `agency`/`country` claims of a token):
 *  - a **country** is an ISO 3166-1 alpha-2 code: exactly two letters (`IT`, `ES`, `XK`);
 *  - an **agency** is a code of 3 to 50 characters, letters, digits, `.`, `_` and `-`, starting
 *    with a letter or digit (`IT-PS`, `ES-PN`, `EUROPOL`). It can never be two letters, so the
 *    two namespaces never collide: a report releasable to `IT` is released to Italy, never to an
 *    agency called "IT".
 * Codes are compared in upper case.
 */
export const AGENCY_PATTERN = /^[A-Z0-9][A-Z0-9._-]{2,49}$/;
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;

export function isAgencyCode(code: string): boolean {
  return AGENCY_PATTERN.test(code);
}

/** What a `releasableTo` entry names, or a reason it names nothing. */
export function releasableKind(entry: string): 'country' | 'agency' | { problem: string } {
  const code = entry.toUpperCase();
  if (code.length === 2) {
    return isCountryCode(code) ? 'country' : { problem: `"${entry}" is two characters, so it must be an ISO 3166-1 alpha-2 country code, and it is not one` };
  }
  return isAgencyCode(code) ? 'agency' : { problem: `"${entry}" is neither an ISO country code (2 letters) nor an agency code (3-50 of A-Z 0-9 . _ -)` };
}

/** True when a report releasable to `releasableTo` (empty = everyone) may be released to this caller. */
export function releasableToCaller(releasableTo: readonly string[], caller: { agency: string; country: string }): boolean {
  if (releasableTo.length === 0) return true;
  const agency = caller.agency.toUpperCase();
  const country = caller.country.toUpperCase();
  return releasableTo.some((x) => (x.length === 2 ? x === country : x === agency));
}
