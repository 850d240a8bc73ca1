/** The term dictionary's word → id table is not read from an index file: it is made again from the stored hashes. */
import { strict as assert } from 'node:assert';
import { bytesSource, encodeIndex, openIndexSource } from '../../../src/core/index-codec';
import { HEADER_BYTES } from '../../../src/core/index-format';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { termHash, Terms } from '../../../src/core/terms';

/** invented words, enough to grow the table a few times */
function words(n: number): string[] {
  const out: string[] = [];
  let x = 7;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(`${'kestrelharbourferry'.slice(x % 7, (x % 7) + 2 + (x % 9))}${i.toString(36)}`);
  }
  return out;
}

describe('term table made from the stored hashes', () => {
  const ws = words(6000);
  const built = new Terms();
  for (const w of ws) built.intern(w);
  const { hashes, slots } = built.table();
  const parts = { words: built.words.slice(), stems: [], stemOf: ws.map(() => 0), stop: ws.map(() => 0), df: ws.map(() => 1), hashes: hashes.slice() };

  it('finds every word, and no other, as the table built word by word does', () => {
    const restored = Terms.restore({ ...parts, tableSize: slots.length / 4 });
    ws.forEach((w, id) => assert.equal(restored.lookup(w), id));
    for (const w of ['gull', 'pier', `${ws[3]}x`]) assert.equal(restored.lookup(w), built.lookup(w));
  });

  it('is the table the dictionary stores (same size and slots), whatever order it was grown in', () => {
    const restored = Terms.restore({ ...parts, tableSize: slots.length / 4 });
    assert.deepEqual(restored.table().slots, slots);
    assert.deepEqual(restored.table().hashes, hashes);
  });

  it("gives each term's hash without making the table (hashOf), built and restored", () => {
    const restored = Terms.restore({ ...parts, tableSize: slots.length / 4 });
    ws.forEach((w, id) => {
      assert.equal(built.hashOf(id), termHash(w));
      assert.equal(restored.hashOf(id), hashes[id]);
    });
  });
});

describe('opening an index file', () => {
  it('reads none of the stored word → id table, and finds every term', () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, path: `r${i}.txt`, meta: {}, text: `${words(300).slice(i * 10, i * 10 + 200).join(' ')}.` }));
    const fresh = ReferenceIndex.build(docs);
    const bytes = encodeIndex(fresh);
    // where the table is: the directory (JSON) is at the payload offset its first word gives
    const head = new DataView(bytes.buffer, bytes.byteOffset + HEADER_BYTES, 8);
    const dirAt = HEADER_BYTES + head.getUint32(0, true);
    const dir = JSON.parse(new TextDecoder().decode(bytes.subarray(dirAt, dirAt + head.getUint32(4, true)))) as { arrays: { name: string; offset: number; length: number }[] };
    const table = dir.arrays.find((a) => a.name === 'termSlots')!;
    const from = HEADER_BYTES + table.offset;
    const to = from + table.length * 4;
    const inner = bytesSource(bytes);
    const reads: [number, number][] = [];
    const { index } = openIndexSource({ size: inner.size, read: (at, into) => (reads.push([at, at + into.length]), inner.read(at, into)), close: () => undefined });
    // pages wholly inside the table (its first and last may hold neighbouring arrays too)
    const PAGE = 4096;
    const inside = (x: number) => x >= Math.ceil(from / PAGE) * PAGE + PAGE && x < Math.floor(to / PAGE) * PAGE - PAGE;
    assert.ok(to - from > 4 * PAGE, 'a table of several pages');
    for (const [a, b] of reads) for (let x = a; x < b; x += PAGE) assert.ok(!inside(x), `read ${a}–${b}, inside the table ${from}–${to}`);
    fresh.terms.words.forEach((w, id) => assert.equal(index.terms.lookup(w), id));
  });
});
