// Every letter of every table pinned against the published romanisations (written out here, not read from the code).
import {
  ALBANIAN_TO_SERBIAN,
  BULGARIAN_GERMAN,
  BULGARIAN_OFFICIAL,
  BULGARIAN_SERBOCROATIAN,
  CYRILLIC_CANONICAL,
  MACEDONIAN_ACCENTED,
  MACEDONIAN_CYRILLIC,
  RUSSIAN,
  SERBIAN_CYRILLIC,
  toSerbianCyrillic,
  transliterate,
  type LetterTable,
} from '../../../src/resolution/names/tables';

function pin(table: LetterTable, cyrillic: string, latin: string[]): void {
  const letters = [...cyrillic];
  expect(letters).toHaveLength(latin.length);
  // the table has exactly these letters, each with its romanisation
  expect(Object.keys(table).sort()).toEqual([...letters].sort());
  letters.forEach((letter, i) => {
    expect([letter, transliterate(letter, table)]).toEqual([letter, latin[i]]);
    expect([letter.toUpperCase(), transliterate(letter.toUpperCase(), table)]).toEqual([letter.toUpperCase(), latin[i]]);
  });
}

describe('transliteration tables', () => {
  it('Serbian/Montenegrin/Bosnian Cyrillic: 30 letters, 1:1 (Gaj)', () => {
    pin(SERBIAN_CYRILLIC, 'абвгдђежзијклљмнњопрстћуфхцчџш',
      ['a', 'b', 'v', 'g', 'd', 'đ', 'e', 'ž', 'z', 'i', 'j', 'k', 'l', 'lj', 'm', 'n', 'nj', 'o', 'p', 'r', 's', 't', 'ć', 'u', 'f', 'h', 'c', 'č', 'dž', 'š']); // prettier-ignore
  });

  it('Macedonian Cyrillic: 31 letters with gj, kj, dz digraphs and ǵ/ḱ one-letter forms', () => {
    pin(MACEDONIAN_CYRILLIC, 'абвгдѓежзѕијклљмнњопрстќуфхцчџш',
      ['a', 'b', 'v', 'g', 'd', 'gj', 'e', 'ž', 'z', 'dz', 'i', 'j', 'k', 'l', 'lj', 'm', 'n', 'nj', 'o', 'p', 'r', 's', 't', 'kj', 'u', 'f', 'h', 'c', 'č', 'dž', 'š']); // prettier-ignore
    expect(transliterate('ѓ', MACEDONIAN_ACCENTED)).toBe('ǵ');
    expect(transliterate('ќ', MACEDONIAN_ACCENTED)).toBe('ḱ');
  });

  it('Bulgarian, official 2009 system: щ sht, ъ a, ю yu, я ya, ж zh, ц ts, ч ch, ш sh', () => {
    pin(BULGARIAN_OFFICIAL, 'абвгдежзийклмнопрстуфхцчшщъьюя',
      ['a', 'b', 'v', 'g', 'd', 'e', 'zh', 'z', 'i', 'y', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'h', 'ts', 'ch', 'sh', 'sht', 'a', 'y', 'yu', 'ya']); // prettier-ignore
  });

  it('Bulgarian, Serbo-Croatian style: ž č š c ju ja', () => {
    pin(BULGARIAN_SERBOCROATIAN, 'абвгдежзийклмнопрстуфхцчшщъьюя',
      ['a', 'b', 'v', 'g', 'd', 'e', 'ž', 'z', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'h', 'c', 'č', 'š', 'št', 'ă', 'j', 'ju', 'ja']); // prettier-ignore
  });

  it('Bulgarian, German style: sch, tsch, w, z', () => {
    pin(BULGARIAN_GERMAN, 'абвгдежзийклмнопрстуфхцчшщъьюя',
      ['a', 'b', 'w', 'g', 'd', 'e', 'sch', 's', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'ch', 'z', 'tsch', 'sch', 'schtsch', 'a', 'j', 'ju', 'ja']); // prettier-ignore
  });

  it('Russian-language Cyrillic: Джордже → Dzhordzhe', () => {
    pin(RUSSIAN, 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
      ['a', 'b', 'v', 'g', 'd', 'e', 'yo', 'zh', 'z', 'i', 'y', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'kh', 'ts', 'ch', 'sh', 'shch', '', 'y', '', 'e', 'yu', 'ya']); // prettier-ignore
    expect(transliterate('Джордже Джурич', RUSSIAN)).toBe('dzhordzhe dzhurich');
  });

  it('the canonical comparison table reads Macedonian ѓ/ќ as đ/ć and keeps the Serbian letters', () => {
    for (const [c, l] of Object.entries(SERBIAN_CYRILLIC)) expect([c, CYRILLIC_CANONICAL[c]]).toEqual([c, l]);
    expect(CYRILLIC_CANONICAL['ѓ']).toBe('đ');
    expect(CYRILLIC_CANONICAL['ќ']).toBe('ć');
    expect(CYRILLIC_CANONICAL['ѕ']).toBe('dz');
    expect(CYRILLIC_CANONICAL['щ']).toBe('št');
  });

  it('Albanian → Serbian transcription, every digraph and letter', () => {
    const expected: Record<string, string> = {
      xh: 'dž',
      gj: 'đ',
      sh: 'š',
      zh: 'ž',
      th: 't',
      dh: 'd',
      ll: 'l',
      rr: 'r',
      nj: 'nj',
      q: 'ć',
      ç: 'č',
      ë: 'e',
      x: 'dz',
      y: 'i',
    };
    expect(Object.fromEntries(ALBANIAN_TO_SERBIAN)).toEqual(expected);
    // digraphs are listed before their first letter, so xh is never read as x + h
    const order = ALBANIAN_TO_SERBIAN.map(([a]) => a);
    expect(order.indexOf('xh')).toBeLessThan(order.indexOf('x'));
  });

  it('Gaj Latin → Serbian Cyrillic reads lj, nj, dž as one letter', () => {
    expect(toSerbianCyrillic('Đorđe Đurić')).toBe('ђорђе ђурић');
    expect(toSerbianCyrillic('Ljubomir Njegoš Džajić')).toBe('љубомир његош џајић');
    expect(toSerbianCyrillic('Vučić')).toBe('вучић');
  });
});
