import { coAttendanceProjection } from '../../../src/analysis/algorithms';

describe('co-attendance projection', () => {
  it('links persons by the number of events they shared', () => {
    const p = coAttendanceProjection(
      ['ann', 'bob', 'cy'],
      [
        { person: 'ann', event: 'e1' },
        { person: 'bob', event: 'e1' },
        { person: 'bob', event: 'e2' },
        { person: 'ann', event: 'e2' },
        { person: 'cy', event: 'e2' },
      ],
    );
    expect(p.edges).toEqual([
      { source: 'ann', target: 'bob', weight: 2 },
      { source: 'ann', target: 'cy', weight: 1 },
      { source: 'bob', target: 'cy', weight: 1 },
    ]);
    expect(() => coAttendanceProjection(['ann'], [{ person: 'zed', event: 'e1' }])).toThrow(/unknown person "zed"/);
  });
});
