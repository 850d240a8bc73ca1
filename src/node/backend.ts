/**
 * Index backends: where the reference documents that an article is aligned against come from.
 *
 * The local backend is the in-process ReferenceIndex (built or loaded from the cache); it answers
 * everything itself. A search-engine backend (OpenSearch/Elasticsearch with a shingle or MinHash
 * field, see docs/SCALE.md) cannot run Copydesk's aligner, so it does the one thing it is good at —
 * candidate retrieval over millions of documents — and Copydesk aligns the article against the
 * few candidates it returns: `checkWithBackend` fetches them, indexes them in memory and runs the
 * ordinary check(). Both kinds implement ReferenceBackend, so the CLI and the language server can
 * take either.
 */
import { check } from '../core/engine';
import { ReferenceIndex } from '../core/reference-index';
import { SEED_N } from '../core/segment';
import type { Settings } from '../core/settings';
import { tokenize } from '../core/text';
import type { CheckResult, ReferenceDoc } from '../core/types';

export interface BackendStats {
  documents: number;
  words: number;
}

/** What a backend is asked with: the article's normalised words (and its text, for engines that re-analyse). */
export interface ArticleQuery {
  text: string;
  /** normalised word tokens (text.ts's norm), in order */
  words: string[];
}

export interface Candidate {
  id: string;
  /** evidence: shared shingles (or estimated Jaccard × 1000 for MinHash); higher is better */
  score: number;
}

/** Global statistics a remote backend should supply so that idf and boilerplate match a local index. */
export interface CorpusStats {
  documents: number;
  /** documents containing each normalised word */
  df(word: string): number;
}

export interface ReferenceBackend {
  readonly kind: 'local' | 'remote';
  stats(): Promise<BackendStats>;
  /** the best `limit` candidate documents for the article (documents sharing word SEED_N-shingles) */
  candidates(q: ArticleQuery, limit: number): Promise<Candidate[]>;
  /** the documents themselves (text and metadata), for alignment and hovers */
  fetch(ids: string[]): Promise<ReferenceDoc[]>;
  /** add or replace documents; remove by id */
  upsert(docs: ReferenceDoc[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** a local backend's whole index: check() can run on it directly, no candidate step */
  localIndex?(): ReferenceIndex;
}

/** Word SEED_N-shingles of normalised words, joined by spaces: the terms a shingle field indexes. */
export function shingles(words: string[], n = SEED_N): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

export function articleQuery(text: string): ArticleQuery {
  return { text, words: tokenize(text).map((t) => t.norm) };
}

/** The in-process index as a backend. */
export class LocalBackend implements ReferenceBackend {
  readonly kind = 'local' as const;
  constructor(readonly index: ReferenceIndex) {}

  async stats(): Promise<BackendStats> {
    return { documents: this.index.documentCount, words: this.index.wordCount };
  }

  async candidates(q: ArticleQuery, limit: number): Promise<Candidate[]> {
    const terms = Int32Array.from(q.words, (w) => this.index.terms.lookup(w));
    const score = new Map<number, number>();
    for (let i = 0; i + SEED_N <= terms.length; i++) {
      let known = true;
      for (let k = 0; k < SEED_N; k++) if (terms[i + k]! < 0) known = false;
      if (!known) continue;
      const seen = new Set<number>();
      this.index.lookup(terms, i, (doc) => {
        if (seen.has(doc)) return;
        seen.add(doc);
        score.set(doc, (score.get(doc) ?? 0) + 1);
      });
    }
    return [...score.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([doc, s]) => ({ id: this.index.docs[doc]!.id, score: s }));
  }

  async fetch(ids: string[]): Promise<ReferenceDoc[]> {
    const out: ReferenceDoc[] = [];
    for (const id of ids) {
      const d = this.index.byId(id);
      if (d) out.push({ id: d.id, path: d.path, text: d.text, meta: d.meta });
    }
    return out;
  }

  async upsert(docs: ReferenceDoc[]): Promise<void> {
    this.index.add(docs);
  }

  async remove(ids: string[]): Promise<void> {
    this.index.remove(ids);
  }

  localIndex(): ReferenceIndex {
    return this.index;
  }
}

export interface BackendCheckOptions {
  /** candidates fetched from a remote backend (default 20) */
  candidates?: number;
}

/**
 * check() against any backend: a local one directly; a remote one by aligning against its top
 * candidates, indexed in memory for this check. (Term statistics then come from the candidates:
 * the paraphrase-level idf weights are approximate; exact-copy findings are unaffected.)
 */
export async function checkWithBackend(
  text: string,
  backend: ReferenceBackend,
  settings: Partial<Settings> = {},
  opts: BackendCheckOptions = {},
): Promise<CheckResult & { candidates: Candidate[] }> {
  const local = backend.localIndex?.();
  if (local) return { ...check(text, local, settings), candidates: [] };
  const cands = await backend.candidates(articleQuery(text), opts.candidates ?? 20);
  const docs = await backend.fetch(cands.map((c) => c.id));
  return { ...check(text, ReferenceIndex.build(docs), settings), candidates: cands };
}
