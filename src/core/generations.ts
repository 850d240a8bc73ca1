/**
 * A bounded memo in two generations: entries go into the young map; when it is full it becomes the
 * old one (the previous old one dropped) and an entry found only in the old map moves back to the
 * young. Unlike a Map trimmed by deleting its first key on every insert, nothing is deleted one by
 * one, so a lookup never walks past the holes such deletes leave at the front of a Map.
 */
export class Generations<V, K = string> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  constructor(private readonly half: number) {}

  get(k: K): V | undefined {
    const v = this.young.get(k);
    if (v !== undefined) return v;
    const o = this.old.get(k);
    if (o !== undefined) this.set(k, o);
    return o;
  }

  set(k: K, v: V): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(k, v);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
