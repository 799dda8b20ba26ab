/** Birth-date bands for resolution: equal, day/month swapped, a year off by one, same year only, missing, conflicting. */

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export type DateBand = 'equal' | 'swapped' | 'yearOffByOne' | 'sameYearOnly' | 'yearOffByOnePartial' | 'sameYearOtherDay' | 'missing' | 'conflicting';

/** Reads `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `DD.MM.YYYY` (the regional form) or `DD/MM/YYYY`; null when unreadable. */
export function parseDate(text: string | null | undefined): PartialDate | null {
  if (!text) return null;
  const t = text.trim();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(t);
  if (m) return valid(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})\.?$/.exec(t);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

function valid(year: number, month?: number, day?: number): PartialDate | null {
  if (year < 1800 || year > 2100) return null;
  if (month !== undefined && (month < 1 || month > 12)) return { year };
  if (day !== undefined && (day < 1 || day > 31)) return month !== undefined ? { year, month } : { year };
  return { year, ...(month !== undefined ? { month } : {}), ...(month !== undefined && day !== undefined ? { day } : {}) };
}

/** The band two birth dates fall in. */
export function dateBand(a: PartialDate | null, b: PartialDate | null): DateBand {
  if (!a || !b) return 'missing';
  const full = a.month !== undefined && a.day !== undefined && b.month !== undefined && b.day !== undefined;
  const dy = Math.abs(a.year - b.year);
  if (full) {
    if (dy === 0 && a.month === b.month && a.day === b.day) return 'equal';
    if (dy === 0 && a.month === b.day && a.day === b.month) return 'swapped';
    if (dy === 1 && a.month === b.month && a.day === b.day) return 'yearOffByOne';
    // one field differs (a typo in the day or the month); both differing is two people born in one year
    if (dy === 0 && (a.month === b.month || a.day === b.day)) return 'sameYearOtherDay';
    return 'conflicting';
  }
  if (a.month !== undefined && b.month !== undefined && dy === 0 && a.month !== b.month) {
    // months written on both sides and different: a swap only when the day could be a month
    const swap = (a.day !== undefined && a.day === b.month) || (b.day !== undefined && b.day === a.month);
    return swap ? 'swapped' : 'sameYearOtherDay';
  }
  if (dy === 0) return 'sameYearOnly';
  if (dy === 1) return 'yearOffByOnePartial';
  return 'conflicting';
}
