import { strict as assert } from 'node:assert';
import { align } from '../../../src/core/align';
import { docTokens } from '../../../src/core/doc-tokens';
import { decodeIndex, encodeIndex } from '../../../src/core/index-codec';
import { lineRanges } from '../../../src/core/line-counts';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { HEAVY_NGRAM, ngramHash, Segment } from '../../../src/core/segment';
import { Terms } from '../../../src/core/terms';
import { analyse, tokenize } from '../../../src/core/text';
import { articleFrom, referenceSet } from '../cache/helpers';

function hits(index: ReferenceIndex, text: string): number {
  const terms = Int32Array.from(tokenize(text), (t) => index.terms.lookup(t.norm));
  let n = 0;
  index.lookup(terms, 0, () => n++);
  return n;
}

describe('stop n-grams', () => {
  const refs = referenceSet(12, 20);
  const filler = Array.from({ length: HEAVY_NGRAM + 50 }, () => 'one of the').join(' ');
  const docs = [...refs, { id: 'filler.md', path: 'filler.md', text: `${filler} lone marker phrase here`, meta: {} }];

  it('an n-gram with more than HEAVY_NGRAM occurrences in a segment visits nothing; others are found', () => {
    const idx = ReferenceIndex.build(docs);
    assert.equal(idx.segments[0]!.heavy.length, 3, '"one of the", "of the one", "the one of"');
    assert.equal(hits(idx, 'one of the'), 0);
    assert.equal(hits(idx, 'lone marker phrase'), 1);
    const few = ReferenceIndex.build([{ id: 'a', path: 'a', text: Array.from({ length: 10 }, () => 'one of the').join(' '), meta: {} }]);
    assert.equal(hits(few, 'one of the'), 10);
  });

  it('a segment with tombstones is scanned: live hits count, as in a fresh build', () => {
    const rep = (n: number) => Array.from({ length: n }, () => 'alpha beta gamma').join(' ');
    const set = [...refs, { id: 'a', path: 'a', text: rep(150), meta: {} }, { id: 'b', path: 'b', text: rep(60), meta: {} }];
    const idx = ReferenceIndex.build(set);
    assert.equal(hits(idx, 'alpha beta gamma'), 0, 'heavy while all documents are live');
    idx.remove(['b']);
    assert.ok(idx.tombstonedWords > 0, 'not compacted yet');
    assert.equal(hits(idx, 'alpha beta gamma'), 150);
    assert.equal(hits(decodeIndex(encodeIndex(idx)).index, 'alpha beta gamma'), 150);
    assert.equal(hits(ReferenceIndex.build(set.filter((d) => d.id !== 'b')), 'alpha beta gamma'), 150);
  });

  it('survives the codec, and alignment is unchanged by it', () => {
    const idx = ReferenceIndex.build(docs);
    const loaded = decodeIndex(encodeIndex(idx)).index;
    assert.deepEqual([...loaded.segments[0]!.heavy], [...idx.segments[0]!.heavy]);
    assert.equal(hits(loaded, 'one of the'), 0);
    const article = `${articleFrom(refs, 2)}\n\nIt was one of the one of the days.`;
    assert.deepEqual(align(analyse(article), loaded), align(analyse(article), idx));
    assert.ok(align(analyse(article), idx).length > 0);
  });

  it('the fast tokeniser gives tokenize()’s words and offsets on tricky text', () => {
    const text = "O’Brien's 1,000.5 x3.5 don't 'quoted' Zoë's café—naïve ÅLAND 12,34 rock'n'roll dogs' end. 3.x";
    const terms = new Terms();
    const t = docTokens(text, terms);
    const ref = tokenize(text);
    assert.deepEqual([...t.starts], ref.map((x) => x.start));
    assert.deepEqual([...t.ends], ref.map((x) => x.end));
    assert.deepEqual([...t.terms].map((id) => terms.words[id]), ref.map((x) => x.norm));
  });

  it('the fast tokeniser equals tokenize() on random text over tricky characters, also with a restored dictionary', function () {
    this.timeout(30_000);
    // ASCII letters and digits, joiners (' ’ ʼ . ,), non-ASCII letters, marks and digits, surrogate
    // pairs (an astral letter, an emoji), punctuation that ends words (” — nbsp), white space
    const alphabet = ['a', 'B', 's', 'S', 'z', '0', '7', "'", '’', 'ʼ', '.', ',', 'é', 'Ø', 'ß', '\u0301', '٣', '²', '𝐀', '😀', '”', '—', '\u00a0', ' ', '\n', '-'];
    let seed = 12345;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const texts: string[] = [];
    for (let t = 0; t < 400; t++) {
      let s = '';
      const len = rand(80);
      for (let i = 0; i < len; i++) s += alphabet[rand(alphabet.length)];
      texts.push(s);
    }
    texts.push('x'.repeat(5000) + "'s " + '1,' + '2'.repeat(700) + ' The end’S');
    // numbers with separators either side of MAX_NUMBER characters (longer ones keep their commas)
    for (const extra of [0, 1, 2, 3]) {
      const num = '1,'.repeat(31) + '1'.repeat(1 + extra); // 63 … 66 characters
      texts.push(`a ${num} b ${num}'s c`);
    }
    // dense words through each path, each text with twice the words of the one before: the scratch
    // buffer grows mid-text on the joined path, then on the regex path, then on the plain path
    texts.push("I'd a ".repeat(20_000), 'é a '.repeat(40_000), 'a '.repeat(170_000), 'b c’s 1,000 Zoë '.repeat(6_000));
    const check = (terms: Terms) => {
      for (const text of texts) {
        const t = docTokens(text, terms);
        const ref = tokenize(text);
        const got = [...t.starts].map((s, i) => [s, t.ends[i], terms.words[t.terms[i]!]]);
        assert.deepEqual(got, ref.map((x) => [x.start, x.end, x.norm]), JSON.stringify(text));
        for (let i = 0; i < t.terms.length; i++) assert.equal(terms.lookup(terms.words[t.terms[i]!]!), t.terms[i]);
      }
    };
    const terms = new Terms();
    check(terms);
    const idx = ReferenceIndex.build([{ id: 'r.md', path: 'r.md', text: texts.slice(0, 200).join(' '), meta: {} }]);
    const restored = decodeIndex(encodeIndex(idx)).index;
    check(restored.terms);
    check(restored.terms);
  });

  it('Segment.build gives the same postings and stop n-grams with (document, position) packed or not', () => {
    const terms = new Terms();
    const toks = docs.map((d) => docTokens(d.text, terms));
    const ids = docs.map((_, i) => 3 * i + 1);
    const a = Segment.build(ids, toks);
    const b = Segment.build(ids, toks, 0);
    assert.ok(a.postDoc.length > 1000);
    assert.deepEqual([...a.offsets], [...b.offsets]);
    assert.deepEqual([...a.postDoc], [...b.postDoc]);
    assert.deepEqual([...a.postPos], [...b.postPos]);
    assert.deepEqual([...a.heavy], [...b.heavy]);
    assert.equal(a.heavy.length, 3);
    // postings in document then position order inside each bucket, each one pointing at its n-gram
    for (let bk = 0; bk + 1 < a.offsets.length; bk++) {
      for (let p = a.offsets[bk]!; p < a.offsets[bk + 1]!; p++) {
        const doc = a.postDoc[p]!;
        const pos = a.postPos[p]!;
        assert.equal(ngramHash(toks[(doc - 1) / 3]!.terms, pos) & a.mask, bk);
        if (p > a.offsets[bk]!) {
          const pd = a.postDoc[p - 1]!;
          assert.ok(pd < doc || (pd === doc && a.postPos[p - 1]! < pos));
        }
      }
    }
  });

  it('lines split at \\n, \\r and \\r\\n (once), as a regex split would', () => {
    const terms = new Terms();
    for (const text of ['a b\r\nc d\re f\n\ng h\r\r\n\ni', 'x', '', '\n\n\r', 'one two\nthree\r\n', 'w\n\rz']) {
      const toks = docTokens(text, terms);
      const want: [number, number][] = [];
      let t = 0;
      for (const line of text.split(/\r\n|\n|\r/)) {
        const n = tokenize(line).length;
        if (n >= 1 && n <= 40) want.push([t, t + n]);
        t += n;
      }
      assert.deepEqual(lineRanges(text, toks).map((l) => [l.from, l.to]), want, JSON.stringify(text));
    }
  });
});
