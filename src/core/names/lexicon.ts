/**
 * The name lexicon learned from a reference set: every capitalised spelling with the documents and
 * occurrences that support it, how often it stands capitalised mid-sentence (evidence of a name) or
 * in lower case (evidence of an ordinary word), and its capitalised neighbours and titles (context:
 * "Volodymyr" before "Zelensky", "President" before "Putin").
 *
 * Cost: one pass over each document's token arrays. Lower-case tokens only bump a counter per term
 * id; capitalised tokens (≈10–15% of news text) are sliced and classified. Per-document results are
 * cached by document object, the merged lexicon by index (invalidated when documents are added or
 * removed), so repeated checks against the same index are cheap and adding a document rescans only it.
 */
import type { IndexedDoc, ReferenceIndex } from '../reference-index';
import { isStopWord } from '../stopwords';
import { adjacent, caseClass, nameKey, touchesCharacterReference } from './evidence';
import { NearNameIndex } from './near-index';
import { foldDiacritics, skeleton } from './similarity';
import { isCalendarWord, isOrdinaryWord, TITLES } from './words';

/** Most neighbours kept per spelling (context only needs the frequent ones). */
export const MAX_NEIGHBOURS = 12;

export interface NameEntry {
  /** lower-case spelling, possessive dropped, diacritics kept */
  key: string;
  /** the most frequent capitalised form as written (Vovchansk, McDonald) */
  form: string;
  /** live reference documents that contain it capitalised */
  docs: number;
  /** capitalised occurrences (incl. all-caps) */
  count: number;
  /** capitalised where position does not explain it */
  mid: number;
  /** lower-case occurrences of the same (folded) word */
  lower: number;
  /** judged a proper name */
  name: boolean;
  /** transliteration skeleton of key */
  skeleton: string;
  /** up to 5 ids of documents that contain it */
  sources: string[];
  /** capitalised neighbour words and titles (lower-case keys) → count */
  neighbours: Map<string, number>;
}

interface DocEntry {
  /** the first capitalised form seen, and how often; other forms (rare) in `forms` */
  form: string;
  formCount: number;
  forms?: Map<string, number>;
  count: number;
  mid: number;
  /** capitalised neighbours, with repeats (capped) */
  neighbours?: string[];
}

type DocNames = Map<string, DocEntry>;

const docCache = new WeakMap<IndexedDoc, DocNames>();

function bump(m: Map<string, number>, k: string, n = 1): void {
  if (m.size >= MAX_NEIGHBOURS && !m.has(k)) return;
  m.set(k, (m.get(k) ?? 0) + n);
}

function addNeighbour(d: DocEntry, k: string): void {
  if (!d.neighbours) d.neighbours = [k];
  else if (d.neighbours.length < 4 * MAX_NEIGHBOURS) d.neighbours.push(k);
}

/** Capitalised tokens of one document, aggregated by spelling. */
export function scanDocument(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>): DocNames {
  const out: DocNames = new Map();
  const n = starts.length;
  let prev: DocEntry | undefined;
  let prevKey = '';
  let prevEnd = -1;
  for (let i = 0; i < n; i++) {
    const s = starts[i]!;
    const e = ends[i]!;
    const c = text.charCodeAt(s);
    // fast path: ASCII lower case or digit
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      prev = undefined;
      continue;
    }
    const cls = caseClass(text, s, e);
    // part of a word written with a character reference (Poincar&eacute;) is no spelling of its own
    if (cls === 'lower' || cls === 'other' || touchesCharacterReference(text, s, e)) {
      prev = undefined;
      continue;
    }
    const surface = text.slice(s, e);
    const key = nameKey(surface);
    let d = out.get(key);
    if (!d) out.set(key, (d = { form: '', formCount: 0, count: 0, mid: 0 }));
    d.count++;
    if (cls === 'mid') d.mid++;
    if (cls !== 'caps') {
      const form = surface.length === key.length ? surface : surface.slice(0, key.length);
      if (d.formCount === 0 || d.form === form) {
        d.form = form;
        d.formCount++;
      } else {
        d.forms ??= new Map();
        d.forms.set(form, (d.forms.get(form) ?? 0) + 1);
      }
    }
    if (prev && adjacent(text, prevEnd, s)) {
      if (isContextWord(prevKey)) addNeighbour(d, prevKey);
      if (isContextWord(key)) addNeighbour(prev, key);
    }
    prev = d;
    prevKey = key;
    prevEnd = e;
  }
  return out;
}

/** A neighbour that says something about who or what a name is: not a function word (The, And), but titles count. */
export function isContextWord(key: string): boolean {
  const k = foldDiacritics(key);
  return TITLES.has(k) || (!isStopWord(k) && !isCalendarWord(k) && !/^\d/.test(k));
}

function docNames(d: IndexedDoc): DocNames {
  let names = docCache.get(d);
  if (!names) {
    names = scanDocument(d.text, d.tokens.starts, d.tokens.ends);
    docCache.set(d, names);
  }
  return names;
}

export class NameLexicon {
  readonly entries = new Map<string, NameEntry>();
  /** the near-miss index of the names, built when first asked for (nearIndex) */
  private near?: NearNameIndex;
  readonly documents: number;
  readonly words: number;
  private readonly lowerByTerm: Uint32Array;
  private readonly index: ReferenceIndex;

  constructor(index: ReferenceIndex, stored?: StoredLexicon) {
    const docs = index.liveDocuments();
    this.documents = docs.length;
    this.words = index.wordCount;
    this.index = index;
    if (stored) {
      // the lexicon as computed when the index was persisted (names/persist.ts)
      this.lowerByTerm = stored.lowerByTerm;
      for (const e of stored.entries) this.entries.set(e.key, e);
      return;
    }
    // lower-case occurrences per term id
    const terms = index.terms;
    const lowerByTerm = new Uint32Array(terms.words.length);
    this.lowerByTerm = lowerByTerm;
    for (const d of docs) {
      const { starts, terms: ids } = d.tokens;
      const text = d.text;
      for (let i = 0; i < starts.length; i++) {
        const c = text.charCodeAt(starts[i]!);
        if ((c >= 97 && c <= 122) || (c > 127 && /\p{Ll}/u.test(text[starts[i]!]!))) lowerByTerm[ids[i]!]!++;
      }
    }
    const forms = new Map<string, Map<string, number>>();
    for (const d of docs) {
      for (const [key, de] of docNames(d)) {
        let e = this.entries.get(key);
        if (!e) {
          e = {
            key,
            form: key,
            docs: 0,
            count: 0,
            mid: 0,
            lower: 0,
            name: false,
            skeleton: '',
            sources: [],
            neighbours: new Map(),
          };
          this.entries.set(key, e);
          forms.set(key, new Map());
        }
        e.docs++;
        e.count += de.count;
        e.mid += de.mid;
        if (e.sources.length < 5) e.sources.push(d.id);
        const fm = forms.get(key)!;
        if (de.formCount > 0) fm.set(de.form, (fm.get(de.form) ?? 0) + de.formCount);
        if (de.forms) for (const [f, c] of de.forms) fm.set(f, (fm.get(f) ?? 0) + c);
        if (de.neighbours) for (const k of de.neighbours) bump(e.neighbours, k);
      }
    }
    for (const e of this.entries.values()) {
      let best = '';
      let bestN = -1;
      for (const [f, c] of forms.get(e.key)!) {
        if (c > bestN || (c === bestN && f < best)) {
          best = f;
          bestN = c;
        }
      }
      // seen only in capitals (RSPCA, a headline word): keep the capitals
      e.form = best || e.key.toUpperCase();
      const tid = terms.lookup(foldDiacritics(e.key).replace(/[’ʼ]/g, "'"));
      e.lower = tid >= 0 ? lowerByTerm[tid]! : 0;
      e.name = judgeName(e);
      if (e.name) e.skeleton = skeleton(e.key);
    }
  }

  /** Every entry and the lower-case counts per term id, as persisted with the index (names/persist.ts). */
  stored(): StoredLexicon {
    return { entries: [...this.entries.values()], lowerByTerm: this.lowerByTerm };
  }

  get(key: string): NameEntry | undefined {
    return this.entries.get(key);
  }

  /** The names' near-miss index (near-index.ts), built on first use: most checks of a session ask it. */
  get nearIndex(): NearNameIndex {
    if (!this.near) this.near = new NearNameIndex([...this.entries.values()].filter((e) => e.name));
    return this.near;
  }

  /** Lower-case occurrences of a word (any case given) in the references. */
  lowerCount(word: string): number {
    const tid = this.index.terms.lookup(foldDiacritics(word).replace(/[’ʼ]/g, "'"));
    return tid >= 0 && tid < this.lowerByTerm.length ? this.lowerByTerm[tid]! : 0;
  }

  /** Number of name spellings. */
  get size(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.name) n++;
    return n;
  }
}

/** A spelling is a name when its capital is not explained by position and it is rarely lower case. */
function judgeName(e: NameEntry): boolean {
  const k = e.key;
  if (k.length < 2 || /\d/.test(k)) return false;
  if (isStopWord(foldDiacritics(k)) || isCalendarWord(k) || TITLES.has(k)) return false;
  if (e.mid > 0) return e.lower <= Math.floor(0.25 * e.mid);
  // only ever capitalised at sentence starts / in capitals: a name only if it is no ordinary word
  return e.lower === 0 && !isOrdinaryWord(k);
}

/** The lexicon's entries (in insertion order) and lower-case counts per term id. */
export interface StoredLexicon {
  entries: NameEntry[];
  lowerByTerm: Uint32Array;
}

const lexiconCache = new WeakMap<ReferenceIndex, { sig: string; lexicon: NameLexicon }>();

/** What the lexicon of an index depends on: its documents (a persisted lexicon is used only while this is unchanged). */
export function lexiconSignature(index: ReferenceIndex): string {
  return `${index.docs.length}:${index.documentCount}:${index.segments.length}:${index.wordCount}`;
}

/**
 * The name lexicon of an index, cached per index object and rebuilt when its documents change. An
 * index opened from a file that holds its lexicon (index.analyses 'names') reads it from there.
 */
export function nameLexicon(index: ReferenceIndex): NameLexicon {
  const sig = lexiconSignature(index);
  const hit = lexiconCache.get(index);
  if (hit && hit.sig === sig) return hit.lexicon;
  const stored = index.analyses.get('names')?.(sig) as StoredLexicon | undefined;
  const lexicon = new NameLexicon(index, stored);
  lexiconCache.set(index, { sig, lexicon });
  return lexicon;
}
