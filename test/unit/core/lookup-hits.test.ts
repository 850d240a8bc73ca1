import { strict as assert } from 'node:assert';
import { articleTerms, DEFAULT_ALIGN } from '../../../src/core/align';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse } from '../../../src/core/text';
import { encodeIndex, openIndexSource } from '../../../src/core/index-codec';
import { bytesSource } from '../../../src/core/index-pages';
import { articleFrom, referenceSet } from '../cache/helpers';

/**
 * `lookupHits` writes an n-gram's (doc, pos) pairs into one reused array by index and returns their count
 * (~count when over the limits), so that the aligner's seed search keeps that array's backing store
 * between n-grams; `lookupLimited` is the same look-up with `out` cut to the pairs.
 */
describe('ReferenceIndex.lookupHits: look-ups into a reused array', () => {
  const refs = referenceSet(23, 120);
  const built = ReferenceIndex.build(refs);
  const reopened = openIndexSource(bytesSource(encodeIndex(built))).index;
  const article = analyse(articleFrom(refs, 5));

  for (const [name, index] of [['built', built], ['reopened', reopened]] as const) {
    it(`${name}: the count and the first pairs of one reused array equal lookupLimited's fresh array, under several limits`, () => {
      const terms = articleTerms(article, index);
      const reused: number[] = [];
      let over = 0;
      let found = 0;
      let longest = 0;
      for (const [maxHits, maxDocs] of [[DEFAULT_ALIGN.maxSeedHits, DEFAULT_ALIGN.maxSeedDocs], [3, 2], [1, 1], [Infinity, Infinity]]) {
        for (let i = 0; i + 3 <= terms.length; i++) {
          if (terms[i]! < 0 || terms[i + 1]! < 0 || terms[i + 2]! < 0) continue;
          const before = reused.length;
          const n = index.lookupHits(terms, i, maxHits, maxDocs, reused);
          const fresh: number[] = [];
          const ok = index.lookupLimited(terms, i, maxHits, maxDocs, fresh);
          assert.equal(n >= 0, ok, `n-gram at ${i}: over the limits alike`);
          const count = n >= 0 ? n : ~n;
          assert.equal(count, fresh.length, `n-gram at ${i}: as many pairs (partial ones too)`);
          assert.deepEqual(reused.slice(0, count), fresh, `n-gram at ${i}: the same pairs`);
          // never shortened: a long earlier answer's tail stays (the caller reads the first `count`)
          assert.ok(reused.length >= before, `n-gram at ${i}: the array is not shortened`);
          if (n < 0) over++;
          else if (n > 0) found++;
          longest = Math.max(longest, count);
        }
      }
      assert.ok(over > 0 && found > 0 && longest >= 4, `both outcomes met (over ${over}, found ${found}, longest ${longest})`);
    });
  }
});
