import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { nameLexicon } from '../../../src/core/names/lexicon';
import { nearMiss } from '../../../src/core/names/match';
import { clearNameMemo, nearMissEntries, nearMissMemo } from '../../../src/core/names/memo';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { ReferenceDoc } from '../../../src/core/types';
import { isKnownName, isOrdinaryWord } from '../../../src/core/names/words';
import { scanNear } from './helpers';

// invented names, some of them spelling variants of each other, in invented reference sentences
const NAMES = ['Kovalenko', 'Kowalenko', 'Baptiste', 'Baptist', 'Solberg', 'Sohlberg', 'Okonkwo', 'Okonko', 'Marchetti', 'Marchetty', 'Haldane', 'Haldean', 'Zelinska', 'Zielinska', 'Eze', 'Achterberg'];
const FIRST = ['Marta', 'Idris', 'Hanne', 'Ngozi', 'Pietro', 'Alma'];

function refs(): ReferenceDoc[] {
  const out: ReferenceDoc[] = [];
  for (let i = 0; i < 30; i++) {
    const n = NAMES[(i * 7) % NAMES.length]!;
    const m = NAMES[(i * 3 + 1) % NAMES.length]!;
    const text = `${FIRST[i % FIRST.length]} ${n} met the harbour board on Tuesday. Later ${n} said the crews would vote, and ${FIRST[(i + 2) % FIRST.length]} ${m} agreed with ${n}.`;
    out.push({ id: `n/${i}.txt`, path: `refs/n/${i}.txt`, text, meta: {} });
  }
  return out;
}

describe('names/memo: near-miss entries kept between checks', () => {
  const lex = nameLexicon(ReferenceIndex.build(refs()));
  /** what a check computes without the memo or the index: the lexicon's names in reach of the skeleton, compared one by one */
  const fresh = (key: string) => {
    const out = [];
    for (const e of scanNear([...lex.entries.values()].filter((n) => n.name), key)) {
      if (e.key === key) continue;
      const miss = nearMiss(key, e.key);
      if (miss) out.push({ entry: e, miss });
    }
    return out;
  };
  const letters = 'abcdeghiklmnorstvwyz';
  const key = fc
    .tuple(fc.constantFrom(...NAMES), fc.nat(12), fc.constantFrom(...letters), fc.integer({ min: 0, max: 3 }))
    .map(([n, at, ch, op]) => {
      const s = n.toLowerCase();
      const i = at % s.length;
      return op === 0 ? s : op === 1 ? s.slice(0, i) + ch + s.slice(i + 1) : op === 2 ? s.slice(0, i) + ch + s.slice(i) : s.slice(0, i) + s.slice(i + 1);
    });

  it('answer what comparing the spelling with every lexicon name in reach answers, first and later calls alike', () => {
    clearNameMemo();
    let found = 0;
    fc.assert(
      fc.property(key, (k) => {
        const want = fresh(k);
        assert.deepEqual(nearMissEntries(lex, k), want, k);
        assert.deepEqual(nearMissEntries(lex, k), want, `${k}, from the memo`);
        for (const { entry } of want) assert.deepEqual(nearMissMemo(k, entry.key), nearMiss(k, entry.key));
        found += want.length;
      }),
      { numRuns: 3000, seed: 13 },
    );
    assert.ok(found > 1000, `near misses found: ${found}`);
  });
});

describe('names/words: word answers remembered', () => {
  it('isOrdinaryWord and isKnownName answer a word alike on every ask, in any order', () => {
    const words = ['harbour', 'kovalenko', 'the', 'tuesday', 'london', 'marta', 'quillonbar', 'running', 'zzqx', 'paris', 'said', 'ferry'];
    const first = words.map((w, i) => (i % 2 ? [isKnownName(w), isOrdinaryWord(w)] : [isOrdinaryWord(w), isKnownName(w)]));
    // both answers of one word are kept together: asking one must not change the other
    for (let round = 0; round < 3; round++) {
      words.forEach((w, i) => {
        const got = i % 2 ? [isKnownName(w), isOrdinaryWord(w)] : [isOrdinaryWord(w), isKnownName(w)];
        assert.deepEqual(got, first[i], w);
      });
    }
    assert.equal(isOrdinaryWord('the'), true);
    assert.equal(isOrdinaryWord('zzqx'), false);
    assert.equal(isKnownName('zzqx'), false);
  });
});
