/**
 * Reads the labelled pairs the scorer is measured on into LabelledPairs (tests and bench): the
 * Western Balkan pairs (data/resolution/balkan-pairs.csv) and the Person rows of the OpenSanctions
 * name benchmark (data/resolution/opensanctions-name-bench/cases.csv).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { LabelledPair } from './evaluate';

/** The rows of a CSV file with a header line, by column name; `#` lines and blank lines skipped. */
const rowsOf = (path: string): Array<Record<string, string>> =>
  parse(readFileSync(path, 'utf8'), { columns: true, comment: '#', comment_no_infix: true, skip_empty_lines: true });

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s);

/**
 * Columns: id, split (tune|holdout), category, same (1|0), type, left_name, left_birth, left_nat, left_neighbours,
 * right_name, right_birth, right_nat, right_neighbours, note. Lists are `;`-separated.
 */
export function loadBalkanPairs(path: string): LabelledPair[] {
  return rowsOf(path).map((row) => {
    const get = (col: string): string => row[col] ?? '';
    const type = get('type') || 'Person';
    return {
      id: get('id'),
      split: get('split'),
      category: get('category'),
      same: get('same') === '1',
      left: {
        type,
        name: get('left_name'),
        birthDate: get('left_birth') || null,
        nationalities: list(get('left_nat')),
        neighbours: list(get('left_neighbours')),
      },
      right: {
        type,
        name: get('right_name'),
        birthDate: get('right_birth') || null,
        nationalities: list(get('right_nat')),
        neighbours: list(get('right_neighbours')),
      },
    };
  });
}

/** The Person rows of the OpenSanctions name benchmark, names only (columns schema, name1, name2, is_match, case_group). */
export function loadNameBenchPersonPairs(path: string): LabelledPair[] {
  return rowsOf(path)
    .filter((r) => r.schema === 'Person')
    .map((r, i) => ({
      id: `os-${i}`,
      left: { type: 'Person', name: r.name1 },
      right: { type: 'Person', name: r.name2 },
      same: r.is_match === 'true',
      category: r.case_group,
    }));
}
