// Blocking keys: true pairs share a key; keys per record stay few; no key gathers a crowd.
import { join } from 'node:path';
import { loadBalkanPairs } from '../../../src/resolution/balkan-set';
import { blockingKeys } from '../../../src/resolution/blocking';

const root = join(__dirname, '..', '..', '..');

describe('blocking keys', () => {
  it('the spellings of issue 18 share a key with Đorđe Đurić', () => {
    const base = new Set(blockingKeys({ type: 'Person', name: 'Đorđe Đurić', birthDate: '1978-04-12' }));
    const forms = [
      'Ђорђе Ђурић',
      'Djordje Djuric',
      'Dorde Duric',
      'Djordje Djurich',
      'DJURIC Djordje',
      'DJURIC<<DJORDJE',
      'Đorđe (Milan) Đurić',
      'Đole Đurić',
      'Đ. Đurić',
      'Джордже Джурич',
      'Djordje Djuritsch',
    ];
    for (const name of forms) expect([name, blockingKeys({ type: 'Person', name }).some((k) => base.has(k))]).toEqual([name, true]);
    // a typo in the surname meets through the given name and the birth year
    expect(blockingKeys({ type: 'Person', name: 'Đorđe Đruić', birthDate: '1979' }).some((k) => base.has(k))).toBe(true);
  });

  it('true pairs of the Balkan set share a key (at most 1% missed: an initial with a typo); a record has few keys', () => {
    const pairs = loadBalkanPairs(join(root, 'data/resolution/balkan-pairs.csv'));
    let misses = 0;
    let most = 0;
    const same = pairs.filter((p) => p.same);
    for (const p of pairs) {
      const l = blockingKeys(p.left);
      const r = blockingKeys(p.right);
      most = Math.max(most, l.length, r.length);
      if (p.same && !l.some((k) => r.includes(k))) misses++;
    }
    expect(same.length).toBeGreaterThan(800);
    expect(misses).toBeLessThanOrEqual(0.01 * same.length);
    expect(most).toBeLessThanOrEqual(60);
  });

  it('no key is shared by a crowd: 40 x 40 distinct names, no key on more than 5% of them', () => {
    const given = [
      'Marko',
      'Nikola',
      'Stefan',
      'Luka',
      'Milan',
      'Dragan',
      'Zoran',
      'Goran',
      'Dejan',
      'Nenad',
      'Ivan',
      'Petar',
      'Jovan',
      'Miloš',
      'Vuk',
      'Aleksa',
      'Filip',
      'Lazar',
      'Uroš',
      'Bojan',
      'Agron',
      'Bekim',
      'Ilir',
      'Arben',
      'Besnik',
      'Georgi',
      'Dimitar',
      'Hristo',
      'Todor',
      'Atanas',
      'Edin',
      'Senad',
      'Emir',
      'Kenan',
      'Haris',
      'Ante',
      'Tomislav',
      'Josip',
      'Mate',
      'Ivica',
    ];
    const surnames = [
      'Petrović',
      'Jovanović',
      'Nikolić',
      'Marković',
      'Đorđević',
      'Stojanović',
      'Ilić',
      'Stanković',
      'Pavlović',
      'Milošević',
      'Krasniqi',
      'Berisha',
      'Gashi',
      'Hoxha',
      'Shala',
      'Ivanov',
      'Georgiev',
      'Dimitrov',
      'Petkov',
      'Stoyanov',
      'Hodžić',
      'Hadžić',
      'Kovačević',
      'Begić',
      'Delić',
      'Horvat',
      'Kovač',
      'Babić',
      'Marić',
      'Jurić',
      'Trajkovski',
      'Nikolovski',
      'Stojanovski',
      'Popović',
      'Lukić',
      'Radović',
      'Šarić',
      'Vuković',
      'Tomić',
      'Kostić',
    ];
    const count = new Map<string, number>();
    let n = 0;
    given.forEach((g, i) =>
      surnames.forEach((s, j) => {
        n++;
        const birthDate = `${1950 + ((i * 7 + j * 3) % 50)}-0${1 + (j % 9)}-1${i % 9}`;
        for (const k of blockingKeys({ type: 'Person', name: `${g} ${s}`, birthDate })) count.set(k, (count.get(k) ?? 0) + 1);
      }),
    );
    const biggest = Math.max(...count.values());
    expect(n).toBe(1600);
    expect(biggest).toBeLessThanOrEqual(0.05 * n);
  });
});
