/**
 * A least-recently-used cache of values derived from reference documents, per index: one instance
 * per kind of value (a document's sentence ranges, its analysis, its attributions). Entries are
 * keyed by document number and checked against the document object, so a document that has been
 * replaced (merged away into a tombstone) is never served a stale value.
 */
import type { IndexedDoc, ReferenceIndex } from './reference-index';

export class DocCache<T> {
  private readonly byIndex = new WeakMap<ReferenceIndex, Map<number, { doc: IndexedDoc; value: T }>>();

  constructor(private readonly maxDocs: number) {}

  /** The value for document `num` of `index`, made on a miss; a hit becomes the most recent entry. */
  get(index: ReferenceIndex, num: number, make: () => T): T {
    let cache = this.byIndex.get(index);
    if (!cache) this.byIndex.set(index, (cache = new Map()));
    const doc = index.docs[num]!;
    const hit = cache.get(num);
    cache.delete(num);
    if (hit && hit.doc === doc) {
      cache.set(num, hit);
      return hit.value;
    }
    const value = make();
    cache.set(num, { doc, value });
    if (cache.size > this.maxDocs) cache.delete(cache.keys().next().value!);
    return value;
  }

  /** The cached value, if any, without making it or changing its recency. */
  peek(index: ReferenceIndex, num: number): T | undefined {
    const hit = this.byIndex.get(index)?.get(num);
    return hit && hit.doc === index.docs[num] ? hit.value : undefined;
  }
}
