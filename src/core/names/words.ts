/**
 * What is an ordinary English word, and what is a known name, for the name checks.
 *
 * Ordinary words: the `an-array-of-english-words` list (≈275k lower-case words, MIT), imported as
 * JSON so esbuild inlines it (no fs in core). Known names: compromise's lexicon (first names,
 * surnames, places, countries, organisations, demonyms), compromise-lexicon.ts.
 */
import { compromiseLexicon, type Lexicon } from './compromise-lexicon';
import { lowerBound } from '../search';
import { isStopWord } from '../stopwords';
import { Generations } from '../generations';

let wordList: string[] | undefined;
let sorted: readonly string[] | undefined;

/** The ordinary-word list (lower case), parsed on first use (a program that checks nothing does not pay for it). */
export function englishWords(): readonly string[] {
  // a plain require: an ES default import would make the bundler copy the 275k-entry array property by property
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!wordList) wordList = require('an-array-of-english-words') as string[];
  return wordList;
}

/**
 * The list in code-unit order, for binary search: the package ships it sorted, so this is the list
 * itself after one pass that checks the order (a sorted copy otherwise). Searching it costs ~18
 * comparisons a word and, unlike a Set of 275k strings, nothing to build on the first check.
 */
function sortedWords(): readonly string[] {
  if (!sorted) {
    const w = englishWords();
    let inOrder = true;
    for (let i = 1; i < w.length && inOrder; i++) if (!(w[i - 1]! < w[i]!)) inOrder = false;
    sorted = inOrder ? w : [...new Set(w)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  }
  return sorted;
}

/** `lower` is in the word list (binary search). */
export function inWordList(lower: string): boolean {
  const w = sortedWords();
  return w[lowerBound(w.length, (i) => w[i]! < lower)] === lower;
}

let lexicon: Lexicon | undefined;
function lex(): Lexicon {
  if (!lexicon) lexicon = compromiseLexicon();
  return lexicon;
}

function tagsOf(lower: string): string[] {
  const t = lex()[lower];
  if (t === undefined) return [];
  return Array.isArray(t) ? t : [t];
}

const NAME_TAGS = new Set([
  'FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Place', 'City', 'Country', 'Region', 'ProperNoun',
  'Organization', 'SportsTeam', 'Demonym',
]);
const COMMON_TAGS = new Set([
  'Gerund', 'Adjective', 'PastTense', 'Plural', 'PresentTense', 'Infinitive', 'Singular', 'Comparative', 'Superlative',
  'Uncountable', 'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Modal', 'Copula', 'Auxiliary',
  'Participle', 'Noun', 'Verb', 'Actor', 'Unit', 'Expression', 'QuestionWord', 'Month', 'WeekDay', 'Date',
  'Holiday', 'Currency', 'Cardinal', 'Ordinal', 'Value', 'Negative',
]);

/** Months and weekdays are capitalised but are not names anyone misspells against the references. */
const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/**
 * The answers of isOrdinaryWord and isKnownName per word, remembered: both read only fixed lists (the
 * word list, the stop words, compromise's lexicon), and an article's words are asked about on every
 * check. Bit 0: answered ordinary; 1: ordinary; 2: answered name; 3: name.
 */
const wordAnswers = new Generations<number>(20000);

/** An ordinary English word (lower-case input): in the word list, a stop word or a common-word lexicon entry. */
export function isOrdinaryWord(lower: string): boolean {
  const a = wordAnswers.get(lower) ?? 0;
  if (a & 1) return (a & 2) !== 0;
  const v = isStopWord(lower) || CALENDAR.has(lower) || inWordList(lower) || tagsOf(lower).some((t) => COMMON_TAGS.has(t));
  wordAnswers.set(lower, a | 1 | (v ? 2 : 0));
  return v;
}

/** A name compromise knows (a first name, surname, place, country, organisation or demonym). */
export function isKnownName(lower: string): boolean {
  const a = wordAnswers.get(lower) ?? 0;
  if (a & 4) return (a & 8) !== 0;
  const v = tagsOf(lower).some((t) => NAME_TAGS.has(t));
  wordAnswers.set(lower, a | 4 | (v ? 8 : 0));
  return v;
}

const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/** A given name compromise knows (Michael, Anna). */
export function isFirstName(lower: string): boolean {
  return tagsOf(lower).some((t) => FIRST_NAME_TAGS.has(t));
}

/**
 * A given name with s added (Helens, Peters, Williams): a surname made from the given name, or a
 * place named after a saint (St Helens), a name in its own right.
 */
export function isGivenNameWithS(lower: string): boolean {
  return lower.length >= 5 && lower.endsWith('s') && !lower.endsWith('ss') && isFirstName(lower.slice(0, -1));
}

const PLACE_TAGS = new Set(['Place', 'City', 'Country', 'Region']);

/** A place compromise knows (Rome, Somalia) that it does not also know as a given name or surname. */
export function isPlaceOnly(lower: string): boolean {
  const tags = tagsOf(lower);
  return tags.some((t) => PLACE_TAGS.has(t)) && !tags.some((t) => FIRST_NAME_TAGS.has(t) || t === 'LastName' || t === 'Person');
}

/** Endings that make a people's name of a place's (Somalia → Somali, Somalis; Kenya → Kenyans; Israel → Israeli). */
const DEMONYM_ENDINGS = ['', 'i', 'n', 'an', 'ian', 'ean', 'ese', 'ish'];

/**
 * `word` names the people of `place` (Somalis for Somalia, Kenyans for Kenya, Israelis for Israel),
 * not a misspelling of the place: the place, or the place without its final vowel, with a demonym
 * ending and an optional plural s, and not the place itself.
 */
export function demonymOf(word: string, place: string): boolean {
  if (word === place) return false;
  const w = word.endsWith('s') ? word.slice(0, -1) : word;
  const stems = /[aeoy]$/u.test(place) ? [place, place.slice(0, -1)] : [place];
  for (const stem of stems) {
    if (stem.length < 3 || !w.startsWith(stem)) continue;
    const ending = w.slice(stem.length);
    // the place's own final vowel dropped, with nothing added, is a people's name only for -ia (Somalia → Somali)
    if (ending === '' && !(stem !== place && place.endsWith('ia'))) continue;
    if (DEMONYM_ENDINGS.includes(ending) && w !== place) return true;
  }
  return false;
}

let trigrams: Int32Array | undefined;

/** A letter's place in the 3-gram table: a–z, 26 for any other character, 27 for a word's edge. */
function letterCode(ch: number): number {
  return ch >= 97 && ch <= 122 ? ch - 97 : 26;
}

/** The letter 3-grams of a word with its edges marked, as indexes into the 28×28×28 table. */
function letterTrigrams(lower: string): number[] {
  const codes = [27];
  for (let i = 0; i < lower.length; i++) codes.push(letterCode(lower.charCodeAt(i)));
  codes.push(27);
  const out: number[] = [];
  for (let i = 0; i + 3 <= codes.length; i++) out.push((codes[i]! * 28 + codes[i + 1]!) * 28 + codes[i + 2]!);
  return out;
}

/**
 * Which of two spellings of one length reads as written letters rather than keyed letters: of the
 * letter 3-grams each has and the other lacks, the rarest one's count in the ordinary-word list (counted
 * on first use). A slip leaves a run of letters words rarely hold (Brinswroth's "swr") where the
 * name has common ones. 1 when `a` is clearly the more plausible (its rarest is at least four
 * times as common, both counted plus one), -1 when `b` is, 0 when that does not settle it.
 */
export function morePlausibleSpelling(a: string, b: string): number {
  if (a.length !== b.length || a === b) return 0;
  if (!trigrams) {
    const table = new Int32Array(28 * 28 * 28);
    for (const w of englishWords()) {
      let p = 27;
      let q = letterCode(w.charCodeAt(0));
      for (let i = 1; i <= w.length; i++) {
        const r = i < w.length ? letterCode(w.charCodeAt(i)) : 27;
        table[(p * 28 + q) * 28 + r]!++;
        p = q;
        q = r;
      }
    }
    trigrams = table;
  }
  const ga = letterTrigrams(a);
  const gb = letterTrigrams(b);
  const rarest = (own: number[], other: number[]) => {
    let min = Infinity;
    for (const g of own) if (!other.includes(g)) min = Math.min(min, trigrams![g]!);
    return min === Infinity ? 0 : min;
  };
  const ra = rarest(ga, gb) + 1;
  const rb = rarest(gb, ga) + 1;
  return ra >= 4 * rb ? 1 : rb >= 4 * ra ? -1 : 0;
}

export function isCalendarWord(lower: string): boolean {
  return CALENDAR.has(lower);
}

/** Courtesy and office titles that precede a name: evidence that the next capitalised word is a name. */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president', 'vice',
  'prime', 'minister', 'chancellor', 'secretary', 'senator', 'sen', 'rep', 'representative', 'congressman',
  'congresswoman', 'governor', 'gov', 'mayor', 'judge', 'justice', 'general', 'gen', 'colonel', 'col', 'captain',
  'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'commander', 'admiral', 'major', 'king', 'queen', 'prince',
  'princess', 'duke', 'duchess', 'pope', 'cardinal', 'bishop', 'archbishop', 'rev', 'reverend', 'father', 'sister',
  'rabbi', 'imam', 'sheikh', 'ayatollah', 'chairman', 'chairwoman', 'ceo', 'director', 'inspector', 'detective',
  'officer', 'constable', 'superintendent', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'st', 'saint',
  'mount', 'mt', 'lake', 'river', 'fort', 'port', 'cape',
]);
