import { dateBand, parseDate } from '../../../src/resolution/dates';

const band = (a: string, b: string | null): string => dateBand(parseDate(a), parseDate(b));

describe('birth-date bands', () => {
  it('reads ISO, partial and regional dates', () => {
    expect(parseDate('1978-04-12')).toEqual({ year: 1978, month: 4, day: 12 });
    expect(parseDate('1978-04')).toEqual({ year: 1978, month: 4 });
    expect(parseDate('1978')).toEqual({ year: 1978 });
    expect(parseDate('12.04.1978.')).toEqual({ year: 1978, month: 4, day: 12 });
    expect(parseDate('12/04/1978')).toEqual({ year: 1978, month: 4, day: 12 });
    expect(parseDate('')).toBeNull();
    expect(parseDate('unknown')).toBeNull();
  });

  it('names each band', () => {
    expect(band('1978-04-12', '1978-04-12')).toBe('equal');
    expect(band('1978-04-12', '1978-12-04')).toBe('swapped');
    expect(band('1978-04-12', '1979-04-12')).toBe('yearOffByOne');
    expect(band('1978-04-12', '1978')).toBe('sameYearOnly');
    expect(band('1978-04-12', '1979')).toBe('yearOffByOnePartial');
    expect(band('1978-04-12', '1978-04-13')).toBe('sameYearOtherDay');
    expect(band('1978-04-12', '1978-05-12')).toBe('sameYearOtherDay');
    expect(band('1978-04-12', '1978-06-20')).toBe('conflicting');
    expect(band('1978-04-12', '1979-05-01')).toBe('conflicting');
    expect(band('1978-04-12', '2004-04-12')).toBe('conflicting');
    expect(band('1978', '1981')).toBe('conflicting');
    expect(band('1978-04-12', null)).toBe('missing');
  });
});
