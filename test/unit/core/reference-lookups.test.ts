import { strict as assert } from 'node:assert';
import { referenceModel } from '../../../src/core/align';
import { versionWords, VERSION_RUN, VERSION_WORDS } from '../../../src/core/facts/pairs';
import { decodeIndex, encodeIndex } from '../../../src/core/index-codec';
import { referenceQuoteView } from '../../../src/core/align';
import { findQuotes } from '../../../src/core/attribution/quotes';
import { proseView } from '../../../src/core/prose';
import { modelHasIndexTokens, referenceTextModel, storedRecord } from '../../../src/core/reference-analyses';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { refSentenceRanges, sentenceRanges } from '../../../src/core/sentence-pairs';
import { MAX_SENTENCE_WORDS } from '../../../src/core/text';
import type { ReferenceDoc } from '../../../src/core/types';
import { rng } from '../cache/helpers';

// Invented words: a small vocabulary, so that 3-grams recur across many documents and runs of
// VERSION_RUN words recur within and across documents.
const WORDS = ['quay', 'ferry', 'board', 'vote', 'pay', 'offer', 'dockers', 'harbour', 'night', 'shift', 'the', 'a', 'on', 'said'];

function words(r: () => number, n: number, vocab = WORDS.length): string[] {
  return Array.from({ length: n }, () => WORDS[Math.floor(r() * vocab)]!);
}

/** Documents with long runs of words copied from one another, sentence marks now and then. */
function docs(seed: number, count: number): ReferenceDoc[] {
  const r = rng(seed);
  const out: string[][] = [];
  for (let d = 0; d < count; d++) {
    let w = words(r, 40 + Math.floor(r() * 300), 3 + Math.floor(r() * WORDS.length - 3));
    if (out.length && r() < 0.6) {
      // a run of another document, VERSION_RUN − 1 to 5 · VERSION_RUN words, put in somewhere
      const src = out[Math.floor(r() * out.length)]!;
      const len = Math.min(src.length, VERSION_RUN - 1 + Math.floor(r() * 4 * VERSION_RUN));
      const from = Math.floor(r() * (src.length - len + 1));
      const at = Math.floor(r() * w.length);
      w = [...w.slice(0, at), ...src.slice(from, from + len), ...w.slice(at)];
    }
    out.push(w);
  }
  return out.map((w, d) => {
    const text = w.map((x, k) => (k > 0 && k % 17 === 0 && d % 3 !== 0 ? x[0]!.toUpperCase() + x.slice(1) : x)).map((x, k) => (k % 17 === 16 ? x + '.' : x)).join(' ');
    return { id: `d${d}`, path: `d${d}.txt`, text, meta: {} };
  });
}

/** versionWords as the string keys of each run of VERSION_RUN normalised words give it. */
function naiveVersionWords(index: ReferenceIndex, d: number, e: number): number {
  const key = (t: { norm: string }[], k: number) => t.slice(k, k + VERSION_RUN).map((x) => x.norm).join(' ');
  const te = referenceModel(index, e).tokens;
  const runs = new Set<string>();
  for (let k = 0; k + VERSION_RUN <= te.length; k++) runs.add(key(te, k));
  const td = referenceModel(index, d).tokens;
  let covered = 0;
  let upTo = 0;
  for (let k = 0; k + VERSION_RUN <= td.length && covered < VERSION_WORDS; k++) {
    if (!runs.has(key(td, k))) continue;
    covered += k + VERSION_RUN - Math.max(k, upTo);
    upTo = k + VERSION_RUN;
  }
  return covered;
}

/** Distinct documents of an n-gram from lookup(), null over `max`. */
function naiveDocs(index: ReferenceIndex, terms: Int32Array, k: number, max: number): number[] | null {
  const seen = new Set<number>();
  index.lookup(terms, k, (d) => seen.add(d));
  return seen.size > max ? null : [...seen];
}

function reopened(index: ReferenceIndex): ReferenceIndex {
  return decodeIndex(encodeIndex(index)).index;
}

describe('reference look-ups of the warm check', function () {
  this.timeout(120000);

  it('versionWords equals counting runs of VERSION_RUN words by their string keys (built and reopened index)', () => {
    for (let seed = 1; seed <= 4; seed++) {
      const built = ReferenceIndex.build(docs(seed, 30));
      for (const index of [built, reopened(built)]) {
        let some = 0;
        for (let d = 0; d < index.docs.length; d++) {
          for (let e = 0; e < index.docs.length; e++) {
            const want = naiveVersionWords(index, d, e);
            assert.equal(versionWords(index, d, e), want, `seed ${seed}, ${d} by ${e}`);
            if (want > 0) some++;
          }
        }
        assert.ok(some > 30, `seed ${seed}: runs shared (${some})`);
      }
    }
  });

  it('versionWords reads a document whose text differs from what the index tokenised (markup) through its text model', () => {
    const base = docs(7, 6);
    const run = base[1]!.text.split(' ').slice(0, 3 * VERSION_RUN).join(' ');
    const md = `# Note\n\n[link](http://example.org/a) ${run} <b>x</b> ${run}`;
    const marked: ReferenceDoc = { id: 'm', path: 'm.md', text: md, matchText: proseView(md, 'markdown'), meta: {} };
    const index = reopened(ReferenceIndex.build([...base, marked]));
    const m = index.docs.length - 1;
    assert.equal(modelHasIndexTokens(index, m), false, 'the model of the marked-up document is not the index\'s tokens');
    assert.ok(naiveVersionWords(index, m, 1) > 0, 'the marked-up document repeats a run of document 1');
    for (let e = 0; e < index.docs.length; e++) {
      assert.equal(versionWords(index, m, e), naiveVersionWords(index, m, e), `m by ${e}`);
      assert.equal(versionWords(index, e, m), naiveVersionWords(index, e, m), `${e} by m`);
    }
  });

  it('lookupDocs gives the distinct documents of lookup() in order, or null past the limit (built, reopened, a document deleted)', () => {
    const built = ReferenceIndex.build(docs(11, 60));
    const reopenedIndex = reopened(built);
    const deleted = ReferenceIndex.build(docs(11, 60));
    deleted.remove(['d5', 'd17']);
    let nulls = 0;
    let lists = 0;
    for (const index of [built, reopenedIndex, deleted]) {
      const r = rng(3);
      for (let q = 0; q < 400; q++) {
        const terms = Int32Array.from(words(r, 3, 4 + (q % 10)), (w) => index.terms.lookup(w));
        for (const max of [0, 1, 3, 30]) {
          const want = naiveDocs(index, terms, 0, max);
          assert.deepEqual(index.lookupDocs(terms, 0, max), want, `${[...terms]} max ${max}`);
          if (want === null) nulls++;
          else if (want.length > 1) lists++;
        }
      }
    }
    assert.ok(nulls > 50 && lists > 50, `${nulls} over the limit, ${lists} lists`);
  });

  it('refSentenceRanges of a reopened index equals the splitter, over-long sentences (cut by analyse) included', () => {
    const r = rng(5);
    const texts = [
      words(r, 400).join(' '), // one sentence of 400 words: analyse() cuts it
      words(r, MAX_SENTENCE_WORDS).join(' ') + '. ' + words(r, 20).join(' ') + '.', // exactly the longest
      words(r, MAX_SENTENCE_WORDS + 1).join(' ') + '. Then ' + words(r, 9).join(' ') + '.',
      'Short one. ' + words(r, 30).join(' ') + '.\n\nA new paragraph, said the board. ' + words(r, 12).join(' '),
      // paragraphs with and without a cut sentence, before and after it
      ['First. ' + words(r, 20).join(' ') + '.', 'Then ' + words(r, 320).join(' ') + '. And more ' + words(r, 8).join(' ') + '.', 'Last one. ' + words(r, 5).join(' ') + '.', words(r, 160).join(' ')].join('\n\n'),
      ...docs(13, 8).map((d) => d.text),
    ];
    const built = ReferenceIndex.build(texts.map((text, d) => ({ id: `t${d}`, path: `t${d}.txt`, text, meta: {} })));
    // the ranges from the record's bytes, and from a record decoded just before
    for (const decoded of [false, true]) {
      const index = reopened(built);
      for (let num = 0; num < index.docs.length; num++) {
        const d = index.docs[num]!;
        if (decoded) assert.ok(storedRecord(index, num));
        assert.deepEqual([...refSentenceRanges(index, num)], [...sentenceRanges(d.text, d.tokens.starts, d.tokens.ends)], `document ${num}`);
      }
    }
  });

  it("referenceQuoteView finds the quotes the document's text model finds, from the record's paragraphs, without making the model", () => {
    const r = rng(8);
    const w = (n: number) => words(r, n).join(' ');
    const texts = [
      `"${w(6)}," the board said.\n\n"${w(9)}.\n\n"${w(7)}," she said. ${w(5)}.`, // a quote over paragraphs
      `${w(8)} 'a ${w(3)}' and ''${w(4)},'' said one.\n\n'${w(5)}.\n\n'${w(6)}.' ${w(4)}.`,
      `“${w(5)}”\n\n${w(12)}. He said “${w(6)}\n\n${w(4)}.”`, // left open at a paragraph end
      `<p>"${w(5)}," said the <b>harbour</b> master.</p>\n\n<p>${w(9)}.</p>`, // markup: not the index's tokens
      ...docs(21, 6).map((d, k) => (k % 2 ? d.text.replace(/\. /g, '."\n\n"') : d.text)),
    ];
    const built = ReferenceIndex.build(texts.map((text, d) => ({ id: `q${d}`, path: `q${d}.${d === 3 ? 'html' : 'txt'}`, text, meta: {} })));
    for (const index of [built, reopened(built)]) {
      for (let num = 0; num < index.docs.length; num++) {
        const view = referenceQuoteView(index, num);
        assert.equal(view.text, index.docs[num]!.text);
        assert.deepEqual(findQuotes(view), findQuotes(referenceTextModel(index, num)), `document ${num}`);
      }
    }
    // a reopened index's record with the index's tokens holds the paragraphs: no model is made for them
    const index = reopened(built);
    const plain = texts.map((_, num) => num).filter((num) => num !== 3);
    for (const num of plain) assert.ok(!('tokens' in referenceQuoteView(index, num)), `document ${num}`);
    assert.ok(findQuotes(referenceQuoteView(index, 0)).length >= 2);
  });
});
