/**
 * Dates as day numbers and the time of a link (issue 19, docs/time.md).
 *
 * A day number is the count of days since 1970-01-01 (UTC), an integer: every temporal algorithm
 * compares integers, never Date objects or strings.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DAY_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Day number of an ISO date (`YYYY-MM-DD`, anything after the day such as a time is ignored). */
export function dayNumber(iso: string): number {
  const m = ISO_DAY_RE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${JSON.stringify(iso)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new Error(`not a calendar date: ${JSON.stringify(iso)}`);
  }
  return Math.round(ms / MS_PER_DAY);
}

/** ISO date (`YYYY-MM-DD`) of a day number. */
export function isoDay(day: number): string {
  if (!Number.isInteger(day)) throw new Error(`not a day number: ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** When a link can be passed: on one day, on any day of an interval, or (undated) not in time order. */
export type LinkTime = { kind: 'point'; date: number } | { kind: 'interval'; since?: number; until?: number } | { kind: 'undated' };

/** What the store knows of a link and of its two ends, as day numbers. */
export interface LinkTimeFacts {
  /** The link's own date (an arrest, a dated call, a dated link). */
  date?: number;
  /** The date of the source end, when the source is a dated `Event` (`ATTENDED` from a person, `HELD_AT`). */
  sourceEventDate?: number;
  /** The date of the target end, when the target is a dated `Event`. */
  targetEventDate?: number;
  /** The link's validity interval; either end may be open. */
  since?: number;
  until?: number;
}

/**
 * The time of a link, exactly as issue 19 states it: its own date, else the date of an `Event` at
 * either end, else its `since`/`until` interval (passable on any day within it), else undated.
 * When both ends are dated Events (a link between two meetings) the source end's date is used; an
 * interval whose since is after its until is an error, not an empty (never passable) link.
 */
export function linkTime(f: LinkTimeFacts): LinkTime {
  if (f.date !== undefined) return { kind: 'point', date: f.date };
  if (f.sourceEventDate !== undefined) return { kind: 'point', date: f.sourceEventDate };
  if (f.targetEventDate !== undefined) return { kind: 'point', date: f.targetEventDate };
  if (f.since !== undefined || f.until !== undefined) {
    if (f.since !== undefined && f.until !== undefined && f.since > f.until) {
      throw new Error(`link interval since ${isoDay(f.since)} is after until ${isoDay(f.until)}`);
    }
    const t: LinkTime = { kind: 'interval' };
    if (f.since !== undefined) t.since = f.since;
    if (f.until !== undefined) t.until = f.until;
    return t;
  }
  return { kind: 'undated' };
}
