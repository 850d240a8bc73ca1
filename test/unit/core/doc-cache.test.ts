import { strict as assert } from 'node:assert';
import { DocCache } from '../../../src/core/doc-cache';
import { ReferenceIndex } from '../../../src/core/reference-index';

const docs = ['Ferry crews walked out on Thursday.', 'The council met on Friday.', 'Pupils missed two days of lessons.'].map((text, k) => ({ id: `d${k}.txt`, path: `d${k}.txt`, text, meta: {} }));

describe('DocCache (per-index LRU of per-document values)', () => {
  it('makes a value once, evicts the least recently used, keeps indexes apart', () => {
    const index = ReferenceIndex.build(docs);
    const other = ReferenceIndex.build(docs);
    const cache = new DocCache<string>(2);
    let made = 0;
    const get = (idx: ReferenceIndex, n: number) => cache.get(idx, n, () => `${++made}:${n}`);
    assert.equal(get(index, 0), '1:0');
    assert.equal(get(index, 0), '1:0');
    assert.equal(get(index, 1), '2:1');
    assert.equal(get(index, 0), '1:0'); // 0 is now the most recent
    assert.equal(get(index, 2), '3:2'); // evicts 1
    assert.equal(cache.peek(index, 1), undefined);
    assert.equal(cache.peek(index, 0), '1:0');
    assert.equal(get(other, 0), '4:0');
  });

  it('peek does not make a value or change recency', () => {
    const index = ReferenceIndex.build(docs);
    const cache = new DocCache<number>(2);
    cache.get(index, 0, () => 10);
    cache.get(index, 1, () => 11);
    assert.equal(cache.peek(index, 0), 10); // 0 stays the least recent
    cache.get(index, 2, () => 12);
    assert.equal(cache.peek(index, 0), undefined);
    assert.equal(cache.peek(index, 2), 12);
  });

  it('does not serve a value made for a document that has since been replaced', () => {
    const index = ReferenceIndex.build(docs);
    const cache = new DocCache<string>(8);
    cache.get(index, 1, () => 'old');
    (index.docs as unknown[])[1] = { ...index.docs[1]! };
    assert.equal(cache.peek(index, 1), undefined);
    assert.equal(cache.get(index, 1, () => 'new'), 'new');
  });
});
