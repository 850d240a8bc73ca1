import { strict as assert } from 'node:assert';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { tokenize } from '../../../src/core/text';
import type { ReferenceDoc } from '../../../src/core/types';
import { checkWithBackend, LocalBackend, shingles, type ArticleQuery, type BackendStats, type Candidate, type ReferenceBackend } from '../../../src/node/backend';
import { articleFrom, referenceSet } from '../cache/helpers';

/** A stand-in for a search engine: an inverted index of word 3-shingles, no Copydesk index inside. */
class ShingleStore implements ReferenceBackend {
  readonly kind = 'remote' as const;
  private readonly docs = new Map<string, ReferenceDoc>();
  private readonly postings = new Map<string, Set<string>>();
  fetched = 0;

  async stats(): Promise<BackendStats> {
    let words = 0;
    for (const d of this.docs.values()) words += tokenize(d.text).length;
    return { documents: this.docs.size, words };
  }
  async candidates(q: ArticleQuery, limit: number): Promise<Candidate[]> {
    const score = new Map<string, number>();
    for (const s of new Set(shingles(q.words))) for (const id of this.postings.get(s) ?? []) score.set(id, (score.get(id) ?? 0) + 1);
    return [...score].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([id, score]) => ({ id, score }));
  }
  async fetch(ids: string[]): Promise<ReferenceDoc[]> {
    this.fetched += ids.length;
    return ids.map((id) => this.docs.get(id)!).filter(Boolean);
  }
  async upsert(docs: ReferenceDoc[]): Promise<void> {
    await this.remove(docs.map((d) => d.id));
    for (const d of docs) {
      this.docs.set(d.id, d);
      for (const s of shingles(tokenize(d.text).map((t) => t.norm))) {
        let set = this.postings.get(s);
        if (!set) this.postings.set(s, (set = new Set()));
        set.add(d.id);
      }
    }
  }
  async remove(ids: string[]): Promise<void> {
    for (const id of ids) {
      if (!this.docs.delete(id)) continue;
      for (const set of this.postings.values()) set.delete(id);
    }
  }
}

const key = (r: { findings: { rule: string; start: number; end: number; match?: string; source?: { id: string } }[] }) =>
  r.findings
    .filter((f) => f.rule === 'copied-passage')
    .map((f) => `${f.start}-${f.end}:${f.match}:${f.source?.id}`)
    .sort();

describe('index backends', function () {
  this.timeout(60_000);
  const refs = referenceSet(31, 40);

  it('a remote (candidate-retrieval) backend finds the same copied passages as the local index', async () => {
    const local = new LocalBackend(ReferenceIndex.build(refs));
    const remote = new ShingleStore();
    await remote.upsert(refs);
    assert.deepEqual(await remote.stats(), await local.stats());
    for (const seed of [1, 2]) {
      const article = articleFrom(refs, seed);
      const a = await checkWithBackend(article, local);
      const b = await checkWithBackend(article, remote, {}, { candidates: 10 });
      assert.ok(key(a).length > 0);
      // exact copying is found the same way; paraphrase-level passages depend on which documents the
      // sentence stage compares (the remote backend's candidates), so only their presence is compared
      const exact = (k: string[]) => k.filter((x) => !x.includes(':paraphrase:'));
      assert.deepEqual(exact(key(b)), exact(key(a)));
      assert.equal(key(b).length, key(a).length);
      assert.ok(b.candidates.length <= 10 && b.candidates.length > 0);
    }
    assert.ok(remote.fetched < refs.length * 2, 'only candidates are fetched');
  });

  it('the local backend ranks the copied documents first and supports upsert/remove', async () => {
    const local = new LocalBackend(ReferenceIndex.build(refs.slice(0, 30)));
    const article = refs[3]!.text;
    const top = await local.candidates({ text: article, words: tokenize(article).map((t) => t.norm) }, 3);
    assert.equal(top[0]!.id, refs[3]!.id);
    await local.remove([refs[3]!.id]);
    const after = await local.candidates({ text: article, words: tokenize(article).map((t) => t.norm) }, 3);
    assert.ok(!after.some((c) => c.id === refs[3]!.id));
    await local.upsert(refs.slice(30));
    assert.equal((await local.stats()).documents, 39);
    assert.equal((await local.fetch([refs[35]!.id]))[0]!.text, refs[35]!.text);
  });
});
