import { strict as assert } from 'node:assert';
import { check } from '../../../src/core/engine';
import { proseView } from '../../../src/core/prose';
import { bytesSource, CodecError, decodeIndex, encodeIndex, INDEX_FORMAT_VERSION, openIndexSource, PAGE_BYTES, readHeader, type ByteSource } from '../../../src/core/index-codec';
import { MERGE_POLICY, ReferenceIndex } from '../../../src/core/reference-index';
import { align, articleTerms, DEFAULT_ALIGN, ngramSeeds } from '../../../src/core/align';
import { analyse } from '../../../src/core/text';
import { articleFrom, arrayRange, referenceSet } from './helpers';

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
    assert.equal(readHeader(bytes).version, INDEX_FORMAT_VERSION);
  });

  /** a source over bytes that counts what is read */
  function countingSource(bytes: Uint8Array): ByteSource & { read_: number; closed: boolean } {
    const inner = bytesSource(bytes);
    const src = {
      size: inner.size,
      read_: 0,
      closed: false,
      read(offset: number, into: Uint8Array) {
        src.read_ += into.length;
        inner.read(offset, into);
      },
      close() {
        src.closed = true;
      },
    };
    return src;
  }


  it('opened lazily through positioned reads, it reads part of the file, gives the same results, and re-encodes to the same bytes', () => {
    const big = referenceSet(5, 400);
    const fresh = ReferenceIndex.build(big);
    const bytes = encodeIndex(fresh, { note: 'kept' });
    const src = countingSource(bytes);
    const { index: lazy, extra } = openIndexSource(src);
    assert.deepEqual(extra, { note: 'kept' });
    assert.ok(src.read_ < bytes.length / 2, `opening read ${src.read_} of ${bytes.length} bytes`);
    const article = articleFrom(big, 3);
    const a = check(article, fresh);
    assert.ok(a.findings.some((f) => f.rule === 'copied-passage'), 'the article copies passages');
    assert.deepEqual(check(article, lazy), a);
    assert.ok(!src.closed, 'not everything read yet');
    sameIndex(fresh, lazy);
    // everything, then the same bytes again (materialize() is called by encodeIndex)
    assert.deepEqual(encodeIndex(lazy, { note: 'kept' }), bytes);
    assert.ok(src.closed, 'the source is closed once every page is read');
    assert.ok(src.read_ <= bytes.length, 'no page read twice');
  });

  it('a lazily opened index reads ahead what the seed look-ups need: the look-ups then read nothing, and find what the built index finds', () => {
    const big = referenceSet(5, 400);
    const fresh = ReferenceIndex.build(big);
    const bytes = encodeIndex(fresh);
    const article = analyse(articleFrom(big, 3));
    const terms = articleTerms(article, fresh);
    const o = DEFAULT_ALIGN;
    const src = countingSource(bytes);
    let calls = 0;
    const read = src.read;
    src.read = (offset, into) => {
      calls++;
      read(offset, into);
    };
    const { index: lazy } = openIndexSource(src);
    const [opened, openCalls] = [src.read_, calls];
    lazy.prefetchNgrams(terms, 0, terms.length, o.maxSeedHits, o.maxSeedDocs);
    assert.ok(src.read_ > opened, 'postings and term ids read ahead');
    const [ahead, aheadCalls] = [src.read_, calls];
    const hitsA: number[] = [];
    const hitsB: number[] = [];
    for (let i = 0; i + 3 <= terms.length; i++) {
      if (terms[i]! < 0 || terms[i + 1]! < 0 || terms[i + 2]! < 0) continue;
      const a = fresh.lookupLimited(terms, i, o.maxSeedHits, o.maxSeedDocs, hitsA);
      const b = lazy.lookupLimited(terms, i, o.maxSeedHits, o.maxSeedDocs, hitsB);
      assert.equal(b, a);
      assert.deepEqual(hitsB, hitsA);
    }
    assert.equal(src.read_, ahead, 'the look-ups read nothing more');
    assert.ok(aheadCalls - openCalls < 40, `read ahead in ${aheadCalls - openCalls} reads`);
    // through the aligner (which reads ahead itself) on a fresh lazy open: the same seeds and passages
    const again = openIndexSource(bytesSource(bytes)).index;
    assert.deepEqual(ngramSeeds(terms, again, o), ngramSeeds(terms, fresh, o));
    assert.deepEqual(align(article, openIndexSource(bytesSource(bytes)).index), align(article, fresh));
  });

  it('a lazily opened index updates like the original (add, remove, compact)', () => {
    const big = referenceSet(6, 200);
    const idx = ReferenceIndex.build(big.slice(0, 150));
    const lazy = openIndexSource(bytesSource(encodeIndex(idx))).index;
    for (const x of [idx, lazy]) {
      x.remove(big.slice(0, 60).map((d) => d.id)); // over the tombstone share: compacts
      x.add(big.slice(150));
    }
    sameIndex(idx, lazy);
    const article = articleFrom(big.slice(60), 2);
    assert.deepEqual(check(article, lazy), check(article, idx));
  });

  it('a corrupt page read on first use throws CodecError (and tells onCorrupt), never gives wrong results', () => {
    const big = referenceSet(5, 400);
    const fresh = ReferenceIndex.build(big);
    const bytes = encodeIndex(fresh);
    const article = articleFrom(big, 3);
    for (const name of ['seg0.postDoc', 'seg0.postPos', 'seg0.offsets', 'tokTerms', 'tokStarts', 'tokEnds', 'texts']) {
      const [from, to] = arrayRange(bytes, name);
      assert.ok(to - from > 2 * PAGE_BYTES, `${name} spans several pages`);
      const bad = bytes.slice();
      bad[Math.floor((from + to) / 2)]! ^= 0x20;
      const told: string[] = [];
      const { index } = openIndexSource(bytesSource(bad), { onCorrupt: (m) => told.push(m) });
      // the flipped page may or may not be used by one check; every document and posting is, by materialize()
      let result: ReturnType<typeof check> | undefined;
      try {
        result = check(article, index);
      } catch (e) {
        assert.ok(e instanceof CodecError, `${name}: ${(e as Error).message}`);
      }
      if (result) assert.deepEqual(result, check(article, fresh), `${name}: a result is the right one`);
      assert.throws(() => {
        index.materialize();
        for (const d of index.docs) void d.text;
      }, CodecError, name);
      assert.ok(told.length >= 1 && /checksum mismatch/.test(told[0]!), `${name}: onCorrupt told (${told.join('; ')})`);
    }
  });

  it('a corrupt directory, term list or page table is found at open, before anything is used', () => {
    const bytes = encodeIndex(ReferenceIndex.build(referenceSet(5, 400)));
    const targets: [string, number][] = [
      ['termWords', Math.floor((arrayRange(bytes, 'termWords')[0] + arrayRange(bytes, 'termWords')[1]) / 2)],
      ['lineKeys', arrayRange(bytes, 'lineKeys')[0] + 4],
      ['directory', bytes.length - Math.ceil((bytes.length - 40) / (PAGE_BYTES + 4)) * 4 - 100],
      ['page table', bytes.length - 2],
    ];
    for (const [what, at] of targets) {
      const bad = bytes.slice();
      bad[at]! ^= 0x01;
      assert.throws(() => openIndexSource(bytesSource(bad)), CodecError, what);
    }
  });

  it('keeps each document\'s matchText (the prose view) beside the texts, read on first use, not in the directory', () => {
    const docs = referenceSet(8, 30).map((d, i) => {
      const text = `${d.text}\nSee [the full report](https://port.example/report-${i}) <b>here</b>.`;
      return { ...d, text, matchText: proseView(text, 'markdown') };
    });
    assert.ok(docs.every((d) => d.matchText !== d.text && d.matchText.length === d.text.length));
    const idx = ReferenceIndex.build(docs);
    const bytes = encodeIndex(idx);
    const dir = new TextDecoder().decode(bytes.subarray(40 + new DataView(bytes.buffer).getUint32(40, true)));
    assert.ok(!dir.includes('port.example/report-'), 'no text in the directory');
    for (const restored of [decodeIndex(bytes).index, openIndexSource(bytesSource(bytes)).index]) {
      restored.docs.forEach((d, i) => {
        assert.equal(d.matchText, docs[i]!.matchText);
        assert.equal(d.text, docs[i]!.text);
      });
      const article = articleFrom(docs, 2);
      assert.deepEqual(check(article, restored), check(article, idx));
    }
    // a document without one has none
    const plain = decodeIndex(encodeIndex(ReferenceIndex.build(referenceSet(8, 3)))).index;
    assert.ok(plain.docs.every((d) => !('matchText' in d)));
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
