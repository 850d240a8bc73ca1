/**
 * Cue forms: the words at token k that make a reporting or stance cue, one function per kind.
 * Each returns the end of the cue (exclusive token index) and what the form says of its source,
 * or null when the kind does not match at k. Which subject the cue takes is the extractor's job.
 */
import type { Token } from '../text';
import { CUE_VERBS, HAVE_NOUNS, LIGHT_VERBS, PHRASE_CUES, STANCE_ADJECTIVES, STANCE_AGENTS, STANCE_NOUNS, STANCE_POSS_NOUNS, STANCE_VERBS, WEAK_CUES } from './cues';

/** One sentence's tokens, as the cue forms see them. */
export interface CueContext {
  tokens: Token[];
  /** first token of the sentence, and one past its last */
  start: number;
  end: number;
  /** text between tokens a and b (adjacent) */
  gap(a: number, b: number): string;
}

export interface CueForm {
  /** one past the cue's last token */
  to: number;
  /** the source stands after the cue ("according to X") */
  sourceAfter: boolean;
  /** a stance cue: its subject must hold a view */
  stance: boolean;
}

/** PHRASE_CUES by first word, each list in PHRASE_CUES order (the first match wins, as over the whole list) */
const PHRASE_CUES_BY_FIRST = new Map<string, typeof PHRASE_CUES>();
for (const p of PHRASE_CUES) {
  const list = PHRASE_CUES_BY_FIRST.get(p.words[0]!);
  if (list) list.push(p);
  else PHRASE_CUES_BY_FIRST.set(p.words[0]!, [p]);
}

const STANCE_INTENSIFIERS = /^(very|so|deeply|increasingly|highly|strongly|openly|fiercely|sharply|quite|more|most|less|also|still|not|never|always|particularly|especially|equally|now|long|remained|remains)$/;
const LINKING_VERBS = /^(is|are|was|were|been|be|being|remain|remains|remained|seem|seems|seemed|appear|appears|appeared|grew|grown|become|became|becomes|feel|feels|felt|sounded)$/;
const COPULAS = /^(is|are|was|were|been|remains|remained|became)$/;

const spaceOnly = (g: string) => /^\s+$/.test(g);
const capitalised = (t: Token) => /^\p{Lu}/u.test(t.text);

/** A listed multi-word cue: "according to", "told reporters", "called for". */
export function phraseCue(c: CueContext, k: number): CueForm | null {
  for (const pc of PHRASE_CUES_BY_FIRST.get(c.tokens[k]!.norm) ?? []) {
    if (k + pc.words.length <= c.end && pc.words.every((w, i) => c.tokens[k + i]!.norm === w)) {
      return { to: k + pc.words.length, sourceAfter: pc.sourceAfter, stance: !!pc.stance };
    }
  }
  return null;
}

/**
 * A stance adjective and its preposition after a form of "be" ("has been critical of", "are
 * confident that"); intensifiers may stand between. Not after "it" ("it is clear that"): "it"
 * holds a view only as a verb's subject.
 */
export function stanceAdjective(c: CueContext, k: number): CueForm | null {
  const toks = c.tokens;
  const adj = STANCE_ADJECTIVES.get(toks[k]!.norm);
  if (!adj || k + 1 >= c.end || !adj.includes(toks[k + 1]!.norm) || k <= c.start) return null;
  let b = k - 1;
  while (b > c.start && STANCE_INTENSIFIERS.test(toks[b]!.norm)) b--;
  if (!LINKING_VERBS.test(toks[b]!.norm) || (b > c.start && toks[b - 1]!.norm === 'it')) return null;
  return { to: k + 2, sourceAfter: false, stance: true };
}

/** A light verb and a noun of view, two words apart at most: "expressed deep concern", "has no illusions about". */
export function lightVerbNoun(c: CueContext, k: number): CueForm | null {
  const toks = c.tokens;
  const norm = toks[k]!.norm;
  if (!LIGHT_VERBS.has(norm)) return null;
  const nouns = norm === 'has' || norm === 'have' || norm === 'had' ? HAVE_NOUNS : STANCE_NOUNS;
  for (let e = k + 1; e < Math.min(c.end, k + 4); e++) {
    if (!spaceOnly(c.gap(e - 1, e)) || capitalised(toks[e]!)) break;
    if (nouns.has(toks[e]!.norm)) return { to: e + 1, sourceAfter: false, stance: true };
  }
  return null;
}

/** A copula, an agent noun of stance and "of": "is a staunch opponent of". */
export function stanceAgent(c: CueContext, k: number): CueForm | null {
  const toks = c.tokens;
  if (!COPULAS.test(toks[k]!.norm)) return null;
  for (let e = k + 1; e < Math.min(c.end - 1, k + 5); e++) {
    if (!spaceOnly(c.gap(e - 1, e)) || capitalised(toks[e]!)) break;
    if (STANCE_AGENTS.has(toks[e]!.norm) && toks[e + 1]!.norm === 'of') return { to: e + 2, sourceAfter: false, stance: true };
  }
  return null;
}

/** The multi-word cue form at token k, the kinds tried in order; null for a single word (or none). */
export function cueForm(c: CueContext, k: number): CueForm | null {
  return phraseCue(c, k) ?? stanceAdjective(c, k) ?? lightVerbNoun(c, k) ?? stanceAgent(c, k);
}

/** Whether a word may belong to a cue of any kind (a cheap lexical test before tagging a sentence). */
export function mayBeCueWord(norm: string): boolean {
  // asked for every word of every analysed text: one look-up, remembered per word (the lists are constant)
  let v = cueWordMemo.get(norm);
  if (v === undefined) {
    v = CUE_VERBS.has(norm) || WEAK_CUES.has(norm) || PHRASE_CUES_BY_FIRST.has(norm) || STANCE_VERBS.has(norm) || STANCE_ADJECTIVES.has(norm) || LIGHT_VERBS.has(norm) || STANCE_AGENTS.has(norm) || STANCE_POSS_NOUNS.has(norm);
    if (cueWordMemo.size > 100_000) cueWordMemo.clear();
    cueWordMemo.set(norm, v);
  }
  return v;
}
const cueWordMemo = new Map<string, boolean>();
