/**
 * The name lexicon persisted with the index (index-codec.ts): computed once when the index is
 * written, read back on first use instead of scanning every reference text again.
 *
 * Stored as typed arrays (EncodedNames: a string table, a row of numbers per entry, reference documents
 * by number, not id) and `namesLower`, the lower-case counts per term id. The directory records the lexicon signature
 * (the documents it was computed from) and a probe: the lexicon this code computes for a fixed text.
 * A stored lexicon is used only when both still match, so a change to the name rules' evidence
 * (another helper's tuning) makes old files recompute rather than serve stale evidence.
 */
import { ReferenceIndex } from '../reference-index';
import { lexiconSignature, NameLexicon, nameLexicon, type NameEntry, type StoredLexicon } from './lexicon';

type Row = [key: string, form: string, docs: number, count: number, mid: number, lower: number, name: 0 | 1, skeleton: string, sources: number[], neighbours: (string | number)[]];

/** u32 columns a row of `rows`: string ids of key, form and skeleton, docs, count, mid, lower, name (0/1), end of its sources, end of its neighbour pairs */
const COLS = 10;

/**
 * The lexicon as typed arrays: `text`, the UTF-8 of every distinct string (keys, forms, skeletons,
 * neighbour keys) one after another, string s being text[strAt[s] .. strAt[s + 1]) in UTF-16 units of
 * the decoded text; `rows`, COLS u32 an entry; `sources`, document numbers; `neighbours`, pairs
 * (string id, count). Entry k's sources are sources[end of k − 1 .. end of k), likewise its pairs.
 */
export interface EncodedNames {
  text: Uint8Array;
  strAt: Uint32Array;
  rows: Uint32Array;
  sources: Uint32Array;
  neighbours: Uint32Array;
  lower: Uint32Array;
  signature: string;
  probe: number;
}

function rows(entries: Iterable<NameEntry>, num: (id: string) => number): Row[] {
  const out: Row[] = [];
  for (const e of entries) {
    const nb: (string | number)[] = [];
    for (const [k, n] of e.neighbours) nb.push(k, n);
    out.push([e.key, e.form, e.docs, e.count, e.mid, e.lower, e.name ? 1 : 0, e.skeleton, e.sources.map(num), nb]);
  }
  return out;
}

function liveNumbers(index: ReferenceIndex): Map<string, number> {
  const m = new Map<string, number>();
  index.docs.forEach((d, k) => {
    if (!d.deleted && !m.has(d.id)) m.set(d.id, k);
  });
  return m;
}

/** The lexicon of `index` (computed now if it is not yet), encoded for the index file. */
export function encodeNames(index: ReferenceIndex): EncodedNames {
  const lex = nameLexicon(index).stored();
  const nums = liveNumbers(index);
  const ids = new Map<string, number>();
  const strings: string[] = [];
  const sid = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = strings.length;
      ids.set(s, id);
      strings.push(s);
    }
    return id;
  };
  const cols = new Uint32Array(lex.entries.length * COLS);
  const sources: number[] = [];
  const neighbours: number[] = [];
  lex.entries.forEach((e, k) => {
    const at = k * COLS;
    cols[at] = sid(e.key);
    cols[at + 1] = sid(e.form);
    cols[at + 2] = sid(e.skeleton);
    cols[at + 3] = e.docs;
    cols[at + 4] = e.count;
    cols[at + 5] = e.mid;
    cols[at + 6] = e.lower;
    cols[at + 7] = e.name ? 1 : 0;
    // a document no longer live is stored as an impossible number: decoding rejects it
    for (const id of e.sources) sources.push(nums.get(id) ?? 0xffffffff);
    cols[at + 8] = sources.length;
    for (const [nk, c] of e.neighbours) neighbours.push(sid(nk), c);
    cols[at + 9] = neighbours.length;
  });
  const strAt = new Uint32Array(strings.length + 1);
  for (let s = 0; s < strings.length; s++) strAt[s + 1] = strAt[s]! + strings[s]!.length;
  return {
    text: new TextEncoder().encode(strings.join('')),
    strAt,
    rows: cols,
    sources: Uint32Array.from(sources),
    neighbours: Uint32Array.from(neighbours),
    lower: Uint32Array.from(lex.lowerByTerm),
    signature: lexiconSignature(index),
    probe: lexiconProbe(),
  };
}

/** What a stored entry's lazily built fields are read from. */
interface Columns {
  strings: string[];
  rows: Uint32Array;
  sources: Uint32Array;
  neighbours: Uint32Array;
  /** document ids by number, as when decoded */
  docIds: string[];
}

/**
 * A lexicon entry read from the file. Its sources and neighbours are built when first read: a check
 * reads them for the few names it compares against, and building them for every entry at open cost
 * more than the rest of the decoding.
 */
class StoredEntry implements NameEntry {
  key: string;
  form: string;
  docs: number;
  count: number;
  mid: number;
  lower: number;
  name: boolean;
  skeleton: string;
  private src?: string[];
  private nb?: Map<string, number>;

  constructor(
    private readonly cols: Columns,
    private readonly row: number,
  ) {
    const r = cols.rows;
    const at = row * COLS;
    this.key = cols.strings[r[at]!]!;
    this.form = cols.strings[r[at + 1]!]!;
    this.skeleton = cols.strings[r[at + 2]!]!;
    this.docs = r[at + 3]!;
    this.count = r[at + 4]!;
    this.mid = r[at + 5]!;
    this.lower = r[at + 6]!;
    this.name = r[at + 7] === 1;
  }

  get sources(): string[] {
    if (!this.src) {
      const { rows: r, sources, docIds } = this.cols;
      const to = r[this.row * COLS + 8]!;
      const from = this.row === 0 ? 0 : r[this.row * COLS - COLS + 8]!;
      const out: string[] = [];
      for (let i = from; i < to; i++) out.push(docIds[sources[i]!]!);
      this.src = out;
    }
    return this.src;
  }

  set sources(v: string[]) {
    this.src = v;
  }

  get neighbours(): Map<string, number> {
    if (!this.nb) {
      const { rows: r, neighbours, strings } = this.cols;
      const to = r[this.row * COLS + 9]!;
      const from = this.row === 0 ? 0 : r[this.row * COLS - COLS + 9]!;
      const out = new Map<string, number>();
      for (let i = from; i < to; i += 2) out.set(strings[neighbours[i]!]!, neighbours[i + 1]!);
      this.nb = out;
    }
    return this.nb;
  }

  set neighbours(v: Map<string, number>) {
    this.nb = v;
  }
}

/**
 * The stored lexicon back from its arrays; throws on a malformed one (the caller reports a damaged
 * file). Every string id, document number and range is checked here, so the entries' lazily built
 * fields cannot fail later.
 */
export function decodeNames(index: ReferenceIndex, enc: Omit<EncodedNames, 'signature' | 'probe'>): StoredLexicon {
  const { strAt, rows: r, sources, neighbours } = enc;
  const text = new TextDecoder('utf-8', { fatal: true }).decode(enc.text);
  const ns = strAt.length - 1;
  if (ns < 0 || strAt[0] !== 0 || strAt[ns] !== text.length) throw new Error('string table does not match its text');
  const strings: string[] = new Array(ns);
  for (let s = 0; s < ns; s++) {
    if (strAt[s + 1]! < strAt[s]!) throw new Error(`string ${s} out of order`);
    strings[s] = text.slice(strAt[s]!, strAt[s + 1]!);
  }
  if (r.length % COLS !== 0) throw new Error('partial row');
  const n = r.length / COLS;
  const docs = index.docs;
  for (let i = 0; i < sources.length; i++) if (sources[i]! >= docs.length) throw new Error(`document ${sources[i]} out of range`);
  if (neighbours.length % 2 !== 0) throw new Error('partial neighbour pair');
  for (let i = 0; i < neighbours.length; i += 2) if (neighbours[i]! >= ns) throw new Error(`string ${neighbours[i]} out of range`);
  let src = 0;
  let nb = 0;
  for (let k = 0; k < n; k++) {
    const at = k * COLS;
    if (r[at]! >= ns || r[at + 1]! >= ns || r[at + 2]! >= ns || r[at + 7]! > 1) throw new Error(`entry ${k} malformed`);
    if (r[at + 8]! < src || r[at + 9]! < nb) throw new Error(`entry ${k} out of order`);
    src = r[at + 8]!;
    nb = r[at + 9]!;
  }
  if (src !== sources.length || nb !== neighbours.length) throw new Error('rows do not cover the sources and neighbours');
  const docIds: string[] = new Array(docs.length);
  for (let k = 0; k < docs.length; k++) docIds[k] = docs[k]!.id;
  const cols: Columns = { strings, rows: r, sources, neighbours, docIds };
  const entries: NameEntry[] = new Array(n);
  for (let k = 0; k < n; k++) entries[k] = new StoredEntry(cols, k);
  return { entries, lowerByTerm: enc.lower };
}

let probe: number | undefined;

/** A checksum of the lexicon this code learns from a fixed invented text (names in several company and cases). */
export function lexiconProbe(): number {
  if (probe !== undefined) return probe;
  const text =
    'Mayor Ilse Varnholt of Kestrel Bay said on Monday the MacPherson plan would go ahead. Varnholt told ' +
    'reporters that McPherson and Dr Oyelaran-Smith disagreed. "We will see," said Varnholt\'s deputy, Ana ' +
    'Kowalska. The council and the Harbour Board met. HARBOUR BOARD CHAIR RESIGNS\n\nbay workers struck. ' +
    'The Quay Caf&eacute; Tarrant reopened.';
  const index = ReferenceIndex.build([
    { id: 'p1', path: 'p1', text, meta: {} },
    { id: 'p2', path: 'p2', text: text.replace(/Varnholt/g, 'Varnholdt'), meta: {} },
  ]);
  const json = JSON.stringify(rows(new NameLexicon(index).stored().entries, (id) => (id === 'p1' ? 0 : 1)));
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
  probe = h >>> 0;
  return probe;
}
