import { strict as assert } from 'node:assert';
import { align } from '../../../src/core/align';
import { decodeIndex, encodeIndex } from '../../../src/core/index-codec';
import { HEAVY_NGRAM, ReferenceIndex, docTokens, lineRanges, Terms } from '../../../src/core/reference-index';
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
