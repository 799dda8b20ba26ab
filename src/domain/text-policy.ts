/**
 * One policy for every free-text field a caller can store (issue 16 item 7): names and titles,
 * aliases, roles, places, descriptions, handling notes. Pure functions; the import validator
 * (src/import/validate.ts) applies them to every such field of a document, and the published JSON
 * Schema (src/import/report-schema.ts) carries the part a regular expression can say portably.
 *
 * - `name` (names, aliases, report titles): one line, and at least one visible letter or digit;
 *   Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) are letters to Unicode but blank on screen,
 *   so they do not count, nor do the Braille blank (U+2800), tag characters or combining marks.
 * - `line` (roles, places): one line, and at least one visible character.
 * - `text` (descriptions, handling notes): may hold tabs and line breaks (CR, LF), and at least one
 *   visible character.
 * Every kind refuses lone surrogates, control characters (C0, DEL, C1; U+2028/2029), bidirectional
 * formatting characters (embeddings and overrides U+202A-202E, isolates U+2066-2069, the marks
 * U+200E, U+200F, U+061C), tag characters (U+E0000-E007F), and a combining mark that follows no
 * letter (at the start, or after a space or control).
 */

export type TextKind = 'name' | 'line' | 'text';

/** Hangul fillers and the Braille blank: assigned, not separators or controls, and blank on screen. */
const BLANKS = '\\u115F\\u1160\\u3164\\uFFA0\\u2800';

/** Code points a one-line field refuses, as a character class body portable to any ECMA-262 regex. */
const ONE_LINE_REFUSED = '\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029';
/** Multi-line fields keep tab, LF and CR. */
const MULTI_LINE_REFUSED = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029';
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C';

/**
 * The JSON Schema `pattern`s of free-text fields: no control or bidirectional formatting
 * characters. Written with `\uXXXX` escapes only (no `\p{…}`), so that every JSON Schema
 * validator reads them the same way; the rest of the policy is the validator's (textProblem).
 */
export const ONE_LINE_TEXT_PATTERN = `^[^${ONE_LINE_REFUSED}${BIDI}]*$`;
export const MULTI_LINE_TEXT_PATTERN = `^[^${MULTI_LINE_REFUSED}${BIDI}]*$`;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ONE_LINE_CONTROL = new RegExp(`[${ONE_LINE_REFUSED}]`);
const MULTI_LINE_CONTROL = new RegExp(`[${MULTI_LINE_REFUSED}]`);
const BIDI_CONTROL = new RegExp(`[${BIDI}]`);
const TAG = /[\u{E0000}-\u{E007F}]/u;
/** Something drawn: not a space, separator, control, format character, mark or blank. */
const VISIBLE = new RegExp(`(?![${BLANKS}])[^\\s\\p{Z}\\p{Cc}\\p{Cf}\\p{Cs}\\p{M}]`, 'u');
const VISIBLE_LETTER_OR_DIGIT = new RegExp(`(?![${BLANKS}])[\\p{L}\\p{N}]`, 'u');
/** A combining mark with no base: first, or after a space, separator, control or format character. */
const LONE_MARK = /(?:^|[\s\p{Z}\p{Cc}\p{Cf}])\p{M}/u;

/** Why a free-text value cannot be stored as written, or undefined when it can. */
export function textProblem(value: string, kind: TextKind): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'contains a lone surrogate (not valid Unicode text)';
  if ((kind === 'text' ? MULTI_LINE_CONTROL : ONE_LINE_CONTROL).test(value)) return 'contains control characters';
  if (BIDI_CONTROL.test(value)) return 'contains bidirectional control characters';
  if (TAG.test(value)) return 'contains tag characters (U+E0000-E007F, invisible)';
  if (!VISIBLE.test(value)) return 'has no visible character';
  if (kind === 'name' && !VISIBLE_LETTER_OR_DIGIT.test(value)) return 'has no visible letter or digit';
  if (LONE_MARK.test(value)) return 'has a combining mark with no letter to combine with';
  return undefined;
}
