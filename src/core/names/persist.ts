/**
 * The name lexicon persisted with the index (index-codec.ts): computed once when the index is
 * written, read back on first use instead of scanning every reference text again.
 *
 * Stored as two arrays: `names`, UTF-8 JSON of the entries (reference documents by number, not id),
 * and `namesLower`, the lower-case counts per term id. The directory records the lexicon signature
 * (the documents it was computed from) and a probe: the lexicon this code computes for a fixed text.
 * A stored lexicon is used only when both still match, so a change to the name rules' evidence
 * (another helper's tuning) makes old files recompute rather than serve stale evidence.
 */
import { ReferenceIndex } from '../reference-index';
import { lexiconSignature, NameLexicon, nameLexicon, type NameEntry, type StoredLexicon } from './lexicon';

type Row = [key: string, form: string, docs: number, count: number, mid: number, lower: number, name: 0 | 1, skeleton: string, sources: number[], neighbours: (string | number)[]];

export interface EncodedNames {
  json: Uint8Array;
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
  const json = new TextEncoder().encode(JSON.stringify(rows(lex.entries, (id) => nums.get(id) ?? -1)));
  return { json, lower: Uint32Array.from(lex.lowerByTerm), signature: lexiconSignature(index), probe: lexiconProbe() };
}

/** The stored lexicon back from its arrays; throws on a malformed one (the caller reports a damaged file). */
export function decodeNames(index: ReferenceIndex, json: Uint8Array, lower: Uint32Array): StoredLexicon {
  const data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)) as Row[];
  if (!Array.isArray(data)) throw new Error('not a list');
  const entries: NameEntry[] = data.map((r) => {
    const neighbours = new Map<string, number>();
    for (let i = 0; i + 1 < r[9].length; i += 2) neighbours.set(r[9][i] as string, r[9][i + 1] as number);
    return {
      key: r[0],
      form: r[1],
      docs: r[2],
      count: r[3],
      mid: r[4],
      lower: r[5],
      name: r[6] === 1,
      skeleton: r[7],
      sources: r[8].map((n) => {
        const d = index.docs[n];
        if (!d) throw new Error(`document ${n} out of range`);
        return d.id;
      }),
      neighbours,
    };
  });
  return { entries, lowerByTerm: lower };
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
