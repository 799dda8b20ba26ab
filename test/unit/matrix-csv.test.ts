import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseAdjacencyCsv, parseEventHeader, parseTwoModeCsv } from '../../src/import/matrix-csv';

import { DATASETS } from '../support/datasets';

interface ReferenceCounts {
  nodes: number;
  edges: number;
}

function readDataset(name: string): string {
  return readFileSync(join(DATASETS, name), 'utf8');
}

function readReference(name: string): ReferenceCounts {
  return JSON.parse(readFileSync(join(DATASETS, 'reference', `${name}.json`), 'utf8')) as ReferenceCounts;
}

describe('parseAdjacencyCsv on the reference networks', () => {
  it.each(['morselli_siren', 'morselli_caviar'])('%s has the reference node and edge counts', (name) => {
    const ref = readReference(name);
    const { labels, edges } = parseAdjacencyCsv(readDataset(`${name}.csv`));
    expect(labels).toHaveLength(ref.nodes);
    expect(edges).toHaveLength(ref.edges);
    expect(new Set(labels).size).toBe(labels.length);
    const seen = new Set<string>();
    for (const e of edges) {
      expect(e.a).not.toBe(e.b);
      expect(e.weight).toBeGreaterThan(0);
      const key = [e.a, e.b].sort().join('\u0000');
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('sums both directions of a tie into one weight (Caviar 1-3: 337 + 0-or-more)', () => {
    const text = readDataset('morselli_caviar.csv');
    const { labels, edges } = parseAdjacencyCsv(text);
    // Independent cross-check of one tie straight from the raw rows.
    const rows = text
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const header = rows[0].slice(1);
    const col = (label: string) => header.indexOf(label) + 1;
    const row = (label: string) => rows.find((r) => r[0] === label) as string[];
    const expected = Number(row('1')[col('3')]) + Number(row('3')[col('1')]);
    const tie = edges.find((e) => (e.a === '1' && e.b === '3') || (e.a === '3' && e.b === '1'));
    expect(labels[0]).toBe('1');
    expect(tie?.weight).toBe(expected);
    expect(expected).toBeGreaterThanOrEqual(337);
  });
});

describe('parseAdjacencyCsv on small inputs', () => {
  it('keeps one undirected edge per pair, ignores the diagonal, trims labels', () => {
    const csv = ['"", A ,"B, Jr.","C ""the\nboss"""', 'A,5,2,0', '"B, Jr.",3,0,0', '"C ""the\nboss""",0,1.5,7'].join('\r\n');
    const { labels, edges } = parseAdjacencyCsv(csv);
    expect(labels).toEqual(['A', 'B, Jr.', 'C "the\nboss"']);
    expect(edges).toEqual([
      { a: 'A', b: 'B, Jr.', weight: 5 },
      { a: 'B, Jr.', b: 'C "the\nboss"', weight: 1.5 },
    ]);
  });

  it('accepts rows in a different order than the columns', () => {
    const { edges } = parseAdjacencyCsv('"",a,b,c\nc,0,0,0\na,0,1,0\nb,0,0,4\n');
    expect(edges).toEqual([
      { a: 'a', b: 'b', weight: 1 },
      { a: 'b', b: 'c', weight: 4 },
    ]);
  });

  it('reports a non-numeric cell with its row and column', () => {
    expect(() => parseAdjacencyCsv('"",a,b\na,0,x\nb,1,0\n')).toThrow(/non-numeric cell "x" at row 2 \("a"\), column 3 \("b"\)/);
    expect(() => parseAdjacencyCsv('"",a,b\na,0,\nb,1,0\n')).toThrow(/row 2/);
  });

  it('rejects a non-square matrix', () => {
    expect(() => parseAdjacencyCsv('"",a,b,c\na,0,1,0\nb,1,0,0\n')).toThrow(/not square: 3 column labels but 2 data rows/);
    expect(() => parseAdjacencyCsv('"",a,b\na,0,1,1\nb,1,0\n')).toThrow(/not square: row 2 \("a"\) has 3 value cells, expected 2/);
  });

  it('rejects row labels that do not match the column labels', () => {
    expect(() => parseAdjacencyCsv('"",a,b\na,0,1\nz,1,0\n')).toThrow(/label mismatch: row 3 label "z"/);
    expect(() => parseAdjacencyCsv('"",a,b\na,0,1\na,1,0\n')).toThrow(/label mismatch/);
    expect(() => parseAdjacencyCsv('"",a,a\na,0,1\na,1,0\n')).toThrow(/duplicate column label "a"/);
  });
});

describe('parseTwoModeCsv', () => {
  it('parses the Infinito persons x events matrix', () => {
    const { persons, events, attendance } = parseTwoModeCsv(readDataset('ndrangheta_infinito_2mode.csv'));
    expect(persons).toHaveLength(156);
    expect(events).toHaveLength(47);
    expect(new Set(events.map((e) => e.label)).size).toBe(47);
    for (const e of events) {
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.place).toBeTruthy();
      expect(e.label).toBe(e.label.trim());
    }
    expect(events[0]).toEqual({
      label: '18/10/2007(L), summit-dinner at "la cadgrega" restaurant in Limito di Pioltello (Mi)',
      date: '2007-10-18',
      place: 'summit-dinner at "la cadgrega" restaurant in Limito di Pioltello (Mi)',
    });
    // Every row has an attendance; references are consistent.
    const personSet = new Set(persons);
    const eventSet = new Set(events.map((e) => e.label));
    expect(attendance.length).toBeGreaterThan(persons.length - 1);
    for (const a of attendance) {
      expect(personSet.has(a.person)).toBe(true);
      expect(eventSet.has(a.event)).toBe(true);
    }
    expect(persons[0]).toBe('ALBANESE Giuseppe Domenico');
    expect(attendance.filter((a) => a.person === 'ALBANESE Giuseppe Domenico').map((a) => events.findIndex((e) => e.label === a.event))).toEqual([20, 34]);
  });

  it.each([
    ['18/10/2007(L), summit at X', '2007-10-18', 'summit at X'],
    ["'26/02/2008 dinner at “Il Palio” restaurant (Legnano)", '2008-02-26', 'dinner at “Il Palio” restaurant (Legnano)'],
    ['06/12/2008(L)B, summit at "L\'Unico"', '2008-12-06', 'summit at "L\'Unico"'],
    ['11/07/2009 (L) summit at "Flora Service Srl"', '2009-07-11', 'summit at "Flora Service Srl"'],
    ["28/01/2009(?) at Fuda's mobile selling area", '2009-01-28', "at Fuda's mobile selling area"],
    ['15/02/2008(2) dinner at Borgo Antico restaurant (Legnano)', '2008-02-15', 'dinner at Borgo Antico restaurant (Legnano)'],
    ['01/03/2008 New opening', '2008-03-01', 'New opening'],
  ])('splits header %j into date and place', (header, date, place) => {
    expect(parseEventHeader(header)).toEqual({ label: header, date, place });
  });

  it('leaves the date out when the header has none or an invalid one', () => {
    expect(parseEventHeader(' meeting in Milan ')).toEqual({ label: 'meeting in Milan', place: 'meeting in Milan' });
    expect(parseEventHeader('31/02/2008 dinner').date).toBeUndefined();
  });

  it('reports non-numeric cells and ragged rows', () => {
    expect(() => parseTwoModeCsv('"",e1,e2\np,1,?\n')).toThrow(/non-numeric cell "\?" at row 2 \("p"\), column 3 \("e2"\)/);
    expect(() => parseTwoModeCsv('"",e1,e2\np,1\n')).toThrow(/row 2 \("p"\) has 1 value cells, expected 2/);
  });
});

describe('every dataset parses', () => {
  const files = readdirSync(DATASETS).filter((f) => f.endsWith('.csv'));

  it('finds the datasets', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s', (file) => {
    const text = readDataset(file);
    if (file.includes('2mode')) {
      const { persons, events, attendance } = parseTwoModeCsv(text);
      expect(persons.length).toBeGreaterThan(0);
      expect(events.length).toBeGreaterThan(0);
      expect(attendance.length).toBeGreaterThan(0);
    } else {
      const { labels, edges } = parseAdjacencyCsv(text);
      expect(labels.length).toBeGreaterThan(1);
      expect(edges.length).toBeGreaterThan(0);
    }
  });
});
