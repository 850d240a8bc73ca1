/**
 * Slot-by-slot comparison of two sentences that make the same statement (an article sentence and
 * the reference sentence the aligner pairs it with). The sentences are split into fact tokens
 * (words plus currency and per-cent signs), diffed word by word, and every changed region that is
 * bounded by shared words is read as a slot: a quantity, a date or time, a day, a month, a
 * negation or an opposite verb, a quantifier, a title, or the name of someone else. Equivalent
 * forms ("forty" / 40, "40%" / "40 per cent", "£1.2m" / "£1.2 million", "half" / 50 %) are not
 * differences; meaning-keeping rounding is reported as such (the rule makes it an info).
 */
import { jaroWinkler } from '../names/similarity';
import { isStopWord } from '../stopwords';
import { WORD_PATTERN } from '../text';
import { ADDED, COMMON, diffWords, REMOVED } from '../word-diff';
import { isRounding, NUMBER_WORDS, quantities, QUANTITY_SUFFIX, sameQuantity, type Quantity } from './quantity';
import { COURTESY_TITLES, HONOUR_TITLES, POST_NOMINALS } from '../titles';

export type SlotKind = 'number' | 'date' | 'time' | 'name' | 'title' | 'polarity' | 'quantifier';

export interface FactToken {
  start: number;
  end: number;
  text: string;
  low: string;
}

const FACT_TOKEN_RE = new RegExp(`${WORD_PATTERN}|[£$€%]|#(?=\\d)`, 'gu');
/** an amount as agency copy writes pounds: `#55,000`, `#2.5 million`, `#3m` */
const WIRE_AMOUNT = /#\d{1,3}(?:,\d{3})+(?!\d)|#\d+(?:\.\d+)?\s*(?:m|bn|million|billion)\b/;

let lastText = '';
let lastWirePound = false;
/**
 * Does the text write pounds sterling as `#`? Agency copy sent over 7-bit lines did ("fined #2,000"):
 * an amount written so (thousands separators or millions) and no currency sign, no `#` before a letter
 * (a hashtag) anywhere. Elsewhere a `#` before a figure is a number sign ("the #1 seed"). Remembered
 * for the last text asked about: fact tokens are read a sentence at a time.
 */
export function wirePound(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastWirePound = WIRE_AMOUNT.test(text) && !/[£$€]|#\p{L}/u.test(text);
  }
  return lastWirePound;
}

/** text[start, end) as shown to the editor and put into a fix: a wire's `#` for `£` written `£`. */
export function shownText(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  return s.includes('#') && wirePound(text) ? s.replace(/#(?=\d)/g, '£') : s;
}

/** Fact tokens of text[start, end): words (as the text model defines them), £ $ € %, and a wire's `#` for £. */
export function factTokens(text: string, start = 0, end = text.length): FactToken[] {
  const out: FactToken[] = [];
  const s = text.slice(start, end);
  FACT_TOKEN_RE.lastIndex = 0;
  for (let m = FACT_TOKEN_RE.exec(s); m; m = FACT_TOKEN_RE.exec(s)) {
    if (m[0] === '#') {
      if (wirePound(text)) out.push({ start: start + m.index, end: start + m.index + 1, text: '£', low: '£' });
      continue;
    }
    const t = m[0].replace(/[’ʼ]/g, "'");
    out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0], low: t.toLowerCase() });
  }
  return out;
}

export const DAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** "may", "march" and the short forms are months only when capitalised */
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** negation words a sentence can gain or lose with the rest unchanged */
const PLAIN_NEGATORS = new Set(['not', "n't", 'never']);
/** words that negate a clause without "not": "issued no instructions", "said nothing" */
const NEGATIVE_WORDS = new Set(['no', 'none', 'nothing', 'nobody', 'neither', 'nor', 'never', 'without', 'no-one']);
/** negative contractions whose positive is not the word without n't */
const CONTRACTED: Record<string, string> = { "won't": 'will', "can't": 'can', cannot: 'can', "shan't": 'shall', "ain't": 'is' };
const ANTONYMS: [string, string][] = [
  ['accepted', 'rejected'], ['accept', 'reject'], ['accepts', 'rejects'], ['approved', 'rejected'], ['approve', 'reject'],
  ['guilty', 'innocent'], ['convicted', 'acquitted'], ['won', 'lost'], ['win', 'lose'], ['wins', 'loses'],
  ['rose', 'fell'], ['risen', 'fallen'], ['rise', 'fall'], ['rises', 'falls'], ['increased', 'decreased'], ['increase', 'decrease'],
  ['up', 'down'], ['higher', 'lower'], ['more', 'less'], ['more', 'fewer'], ['allowed', 'banned'], ['allowed', 'refused'],
  ['granted', 'refused'], ['granted', 'denied'], ['admitted', 'denied'], ['admits', 'denies'], ['confirmed', 'denied'],
  ['supported', 'opposed'], ['support', 'oppose'], ['upheld', 'overturned'], ['upheld', 'quashed'], ['passed', 'failed'],
  ['before', 'after'], ['first', 'last'], ['jailed', 'freed'], ['cleared', 'convicted'], ['cleared', 'found guilty'], ['dismissed', 'upheld'],
];
/** antonyms that order a statement against an event ("before the hearing" / "after the hearing") */
const TIME_ORDER = new Set(['before', 'after']);
const ANTONYM = new Map<string, Set<string>>();
for (const [a, b] of ANTONYMS) {
  if (!ANTONYM.has(a)) ANTONYM.set(a, new Set());
  if (!ANTONYM.has(b)) ANTONYM.set(b, new Set());
  ANTONYM.get(a)!.add(b);
  ANTONYM.get(b)!.add(a);
}
/** verbs that carry a negation of their own: "denied he was" = "was not" */
const DENIALS = new Set(['denied', 'denies', 'deny', 'denying', 'refuted', 'disputed', 'disputes', 'rejected', 'rejects']);
/** a quantifier is compared only in pairs whose words agree at least this much */
export const QUANTIFIER_MIN_SIMILARITY = 0.6;
const QUANTIFIER_CLASS: Record<string, number> = { all: 6, every: 6, each: 6, most: 5, majority: 5, many: 4, several: 2, some: 2, few: 1, minority: 1, none: 0 };
export const TITLE_MODIFIERS = new Set(['former', 'deputy', 'acting', 'assistant', 'vice', 'shadow', 'junior', 'interim', 'ex', 'senior', 'associate', 'principal']);
/** modifiers that are a rank wherever they stand ("acting", "senior" may be a verb or an adjective) */
const UNAMBIGUOUS_MODIFIERS = new Set(['former', 'ex', 'deputy', 'shadow', 'vice']);
export const TITLES = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'chairman', 'chairwoman', 'chair', 'director', 'chief', 'executive', 'head', 'leader',
  'inspector', 'sergeant', 'sgt', 'constable', 'superintendent', 'supt', 'insp', 'det', 'detective', 'commissioner', 'commander', 'officer',
  'mayor', 'judge', 'justice', 'recorder', 'magistrate', 'governor', 'senator', 'mp', 'mep', 'councillor', 'spokesman', 'spokeswoman',
  'manager', 'captain', 'coach', 'professor', 'prof', 'dr', 'doctor', 'sir', 'lord', 'lady', 'dame', 'general', 'colonel', 'major', 'lieutenant',
  'editor', 'master', 'producer', 'ambassador', 'prosecutor', 'barrister', 'solicitor', 'qc', 'coroner', 'bishop', 'archbishop', 'king', 'queen',
  'prince', 'princess', 'duke', 'duchess', 'founder', 'partner', 'treasurer', 'speaker', 'premier', 'mr', 'mrs', 'ms', 'miss',
  'private', 'pte', 'pc', 'wpc', 'dc', 'ds', 'di', 'dci', 'cllr', 'corporal', 'cpl', 'gen', 'col', 'capt', 'lt', 'spokesperson',
]);
const HONORIFICS = new Set<string>([...COURTESY_TITLES, ...HONOUR_TITLES, 'qc', 'mp', 'mep']);
/** letters after a name ("QC", "MP") */
const POST_NOMINAL = new Set<string>(POST_NOMINALS);
const COURTESY = new Set<string>(COURTESY_TITLES);
const TITLE_ABBREVIATIONS: Record<string, string> = {
  sgt: 'sergeant', det: 'detective', supt: 'superintendent', insp: 'inspector', pte: 'private', pc: 'constable', wpc: 'constable',
  dc: 'detective constable', ds: 'detective sergeant', di: 'detective inspector', dci: 'detective chief inspector', cllr: 'councillor',
  prof: 'professor', gen: 'general', col: 'colonel', capt: 'captain', lt: 'lieutenant', cpl: 'corporal', ex: 'former', chairwoman: 'chairman', chair: 'chairman',
  spokeswoman: 'spokesman', spokesperson: 'spokesman', police: '', doctor: 'dr', 'woman': '',
};
const HEDGES = new Set(['nearly', 'almost', 'about', 'around', 'approximately', 'roughly', 'some', 'over', 'under', 'than', 'up', 'around', 'circa', 'just', 'estimated', 'an']);
const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'hers', 'their', 'it', 'its', 'who', 'i', 'we', 'you']);
/** adverbs a negation may stand in place of, the rest of the statement the same ("was today cleared" / "was not cleared") */
const NEGATION_SWAPPABLE = new Set(['today', 'yesterday', 'tonight', 'still', 'then', 'now', 'currently', 'eventually', 'also', 'later', 'again', 'already', 'finally', 'subsequently']);
/** relative dates a newspaper shifts from the wire's by a day ("today" on the wire is "yesterday" in print): not compared */
const RELATIVE_DAYS = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'night', 'morning', 'afternoon', 'evening', 'last', 'this', 'next']);

export interface SlotDiff {
  kind: SlotKind;
  /** token ranges [from, to) in the source and article fact tokens */
  src: [number, number];
  art: [number, number];
  /** the article's figure is the source's, rounded (or hedged) without changing the meaning */
  rounding?: boolean;
  /** for names: the side whose name has no title beside it here (the rule looks for one elsewhere in its text) */
  unproven?: 'src' | 'art';
  /** for names: the speakers credited with one quotation both sentences give (facts/speaker.ts) */
  quoted?: true;
  /** for a title or a date read inside a rewording: the stretch around it, whose neighbours hold it in place */
  frame?: { src: [number, number]; art: [number, number] };
  /** for numbers: the parsed quantities */
  srcQuantity?: Quantity;
  artQuantity?: Quantity;
}

export interface SentenceComparison {
  /** word-level similarity of the two token lists (Dice over the common subsequence) */
  similarity: number;
  /**
   * The same, with changed regions made only of fill words (figures, number words, days, months,
   * negations, rank modifiers) counted as unchanged when there is one such region: the value a slot
   * holds does not decide whether two sentences make one statement, so a changed fact cannot lose the
   * pair that shows it.
   */
  pairSimilarity: number;
  diffs: SlotDiff[];
  /**
   * Changed regions that state other values on the two sides (figures, number words, ordinals, days,
   * months), those with only a currency sign or a joining word ("to", "and") between them counted
   * once ("$4.2m (£3.1m)", "June 3 to 7" are one value each).
   */
  valueRegions: number;
  /** article token ranges that the diff holds in common with the source */
  common: [number, number][];
  /** the changed regions: token ranges [s0, s1) of the source and [a0, a1) of the article */
  regions: readonly Hunk[];
}

function isCap(t: FactToken): boolean {
  return /^\p{Lu}/u.test(t.text);
}

function monthAt(toks: readonly FactToken[]): (k: number) => boolean {
  return (k) => {
    const t = toks[k];
    if (!t || !MONTHS.has(t.low)) return false;
    return !AMBIGUOUS_MONTHS.has(t.low) || isCap(t);
  };
}

/** The token at k names a day or a month ("Tuesday's", "Nov"; "may" and "march" only capitalised). */
export function dateWord(toks: readonly FactToken[], k: number): boolean {
  const t = toks[k];
  if (!t) return false;
  const w = t.low.replace(/'s$/, '').replace(/\.$/, '');
  return DAYS.has(w) || (MONTHS.has(w) && (!AMBIGUOUS_MONTHS.has(w) || isCap(t)));
}

/** A name token: capitalised, not a function word, title, day, month or pronoun. */
export function nameToken(t: FactToken): boolean {
  // capitalised word of at least three letters, not an acronym (UK, ITV) nor with digits (BBC1)
  if (!/^\p{Lu}\p{Ll}[\p{Ll}'’-]+$/u.test(t.text.replace(/['’]s$/, '')) && !/^\p{Lu}'\p{Lu}\p{Ll}+$/u.test(t.text)) return false;
  const low = t.low.replace(/'s$/, '');
  if (isStopWord(low) || TITLES.has(low) || TITLE_MODIFIERS.has(low) || DAYS.has(low) || MONTHS.has(low) || PRONOUNS.has(low)) return false;
  return true;
}

/** lower-case particles inside a name ("Al Fayed", "van Gogh") */
export const NAME_PARTICLES = new Set(['al', 'el', 'de', 'da', 'di', 'du', 'van', 'von', 'le', 'la', 'bin', 'ben', 'st']);

/** A title written before a name ("Mr", "Dr.", "Pc", "Judge"). */
function titleWord(t: FactToken): boolean {
  return TITLES.has(t.low.replace(/\.$/, ''));
}

/** A name of one or two words: name tokens, particles allowed before the last word. */
function personName(ts: readonly FactToken[]): boolean {
  if (!ts.length || ts.length > 2 || !nameToken(ts[ts.length - 1]!)) return false;
  return ts.slice(0, -1).every((t) => nameToken(t) || (NAME_PARTICLES.has(t.low) && /^\p{Lu}/u.test(t.text)));
}

/**
 * words that give a clause a subject of its own (a relative or a "when …" aside leaves the name
 * the subject: "Mr Reyle, when in office, was bound" / "Mr Lund was bound")
 */
export const CLAUSE_WORDS = new Set(['he', 'she', 'they', 'i', 'we']);

/** verbs of a reporting aside ("Ms Lund, he added, hoped …"): the aside is no clause of the name's statement */
export const ASIDE_VERBS = new Set(['said', 'says', 'added', 'adds', 'continued', 'explained', 'insisted', 'claimed', 'argued', 'stressed', 'suggested']);

/** auxiliaries, and pronouns as objects: a verb's words, not an apposition's */
const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us']);

/** verbs that open a reporting frame before what is reported ("She told the jury …", "He said that …") */
const LEAD_VERBS = new Set([...ASIDE_VERBS, 'told', 'tells', 'alleged', 'admitted', 'denied']);

/**
 * Tokens [from, to) open their sentence with a reporting frame: a pronoun, a reporting verb, at most
 * three more words (the one told, "that"), no other clause ("She told the jury", "He said that"). What
 * follows is the statement reported, the name after it its subject as in a sentence without the frame.
 */
function reportingLead(toks: readonly FactToken[], from: number, to: number): boolean {
  if (from !== 0 || to - from < 2 || to - from > 5) return false;
  if (!CLAUSE_WORDS.has(toks[from]!.low) || !LEAD_VERBS.has(toks[from + 1]!.low)) return false;
  for (let k = from + 2; k < to; k++) if (CLAUSE_WORDS.has(toks[k]!.low) || /^\p{Lu}/u.test(toks[k]!.text)) return false;
  return true;
}

function newClause(toks: readonly FactToken[], from: number, to: number): boolean {
  if (to - from === 2 && CLAUSE_WORDS.has(toks[from]!.low) && ASIDE_VERBS.has(toks[from + 1]!.low)) return false;
  for (let k = from; k < to; k++) if (CLAUSE_WORDS.has(toks[k]!.low.replace(/'(?:m|s|re|ve|d|ll)$/, ''))) return true;
  return false;
}

/** every quantity of a sentence's fact tokens, read once per token list */
const sentenceQuantities = new WeakMap<readonly FactToken[], Quantity[]>();

function quantityHere(toks: readonly FactToken[], from: number, to: number): Quantity[] {
  let all = sentenceQuantities.get(toks);
  if (!all) {
    // "one time members", "a one-time partner": an adjective, not a count
    all = quantities(toks.map((t) => t.low), monthAt(toks)).filter((q) => !(q.to - q.from === 1 && toks[q.from]!.low === 'one' && /^time\b/.test(toks[q.to]?.low ?? '')));
    sentenceQuantities.set(toks, all);
  }
  return all.filter((q) => q.from < to && q.to > from);
}

/** A bound the words before a figure put on it: "more than", "over", "above" / "less than", "under", "nearly", "almost". */
function boundBefore(toks: readonly FactToken[], at: number): 'above' | 'below' | null {
  const w1 = toks[at - 1]?.low ?? '';
  const w2 = toks[at - 2]?.low ?? '';
  if (w1 === 'over' || w1 === 'above' || (w1 === 'than' && w2 === 'more')) return 'above';
  if (w1 === 'under' || w1 === 'below' || w1 === 'nearly' || w1 === 'almost' || (w1 === 'than' && (w2 === 'less' || w2 === 'fewer'))) return 'below';
  return null;
}

/** The token at k is a figure by itself (digits or one number word), not part of a longer one. */
function oneFigure(toks: readonly FactToken[], k: number): boolean {
  const q = quantities([toks[k]!.low]);
  return q.length === 1 && q[0]!.kind !== 'fraction' && !NUMBER_WORDS.has(toks[k + 1]?.low ?? '') && !NUMBER_WORDS.has(toks[k - 1]?.low ?? '');
}

const NUMERICISH = /^(?:\d[\d,.]*(?:st|nd|rd|th|k|m|mn|bn|tn)?|[£$€])$/;

/**
 * Compare a source sentence's fact tokens with an article sentence's. `artFirst` / `srcFirst`:
 * the first token is at the start of its sentence (capitalised anyway).
 */
export function compareSentences(src: readonly FactToken[], art: readonly FactToken[]): SentenceComparison {
  const a = src.map((t) => t.low);
  const b = art.map((t) => t.low);
  const d = diffWords(a, b);
  // components → hunks: maximal runs of ADDED/REMOVED between COMMON runs
  const hunks: Hunk[] = [];
  const common: [number, number][] = [];
  let i = 0;
  let j = 0;
  let shared = 0;
  let cur: Hunk | null = null;
  for (let k = 0; k < d.kinds.length; k++) {
    const kind = d.kinds[k]!;
    const n = d.counts[k]!;
    if (kind === COMMON) {
      if (cur) hunks.push(cur);
      cur = null;
      common.push([j, j + n]);
      i += n;
      j += n;
      shared += n;
    } else {
      if (!cur) cur = { s0: i, s1: i, a0: j, a1: j };
      if (kind === REMOVED) {
        i += n;
        cur.s1 = i;
      } else if (kind === ADDED) {
        j += n;
        cur.a1 = j;
      }
    }
  }
  if (cur) hunks.push(cur);
  const similarity = a.length + b.length ? (2 * shared) / (a.length + b.length) : 1;
  // Regions of fill words only (figures, number words, days, months, negations, ranks and titles, or
  // a name for a name after the same courtesy title) count as unchanged: those stating the same
  // values written otherwise ("ten" / "10") always, the others when there is one such region. With
  // none, one fill word changed, added or dropped inside a reworded region counts as unchanged too:
  // the value a slot holds does not decide whether two sentences make one statement, so a changed
  // fact cannot lose the pair that shows it. Only one: sentences of one template with several other
  // values ("leads 46 percent to 41 percent" / "leads 43 percent to 38 percent") are another poll,
  // match or month, not a changed fact.
  const fills = hunks.filter((h) => (allFill(src, h.s0, h.s1) && allFill(art, h.a0, h.a1)) || titledNameSwap(src, art, h));
  const differing = fills.filter((h) => !sameValues(src, art, h));
  const counted = differing.length === 1 ? fills : fills.filter((h) => !differing.includes(h));
  let filled = 0;
  let dropped = 0;
  for (const h of counted) {
    filled += Math.min(h.s1 - h.s0, h.a1 - h.a0);
    dropped += Math.abs(h.s1 - h.s0 - (h.a1 - h.a0));
  }
  if (differing.length === 0) {
    // a value for a value, a title for a title; or a negation or a rank modifier on one side only
    const mixed = hunks.filter((h) => !fills.includes(h));
    const classes = (toks: readonly FactToken[], from: number, to: number) => new Set(toks.slice(from, to).map(fillClass).filter((c) => c !== null));
    const swapped = mixed.some((h) => {
      const a = classes(art, h.a0, h.a1);
      return [...classes(src, h.s0, h.s1)].some((c) => c !== 'qualifier' && a.has(c));
    });
    const added = (h: Hunk) => {
      const s = classes(src, h.s0, h.s1);
      const a = classes(art, h.a0, h.a1);
      return s.has('qualifier') !== a.has('qualifier');
    };
    // (or a name for a name after the same courtesy title, opening a reworded region: "Mr Reyle: 'Did
    // you not say …'" / "Mr Lund accused him of saying …")
    if (swapped || mixed.some((h) => titledNameOpens(src, art, h))) filled++;
    else if (mixed.some(added)) dropped++;
  }
  const pairSimilarity = filled || dropped ? (a.length + b.length - dropped > 0 ? (2 * (shared + filled)) / (a.length + b.length - dropped) : 1) : similarity;
  // the slots are read when first asked for: a sentence's pairs are ranked by similarity alone, and
  // only the best pair's slots (and the others' only where it has one) are ever read
  let diffs: SlotDiff[] | null = null;
  let values: number | null = null;
  return {
    similarity,
    pairSimilarity,
    common,
    regions: hunks,
    get diffs(): SlotDiff[] {
      return (diffs ??= hunks.length ? slotDiffs(src, art, hunks, { words: similarity, pair: pairSimilarity }) : []);
    },
    get valueRegions(): number {
      return (values ??= countValueRegions(src, art, hunks, this.diffs));
    },
  };
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** A token's value when it states one (a figure, a number word, an ordinal, a day, a month), else null. */
export function valueKey(t: FactToken): string | null {
  const w = t.low.replace(/'s$/, '');
  if (/\d/.test(w) || (NUMBER_WORDS.has(w) && w !== 'a' && w !== 'and')) {
    const v = quantities([w.replace(/^#/, '£')])[0]?.value;
    return v === undefined ? w.replace(/,/g, '') : String(v);
  }
  const o = ORDINALS.indexOf(w);
  if (o >= 0) return String(o + 1);
  if (DAYS.has(w)) return w;
  if (MONTHS.has(w) && (!AMBIGUOUS_MONTHS.has(w) || isCap(t))) return w.slice(0, 3);
  return null;
}

/** The value a slot's tokens state, for telling values apart: its values where it has some, else its words. */
export function slotValue(toks: readonly FactToken[], from: number, to: number): string {
  const part = toks.slice(from, to);
  const keys = part.map(valueKey).filter((v): v is string => v !== null);
  return keys.length ? keys.join(' ') : part.map((t) => t.low).join(' ');
}

/** words that join two parts of one value ("8 to 12", "£2m and £3m", "40 per cent") */
const VALUE_JOINERS = new Set(['to', 'and', 'per', 'cent', 'or', '-']);

/**
 * Changed regions that state other values on the two sides: a figure, date or time slot is read in
 * the region, or the region is only values, signs, units and function words on both sides; the
 * values, as values, differ ("Dec" / "December", "1st" / "first" do not). Regions with only signs or
 * joining words between them count once.
 */
function countValueRegions(src: readonly FactToken[], art: readonly FactToken[], hunks: readonly Hunk[], diffs: readonly SlotDiff[]): number {
  // figures read as quantities over the whole region ("£5m" / "5 million"), other values by token
  const keys = (toks: readonly FactToken[], from: number, to: number) => {
    const part = toks.slice(from, to);
    const out = quantities(part.map((t) => t.low)).map((q) => String(q.value));
    for (const t of part) {
      const v = valueKey(t);
      if (v !== null && !/\d/.test(t.low) && !NUMBER_WORDS.has(t.low)) out.push(v);
    }
    return out.sort().join(' ');
  };
  const plain = (toks: readonly FactToken[], from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const t = toks[k]!;
      if (valueKey(t) === null && /\p{L}/u.test(t.low) && !VALUE_JOINERS.has(t.low) && !QUANTITY_SUFFIX.has(t.low) && !isStopWord(t.low)) return false;
    }
    return true;
  };
  let n = 0;
  let lastEnd = -1;
  for (const h of hunks) {
    const sk = keys(src, h.s0, h.s1);
    const ak = keys(art, h.a0, h.a1);
    if (!sk || !ak || sk === ak) continue;
    const slot = diffs.some((d) => (d.kind === 'number' || d.kind === 'date' || d.kind === 'time') && d.src[0] >= h.s0 && d.src[1] <= h.s1 && d.art[0] >= h.a0 && d.art[1] <= h.a1);
    if (!slot && !(plain(src, h.s0, h.s1) && plain(art, h.a0, h.a1))) continue;
    const gap = lastEnd >= 0 ? art.slice(lastEnd, h.a0) : null;
    const joined = gap !== null && gap.length <= 2 && gap.every((t) => !/\p{L}/u.test(t.low) || VALUE_JOINERS.has(t.low));
    if (!joined) n++;
    lastEnd = h.a1;
  }
  return n;
}

export type Hunk = { s0: number; s1: number; a0: number; a1: number };

/** A word that fills a slot rather than frames a statement: a figure, a number word, a day or month, a negation, a rank or a title. */
function fillWord(t: FactToken): boolean {
  return fillClass(t) !== null;
}

/**
 * Both sides of the region state values, and the same ones ("ten" / "10", "Dec" / "December"), or
 * both only negate ("had never invited" / "had not invited": one polarity written otherwise).
 */
function sameValues(src: readonly FactToken[], art: readonly FactToken[], h: Hunk): boolean {
  const negates = (toks: readonly FactToken[], from: number, to: number) => to > from && toks.slice(from, to).every((t) => PLAIN_NEGATORS.has(t.low) || t.low.endsWith("n't"));
  if (negates(src, h.s0, h.s1) && negates(art, h.a0, h.a1)) return true;
  const keys = (toks: readonly FactToken[], from: number, to: number) => toks.slice(from, to).map(valueKey);
  const s = keys(src, h.s0, h.s1);
  const a = keys(art, h.a0, h.a1);
  return s.length > 0 && s.length === a.length && s.every((v, k) => v !== null && v === a[k]);
}

/**
 * What a fill word fills: a value (a figure, a number word, a day, a month), a title, or a qualifier
 * of the statement (a negation, a rank modifier); null for other words.
 */
function fillClass(t: FactToken): 'value' | 'title' | 'qualifier' | null {
  const w = t.low;
  if (PLAIN_NEGATORS.has(w) || w.endsWith("n't") || w in CONTRACTED || TITLE_MODIFIERS.has(w)) return 'qualifier';
  if (/^[£$€#]?\d[\d,.]*\w*%?$/.test(w) || (NUMBER_WORDS.has(w) && w !== 'a' && w !== 'and') || DAYS.has(w) || MONTHS.has(w)) return 'value';
  if (TITLES.has(w)) return 'title';
  return null;
}

/** One name for another after the same courtesy title ("Mr Reyle said" / "Mr Lund said"): the slot a name plays. */
function titledNameSwap(src: readonly FactToken[], art: readonly FactToken[], h: Hunk): boolean {
  if (h.s1 - h.s0 !== 1 || h.a1 - h.a0 !== 1 || h.s0 === 0 || h.a0 === 0) return false;
  const t = src[h.s0 - 1]!.low.replace(/\.$/, '');
  return t === art[h.a0 - 1]!.low.replace(/\.$/, '') && (COURTESY_TITLES as readonly string[]).includes(t) && nameToken(src[h.s0]!) && nameToken(art[h.a0]!);
}

/** A region opens with one name for another after the same courtesy title ("Mr Reyle did you" / "Mr Lund accused"). */
function titledNameOpens(src: readonly FactToken[], art: readonly FactToken[], h: Hunk): boolean {
  if (h.s1 - h.s0 < 1 || h.a1 - h.a0 < 1) return false;
  return titledNameSwap(src, art, { s0: h.s0, s1: h.s0 + 1, a0: h.a0, a1: h.a0 + 1 });
}

/** Tokens [from, to) are all fill words (an empty range counts). */
function allFill(toks: readonly FactToken[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!fillWord(toks[k]!)) return false;
  return true;
}

/**
 * A word that some slot reading looks for inside a changed region: a figure, a number word or a
 * unit, a negation or an opposite, a title or a rank, a day or a month, a quantifier, or a
 * capitalised word (a name). A region with none on either side is a rewording, whatever the words
 * around it: no slot reading can take it (the figures around a region are compared only when the
 * region holds a figure's word; the other readings look at the region's own words).
 */
function slotWord(t: FactToken): boolean {
  const w = t.low;
  return (
    /[\d£$€%]/.test(w) ||
    /^\p{Lu}/u.test(t.text) ||
    (NUMBER_WORDS.has(w) && w !== 'a' && w !== 'and') ||
    QUANTITY_SUFFIX.has(w) ||
    PLAIN_NEGATORS.has(w) ||
    w.endsWith("n't") ||
    w in CONTRACTED ||
    ANTONYM.has(w) ||
    TITLE_MODIFIERS.has(w) ||
    TITLES.has(w) ||
    TITLES.has(w.replace(/'?s$/, '')) ||
    DAYS.has(w) ||
    MONTHS.has(w) ||
    w in QUANTIFIER_CLASS
  );
}

function holdsSlotWord(toks: readonly FactToken[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (slotWord(toks[k]!)) return true;
  return false;
}

/** Every changed region of a diff read as a slot, where it is one. */
/** a pair's word similarity, plain and with its fill regions credited (SentenceComparison's two) */
interface Similarities {
  words: number;
  pair: number;
}

function slotDiffs(src: readonly FactToken[], art: readonly FactToken[], hunks: readonly Hunk[], similarity: Similarities): SlotDiff[] {
  const diffs: SlotDiff[] = [];
  for (let i = 0; i < hunks.length; i++) {
    const h = hunks[i]!;
    const day = dayAcrossMonth(src, art, hunks, i);
    if (day) diffs.push(day);
    if (!holdsSlotWord(src, h.s0, h.s1) && !holdsSlotWord(art, h.a0, h.a1)) continue;
    let slot = classify(src, art, h.s0, h.s1, h.a0, h.a1, similarity);
    // a slot at the edge of a longer rewording, held by the shared words on that side
    // ("asked Mr White during cross-examination if" / "asked Mr Jones whether")
    if (!slot && h.s1 - h.s0 > 0 && h.a1 - h.a0 > 0 && (h.s1 - h.s0 > 1 || h.a1 - h.a0 > 1)) {
      // a figure at the edge, held by the shared word beside it ("Pell, 35, took" / "Pell, 83,
      // disguised as"; "three possible" / "six possible"): compared as a figure however long the rest
      // only one figure in the changed region on each side ("two boys and two girls" / "four
      // children" is a sum), and of one kind (a share is not a count)
      const single = () => quantityHere(src, h.s0, h.s1).length === 1 && quantityHere(art, h.a0, h.a1).length === 1;
      const figure = (x: SlotDiff | null) =>
        x && single() && (x.kind === 'number' || x.kind === 'date' || x.kind === 'time') && x.srcQuantity?.kind === x.artQuantity?.kind && x.srcQuantity?.currency === x.artQuantity?.currency ? x : null;
      if (h.s0 > 0 && h.a0 > 0 && oneFigure(src, h.s0) && oneFigure(art, h.a0)) slot = figure(classify(src, art, h.s0, h.s0 + 1, h.a0, h.a0 + 1, similarity));
      if (!slot && h.s1 < src.length && h.a1 < art.length && oneFigure(src, h.s1 - 1) && oneFigure(art, h.a1 - 1)) slot = figure(classify(src, art, h.s1 - 1, h.s1, h.a1 - 1, h.a1, similarity));
    }
    if (!slot && h.s1 - h.s0 > 0 && h.a1 - h.a0 > 0 && (h.s1 - h.s0 > 1 || h.a1 - h.a0 > 1)) slot = dateAtEdge(src, art, h);
    if (!slot && h.s1 - h.s0 > 0 && h.a1 - h.a0 > 0 && (h.s1 - h.s0 > 1 || h.a1 - h.a0 > 1)) {
      // a name at the edge is read whole ("Mr Al Fayed replied" / "Mr Howard responded")
      // (read from the right, letters after the name come with it: "David Reyle MP was")
      // (a title before the name comes with it where the two sides title the person otherwise: "Pc
      // Reyle, a mother of two, said" / "Ms Lund said", "by Kevan Reyle when" / "by Mr Lund.")
      const run = (toks: readonly FactToken[], from: number, to: number, step: 1 | -1) => {
        const post = step === -1 && to - from > 1 && POST_NOMINAL.has(toks[to - 1]!.low) ? 1 : 0;
        const pre = step === 1 && to - from > 1 && titleWord(toks[from]!) && nameToken(toks[from + 1]!) ? 1 : 0;
        let n = 0;
        let k = step === 1 ? from + pre : to - 1 - post;
        for (; n < 2 && k >= from && k < to && (nameToken(toks[k]!) || (NAME_PARTICLES.has(toks[k]!.low) && isCap(toks[k]!))); k += step) n++;
        if (!n) return 1;
        return n + post + pre + (step === -1 && k >= from && titleWord(toks[k]!) ? 1 : 0);
      };
      if (h.s0 > 0 && h.a0 > 0) slot = classify(src, art, h.s0, h.s0 + run(src, h.s0, h.s1, 1), h.a0, h.a0 + run(art, h.a0, h.a1, 1), similarity, 'left', h);
      if (!slot && h.s1 < src.length && h.a1 < art.length) slot = classify(src, art, h.s1 - run(src, h.s0, h.s1, -1), h.s1, h.a1 - run(art, h.a0, h.a1, -1), h.a1, similarity, 'right', h);
      // a name opening both sentences, the words after it reworded up to a shared word ("Reyle won" /
      // "Mr Lund, from Harbourtown, won"): held by the sentence start and the shared words after the
      // whole region, as long as neither side names the other's person in the rest of the region, and
      // the rest holds no auxiliary or pronoun on either side: an apposition, not a verb of another
      // voice or clause ("Judge Reyle fined her" / "Mrs Lund was fined": the one fined is not the judge)
      if (!slot && h.s0 === 0 && h.a0 === 0 && h.s1 < src.length && h.a1 < art.length) {
        const open = classify(src, art, 0, run(src, 0, h.s1, 1), 0, run(art, 0, h.a1, 1), similarity, 'left', h);
        const named = (toks: readonly FactToken[], from: number, to: number, w: FactToken) => toks.slice(from, to).some((t) => t.low === w.low);
        const verbal = (toks: readonly FactToken[], from: number, to: number) => toks.slice(from, to).some((t) => AUXILIARIES.has(t.low) || CLAUSE_WORDS.has(t.low) || OBJECT_PRONOUNS.has(t.low));
        if (open?.kind === 'name' && !named(art, open.art[1], h.a1, src[open.src[1] - 1]!) && !named(src, open.src[1], h.s1, art[open.art[1] - 1]!) && !verbal(src, open.src[1], h.s1) && !verbal(art, open.art[1], h.a1)) {
          slot = { ...open, frame: { src: [h.s0, h.s1], art: [h.a0, h.a1] } };
        }
      }
      // a title at the edge is held by the shared words on either side of the whole region ("The
      // judge broke in" / "The magistrate, Mr Justice Reyle, broke in")
      if (slot?.kind === 'title') slot.frame = { src: [h.s0, h.s1], art: [h.a0, h.a1] };
    }
    slot ??= rankDroppedAtEdge(src, art, h);
    if (!slot) {
      const t = roleInRewording(src, art, hunks, i, similarity);
      if (t) {
        slot = t.slot;
        i = t.last;
      }
    }
    if (slot) diffs.push(slot);
  }
  return diffs;
}

/** A word of a date written out: a month, a year, or a day of the month beside a month ("26 July 1996", "February 19"). */
function dateToken(toks: readonly FactToken[], k: number): 'month' | 'year' | 'day' | null {
  const t = toks[k]!;
  if (monthAt(toks)(k)) return 'month';
  if (/^(?:1[89]|20)\d\d$/.test(t.low)) return 'year';
  if (/^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/.test(t.low) && (monthAt(toks)(k - 1) || monthAt(toks)(k + 1))) return 'day';
  return null;
}

/** A day of the month written as a number (with or without its ordinal suffix), beside a month. */
function monthDay(toks: readonly FactToken[], k: number): boolean {
  return dateToken(toks, k) === 'day';
}

/**
 * The day of the month on either side of the same month in the two sentences ("on 9 May, said" /
 * "on May 28, claimed"): the changed region before the shared month ends with the day on one side,
 * the one after it opens with the day on the other. Another day is a date slot, shown on the two day
 * numbers and held by the words beside the whole date; the same day in the other order is none.
 */
function dayAcrossMonth(src: readonly FactToken[], art: readonly FactToken[], hunks: readonly Hunk[], i: number): SlotDiff | null {
  const h = hunks[i]!;
  const n = hunks[i + 1];
  // one shared token between the two regions, a month on both sides
  if (!n || n.s0 !== h.s1 + 1 || n.a0 !== h.a1 + 1 || !monthAt(src)(h.s1) || !monthAt(art)(h.a1)) return null;
  const before = (toks: readonly FactToken[], f: number, t: number) => t > f && monthDay(toks, t - 1);
  const after = (toks: readonly FactToken[], f: number, t: number) => t > f && monthDay(toks, f);
  let sd: number;
  let ad: number;
  if (before(art, h.a0, h.a1) && !before(src, h.s0, h.s1) && after(src, n.s0, n.s1) && !after(art, n.a0, n.a1)) {
    sd = n.s0;
    ad = h.a1 - 1;
  } else if (before(src, h.s0, h.s1) && !before(art, h.a0, h.a1) && after(art, n.a0, n.a1) && !after(src, n.s0, n.s1)) {
    sd = h.s1 - 1;
    ad = n.a0;
  } else return null;
  if (valueKey(src[sd]!) === valueKey(art[ad]!)) return null;
  const frame = (k: number, m: number): [number, number] => [Math.min(k, m), Math.max(k, m) + 1];
  return { kind: 'date', src: [sd, sd + 1], art: [ad, ad + 1], frame: { src: frame(sd, h.s1), art: frame(ad, h.a1) } };
}

/**
 * A date at the edge of a longer rewording, held by the shared word beside it ("in March 1985." /
 * "in March 1983 as a cadet of nineteen"; "on February 19, last year" / "in July last
 * year"; "on July 26 1999." / "on 26 July 1996, and dispute every count"): the run of date words at that
 * edge on each side, one date a side (no other month or year in the region), compared year for year
 * where the years differ, else month for month, else day for day beside the same month ("on January 14
 * this year" / "on Jan 24").
 */
function dateAtEdge(src: readonly FactToken[], art: readonly FactToken[], h: Hunk): SlotDiff | null {
  const run = (toks: readonly FactToken[], from: number, to: number, step: 1 | -1): number[] => {
    const out: number[] = [];
    for (let k = step === 1 ? from : to - 1; k >= from && k < to && dateToken(toks, k); k += step) out.push(k);
    return out.sort((x, y) => x - y);
  };
  const read = (rs: number[], ra: number[]): SlotDiff | null => {
    const of = (toks: readonly FactToken[], r: number[], c: 'month' | 'year' | 'day') => r.filter((k) => dateToken(toks, k) === c);
    // one date a side: the rest of the region names no other month or year
    const others = (toks: readonly FactToken[], r: number[], from: number, to: number) => {
      for (let k = from; k < to; k++) if (!r.includes(k) && (dateToken(toks, k) === 'month' || dateToken(toks, k) === 'year')) return true;
      return false;
    };
    if (!rs.length || !ra.length || others(src, rs, h.s0, h.s1) || others(art, ra, h.a0, h.a1)) return null;
    const sameMonth = (() => {
      const s = of(src, rs, 'month');
      const a = of(art, ra, 'month');
      if (s.length === 1 && a.length === 1) return valueKey(src[s[0]!]!) === valueKey(art[a[0]!]!);
      // (or, the run holding no month, the month both sides share just before or after it: "on April
      // 27 1999, the court heard" / "on April 12 last year, the court heard", the year written relative to
      // the report's date on one side)
      if (s.length || a.length) return false;
      const shared = (k: number, m: number) => k >= 0 && m >= 0 && k < src.length && m < art.length && monthAt(src)(k) && monthAt(art)(m) && valueKey(src[k]!) === valueKey(art[m]!);
      return (rs[0] === h.s0 && ra[0] === h.a0 && shared(h.s0 - 1, h.a0 - 1)) || (rs[rs.length - 1] === h.s1 - 1 && ra[ra.length - 1] === h.a1 - 1 && shared(h.s1, h.a1));
    })();
    for (const c of ['year', 'month', 'day'] as const) {
      // (a day of the month only beside the same month on both sides: "January 14" / "Jan 24")
      if (c === 'day' && !sameMonth) continue;
      const s = of(src, rs, c);
      const a = of(art, ra, c);
      if (s.length !== 1 || a.length !== 1 || valueKey(src[s[0]!]!) === valueKey(art[a[0]!]!)) continue;
      // held by the words beside the whole date ("on July 26 1999" / "on 26 July 1996": "on" and "26")
      return { kind: 'date', src: [s[0]!, s[0]! + 1], art: [a[0]!, a[0]! + 1], frame: { src: [rs[0]!, rs[rs.length - 1]! + 1], art: [ra[0]!, ra[ra.length - 1]! + 1] } };
    }
    return null;
  };
  let d: SlotDiff | null = null;
  if (h.s0 > 0 && h.a0 > 0) d = read(run(src, h.s0, h.s1, 1), run(art, h.a0, h.a1, 1));
  if (!d && h.s1 < src.length && h.a1 < art.length) d = read(run(src, h.s0, h.s1, -1), run(art, h.a0, h.a1, -1));
  return d;
}

/**
 * title words that name no particular office (a spokesman speaks for anyone: "a spokesman for the
 * charity" is as often its director as not)
 */
const GENERIC_TITLES = new Set(['officer', 'head', 'leader', 'chief', 'executive', 'partner', 'speaker', 'master', 'general', 'major', 'private', 'founder', 'spokesman', 'spokeswoman', 'spokesperson']);
/** at most this many words on a side of a reworded stretch read for its role */
const ROLE_REGION_MAX = 8;

/** The office a title word names ("Det" → detective, "chairwoman" → chairman), or null for a courtesy title, a generic word or no title. */
function roleOf(t: FactToken): string | null {
  const w = t.low.replace(/\.$/, '');
  if (!TITLES.has(w) || HONORIFICS.has(w) || GENERIC_TITLES.has(w)) return null;
  return JUDICIAL[w] ?? (TITLE_ABBREVIATIONS[w] || w);
}

/** "a spokesman", "a spokeswoman", named by no one: a spokesman whose office the sentence does not give */
function anonymousSpokesman(toks: readonly FactToken[], k: number): boolean {
  const w = toks[k]!.low;
  if (w !== 'spokesman' && w !== 'spokeswoman' && w !== 'spokesperson') return false;
  const before = toks[k - 1]?.low;
  return (before === 'a' || before === 'an') && !(toks[k + 1] && nameToken(toks[k + 1]!));
}

/** a High Court judge is "Mr Justice Reyle", a Crown Court judge may sit as "the Recorder": both the judge */
const JUDICIAL: Record<string, string> = { justice: 'judge', recorder: 'judge' };

/**
 * One office for another inside a rewording: a changed stretch (one region, or two joined by at most
 * three shared words, a name or "the" between them) whose words name one office on each side, a
 * different one ("Coroner Reyle, opening the hearing, said" / "The judge said"; "Harbour
 * Secretary Lund" / "the Minister for the Harbour, Lund"; "named by the judge as" / "named by a
 * magistrate at Brisk Crown Court as"). Neither office may stand anywhere in the other sentence (then the words moved
 * between people), and the stretch must have shared words beside it. The slot is the two title
 * words; `frame` is the stretch, for the anchor test.
 */
function roleInRewording(src: readonly FactToken[], art: readonly FactToken[], hunks: readonly Hunk[], i: number, similarity: Similarities): { slot: SlotDiff; last: number } | null {
  if (similarity.pair < PAIR_ROLE_SIMILARITY) return null;
  const roles = (toks: readonly FactToken[], from: number, to: number) => {
    const out: number[] = [];
    for (let k = from; k < to; k++) if (roleOf(toks[k]!)) out.push(k);
    return out;
  };
  // (the source's anonymous spokesman stands for an office too against one the article names: "a
  // spokesman for the trust said" / "the trust's chairman said" gives the words to an officer the source
  // does not name; the other way round the article is only vaguer)
  const srcRoles = (from: number, to: number) => {
    const out = roles(src, from, to);
    for (let k = from; k < to; k++) if (anonymousSpokesman(src, k)) out.push(k);
    return out.sort((x, y) => x - y);
  };
  const srcRole = (k: number) => roleOf(src[k]!) ?? (anonymousSpokesman(src, k) ? 'spokesman' : null);
  let last = i;
  let sr = srcRoles(hunks[i]!.s0, hunks[i]!.s1);
  let ar = roles(art, hunks[i]!.a0, hunks[i]!.a1);
  // (the stretch starts at an office: a region before it is read on its own)
  if (!sr.length && !ar.length) return null;
  while ((!sr.length || !ar.length) && last + 1 < hunks.length) {
    const cur = hunks[last]!;
    const next = hunks[last + 1]!;
    const gap = art.slice(cur.a1, next.a0);
    if (gap.length > 3 || !gap.every((t) => isStopWord(t.low) || isCap(t))) break;
    last++;
    sr = sr.concat(srcRoles(next.s0, next.s1));
    ar = ar.concat(roles(art, next.a0, next.a1));
  }
  if (!sr.length || !ar.length || sr.length > 2 || ar.length > 2) return null;
  const first = hunks[i]!;
  const end = hunks[last]!;
  // the changed words of the stretch, shared words between its regions aside
  let ws = 0;
  let wa = 0;
  for (let k = i; k <= last; k++) {
    ws += hunks[k]!.s1 - hunks[k]!.s0;
    wa += hunks[k]!.a1 - hunks[k]!.a0;
  }
  if (ws > ROLE_REGION_MAX || wa > ROLE_REGION_MAX) return null;
  // shared words beside the stretch on one side at least
  if ((first.s0 === 0 || first.a0 === 0) && (end.s1 >= src.length || end.a1 >= art.length)) return null;
  const sRoles = new Set(sr.map((k) => srcRole(k)!));
  const aRoles = new Set(ar.map((k) => roleOf(art[k]!)!));
  if ([...sRoles].some((r) => aRoles.has(r))) return null;
  // one office spelled out on one side and abbreviated on the other ("DI" / "Detective Inspector")
  const spelled = (toks: readonly FactToken[], ks: number[]) => ks.map((k) => roleOf(toks[k]!) ?? '').join(' ');
  if (spelled(src, sr) === spelled(art, ar)) return null;
  // neither office anywhere in the other sentence: the words moved between two people
  const spoken = (t: FactToken) => TITLE_ABBREVIATIONS[t.low] ?? t.low;
  if (art.some((t) => sRoles.has(roleOf(t) ?? spoken(t))) || src.some((t) => aRoles.has(roleOf(t) ?? ''))) return null;
  return {
    slot: {
      kind: 'title',
      src: [sr[0]!, sr[sr.length - 1]! + 1],
      art: [ar[0]!, ar[ar.length - 1]! + 1],
      frame: { src: [first.s0, end.s1], art: [first.a0, end.a1] },
    },
    last,
  };
}

/** a role is read inside a rewording only in pairs whose credited similarity is at least this */
const PAIR_ROLE_SIMILARITY = 0.5;

/**
 * A rank the source gives at the end of a reworded region, just before a title word both sentences
 * share, and the article's side of the region gives none ("the Deputy Chief Pilot of Kestrel Bay" /
 * "Kestrel Bay's chief pilot"): the article dropped the rank, as a pure deletion would
 * (`classify`), inside a rewording. Shown on the shared title word the rank qualifies.
 */
function rankDroppedAtEdge(src: readonly FactToken[], art: readonly FactToken[], h: Hunk): SlotDiff | null {
  if (h.s1 - h.s0 < 1 || h.a1 - h.a0 < 1 || h.s1 >= src.length || h.a1 >= art.length) return null;
  const rank = src[h.s1 - 1]!.low;
  const title = src[h.s1]!.low;
  if (!UNAMBIGUOUS_MODIFIERS.has(rank) || !TITLES.has(title) || art[h.a1]!.low !== title) return null;
  for (let k = h.a0; k < h.a1; k++) if (TITLE_MODIFIERS.has(art[k]!.low)) return null;
  return { kind: 'title', src: [h.s1 - 1, h.s1 + 1], art: [h.a1, h.a1 + 1] };
}

/** Read one changed region as a slot difference, or null (a rewording that changes no fact). */
function classify(
  src: readonly FactToken[],
  art: readonly FactToken[],
  s0: number,
  s1: number,
  a0: number,
  a1: number,
  similarity: Similarities,
  edge: false | 'left' | 'right' = false,
  /** for an edge slot: the whole changed region it is the edge of */
  whole: { s0: number; s1: number; a0: number; a1: number } = { s0, s1, a0, a1 },
): SlotDiff | null {
  const hunkStart = { s: whole.s0, a: whole.a0 };
  const hunkEnd = { s: whole.s1, a: whole.a1 };
  const ns = s1 - s0;
  const na = a1 - a0;
  if (ns > 6 || na > 6) return null; // a rewritten stretch, not a changed slot
  const S = src.slice(s0, s1).map((t) => t.low);
  const A = art.slice(a0, a1).map((t) => t.low);

  // ---- quantities: widen over the shared number words around the change ("40 per cent" / "14 per cent")
  if (!edge) {
    let l = 0;
    while (s0 - l - 1 >= 0 && a0 - l - 1 >= 0 && NUMERICISH.test(src[s0 - l - 1]!.low)) l++;
    let r = 0;
    while (s1 + r < src.length && a1 + r < art.length && QUANTITY_SUFFIX.has(src[s1 + r]!.low)) r++;
    if (src[s1 + r - 1]?.low === 'per' && src[s1 + r]?.low === 'cent') r++;
    const sq = quantityHere(src, s0 - l, s1 + r).filter((q) => q.from >= s0 - l - 1);
    const aq = quantityHere(art, a0 - l, a1 + r).filter((q) => q.from >= a0 - l - 1);
    if (sq.length && aq.length) {
      if (sq.length === aq.length && sq.every((q, k) => sameQuantity(q, aq[k]!))) return null;
      // words of the changed region outside the figures: more than one on a side is a rewording around them
      const outside = (qs: Quantity[], toks: readonly FactToken[], f: number, t: number) => {
        let n = 0;
        for (let k = f; k < t; k++) if (!qs.some((q) => k >= q.from && k < q.to) && !HEDGES.has(toks[k]!.low)) n++;
        return n;
      };
      // a single figure on each side, held by the same shared word after it or before it ("poured 19
      // handfuls" / "accused of pouring 23 handfuls") or opening both sentences, is the same slot
      // however the words around it changed
      const anchored = sq.length === 1 && aq.length === 1 && sq[0]!.kind === aq[0]!.kind && sq[0]!.currency === aq[0]!.currency && ((sq[0]!.to >= s1 && aq[0]!.to >= a1 && s1 < src.length) || (sq[0]!.from <= s0 && aq[0]!.from <= a0 && (s0 > 0 || a0 === 0)));
      if (!anchored && (outside(sq, src, s0, s1) > 1 || outside(aq, art, a0, a1) > 1)) return null;
      // one side's figures all found on the other: detail added or dropped
      const has = (xs: Quantity[], q: Quantity) => xs.some((x) => sameQuantity(x, q));
      if (sq.every((q) => has(aq, q)) || aq.every((q) => has(sq, q))) return null;
      // an amount converted to another currency
      if (sq.some((q) => q.currency) && aq.some((q) => q.currency) && sq.every((q) => aq.every((x) => !x.currency || !q.currency || x.currency !== q.currency))) return null;
      // ranges and lists: the same values in another order or form are the same
      if (sq.length !== aq.length) {
        const sv = new Set(sq.map((q) => Math.round(q.value * 1e6)));
        const av = new Set(aq.map((q) => Math.round(q.value * 1e6)));
        if (sv.size === av.size && [...sv].every((v) => av.has(v))) return null;
      }
      const k = sq.findIndex((q, x) => !aq[x] || !sameQuantity(q, aq[x]!));
      const sQ = sq[Math.max(0, Math.min(k, sq.length - 1))]!;
      const aQ = aq[Math.max(0, Math.min(k, aq.length - 1))]!;
      const kind = sQ.kind === 'year' || aQ.kind === 'year' ? 'date' : sQ.kind === 'time' || aQ.kind === 'time' ? 'time' : 'number';
      const hedged = HEDGES.has(art[aQ.from - 1]?.low ?? '') || HEDGES.has(art[aQ.from - 2]?.low ?? '');
      // "more than 30" for 33, "nearly 60" for 59: a bound the source's figure keeps is no change
      // (not when the source bounds its own figure the same way: "nearly six weeks" / "nearly seven weeks"
      // are two bounds, and the rounding test below decides)
      const bound = boundBefore(art, aQ.from);
      if (kind === 'number' && sQ.kind === aQ.kind && sQ.currency === aQ.currency && bound && boundBefore(src, sQ.from) !== bound && (bound === 'above' ? sQ.value > aQ.value : sQ.value < aQ.value)) return null;
      const rounding = kind === 'number' && isRounding(sQ, aQ, hedged);
      return {
        kind,
        src: [Math.min(sQ.from, s0), Math.max(sQ.to, s1)],
        art: [Math.min(aQ.from, a0), Math.max(aQ.to, a1)],
        ...(rounding ? { rounding } : {}),
        srcQuantity: sQ,
        artQuantity: aQ,
      };
    }
    if ((sq.length || aq.length) && (ns === 0 || na === 0)) {
      // a figure added or dropped: a different amount of detail, not a contradiction
      return null;
    }
  }

  // pure insertions and deletions: shown with the word before them (negation: "did" / "did not")
  const widen = (kind: SlotKind): SlotDiff => {
    if (ns > 0 && na > 0) return { kind, src: [s0, s1], art: [a0, a1] };
    if (s0 > 0 && a0 > 0) return { kind, src: [s0 - 1, s1], art: [a0 - 1, a1] };
    return { kind, src: [s0, s1 + 1], art: [a0, a1 + 1] };
  };

  // ---- polarity: a negation on one side only, or an opposite
  // a negation inserted or dropped, the rest of the region the same ("did not" / "did", "didn't" / "did")
  if (!edge && ns <= 3 && na <= 3) {
    const bare = (xs: string[]) => xs.filter((x) => !PLAIN_NEGATORS.has(x)).map((x) => CONTRACTED[x] ?? x.replace(/n't$/, ''));
    const negs = (xs: string[]) => xs.filter((x) => PLAIN_NEGATORS.has(x) || x.endsWith("n't")).length;
    // "denied he was" says "was not": a denial verb just before the slot on the side without the
    // negation, and none on the other side; …
    const near = (toks: readonly FactToken[], at: number) => toks.slice(Math.max(0, at - 4), at).some((t) => DENIALS.has(t.low));
    const any = (toks: readonly FactToken[]) => toks.some((t) => DENIALS.has(t.low));
    // (or one before the slot there too: a negation inside what both report as denied is the denial
    // said again, "denied the charges, saying they never conspired" / "denied that they conspired")
    const before = (toks: readonly FactToken[], at: number) => toks.slice(0, at).some((t) => DENIALS.has(t.low));
    // (not when both sentences deny it in the same words up to the slot: "denied he was drunk" /
    // "denied he was not drunk" flips what is denied)
    const sameDenial = (() => {
      let k = 1;
      while (k <= 4 && s0 - k >= 0 && a0 - k >= 0 && src[s0 - k]!.low === art[a0 - k]!.low) {
        if (DENIALS.has(src[s0 - k]!.low)) return true;
        k++;
      }
      return false;
    })();
    const denial = !sameDenial && (negs(S) === 0 ? near(src, s0) && (!any(art) || before(art, a0)) : near(art, a0) && (!any(src) || before(src, s0)));
    // "issued no instructions" = "not issued any instructions": a negative word just after the slot on
    // the side without the negation; "was not about X but Y" corrects X, it does not deny the rest
    const negatedAfter = (toks: readonly FactToken[], at: number) => toks.slice(at, at + 4).some((t) => NEGATIVE_WORDS.has(t.low));
    const contrast = (toks: readonly FactToken[], at: number) => toks.slice(at, at + 6).some((t) => t.low === 'but');
    // (each only where the other sentence does not have the same word after the slot too: "had checked
    // the berths but kept the fees" / "had not checked the berths but kept the fees" is one sentence flipped)
    const reworded =
      negs(S) === 0
        ? (negatedAfter(src, s1) && !negatedAfter(art, a1)) || (contrast(art, a1) && !contrast(src, s1))
        : (negatedAfter(art, a1) && !negatedAfter(src, s1)) || (contrast(src, s1) && !contrast(art, a1));
    if ((negs(S) === 0) !== (negs(A) === 0) && !denial && !reworded) {
      if (bare(S).join(' ') === bare(A).join(' ')) {
        const w = widen('polarity');
        if (w.src[1] <= src.length && w.art[1] <= art.length) return w;
      }
      // the negation in place of an adverb of time or degree on the other side ("was not cleared" /
      // "was today cleared", "is not on leave" / "is currently on leave"): the same statement
      // denied; shown with the shared word before it, the adverb kept on its side
      const plain = negs(S) === 0 ? S : A;
      const negated = negs(S) === 0 ? A : S;
      if (s0 > 0 && a0 > 0 && plain.length > 0 && plain.every((x) => NEGATION_SWAPPABLE.has(x)) && negated.every((x) => PLAIN_NEGATORS.has(x))) {
        return { kind: 'polarity', src: [s0 - 1, s1], art: [a0 - 1, a1] };
      }
    }
  }
  if (!edge) for (const x of S) {
    const opp = ANTONYM.get(x);
    const y = opp ? A.find((w) => opp.has(w)) : undefined;
    // the source's word elsewhere in the article sentence, or the article's in the source sentence:
    // the words moved ("who won damages … lost the damages he won"), not flipped
    // "before" / "after" place the statement by an event: the same event on both sides, or it is no
    // flip ("Before sailing he radioed the harbour" / "After mooring he radioed the harbour": two moments, not one reversed)
    const sameEvent = !TIME_ORDER.has(x) || S.filter((w) => w !== x).join(' ') === A.filter((w) => w !== y).join(' ');
    if (y !== undefined && sameEvent && !art.some((t) => t.low === x) && !src.some((t) => t.low === y)) return { kind: 'polarity', src: [s0, s1], art: [a0, a1] };
  }
  if (ns === 0 || na === 0) {
    // titles: "former", "deputy" … added or dropped before a title or a name
    const added = ns === 0 ? A : S;
    const side = ns === 0 ? art : src;
    const at = ns === 0 ? a1 : s1;
    const next = side[at];
    const titleAhead = side.slice(at, at + 3).some((t) => TITLES.has(t.low) || TITLES.has(t.low.replace(/s$/, '')));
    // only a rank the source gives and the article drops: a rank the article adds ("the former England
    // centre", "Deputy principal Alden") is the writer's own knowledge, not a contradiction of the source
    // ("Deputy Chief" dropped before "Harbour Pilot": a rank with the title word it qualifies, a title
    // still ahead; "former partner" dropped before a firm's name is no rank of a person)
    const rank = added.every((x) => TITLE_MODIFIERS.has(x)) || (added.some((x) => UNAMBIGUOUS_MODIFIERS.has(x)) && added.every((x) => TITLE_MODIFIERS.has(x) || TITLES.has(x)) && titleAhead);
    if (ns > 0 && added.length <= 2 && rank && next && (titleAhead || isCap(next) || added.some((x) => UNAMBIGUOUS_MODIFIERS.has(x)))) {
      // (the word the rank qualifies, the same on both sides, holds the slot in place: the anchor test
      // starts from the rank, "could have been in the shadow cabinet" / "should have reached the Cabinet")
      // (at the article's first word there is no word before the rank to read from: the slot as it is)
      return { kind: 'title', src: [s0, s1 + 1], art: [a0, a1 + 1], ...(a0 > 0 ? { frame: { src: [s0, s1] as [number, number], art: [a0, a1] as [number, number] } } : {}) };
    }
    return null;
  }

  // ---- titles: a rank modifier changed in a reworded run before a title ("the judge" / "a former
  // judge", "acclaimed director" / "former director"); at most one other word changed
  if (!edge && ns <= 3 && na <= 3) {
    const mods = (xs: string[]) => xs.filter((x) => UNAMBIGUOUS_MODIFIERS.has(x)).sort().join(' ');
    const rest = (xs: string[]) => xs.filter((x) => !TITLE_MODIFIERS.has(x) && x !== 'the' && x !== 'a' && x !== 'an').length;
    const next = src[s1]?.low ?? '';
    if (mods(S) !== mods(A) && rest(S) + rest(A) <= 1 && (TITLES.has(next) || TITLES.has(next.replace(/s$/, '')))) {
      return { kind: 'title', src: [s0, s1 + 1], art: [a0, a1 + 1] };
    }
  }

  // ---- days, months
  const days = (xs: string[]) => xs.filter((x) => DAYS.has(x));
  if (days(S).length && days(A).length && days(S).join() !== days(A).join()) return { kind: 'date', src: [s0, s1], art: [a0, a1] };
  const months = (toks: readonly FactToken[], f: number, t: number) => toks.slice(f, t).filter((_, k) => monthAt(toks)(f + k)).map((x) => x.low.slice(0, 3));
  const sm = months(src, s0, s1);
  const am = months(art, a0, a1);
  if (sm.length && am.length && sm.join() !== am.join()) return { kind: 'date', src: [s0, s1], art: [a0, a1] };
  if (S.some((x) => RELATIVE_DAYS.has(x) || DAYS.has(x)) || A.some((x) => RELATIVE_DAYS.has(x) || DAYS.has(x))) return null;

  // ---- quantifiers
  const qs = S.filter((x) => x in QUANTIFIER_CLASS);
  const qa = A.filter((x) => x in QUANTIFIER_CLASS);
  // (only in a closely worded pair: "Most of the crews have close links to …" / "All the crews appear
  // to have links to …", reworded all through, is another statement about them)
  if (!edge && similarity.words >= QUANTIFIER_MIN_SIMILARITY && qs.length === 1 && qa.length === 1 && ns <= 2 && na <= 2 && QUANTIFIER_CLASS[qs[0]!] !== QUANTIFIER_CLASS[qa[0]!]) {
    return { kind: 'quantifier', src: [s0, s1], art: [a0, a1] };
  }

  // ---- titles: one title word for another ("deputy minister" / "minister", "Det Sgt" / "Det Insp")
  // (a title in the possessive on both sides is still the title: "the judge's order" / "the coroner's order")
  const possessive = (xs: string[]) => xs.length > 0 && /'s$/.test(xs[xs.length - 1]!);
  const unowned = (xs: string[]) => (possessive(S) && possessive(A) ? [...xs.slice(0, -1), xs[xs.length - 1]!.replace(/'s$/, '')] : xs);
  const tS = unowned(S);
  const tA = unowned(A);
  const titleish = (xs: string[]) => xs.length > 0 && xs.every((x) => TITLES.has(x) || TITLE_MODIFIERS.has(x));
  if (titleish(tS) || titleish(tA)) {
    if (!titleish(tS) || !titleish(tA)) return null;
    // abbreviations and courtesy titles aside (Det Supt = Detective Superintendent; Mr / QC), a different role
    const roles = (xs: string[]) => xs.flatMap((x) => (TITLE_ABBREVIATIONS[x] ?? x).split(' ')).filter((x) => !HONORIFICS.has(x)).join(' ');
    const rs = roles(tS);
    const ra = roles(tA);
    if (rs && ra && rs !== ra) return { kind: 'title', src: [s0, s1], art: [a0, a1] };
    return null;
  }

  // ---- names: someone else in the same place ("Mr Smith told" / "Mr Jones told"); a spelling variant is the names rules'
  // titles before the names are compared as titles above when they differ alone; with the name, the name decides
  let sT = src.slice(s0, s1);
  let aT = art.slice(a0, a1);
  // letters after a name ("Petra Lund MP") title it as a courtesy title before it does; the wire's
  // "Petra Lund MP" is the paper's "Mrs Lund", so against a name with them a courtesy title before the
  // other name is set aside too ("Petra Lund MP was" / "Mr Reyle was")
  const sPost = sT.length > 1 && POST_NOMINAL.has(sT[sT.length - 1]!.low);
  const aPost = aT.length > 1 && POST_NOMINAL.has(aT[aT.length - 1]!.low);
  if (sPost) sT = sT.slice(0, -1);
  if (aPost) aT = aT.slice(0, -1);
  if (sPost !== aPost) {
    const other = sPost ? aT : sT;
    if (other.length > 1 && COURTESY.has(other[0]!.low.replace(/\.$/, ''))) {
      if (sPost) aT = aT.slice(1);
      else sT = sT.slice(1);
    }
  }
  // a title before the name on either side is set aside: the names are compared ("Miss Walker" /
  // "Ms Crump", "Pc Reyle" / "Ms Lund", "Kevan Reyle" / "Mr Lund"; the titles alone are compared above)
  if (sT.length >= 2 && titleWord(sT[0]!) && personName(sT.slice(1))) sT = sT.slice(1);
  if (aT.length >= 2 && titleWord(aT[0]!) && personName(aT.slice(1))) aT = aT.slice(1);
  if (!personName(sT) || !personName(aT)) return null;
  const sEnd = s1 - (sPost ? 1 : 0);
  const aEnd = a1 - (aPost ? 1 : 0);
  const sFrom = sEnd - sT.length;
  const aFrom = aEnd - aT.length;
  // a name for a name in the same frame: shared words on both sides (the end of both sentences
  // counts as one: "said Mr Smith." / "said Mr Jones."); at the edge of a longer rewording, two
  // shared words on the anchored side, and a new clause in the reworded rest on both sides or on
  // neither ("Mr Smith said he" / "Mr Jones made" puts the names in different clauses)
  // (a side that ends its sentence with the name leaves the other's clause after it as detail cut:
  // "force used by Mr Smith when he was attacked." / "force used by Mr Jones."; a side that opens its
  // sentence with the name, the other's reporting frame before it: "She told the jury Smith would
  // claim" / "Mr Jones would claim")
  const ends = s1 === src.length && a1 === art.length;
  const framed =
    edge === 'left'
      ? ((s0 === 0 && a0 === 0) || (s0 >= 2 && a0 >= 2 && src[s0 - 2]!.low === art[a0 - 2]!.low) || (s0 >= 1 && TITLES.has(src[s0 - 1]!.low))) &&
        (newClause(src, s1, hunkEnd.s) === newClause(art, a1, hunkEnd.a) || (a1 === hunkEnd.a && a1 === art.length) || (s1 === hunkEnd.s && s1 === src.length))
      : edge === 'right'
        ? ((s1 + 1 < src.length && a1 + 1 < art.length && src[s1 + 1]!.low === art[a1 + 1]!.low) || (s0 >= 1 && a0 >= 1 && TITLES.has(src[s0 - 1]!.low) && src[s0 - 1]!.low === art[a0 - 1]!.low)) &&
          (newClause(src, hunkStart.s, s0) === newClause(art, hunkStart.a, a0) || (a0 === 0 && hunkStart.a === 0 && reportingLead(src, hunkStart.s, s0)) || (s0 === 0 && hunkStart.s === 0 && reportingLead(art, hunkStart.a, a0)))
        : s0 > 0 && a0 > 0 && ((s1 < src.length && a1 < art.length) || ends);
  if (!framed) return null;
  // a person on both sides: after a title ("Miss Walker" / "Miss Crump"), written in full
  // ("Tomas Reyle" / "Petra Lund") or after the same first name; a bare capitalised word may be a
  // place, a newspaper, a programme or the same person's first name ("Winstanley began" / "Dawn
  // began"). A title on one side only leaves the other name to be shown a person (`unproven`).
  const titledAt = (toks: readonly FactToken[], k: number) => k > 0 && TITLES.has(toks[k - 1]!.low);
  const sTitled = titledAt(src, sFrom) || sPost;
  const aTitled = titledAt(art, aFrom) || aPost;
  const titled = sTitled && aTitled;
  // (a name after an article is an organisation or a place: "the Harbour Gazette")
  const DETERMINERS = ['the', 'a', 'an'];
  const full = sT.length >= 2 && aT.length >= 2 && !DETERMINERS.includes(src[sFrom - 1]?.low ?? '') && !DETERMINERS.includes(art[aFrom - 1]?.low ?? '');
  // (a shared capitalised word after an article is part of a place's or a thing's name: "the Pacific Ring
  // of Fire", not a first name)
  const firstNamed = sFrom > 0 && aFrom > 0 && src[sFrom - 1]!.low === art[aFrom - 1]!.low && nameToken(src[sFrom - 1]!) && !DETERMINERS.includes(src[sFrom - 2]?.low ?? '') && !DETERMINERS.includes(art[aFrom - 2]?.low ?? '');
  // (a name in full against a titled one: "Kevan Reyle" / "Mr Lund")
  const mixed = (sTitled && aT.length >= 2 && !DETERMINERS.includes(art[aFrom - 1]?.low ?? '')) || (aTitled && sT.length >= 2 && !DETERMINERS.includes(src[sFrom - 1]?.low ?? ''));
  const proven = titled || full || firstNamed || mixed;
  if (!proven && !sTitled && !aTitled) return null;
  const unproven: 'src' | 'art' | undefined = proven ? undefined : sTitled ? 'art' : 'src';
  // between a shared first name and a shared surname: a middle name, spelt or transliterated otherwise
  if (firstNamed && s1 < src.length && a1 < art.length && src[s1]!.low === art[a1]!.low && nameToken(src[s1]!)) return null;
  // (read on the pair's credited similarity: the changed name must not lose the pair that shows it)
  if (similarity.pair >= (titled ? 0.5 : 0.6) && (edge ? true : ns <= 2 + (sPost ? 1 : 0)) && na <= 2 + (aPost ? 1 : 0)) {
    const sl = sT[sT.length - 1]!.low.replace(/'s$/, '');
    const al = aT[aT.length - 1]!.low.replace(/'s$/, '');
    if (sT.some((t) => aT.some((u) => u.low === t.low))) return null; // the same person, fuller or shorter
    if (jaroWinkler(sl, al) >= 0.8) return null; // a spelling variant
    // two names that swap places are a reordering, not a substitution
    if (art.some((t) => t.low === sl) && src.some((t) => t.low === al)) return null;
    // (letters after a name hold it by the words after them: the slot's frame takes them in)
    let frame = sPost || aPost ? { frame: { src: [sFrom, s1] as [number, number], art: [aFrom, a1] as [number, number] } } : {};
    // (the source's surname for the article's after a courtesy title: "Mr Reyle" is put right as "Mr
    // Lund"; so is "Kevan Reyle", the first name and the title then held in the slot's frame)
    const courtesyBefore = aT.length === 1 && aFrom > 0 && COURTESY.has(art[aFrom - 1]!.low.replace(/\.$/, ''));
    const fullSrc = !sPost && !sTitled && sT.length === 2 && nameToken(sT[0]!);
    const srcFrom = (sPost || fullSrc) && courtesyBefore ? sEnd - 1 : sFrom;
    if (fullSrc && courtesyBefore) frame = { frame: { src: [sFrom, s1], art: [aFrom - 1, a1] } };
    // (two titles, each side its own, before the names are held by the words before them: "verdict Pc
    // Reyle, a mother" / "verdict Ms Lund, who")
    else if (!sPost && !aPost && titledAt(src, sFrom) && titledAt(art, aFrom) && src[sFrom - 1]!.low !== art[aFrom - 1]!.low) frame = { frame: { src: [sFrom - 1, s1], art: [aFrom - 1, a1] } };
    return { kind: 'name', src: [srcFrom, sEnd], art: [aFrom, aEnd], ...(unproven ? { unproven } : {}), ...frame };
  }
  return null;
}
