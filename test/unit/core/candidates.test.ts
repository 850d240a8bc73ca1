import { strict as assert } from 'node:assert';
import { align, type AlignOptions } from '../../../src/core/align';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse } from '../../../src/core/text';
import type { ReferenceDoc } from '../../../src/core/types';

// Which reference documents reach the sentence-level stage (align.ts: rankCandidates, takeCandidates).

const WIRE =
  'Dockworkers at the port of Marrowby walked out on Monday after talks over night-shift pay collapsed, ' +
  'leaving three container ships stranded in the outer harbour. The Harbour Workers Union said about 400 members ' +
  'joined the strike. Port director Elsa Varga said the authority had offered a four percent rise over two years ' +
  'and would return to the table on Thursday. Fishing crews, who share the inner quay, were allowed to land their catch.';

const WATER =
  'The regional water board announced on Wednesday that the Kestrel reservoir would be drained over the summer so ' +
  'engineers can repair cracks found in the old dam wall. Residents of the valley were told that supplies would come ' +
  'from the northern pumping station while the work goes on. The board expects the repairs to cost around six million ' +
  'pounds and to finish before the autumn rains arrive. Anglers who use the reservoir will be offered places on two ' +
  'smaller lakes nearby.';

// WATER reworded: few of its word 3-grams survive
const REWORDED =
  'Engineers will repair cracks in the old wall of the Kestrel dam after the regional water board said on Wednesday ' +
  'the reservoir is to be drained this summer. Valley residents have been told their supplies will come from the ' +
  'northern pumping station during the work. Repairs should finish before autumn rains arrive, the board expects, at ' +
  'a cost of around six million pounds. Anglers using the reservoir are to be offered places on two nearby smaller lakes.';

const ARTICLE = WIRE + '\n\n' + REWORDED;
/** a passage spans words: the final full stop is outside it */
const words = (s: string) => s.replace(/\.$/, '');

function doc(id: string, text: string): ReferenceDoc {
  return { id, path: `/refs/${id}`, text, meta: {} };
}

/** Unique filler words: aaab, aaac, … (no two alike, so they make no seeds). */
function filler(from: number, n: number): string {
  const out: string[] = [];
  for (let k = from; k < from + n; k++) {
    let w = '';
    for (let x = k + 26 * 26 * 26, d = 0; d < 4; d++, x = Math.floor(x / 26)) w = String.fromCharCode(97 + (x % 26)) + w;
    out.push(w);
  }
  return out.join(' ');
}

/** A long document holding `phrases` far apart (150 filler words between them): scattered seeds. */
function scattered(phrases: string[]): string {
  return phrases.map((p, k) => `${filler(k * 150, 150)} ${p}`).join(' ') + '.';
}

function run(refs: ReferenceDoc[], options: Partial<AlignOptions>) {
  const index = ReferenceIndex.build(refs);
  const ps = align(analyse(ARTICLE), index, options);
  return ps.map((p) => ({
    id: index.docs[p.doc]!.id,
    a: ARTICLE.slice(p.a.start, p.a.end),
    b: index.docs[p.doc]!.text.slice(p.b.start, p.b.end),
    level: p.level,
  }));
}

describe('align: candidates for the sentence-level stage', () => {
  const rewordedAt = ARTICLE.indexOf(REWORDED);

  it('a verbatim pair takes no candidate place: the reworded source gets its sentence-level case', () => {
    const one = { sentenceCandidates: 1, maxCandidates: 1, candidateMinScore: Infinity };
    const withSkip = run([doc('wire', WIRE), doc('water', WATER)], one);
    assert.deepEqual(
      withSkip.map((p) => [p.id, p.a, p.b, p.level]),
      [
        ['wire', words(WIRE), words(WIRE), 'verbatim'],
        ['water', words(REWORDED), words(WATER), 'paraphrase'],
      ],
    );
    // the one place taken by the verbatim source: only the n-gram seeds' shorter passage is found
    const without = run([doc('wire', WIRE), doc('water', WATER)], { ...one, sentenceSkipVerbatim: false });
    const water = without.filter((p) => p.id === 'water');
    assert.equal(water.length, 1);
    // (it starts in the first sentence's second half and ends before the last word, on both sides)
    assert.ok(ARTICLE.indexOf(water[0]!.a) >= rewordedAt + 50 && water[0]!.a.length < REWORDED.length - 50, water[0]!.a);
    assert.ok(WATER.indexOf(water[0]!.b) > 0 && !water[0]!.b.endsWith('lakes nearby'), water[0]!.b);
  });

  it('documents scoring candidateMinScore or more get places beyond the first ones, up to candidateCap', () => {
    const refs = [doc('wire', WIRE), doc('water', WATER)];
    const base = { sentenceCandidates: 1, maxCandidates: 1, sentenceSkipVerbatim: false };
    const capped = run(refs, { ...base, candidateMinScore: 2, candidateCap: 1 }).find((p) => p.id === 'water')!;
    assert.notEqual(capped.a, words(REWORDED));
    const more = run(refs, { ...base, candidateMinScore: 2, candidateCap: 2 }).find((p) => p.id === 'water')!;
    assert.deepEqual([more.a, more.b], [words(REWORDED), words(WATER)]);
    // a score the document does not reach: no extra place
    const high = run(refs, { ...base, candidateMinScore: 1000, candidateCap: 2 }).find((p) => p.id === 'water')!;
    assert.notEqual(high.a, words(REWORDED));
  });

  it('by default, a reworded source ranked behind 45 documents sharing stray 3-grams still reaches the stage', () => {
    // the article also holds 920 words of its own; each of 45 documents shares 20 of them in a row
    // (18 3-grams lying together: each ranks above the reworded source's 14) and nothing else
    const own = filler(5000, 920).split(' ');
    const article = ARTICLE + '\n\n' + own.join(' ') + '.';
    const refs = [doc('wire', WIRE), doc('water', WATER)];
    for (let k = 0; k < 45; k++) refs.push(doc(`stray${k}`, `${filler(20000 + k * 100, 40)} ${own.slice(k * 20, k * 20 + 20).join(' ')} ${filler(20050 + k * 100, 40)}.`));
    const index = ReferenceIndex.build(refs);
    const water = (options: Partial<AlignOptions>) =>
      align(analyse(article), index, options)
        .filter((p) => index.docs[p.doc]!.id === 'water')
        .map((p) => [article.slice(p.a.start, p.a.end), WATER.slice(p.b.start, p.b.end)]);
    assert.deepEqual(water({}), [[words(REWORDED), words(WATER)]]);
    // with 40 places the source is left to the n-gram seeds, whose passage covers less on both sides
    const capped = water({ candidateCap: 40 });
    assert.equal(capped.length, 1);
    assert.ok(capped[0]![0]!.length < REWORDED.length - 50 && capped[0]![1] !== words(WATER), JSON.stringify(capped));
  });

  it('with candidateNear, seeds that lie together outrank more seeds scattered over a long document', () => {
    // 16 three-word phrases of the article, each alone in a long unrelated document
    const ws = REWORDED.split(/\s+/);
    const phrases: string[] = [];
    for (let k = 0; k + 3 <= ws.length && phrases.length < 16; k += 4) phrases.push(ws.slice(k, k + 3).join(' ').replace(/[.,]/g, ''));
    const refs = [doc('wire', WIRE), doc('water', WATER), doc('scattered', scattered(phrases))];
    const one = { sentenceCandidates: 1, maxCandidates: 1, candidateMinScore: Infinity };
    // counted one by one, the scattered document ranks first and takes the one place
    const flat = run(refs, { ...one, candidateNear: 0 });
    assert.ok(!flat.some((p) => p.id === 'water' && p.a === words(REWORDED)), JSON.stringify(flat));
    const near = run(refs, { ...one, candidateNear: 100 });
    const water = near.find((p) => p.id === 'water');
    assert.deepEqual(water && [water.a, water.b], [words(REWORDED), words(WATER)]);
    assert.ok(!near.some((p) => p.id === 'scattered'), JSON.stringify(near));
  });
});
