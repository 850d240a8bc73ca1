import { strict as assert } from 'node:assert';
import { check } from '../../../src/core/engine';
import { bytesSource, CodecError, decodeIndex, encodeIndex, openIndexSource, PAGE_BYTES } from '../../../src/core/index-codec';
import { lexiconSignature, nameLexicon, type NameEntry } from '../../../src/core/names/lexicon';
import { decodeNames, encodeNames } from '../../../src/core/names/persist';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { ReferenceDoc } from '../../../src/core/types';
import { arrayRange, referenceSet } from './helpers';

/** Invented reference documents full of names (so that the persisted lexicon spans several pages). */
function namedSet(docs: number): ReferenceDoc[] {
  const first = ['Ilse', 'Tomasz', 'Ngozi', 'Ruairi', 'Hanne', 'Marta', 'Idris', 'Oskar', 'Leocadia', 'Brannagh'];
  const last = ['Varnholt', 'Wierzbicki', 'Okonkwo', 'Keane', 'Solberg', 'Kovalenko', 'Baptiste', 'Lindqvist', 'Ferreira', 'Ashdown'];
  const out: ReferenceDoc[] = [];
  for (let d = 0; d < docs; d++) {
    const s: string[] = [];
    for (let k = 0; k < 12; k++) {
      const f = first[(d + k) % first.length]!;
      const l = `${last[(d * 3 + k) % last.length]!}${d % 7 === 0 ? '' : String.fromCharCode(97 + (d % 26))}${k % 3 ? '' : 'son'}`;
      s.push(`The council heard from ${f} ${l} of Port ${l}ford on Tuesday, and ${l} said the harbour vote ${k} would go ahead.`);
    }
    out.push({ id: `named-${d}.txt`, path: `named-${d}.txt`, text: s.join(' '), meta: {} });
  }
  return out;
}


describe('reference analyses persisted with the index', () => {
  const refs = [...referenceSet(3, 30), ...namedSet(120)];
  const article =
    'The council heard from Ilse Varnhollt of Port Varnholtford on Tuesday. Ilse Varnhollt said the harbour vote would go ahead, ' +
    'and Tomasz Wierzbicki agreed with Ngozi Okonkow.';

  it('round-trips the name lexicon: the opened index reads it from the file, and checks give the same findings', () => {
    const fresh = ReferenceIndex.build(refs);
    const bytes = encodeIndex(fresh);
    const { index: loaded } = decodeIndex(bytes);
    const read = loaded.analyses.get('names');
    assert.ok(read, 'the file holds a name lexicon');
    const stored = read(lexiconSignature(loaded)) as { entries: unknown[]; lowerByTerm: Uint32Array } | undefined;
    assert.ok(stored && stored.entries.length > 100, 'and it applies to the opened documents');
    const a = nameLexicon(fresh).stored();
    const b = nameLexicon(loaded).stored();
    // entries read from the file build their sources and neighbours when first read: compare as plain records
    const plain = (es: NameEntry[]) => es.map((e) => ({ key: e.key, form: e.form, docs: e.docs, count: e.count, mid: e.mid, lower: e.lower, name: e.name, skeleton: e.skeleton, sources: [...e.sources], neighbours: [...e.neighbours] }));
    assert.deepEqual(plain(b.entries), plain(a.entries));
    assert.deepEqual([...b.lowerByTerm], [...a.lowerByTerm]);
    const want = check(article, fresh);
    assert.ok(want.findings.some((f) => f.rule === 'name-spelling'), 'the article misspells a reference name');
    assert.deepEqual(check(article, loaded), want);
    // re-encoding the opened index gives the same bytes
    assert.deepEqual(encodeIndex(loaded), bytes);
  });

  it('a stored lexicon is not used for other documents (the index changed since it was written)', () => {
    const { index: loaded } = decodeIndex(encodeIndex(ReferenceIndex.build(refs)));
    assert.equal(loaded.analyses.get('names')!('another-signature'), undefined);
  });

  it('a damaged lexicon page throws CodecError on first use (the caller rebuilds), never gives wrong findings', () => {
    const bytes = encodeIndex(ReferenceIndex.build(refs));
    for (const name of ['names', 'namesText', 'namesStrAt', 'namesSources', 'namesNeighbours', 'namesLower']) {
      const [from, to] = arrayRange(bytes, name);
      assert.ok(to - from > PAGE_BYTES, `${name} spans more than a page (${to - from} bytes)`);
      const bad = bytes.slice();
      bad[Math.floor((from + to) / 2)]! ^= 0x20;
      const told: string[] = [];
      const { index } = openIndexSource(bytesSource(bad), { onCorrupt: (m) => told.push(m) });
      assert.throws(() => check(article, index), CodecError, name);
      assert.ok(told.some((m) => /checksum mismatch/.test(m)), `${name}: onCorrupt told (${told.join('; ')})`);
    }
  });
});

describe('name lexicon encoding (names/persist.ts)', () => {
  const index = ReferenceIndex.build(namedSet(20));

  it('decodes entries whose sources and neighbours, built on first read, are the computed ones', () => {
    const want = nameLexicon(index).stored().entries;
    const got = decodeNames(index, encodeNames(index)).entries;
    assert.equal(got.length, want.length);
    assert.ok(want.some((e) => e.neighbours.size > 0) && want.some((e) => e.sources.length > 1), 'the invented lexicon has neighbours and sources');
    got.forEach((e, k) => {
      const w = want[k]!;
      assert.deepEqual([e.key, e.form, e.docs, e.count, e.mid, e.lower, e.name, e.skeleton], [w.key, w.form, w.docs, w.count, w.mid, w.lower, w.name, w.skeleton]);
      assert.deepEqual(e.sources, w.sources);
      assert.deepEqual([...e.neighbours], [...w.neighbours]);
    });
  });

  it('rejects, when decoding, a table whose numbers point outside it (never later, when an entry is read)', () => {
    const enc = encodeNames(index);
    const cases: [string, (e: typeof enc) => void, RegExp][] = [
      ['document number', (e) => (e.sources[0] = index.docs.length), /document \d+ out of range/],
      ['neighbour string', (e) => (e.neighbours[0] = e.strAt.length + 5), /out of range/],
      ['string table', (e) => (e.strAt[e.strAt.length - 1] = e.strAt[e.strAt.length - 1]! + 1), /string table/],
      ['row string', (e) => (e.rows[1] = e.strAt.length), /entry 0 malformed/],
      ['row ends', (e) => (e.rows[8] = e.sources.length + 1), /out of order|do not cover/],
    ];
    for (const [what, damage, message] of cases) {
      const bad = { ...enc, strAt: enc.strAt.slice(), rows: enc.rows.slice(), sources: enc.sources.slice(), neighbours: enc.neighbours.slice() };
      damage(bad);
      assert.throws(() => decodeNames(index, bad), message, what);
    }
  });
});
