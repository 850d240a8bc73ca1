// Seeded fuzzing of the text layer every edge shares (proseView, LineIndex) and of the engine on
// what the edges actually pass it (proseView of hostile markdown/HTML), plus reference sets of 0,
// 1 and 10,000 files. `npm run fuzz` runs the engine properties on a million inputs.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../../src/core/engine';
import { LineIndex } from '../../../src/core/positions';
import { proseView } from '../../../src/core/prose';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { articleAndRefs, articleAndRefsFull, hostileText, longLine, markupText } from '../../fuzz/generators';
import { checkProperties, lineIndexProperties, proseProperties } from '../../fuzz/properties';

// COPYDESK_FUZZ_RUNS=50000 runs the two text-layer properties longer (docs/RELIABILITY.md)
const RUNS = Number(process.env.COPYDESK_FUZZ_RUNS) || 2000;

describe('robustness: text layer fuzz (seeded)', function () {
  // hundreds of full checks: a few seconds on a quiet machine, many times that on a loaded one
  this.timeout(180_000);
  it('proseView keeps length and line breaks for hostile markdown/HTML/plain text (2,000 inputs)', () => {
    fc.assert(fc.property(fc.oneof(markupText(150), hostileText(150)), (t) => proseProperties(t, proseView)), { seed: 101, numRuns: RUNS });
  });

  it('proseView on the known-nasty cases', () => {
    const nasty = [
      '', '\r', '\r\n', '\n\r', '---', '---\n', '---\r\ntitle: x\r\n---\r\nbody', '```\nunclosed', '<script>never closed',
      '&#x1F600;&#xD83D;&#0;&#1114112;&#99999999999;', '&amp'.repeat(1000), '<'.repeat(5000), '['.repeat(3000) + ']('.repeat(3000),
      '<!--'.repeat(2000), '\ud83d'.repeat(100) + '\ude00', 'a\u2028b\u2029c', '\u0000'.repeat(64),
    ];
    for (const t of nasty) proseProperties(t, proseView);
  });

  it('LineIndex: offset → position → offset round trip on mixed CR/LF/CRLF, astral and U+2028 (2,000 inputs)', () => {
    fc.assert(fc.property(fc.oneof(markupText(100), hostileText(100)), (t) => lineIndexProperties(t, LineIndex)), { seed: 202, numRuns: RUNS });
    for (const t of ['', '\r', '\n', '\r\n', '\r\r\n\n', 'a\rb\nc\r\nd', '\ud83d\ude00\r\n\ud83d', 'x\u2028y\u2029z']) lineIndexProperties(t, LineIndex);
  });

  it('LineIndex on a 100,000-character line and 50,000 empty lines', () => {
    lineIndexProperties('word '.repeat(20_000), LineIndex);
    const many = '\r\n\n\r'.repeat(12_500);
    const li = new LineIndex(many);
    assert.equal(li.lineCount, 37_501);
    assert.equal(li.offset(li.position(many.length)), many.length);
  });

  it('the engine keeps its properties on proseView of hostile markdown and HTML (300 inputs)', () => {
    fc.assert(
      fc.property(markupText(120), fc.array(markupText(80), { maxLength: 3 }), fc.constantFrom('markdown', 'html', 'plaintext'), (a, refs, lang) => {
        checkProperties(proseView(a, lang), refs.map((r) => proseView(r, lang)));
      }),
      { seed: 303, numRuns: 300 },
    );
  });

  it('unbalanced and nested quotes, empty and whitespace-only texts', () => {
    const quotes = ['“', '”', '"', '‘', '’', "'", '«', '»', '„'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...quotes), fc.constantFrom('He said ', 'the mayor ', 'strike ', ', ', '. ', '\n')), { maxLength: 80 }), (parts) => {
        const t = parts.join('');
        checkProperties(t, [t.replace(/[“”"]/g, ''), 'The mayor said the strike would end.']);
      }),
      { seed: 404, numRuns: 300 },
    );
    for (const t of ['', ' ', '\t\t', '\n\n\n', '\r\r', '\u00a0\u200b\ufeff', '““““““““', '”'.repeat(500), '"'.repeat(501)]) checkProperties(t, [t]);
  });

  it('a 100,000-character line against a reference that shares it', () => {
    fc.assert(fc.property(longLine, (line) => void checkProperties(line, [line.slice(20_000, 40_000)])), { seed: 505, numRuns: 2 });
  });

  it('full-size articles that reuse reference passages: rules fire on nearly every input (100 inputs)', () => {
    let withFindings = 0;
    fc.assert(
      fc.property(articleAndRefsFull, ({ article, refs }) => {
        if (checkProperties(article, refs).findings.length) withFindings++;
      }),
      { seed: 707, numRuns: 100 },
    );
    assert.ok(withFindings >= 80, `${withFindings} of 100 inputs had findings: the generator must exercise the rules`);
  });

  it('articleAndRefs with a second seed (the unit fuzz uses 20261122)', () => {
    fc.assert(fc.property(articleAndRefs, ({ article, refs }) => void checkProperties(article, refs)), { seed: 606, numRuns: 200 });
  });
});

describe('robustness: reference sets of 0, 1 and 10,000 files', function () {
  this.timeout(300_000);
  const article =
    'The harbour board said on Tuesday that the northern slipway would close for repairs. ' +
    'Story 4242: the ferry union said talks on the winter timetable would resume on Friday, officials said.';

  it('0 and 1 files', () => {
    const none = checkProperties(article, []);
    assert.equal(none.findings.filter((f) => f.source).length, 0);
    assert.equal(none.originality, 1);
    const one = checkProperties(article, [article]);
    assert.ok(one.findings.some((f) => f.rule === 'copied-passage'), 'the copy of the only reference is found');
  });

  it('10,000 files: spans valid, the one copied source found among them', () => {
    const rng = fc.sample(fc.array(fc.constantFrom('harbour', 'board', 'ferry', 'union', 'winter', 'slipway', 'repairs', 'council', 'said', 'the', 'on', 'talks', 'crews'), { minLength: 8, maxLength: 40 }), { seed: 7, numRuns: 10_000 });
    const docs = rng.map((ws, k) => ({ id: `r${String(k).padStart(5, '0')}.txt`, path: `/refs/r${k}.txt`, text: `Story ${k}: ${ws.join(' ')}.`, meta: {} }));
    docs[4242]!.text = 'Story 4242: the ferry union said talks on the winter timetable would resume on Friday, officials said.';
    const index = ReferenceIndex.build(docs);
    assert.equal(index.documentCount, 10_000);
    const r = check(article, index);
    for (const f of r.findings) {
      assert.ok(0 <= f.start && f.start <= f.end && f.end <= article.length);
      assert.equal(f.text, article.slice(f.start, f.end));
      if (f.source) {
        const d = docs.find((x) => x.id === f.source!.id)!;
        assert.equal(f.source.text, d.text.slice(f.source.start, f.source.end));
      }
    }
    const copied = r.findings.filter((f) => f.rule === 'copied-passage');
    assert.ok(copied.some((f) => f.source?.id === 'r04242.txt'), JSON.stringify(copied.map((f) => f.source?.id)));
  });
});
