/** Reads the labelled Western Balkan pairs (data/resolution/balkan-pairs.csv) into LabelledPairs. */
import { readFileSync } from 'node:fs';
import type { LabelledPair } from './evaluate';

/** Splits one CSV line (RFC 4180 quotes) into fields. */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

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
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith('#'));
  const [header, ...rows] = lines;
  const names = fields(header);
  return rows.map((line) => {
    const f = fields(line);
    const get = (col: string): string => f[names.indexOf(col)] ?? '';
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
