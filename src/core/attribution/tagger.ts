/**
 * Part-of-speech tags for the word tokens of one sentence, from compromise. compromise is slow
 * on long texts (about 5 ms a sentence), so it runs per sentence, only for the sentences that
 * need it (those with a cue, a quote or a pronoun source), and the result is cached per model.
 */
import nlp from 'compromise';
import type { TextModel } from '../text';

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

function posOf(tags: string[], word: string, first: boolean): Pos {
  const has = (t: string) => tags.includes(t);
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

/** Tags of the tokens of sentence `s` (array index k ↔ model token sentence.tokenStart + k). */
export function sentenceTags(model: TextModel, s: number): TokenTag[] {
  let m = cache.get(model);
  if (!m) cache.set(model, (m = new Map()));
  const hit = m.get(s);
  if (hit) return hit;
  const sent = model.sentences[s]!;
  const str = model.text.slice(sent.start, sent.end);
  const out: TokenTag[] = [];
  const terms: { start: number; end: number; tags: string[] }[] = [];
  try {
    for (const js of nlp(str).json({ offset: true }) as { terms: { offset: { start: number; length: number }; tags: string[] }[] }[]) {
      for (const t of js.terms) terms.push({ start: t.offset.start, end: t.offset.start + t.offset.length, tags: t.tags });
    }
  } catch {
    // compromise failing on odd input: fall back to capitalisation only
  }
  let j = 0;
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
    const tok = model.tokens[k]!;
    const rel = tok.start - sent.start;
    while (j < terms.length && terms[j]!.end <= rel) j++;
    const tags = j < terms.length && terms[j]!.start <= rel + 1 ? terms[j]!.tags : [];
    out.push({
      pos: posOf(tags, tok.text, k === sent.tokenStart),
      person: tags.includes('Person'),
      org: tags.includes('Organization'),
      past: tags.includes('PastTense') || tags.includes('Participle') || /ed$/.test(tok.norm),
      gerund: tags.includes('Gerund') || /ing$/.test(tok.norm),
    });
  }
  m.set(s, out);
  return out;
}
