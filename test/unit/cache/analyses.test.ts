import { strict as assert } from 'node:assert';
import { check } from '../../../src/core/engine';
import { bytesSource, CodecError, decodeIndex, encodeIndex, openIndexSource, PAGE_BYTES } from '../../../src/core/index-codec';
import { lexiconSignature, nameLexicon } from '../../../src/core/names/lexicon';
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
    assert.deepEqual(b.entries, a.entries);
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
    for (const name of ['names', 'namesLower']) {
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
