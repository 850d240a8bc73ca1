/**
 * wink-nlp (with wink-eng-lite-web-model) as the attribution code's sentence tagger, for comparison
 * with compromise: `npm run bench -- tagger` and `npm run eval -- attribution|names --tagger=wink`.
 * wink is not a dependency of the project (docs/PERFORMANCE.md, "Tagger: compromise vs wink-nlp"):
 * `npm install --no-save wink-nlp wink-eng-lite-web-model` first.
 */
import type { Pos, TokenTag } from '../../src/core/attribution/tagger';
import type { TextModel } from '../../src/core/text';

/** The part of wink-nlp used here. */
interface WinkNlp {
  readDoc(text: string): {
    tokens(): { out(f: unknown): unknown[] };
    entities(): { out(f: unknown): unknown[] };
  };
  its: { value: unknown; pos: unknown; detail: unknown };
}

let loaded: WinkNlp | undefined;

/** wink-nlp with its lite English model, loaded on first use (throws when it is not installed). */
export function wink(): WinkNlp {
  if (!loaded) {
    // names in variables: the bundler leaves these requires to run time, so builds do not need wink
    const lib = ['wink-nlp', 'wink-eng-lite-web-model'];
    /* eslint-disable @typescript-eslint/no-require-imports */
    const winkNLP = require(lib[0]!) as (model: unknown) => WinkNlp;
    const model = require(lib[1]!) as unknown;
    /* eslint-enable @typescript-eslint/no-require-imports */
    loaded = winkNLP(model);
  }
  return loaded;
}

/** wink's Universal Dependencies tags in tagger.ts's coarse classes. */
const UD: Record<string, Pos> = {
  PROPN: 'PROPN', NOUN: 'NOUN', PRON: 'PRON', ADJ: 'ADJ', DET: 'DET', VERB: 'VERB', AUX: 'VERB', ADV: 'ADV',
  PART: 'ADV', ADP: 'PREP', CCONJ: 'CONJ', SCONJ: 'CONJ', NUM: 'VAL',
};
const DAY_WORDS = /^\p{Lu}|^(?:today|yesterday|tomorrow|tonight)$/u;

/**
 * Tags of sentence `s` from wink-nlp. Its lite model has no person or organisation entities: a run
 * of two or more proper nouns is taken for a person, as the fast tagger does; past and gerund come
 * from the word's ending. A capitalised word inside the sentence is a proper noun, as with compromise.
 */
export function winkSentenceTags(model: TextModel, s: number): TokenTag[] {
  const nlp = wink();
  const sent = model.sentences[s]!;
  const str = model.text.slice(sent.start, sent.end);
  const doc = nlp.readDoc(str);
  const values = doc.tokens().out(nlp.its.value) as string[];
  const pos = doc.tokens().out(nlp.its.pos) as string[];
  // wink keeps each token's text as written: place them in the sentence in order
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const v of values) {
    const i = str.indexOf(v, at);
    starts.push(i < 0 ? at : i);
    ends.push(i < 0 ? at : i + v.length);
    if (i >= 0) at = i + v.length;
  }
  const dates: [number, number][] = [];
  let dat = 0;
  for (const e of doc.entities().out(nlp.its.detail) as { value: string; type: string }[]) {
    const i = str.indexOf(e.value, dat);
    if (i < 0) continue;
    dat = i + e.value.length;
    if (e.type === 'DATE') dates.push([i, i + e.value.length]);
  }
  const out: TokenTag[] = [];
  let j = 0;
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
    const tok = model.tokens[k]!;
    const rel = tok.start - sent.start;
    while (j < values.length && ends[j]! <= rel) j++;
    const ud = j < values.length && starts[j]! <= rel + 1 ? pos[j]! : 'X';
    // compromise, which the attribution rules were tuned on, calls "to" a conjunction and "not" neither
    let p: Pos = ud === 'PART' ? (tok.norm === 'to' ? 'CONJ' : tok.norm === 'not' || tok.norm.endsWith("n't") ? 'X' : 'ADV') : UD[ud] ?? 'X';
    if (dates.some(([a, b]) => rel >= a && rel < b) && DAY_WORDS.test(tok.text)) p = 'DATE';
    else if (p !== 'PRON' && p !== 'PROPN' && k !== sent.tokenStart && /^\p{Lu}/u.test(tok.text)) p = 'PROPN';
    out.push({ pos: p, person: false, org: false, past: /ed$/.test(tok.norm), gerund: /ing$/.test(tok.norm) });
  }
  for (let k = 0; k < out.length; k++) {
    if (out[k]!.pos !== 'PROPN') continue;
    let e = k;
    while (e + 1 < out.length && out[e + 1]!.pos === 'PROPN') e++;
    if (e > k) for (let i = k; i <= e; i++) out[i]!.person = true;
    k = e;
  }
  return out;
}
