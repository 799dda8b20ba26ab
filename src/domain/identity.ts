import { remove as confusableSkeleton } from 'confusables';
import crypto from 'node:crypto';
import slugify from 'slugify';

/**
 * Identity of entities: who is "the same person" across reports, and the opaque ids they get.
 *
 * An entity's identity key is derived from what identifies it (type + folded name, plus birth date
 * for persons, country for organisations and locations, date for events; commodity, quantity,
 * unit and date for seizures). The key is stored on the anchor node, indexed and unique, and used
 * only for matching: it is never returned by the API. The public id is a keyed hash of the key
 * (HMAC with the installation's IDENTITY_SECRET), so an id reveals no name, and a plain hash of a
 * guessed name does not find it either.
 */

const LATIN = /\p{Script=Latin}/u;
const LOOKALIKE_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;

/**
 * Words that mix Latin letters with letters of a look-alike script (`Реrović` with Cyrillic Р and
 * е) are folded to their confusable skeleton (Unicode TR39), so they are the same identity as the
 * word they imitate. Words wholly in one script are left to transliteration: `Перовић` is
 * `perovic` by transliteration, as it should be.
 */
export function foldConfusables(name: string): string {
  return name.replace(/[\p{L}\p{M}]+/gu, (word) => (LATIN.test(word) && LOOKALIKE_SCRIPTS.test(word) ? confusableSkeleton(word) : word));
}

/** Folds case, diacritics, punctuation, spacing and mixed-script look-alikes: `Škaljari clan` and `SKALJARI  CLAN` agree. */
export function foldName(name: string): string {
  const folded = slugify(foldText(foldConfusables(name.normalize('NFC'))), { lower: true, strict: true });
  // Scripts slugify cannot transliterate still get a stable identity.
  return folded || `h${crypto.createHash('sha1').update(name.normalize('NFKC').toLowerCase()).digest('hex').slice(0, 16)}`;
}

/** Text without diacritics, in lower case (compatibility-decomposed): the one fold of names for matching. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A name folded for substring filters: no diacritics, lower case, letters and digits only. */
export function cleanName(name: string): string {
  return foldText(name).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Folded sort key of a display name (lists are ordered by it). */
export function sortKeyOf(label: string): string {
  return foldName(label).replace(/-/g, ' ');
}

/** A scalar of a (validated) document as text: strings and numbers as written, anything else empty. */
export const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * The field that, beside the name, identifies a person, an organisation or a location stated
 * without a loader-supplied id. Import warnings (src/import/warnings.ts) name it when it is missing.
 */
export const IDENTITY_QUALIFIER = { Person: 'birthDate', Organisation: 'country', Location: 'country' } as const;

/** The identity key of an entity stated without a loader-supplied id. */
export function identityKey(entity: Record<string, unknown>, reportId: string): string {
  const n = (v: unknown) => foldName(text(v));
  switch (entity.type) {
    case 'Person':
    case 'Organisation':
    case 'Location':
      return `${entity.type.toLowerCase()}|${n(entity.name)}|${text(entity[IDENTITY_QUALIFIER[entity.type]])}`;
    case 'Event':
      return `event|${n(entity.name)}|${text(entity.date)}`;
    case 'Seizure':
      // A seizure without a date is identified within its report.
      return `seizure|${text(entity.commodity)}|${text(entity.quantity)}|${text(entity.unit)}|${text(entity.date) || `report:${reportId}`}`;
    default:
      return `${text(entity.type).toLowerCase()}|${n(entity.name)}`;
  }
}

const ID_PREFIX: Record<string, string> = {
  Person: 'person',
  Organisation: 'organisation',
  Operation: 'operation',
  Seizure: 'seizure',
  Route: 'route',
  Location: 'location',
  Event: 'event',
};

/** The opaque public id of an identity key: `<type>:<20 base32 characters of HMAC-SHA256>`. */
export function opaqueId(type: string, key: string, secret: string): string {
  const mac = crypto.createHmac('sha256', secret).update(key, 'utf8').digest();
  return `${ID_PREFIX[type] ?? 'entity'}:${base32(mac).slice(0, 20)}`;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
