/**
 * Part-of-speech tags for the word tokens of one sentence, from compromise. compromise is slow
 * on long texts (about 5 ms a sentence), so it runs per sentence, only for the sentences that
 * need it (those with a cue, a quote or a pronoun source), and the result is cached per model.
 */
import { compromise } from '../lazy-nlp';
import type { TextModel, Token } from '../text';
import { CUE_MODIFIERS, CUE_VERBS, WEAK_CUES } from './cues';

export type Pos = 'PROPN' | 'NOUN' | 'PRON' | 'ADJ' | 'DET' | 'VERB' | 'ADV' | 'PREP' | 'CONJ' | 'VAL' | 'DATE' | 'X';

export interface TokenTag {
  pos: Pos;
  person: boolean;
  org: boolean;
  /** past participle or past tense (for passive detection) */
  past: boolean;
  gerund: boolean;
}

const cache = new WeakMap<TextModel, Map<number, TokenTag[]>>();

function posOf(tags: ReadonlySet<string>, word: string, first: boolean): Pos {
  const has = (t: string) => tags.has(t);
  if (has('Date') || has('WeekDay') || has('Month')) return 'DATE';
  if (has('Pronoun')) return 'PRON';
  if (has('ProperNoun') || has('Person') || has('Organization') || has('Place') || has('Acronym')) return 'PROPN';
  if (!first && /^\p{Lu}/u.test(word) && !has('Pronoun')) return 'PROPN';
  if (has('Determiner')) return 'DET';
  if (has('Value')) return 'VAL';
  if (has('Preposition')) return 'PREP';
  if (has('Conjunction')) return 'CONJ';
  if (has('Verb') || has('Copula') || has('Auxiliary') || has('Modal')) return 'VERB';
  if (has('Noun')) return 'NOUN';
  if (has('Adjective')) return 'ADJ';
  if (has('Adverb')) return 'ADV';
  return 'X';
}

/** A tagger of one sentence of a model, in place of compromise (another library, for comparison). */
export type SentenceTagger = (model: TextModel, s: number) => TokenTag[];
let override: SentenceTagger | undefined;

/**
 * Tag article sentences with `t` from now on, or with compromise again (undefined); the tags kept by
 * sentence text are dropped. Used by `npm run eval -- … --tagger=wink` (scripts/bench/wink-tagger.ts).
 */
export function setSentenceTagger(t: SentenceTagger | undefined): void {
  if (t !== override) bySentence.clear();
  override = t;
}

/** The tagger that replaces compromise (undefined: compromise itself). */
export function currentSentenceTagger(): SentenceTagger | undefined {
  return override;
}

const fastModels = new WeakSet<TextModel>();

/** Is this model tagged with the fast lexical tagger? */
export function isFast(model: TextModel): boolean {
  return fastModels.has(model);
}

/** Tag this model with the fast lexical tagger instead of compromise (reference documents: speed over finesse). */
export function useFastTagger(model: TextModel): void {
  fastModels.add(model);
}

const DET = new Set('the a an this that these those his her its their our my your some any each every no another'.split(' '));
const PRON = new Set('he she they it i we you him them us me who whom'.split(' '));
const PREP = new Set('of in on at for with by from to into about over after before under between during against without within through across since until upon via'.split(' '));
const CONJ = new Set('and or but nor yet so because although while though if unless whereas'.split(' '));
const DATES = new Set('monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow tonight'.split(' '));
const AUX = new Set('is was were are be been being has have had do does did will would can could should may might must am'.split(' '));

/** A lexical tag: small closed-class lists, cue verbs, suffixes and capitals. */
function fastTag(tok: Token, first: boolean): TokenTag {
  const n = tok.norm;
  // (character tests instead of regular expressions: every word of every reference goes through here)
  const c0 = tok.text.charCodeAt(0);
  const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : UPPER_START.test(tok.text);
  const d0 = n.charCodeAt(0);
  let pos: Pos;
  if (DATES.has(n) && (cap || n.startsWith('to') || n === 'yesterday')) pos = 'DATE';
  else if (PRON.has(n)) pos = 'PRON';
  else if (DET.has(n)) pos = 'DET';
  else if (PREP.has(n)) pos = 'PREP';
  else if (CONJ.has(n)) pos = 'CONJ';
  else if (d0 >= 48 && d0 <= 57) pos = 'VAL';
  else if (cap && !first) pos = 'PROPN';
  else if (AUX.has(n) || CUE_VERBS.has(n) || WEAK_CUES.has(n)) pos = first && cap ? 'PROPN' : 'VERB';
  else if (CUE_MODIFIERS.has(n) || (n.endsWith('ly') && n.length > 4)) pos = 'ADV';
  else if (cap) pos = 'PROPN';
  else pos = 'NOUN';
  return { pos, person: false, org: false, past: n.endsWith('ed'), gerund: n.endsWith('ing') };
}
const UPPER_START = /^\p{Lu}/u;

/** Tags of the tokens of sentence `s` (array index k ↔ model token sentence.tokenStart + k). */
export function sentenceTags(model: TextModel, s: number): TokenTag[] {
  let m = cache.get(model);
  if (!m) cache.set(model, (m = new Map()));
  const hit = m.get(s);
  if (hit) return hit;
  const sent = model.sentences[s]!;
  if (fastModels.has(model)) {
    const tags: TokenTag[] = [];
    for (let k = sent.tokenStart; k < sent.tokenEnd; k++) tags.push(fastTag(model.tokens[k]!, k === sent.tokenStart));
    // runs of two or more capitalised words are taken for names (pronoun resolution)
    for (let k = 0; k < tags.length; k++) {
      if (tags[k]!.pos !== 'PROPN') continue;
      let e = k;
      while (e + 1 < tags.length && tags[e + 1]!.pos === 'PROPN') e++;
      if (e > k) for (let i = k; i <= e; i++) tags[i]!.person = true;
      k = e;
    }
    m.set(s, tags);
    return tags;
  }
  const str = model.text.slice(sent.start, sent.end);
  const key = sentenceKey(model, s, str);
  const known = bySentence.get(key);
  if (known) {
    bySentence.delete(key);
    bySentence.set(key, known);
    m.set(s, known);
    return known;
  }
  const out = override ? override(model, s) : (tagSource?.(key, () => tagJob(model, s, key)) ?? compromiseTags(model, s, str));
  m.set(s, out);
  bySentence.set(key, out);
  if (bySentence.size > MAX_SENTENCES) bySentence.delete(bySentence.keys().next().value!);
  return out;
}

/**
 * compromise's tags are a function of the sentence's text and its tokens' places in it: the same
 * sentence in another check (an edit elsewhere in the article, another draft) is not tagged again.
 */
function sentenceKey(model: TextModel, s: number, str: string): string {
  const sent = model.sentences[s]!;
  let key = str;
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) key += `\u0000${model.tokens[k]!.start - sent.start}`;
  return key;
}

/** What compromise's tags of one sentence are computed from: its text and its tokens (offsets in it). */
export interface TagJob {
  key: string;
  text: string;
  starts: number[];
  words: string[];
  norms: string[];
}

function tagJob(model: TextModel, s: number, key: string): TagJob {
  const sent = model.sentences[s]!;
  const job: TagJob = { key, text: model.text.slice(sent.start, sent.end), starts: [], words: [], norms: [] };
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
    const tok = model.tokens[k]!;
    job.starts.push(tok.start - sent.start);
    job.words.push(tok.text);
    job.norms.push(tok.norm);
  }
  return job;
}

/** The jobs of every sentence of an article's model, for a tagger elsewhere (setTagSource) to start on. */
export function tagJobs(model: TextModel): TagJob[] {
  return model.sentences.map((sent, s) => tagJob(model, s, sentenceKey(model, s, model.text.slice(sent.start, sent.end))));
}

/** compromise's tags of a job's sentence: what sentenceTags gives for that sentence in any model. */
export function tagSentenceJob(job: TagJob): TokenTag[] {
  const tokens: Token[] = job.starts.map((start, k) => ({ start, end: start + job.words[k]!.length, text: job.words[k]!, norm: job.norms[k]!, stem: '', stop: false, sentence: 0 }));
  const model: TextModel = { text: job.text, tokens, sentences: [{ start: 0, end: job.text.length, tokenStart: 0, tokenEnd: tokens.length, paragraph: 0 }], paragraphs: [] };
  return compromiseTags(model, 0, job.text);
}

/**
 * Tags computed elsewhere (a worker thread that runs tagSentenceJob, so that loading and warming
 * compromise does not hold up the first check): asked before compromise is run here, by the
 * sentence's key and, lazily, its job; undefined when it has none (compromise is run here then).
 */
export type TagSource = (key: string, job: () => TagJob) => TokenTag[] | undefined;
let tagSource: TagSource | undefined;

export function setTagSource(src: TagSource | undefined): void {
  tagSource = src;
}

function compromiseTags(model: TextModel, s: number, str: string): TokenTag[] {
  const sent = model.sentences[s]!;
  const out: TokenTag[] = [];
  const terms: { start: number; end: number; tags: ReadonlySet<string> }[] = [];
  try {
    // the terms' offsets and tags as `json({ offset: true })` copies them, read in place
    const view = compromise()(str) as unknown as { compute(m: string): unknown; docs: { offset: { start: number; length: number }; tags: Set<string> }[][] };
    view.compute('offset');
    for (const sentence of view.docs) {
      for (const t of sentence) terms.push({ start: t.offset.start, end: t.offset.start + t.offset.length, tags: t.tags });
    }
  } catch {
    // compromise failing on odd input: fall back to capitalisation only
  }
  let j = 0;
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
    const tok = model.tokens[k]!;
    const rel = tok.start - sent.start;
    while (j < terms.length && terms[j]!.end <= rel) j++;
    const tags = j < terms.length && terms[j]!.start <= rel + 1 ? terms[j]!.tags : NO_TAGS;
    out.push({
      pos: posOf(tags, tok.text, k === sent.tokenStart),
      person: tags.has('Person'),
      org: tags.has('Organization'),
      past: tags.has('PastTense') || tags.has('Participle') || /ed$/.test(tok.norm),
      gerund: tags.has('Gerund') || /ing$/.test(tok.norm),
    });
  }
  return out;
}

const NO_TAGS: ReadonlySet<string> = new Set();

/** compromise's tags by sentence text (least recently used dropped first); callers only read them. */
const bySentence = new Map<string, TokenTag[]>();

/** Forget the tags kept by sentence text (tests compare a session's results with uncached ones). */
export function clearSentenceTags(): void {
  bySentence.clear();
}
const MAX_SENTENCES = 20000;
