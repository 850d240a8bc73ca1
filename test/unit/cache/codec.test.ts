import { strict as assert } from 'node:assert';
import { check } from '../../../src/core/engine';
import { CodecError, decodeIndex, encodeIndex, readHeader } from '../../../src/core/index-codec';
import { MERGE_POLICY, ReferenceIndex } from '../../../src/core/reference-index';
import { articleFrom, referenceSet } from './helpers';

function sameIndex(a: ReferenceIndex, b: ReferenceIndex): void {
  assert.deepEqual(b.stats(), a.stats());
  assert.deepEqual(b.terms.words, a.terms.words);
  assert.deepEqual(b.terms.stemOf, a.terms.stemOf);
  assert.deepEqual(b.terms.stop, a.terms.stop);
  assert.deepEqual(b.terms.df, a.terms.df);
  assert.equal(b.docs.length, a.docs.length);
  a.docs.forEach((d, i) => {
    const e = b.docs[i]!;
    assert.equal(e.id, d.id);
    assert.equal(e.deleted, d.deleted);
    if (d.deleted) return;
    assert.equal(e.text, d.text);
    assert.deepEqual(e.meta, d.meta);
    assert.deepEqual([...e.tokens.starts], [...d.tokens.starts]);
    assert.deepEqual([...e.tokens.terms], [...d.tokens.terms]);
    assert.deepEqual(e.lines, d.lines);
  });
  assert.deepEqual([...b.lineDocEntries()].sort(), [...a.lineDocEntries()].sort());
  for (const d of a.docs) for (const l of d.lines) assert.equal(b.lineDocFreq(l.hash), a.lineDocFreq(l.hash));
}

describe('index codec', () => {
  const refs = referenceSet(7, 40);

  it('round-trips an index: same documents, terms, postings and check() results', () => {
    const fresh = ReferenceIndex.build(refs);
    const bytes = encodeIndex(fresh, { note: 'kept' });
    const { index: loaded, extra } = decodeIndex(bytes);
    assert.deepEqual(extra, { note: 'kept' });
    sameIndex(fresh, loaded);
    for (let s = 1; s <= 2; s++) {
      const article = articleFrom(refs, s);
      const a = check(article, fresh);
      assert.ok(a.findings.some((f) => f.rule === 'copied-passage'), 'the article copies passages');
      assert.deepEqual(check(article, loaded), a);
    }
  });

  it('round-trips tombstones and several segments; the loaded index updates like the original', () => {
    const idx = ReferenceIndex.build(refs.slice(0, 20));
    idx.add(refs.slice(20, 30));
    idx.remove([refs[3]!.id]);
    const loaded = decodeIndex(encodeIndex(idx)).index;
    sameIndex(idx, loaded);
    assert.equal(loaded.segments.length, 2);
    assert.equal(loaded.tombstonedWords, idx.tombstonedWords);
    // the same updates on both give the same results
    for (const x of [idx, loaded]) {
      x.add(refs.slice(30));
      x.remove([refs[5]!.id, refs[25]!.id]);
    }
    sameIndex(idx, loaded);
    const article = articleFrom(refs, 11);
    assert.deepEqual(check(article, loaded), check(article, idx));
  });

  it('a merged/compacted index finds the same passages as a fresh build of the live documents', () => {
    const idx = ReferenceIndex.build(refs.slice(0, 10));
    for (let k = 10; k < 40; k += 3) idx.add(refs.slice(k, k + 3));
    assert.ok(idx.segments.length <= MERGE_POLICY.maxSegments, `segments merged (${idx.segments.length})`);
    idx.remove(refs.slice(0, 12).map((d) => d.id));
    assert.equal(idx.tombstonedWords, 0, 'tombstones above the threshold trigger compaction');
    assert.equal(idx.segments.length, 1);
    const fresh = ReferenceIndex.build(refs.slice(12));
    const norm = (r: ReturnType<typeof check>) => JSON.stringify([...r.findings].map((f) => JSON.stringify(f)).sort()) + r.originality;
    for (let s = 1; s <= 2; s++) {
      const article = articleFrom(refs.slice(12), s);
      assert.equal(norm(check(article, decodeIndex(encodeIndex(idx)).index)), norm(check(article, fresh)));
    }
  });

  it('rejects truncated, garbage, wrong-version and bit-flipped bytes with CodecError', () => {
    const bytes = encodeIndex(ReferenceIndex.build(refs.slice(0, 5)));
    const bad: [string, Uint8Array][] = [
      ['empty', new Uint8Array(0)],
      ['truncated header', bytes.slice(0, 20)],
      ['truncated payload', bytes.slice(0, bytes.length - 8)],
      ['garbage', Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 255)],
      ['padded', Uint8Array.from([...bytes, 0, 0, 0, 0, 0, 0, 0, 0])],
    ];
    const wrongVersion = bytes.slice();
    new DataView(wrongVersion.buffer).setUint32(8, 99, true);
    bad.push(['wrong version (header checksum no longer matches)', wrongVersion]);
    for (const at of [60, Math.floor(bytes.length / 2), bytes.length - 3]) {
      const flipped = bytes.slice();
      flipped[at]! ^= 0x10;
      bad.push([`bit flip at ${at}`, flipped]);
    }
    for (const [what, b] of bad) assert.throws(() => decodeIndex(b), CodecError, what);
    assert.equal(readHeader(bytes).version, 1);
  });

  it('decodes from an unaligned copy of the bytes', () => {
    const bytes = encodeIndex(ReferenceIndex.build(refs.slice(0, 5)));
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const { index } = decodeIndex(shifted.subarray(3));
    assert.equal(index.documentCount, 5);
  });

  it('an empty index round-trips', () => {
    const { index } = decodeIndex(encodeIndex(ReferenceIndex.build([])));
    assert.equal(index.documentCount, 0);
    assert.deepEqual(check('Some words of an article that matches nothing at all here.', index).findings.filter((f) => f.rule === 'copied-passage'), []);
  });
});
