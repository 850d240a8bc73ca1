import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { NameEntry } from '../../../src/core/names/lexicon';
import { nearMiss } from '../../../src/core/names/match';
import { NearNameIndex } from '../../../src/core/names/near-index';
import { skeleton } from '../../../src/core/names/similarity';
import { scanNear } from './helpers';

const entry = (key: string) => ({ key, name: true, skeleton: skeleton(key) }) as NameEntry;
const nearMisses = (names: NameEntry[], key: string) => names.filter((e) => e.key !== key && nearMiss(key, e.key) !== undefined).map((e) => e.key);

// invented spellings: stems with the romanisation choices, diacritics and doubled letters the skeleton folds
const PIECES = ['ko', 'va', 'len', 'sch', 'ch', 'sh', 'tch', 'kh', 'ph', 'ck', 'ou', 'w', 'v', 'y', 'j', 'ie', 'ye', 'ii', 'é', 'ö', 'ß', 'æ', 'ł', 'nn', 'tt', 'a', 'e', 'i', 'o', 'u', 'r', 'm', 'b', 'd', 'z', 'st'];
const base = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
/** `s` with one edit: a letter replaced, inserted or dropped, two swapped, or the first dropped */
const variant = (s: string, at: number, ch: string, op: number): string => {
  const i = at % s.length;
  switch (op) {
    case 0: return s.slice(0, i) + ch + s.slice(i + 1);
    case 1: return s.slice(0, i) + ch + s.slice(i);
    case 2: return s.slice(0, i) + s.slice(i + 1);
    case 3: return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
    default: return s.slice(1) || s;
  }
};
const edit = fc.tuple(fc.nat(20), fc.constantFrom(...'abceghiklmnorstvwyzjéöß'), fc.nat(4));
const edited = (s: string) => fc.array(edit, { maxLength: 3 }).map((es) => es.reduce((t, [at, ch, op]) => variant(t, at, ch, op), s));
/** a lexicon: spellings and variants of them; queries: variants of its spellings and of others */
const lexiconAndQueries = fc.uniqueArray(base, { minLength: 1, maxLength: 15 }).chain((bases) =>
  fc.tuple(
    fc.uniqueArray(fc.constantFrom(...bases).chain(edited), { minLength: 1, maxLength: 50 }),
    fc.array(fc.oneof(fc.constantFrom(...bases), base).chain(edited), { minLength: 1, maxLength: 20 }),
  ),
);

/** lexicons and queries as above, of spellings of 5 to 9 pieces: many past the index's long-name limit */
const longBase = fc.array(fc.constantFrom(...PIECES), { minLength: 5, maxLength: 9 }).map((p) => p.join(''));
const longLexiconAndQueries = fc.uniqueArray(longBase, { minLength: 1, maxLength: 10 }).chain((bases) =>
  fc.tuple(
    fc.uniqueArray(fc.constantFrom(...bases).chain(edited), { minLength: 1, maxLength: 30 }),
    fc.array(fc.oneof(fc.constantFrom(...bases), longBase).chain(edited), { minLength: 1, maxLength: 15 }),
  ),
);

/** Checks the index against the scan on `runs` random lexicons; returns the near misses found. */
function againstScan(arb: fc.Arbitrary<[string[], string[]]>, runs: number, seed: number, scanLookups?: number): number {
  let found = 0;
  fc.assert(
    fc.property(arb, ([lexicon, queries]) => {
      const names = lexicon.map(entry);
      const index = new NearNameIndex(names, scanLookups);
      for (const q of [...queries, ...lexicon.slice(0, 10)]) {
        const scanned = scanNear(names, q);
        const got = index.candidates(q);
        // candidates are a subsequence of the scan, and lose none of its near misses
        let at = 0;
        for (const e of got) {
          while (at < scanned.length && scanned[at] !== e) at++;
          assert.ok(at < scanned.length, `${q}: ${e.key} out of the scan or its order`);
          at++;
        }
        const want = nearMisses(scanned, q);
        assert.deepEqual(nearMisses(got, q), want, q);
        found += want.length;
      }
    }),
    { numRuns: runs, seed, endOnFailure: true },
    );
  return found;
}

describe('names/near-index: near-miss candidates without a lexicon scan', () => {
  // scanLookups 0: every look-up reads the letter's table; 1,000: every one scans; 2: the first two of a letter scan
  for (const scanLookups of [0, 1000, 2]) {
    it(`keeps every near miss the scan finds, in the scan order, on random lexicons and spellings (tables after ${scanLookups} scans)`, () => {
      const found = againstScan(lexiconAndQueries, 400, 29, scanLookups);
      assert.ok(found > 500, `near misses found: ${found}`);
    });
    it(`keeps them for names past the long-name limit, which are scanned, not filed by their 2-deletions (tables after ${scanLookups} scans)`, () => {
      const found = againstScan(longLexiconAndQueries, 200, 31, scanLookups);
      assert.ok(found > 200, `near misses found: ${found}`);
    });
  }

  it('finds the same near misses by scanning a letter as from its table, first-letter and real-word slips included', () => {
    // invented spellings; queries: a first letter swapped within its skeleton letter (y/j, w/v), one dropped
    // or added, a letter doubled, transposed or replaced, and ordinary words one letter from a name
    const lexicon = ['jarnovik', 'yarnovik', 'volkaster', 'wolkaster', 'brennick', 'brenick', 'teodrin', 'theodrin', 'marlowen', 'sandrove', 'kastelmir', 'castelmir', 'lindquor', 'dorvante', 'harbolt', 'baker', 'carter', 'mastery'];
    const names = lexicon.map(entry);
    const queries = ['yarnovik', 'iarnovik', 'arnovik', 'wolkaster', 'vvolkaster', 'brennik', 'bernnick', 'teodrim', 'marlowne', 'sandrov', 'kastelmyr', 'lindqour', 'dorvanto', 'harbold', 'bakery', 'carted', 'master', 'mystery'];
    const scanning = new NearNameIndex(names, 1000);
    const tables = new NearNameIndex(names, 0);
    let found = 0;
    for (const q of queries) {
      const want = nearMisses(tables.candidates(q), q);
      assert.deepEqual(nearMisses(scanning.candidates(q), q), want, q);
      assert.deepEqual(want, nearMisses(scanNear(names, q), q), q);
      found += want.length;
    }
    assert.ok(found >= 10, `near misses found: ${found}`);
  });


  it('answers the same with the filed hashes its scans keep as a fresh index computing them, in scans and in tables built from them', () => {
    const keysOf = (es: NameEntry[]) => es.map((e) => e.key);
    fc.assert(
      fc.property(lexiconAndQueries, ([lexicon, queries]) => {
        const names = lexicon.map(entry);
        // scans, then tables from the hashes the scans kept; tables from scratch; scans only
        const early = new NearNameIndex(names, 2);
        const tables = new NearNameIndex(names, 0);
        const scans = new NearNameIndex(names, 1000);
        const asked = new Map<string, number>();
        for (const q of [...queries, ...queries, ...lexicon.slice(0, 10)]) {
          const letter = skeleton(q).charAt(0);
          const n = (asked.get(letter) ?? 0) + 1;
          asked.set(letter, n);
          const fresh = keysOf(new NearNameIndex(names, 1000).candidates(q));
          assert.deepEqual(keysOf(scans.candidates(q)), fresh, q);
          assert.deepEqual(keysOf(early.candidates(q)), n > 2 ? keysOf(tables.candidates(q)) : fresh, q);
        }
      }),
      { numRuns: 300, seed: 37, endOnFailure: true },
    );
  });

  it('takes few of the names in reach that are no near misses, in a lexicon of 5,000 spellings', () => {
    const [lexicon, queries] = fc.sample(
      fc.uniqueArray(base, { minLength: 1000, maxLength: 1000 }).chain((bases) =>
        fc.tuple(fc.uniqueArray(fc.constantFrom(...bases).chain(edited), { minLength: 5000, maxLength: 5000 }), fc.array(fc.constantFrom(...bases).chain(edited), { minLength: 300, maxLength: 300 })),
      ),
      { numRuns: 1, seed: 31 },
    )[0]!;
    const names = lexicon.map(entry);
    const index = new NearNameIndex(names);
    let inReach = 0;
    let taken = 0;
    let misses = 0;
    for (const q of queries) {
      const scanned = scanNear(names, q);
      const got = index.candidates(q);
      assert.deepEqual(nearMisses(got, q), nearMisses(scanned, q), q);
      inReach += scanned.length - nearMisses(scanned, q).length;
      taken += got.length - nearMisses(got, q).length;
      misses += nearMisses(scanned, q).length;
    }
    assert.ok(misses > 300 && taken < 0.5 * inReach, `near misses ${misses}; others in reach ${inReach}, taken ${taken}`);
  });
});
