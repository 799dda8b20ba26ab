import { chooseLabel } from '../../src/domain/statements';

/** Issue 16, item 11: the label is the name the most distinct agencies state, then the best grade. */
describe('chooseLabel', () => {
  const st = (label: string, agency: string, rank: number, report = `${agency}-${label}-${rank}`) => ({ label, agency, rank, report });

  it('counts agencies, not reports or grades', () => {
    const statements = [
      st('Ana Kovač', 'HR-MUP', 8),
      st('Ana Kovač', 'SI-POL', 9),
      st('ANA KOVAC', 'RS-MUP', 0, 'R1'),
      st('ANA KOVAC', 'RS-MUP', 0, 'R2'),
      st('ANA KOVAC', 'RS-MUP', 0, 'R3'),
    ];
    expect(chooseLabel(statements)).toBe('Ana Kovač');
    // agency codes compare in upper case: one agency, however spelled
    expect(chooseLabel([st('X Y', 'hr-mup', 8), st('X Y', 'HR-MUP', 8, 'other'), st('Z W', 'RS-MUP', 0)])).toBe('Z W');
  });

  it('with as many agencies, the better grade, then more reports, then the richer spelling', () => {
    expect(chooseLabel([st('Ana Kovač', 'HR-MUP', 8), st('ANA KOVAC', 'RS-MUP', 0)])).toBe('ANA KOVAC');
    expect(chooseLabel([st('Ana Kovač', 'HR-MUP', 5), st('ANA KOVAC', 'RS-MUP', 5, 'a'), st('ANA KOVAC', 'RS-MUP', 5, 'b')])).toBe('ANA KOVAC');
    expect(chooseLabel([st('ANA KOVAC', 'RS-MUP', 5), st('Ana Kovač', 'HR-MUP', 5)])).toBe('Ana Kovač');
  });

  it('a statement without an agency counts as one of its own report', () => {
    expect(
      chooseLabel([
        { label: 'A B', rank: 9, report: 'r1' },
        { label: 'A B', rank: 9, report: 'r2' },
        { label: 'C D', rank: 0, report: 'r3' },
      ]),
    ).toBe('A B');
  });
});
