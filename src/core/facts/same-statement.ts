/**
 * Is this pair clearly the same statement, so that a different value in the slot is a changed fact
 * and not another statement that shares words with it (another person's sentence, another event's
 * date, another occasion's figure)? Checks, each over the pair's fact tokens and texts:
 * - enough shared content words beyond the slot (a stock sentence, "He was jailed for five years",
 *   is said of many people);
 * - the slot anchored: the nearest content word beside it, on at least one side and within the
 *   clause, is the same word on both sides;
 * - the same stance: a claim is not a ruling ("claimed" / "ruled");
 * - the same occasion: "the previous poll" is not "the latest poll";
 * - the source's figure not stated elsewhere in the article sentence, nor the article's elsewhere in
 *   the source sentence (then the slot is another figure of the statement), nor the article's figure
 *   a sum of the source's (15 counts and four counts = 19 counts), nor an age against a figure that
 *   is no age ("Brobbey, 58," / "a mother of five");
 * - a day or month that is not the one each whole text keeps naming (two reports of two months);
 * - names that are one place or event in other words (Oxon / Oxfordshire, Games / Olympics), no
 *   name compared inside a list of names (a team sheet), and both names credited with the quotation
 *   they share or neither (a speaker is not the subject of a poster);
 * - a title word that moved to another person of the sentence is no changed title.
 */
import { REPORTING } from '../attribution/evidence';
import { isStopWord } from '../stopwords';
import { ASIDE_VERBS, CLAUSE_WORDS, dateWord, factTokens, type FactToken, type Hunk, type SlotDiff } from './compare';

/** words that fill slots: not evidence that two sentences make the same statement */
const SLOT_WORD = /^(?:\d[\d.,]*\w*|[£$€%]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

const DAY_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** A crude stem for comparing content words ("jailed" / "jail", "years" / "year"). */
function stem(w: string): string {
  return w.replace(/'s$/, '').replace(/(?:ing|ed|es|s)$/, '');
}

function content(t: FactToken): boolean {
  return !isStopWord(t.low) && !SLOT_WORD.test(t.low) && /\p{L}/u.test(t.low);
}

/** The content stems of a token list outside the range [from, to). */
function contentStems(toks: readonly FactToken[], from: number, to: number): Set<string> {
  const out = new Set<string>();
  toks.forEach((t, k) => {
    if ((k < from || k >= to) && content(t)) out.add(stem(t.low));
  });
  return out;
}

/** at least this many content words, outside the slot, in both sentences */
export const MIN_SHARED_CONTENT = 3;

/** How many content words (stems) outside the slot the two sentences share. */
export function sharedContent(src: readonly FactToken[], art: readonly FactToken[], d: SlotDiff): number {
  const a = contentStems(art, d.art[0], d.art[1]);
  let n = 0;
  for (const x of contentStems(src, d.src[0], d.src[1])) if (a.has(x)) n++;
  return n;
}

/** function words: equal on both sides, they hold nothing in place ("in 1985" / "in April 1987") */
const FUNCTION_WORDS = new Set(
  ('the a an in on at of to for by with from into onto over under about after before and or but nor as than then that this these those ' +
    'it its he she they his her their him them we us our i me my you your was were is are be been being has have had do does did ' +
    'will would shall should could may might can must not no so if there which who whom whose what when where while').split(' '),
);

/** A word that holds a slot in place when both sentences have it beside the slot: not a function word. */
function anchorWord(t: FactToken): boolean {
  return !FUNCTION_WORDS.has(t.low) && /[\p{L}\d]/u.test(t.low);
}

/**
 * Punctuation between two tokens that ends a clause (a comma, a hyphen or an apostrophe does not, nor
 * a quotation opening on the next word: "was 'knowingly helping" quotes from inside the clause).
 */
function clauseBreak(text: string, from: number, to: number): boolean {
  if (/^\s+(?:``|["“‘'])$/.test(text.slice(from, to))) return false;
  return /[.;:!?()"“”'‘’`]|--|\s[-–—]\s/.test(text.slice(from, to).replace(/(?<=\p{L})['’](?=\p{L})/gu, ''));
}

/**
 * The slot is held on one side by the same word: walking out from the slot on both sides at once,
 * over equal function words, the first other word is the same in both sentences, and no
 * clause break comes between it and the slot on either side.
 */
export function anchored(src: readonly FactToken[], srcText: string, art: readonly FactToken[], artText: string, d: SlotDiff): boolean {
  // (a title read inside a rewording is held by the words beside the rewording)
  const r = d.frame ?? { src: d.src, art: d.art };
  const side = (step: -1 | 1): boolean => {
    let i = step < 0 ? r.src[0] - 1 : r.src[1];
    let j = step < 0 ? r.art[0] - 1 : r.art[1];
    let pi = step < 0 ? r.src[0] : r.src[1] - 1;
    let pj = step < 0 ? r.art[0] : r.art[1] - 1;
    while (i >= 0 && j >= 0 && i < src.length && j < art.length) {
      const s = src[i]!;
      const a = art[j]!;
      const sp = src[pi]!;
      const ap = art[pj]!;
      if (step < 0 ? clauseBreak(srcText, s.end, sp.start) || clauseBreak(artText, a.end, ap.start) : clauseBreak(srcText, sp.end, s.start) || clauseBreak(artText, ap.end, a.start)) return false;
      if (s.low !== a.low) return false;
      // (a month holds the year after it, "in May 1993" / "in May 1996", "May" as much as "June")
      if (anchorWord(s) || (dateWord(src, i) && dateWord(art, j))) return true;
      pi = i;
      pj = j;
      i += step;
      j += step;
    }
    return false;
  };
  // a day of the week that ends both sentences after the same word ("… across the country on Friday." /
  // "… across the country and abroad on Saturday."): the end of the statement holds it as a word
  // would (not a month or a year: "figures for November" / "figures released in September" are
  // another month's report as often as a changed one)
  const weekday = (toks: readonly FactToken[], r: readonly [number, number]) => r[1] - r[0] === 1 && DAY_WORDS.has(toks[r[0]]!.low.replace(/'s$/, ''));
  const endsBoth =
    d.kind === 'date' && weekday(src, d.src) && weekday(art, d.art) && d.src[1] === src.length && d.art[1] === art.length && d.src[0] > 0 && d.art[0] > 0 && src[d.src[0] - 1]!.low === art[d.art[0] - 1]!.low &&
    !clauseBreak(srcText, src[d.src[0] - 1]!.end, src[d.src[0]]!.start) && !clauseBreak(artText, art[d.art[0] - 1]!.end, art[d.art[0]]!.start);
  return side(-1) || side(1) || endsBoth;
}

/** verbs that say what kind of statement a sentence reports: a claim, a ruling, an admission */
const STANCE: Record<string, string> = {
  claim: 'claim', claimed: 'claim', claims: 'claim', alleged: 'claim', alleges: 'claim', allege: 'claim', argued: 'claim', argues: 'claim', insisted: 'claim', insists: 'claim', maintained: 'claim',
  ruled: 'ruling', rules: 'ruling', ruling: 'ruling', found: 'ruling', decided: 'ruling', concluded: 'ruling', held: 'ruling', verdict: 'ruling',
  admitted: 'admission', admits: 'admission', conceded: 'admission', accepted: 'admission',
  denied: 'denial', denies: 'denial',
  feared: 'fear', fears: 'fear', hoped: 'hope', hopes: 'hope', predicted: 'forecast', predicts: 'forecast', expected: 'forecast', expects: 'forecast', forecast: 'forecast',
};

function stances(toks: readonly FactToken[]): Set<string> {
  const out = new Set<string>();
  for (const t of toks) {
    const s = STANCE[t.low];
    if (s) out.add(s);
  }
  return out;
}

/** Each set holds a value the other does not: the two sentences name different things of one kind. */
function eachHasOwn(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  const own = (p: ReadonlySet<string>, q: ReadonlySet<string>) => [...p].some((v) => !q.has(v));
  return own(x, y) && own(y, x);
}

/** Token range [f, t) overlaps the slot's range r. */
function overlaps(f: number, t: number, r: readonly [number, number]): boolean {
  return f < r[1] && t > r[0];
}

/** The changed region h overlaps the slot, in the article or in the source. */
function touchesSlot(h: Hunk, d: SlotDiff): boolean {
  return overlaps(h.a0, h.a1, d.art) || overlaps(h.s0, h.s1, d.src);
}

/** Each sentence reports a statement of a kind the other does not ("He claimed …" / "A judge ruled …"). */
export function stanceDiffers(src: readonly FactToken[], art: readonly FactToken[], d: SlotDiff): boolean {
  const a = stances(art.filter((_, k) => k < d.art[0] || k >= d.art[1]));
  const s = stances(src.filter((_, k) => k < d.src[0] || k >= d.src[1]));
  return eachHasOwn(a, s);
}

/** words that place a statement among others of its kind: one poll, report or match is not another */
const OCCASION = new Set(['previous', 'latest', 'last', 'next', 'earlier', 'later', 'recent', 'new', 'first', 'second', 'third', 'final', 'original', 'current', 'initial']);

/** Each sentence places its statement on an occasion the other does not name ("the previous poll" / "the latest poll"). */
export function occasionDiffers(src: readonly FactToken[], art: readonly FactToken[]): boolean {
  const a = new Set(art.map((t) => t.low).filter((w) => OCCASION.has(w)));
  const s = new Set(src.map((t) => t.low).filter((w) => OCCASION.has(w)));
  return eachHasOwn(a, s);
}

/** words that place a figure at a time of day or of trading: the noon price is not the closing price */
const TIME_OF_DAY = new Set(['noon', 'midday', 'midnight', 'morning', 'afternoon', 'evening', 'overnight', 'lunchtime', 'dawn', 'closing', 'closed', 'opening']);

/**
 * Each sentence, outside the slot, places its statement at a time of day the other does not name
 * ("closed up 3.25% on Tuesday" / "were up nearly 4% by noon on Tuesday"): two readings of a figure
 * that moves during the day, not one figure changed.
 */
export function timeOfDayDiffers(src: readonly FactToken[], art: readonly FactToken[], d: SlotDiff): boolean {
  const words = (toks: readonly FactToken[], r: [number, number]) => new Set(toks.filter((t, k) => (k < r[0] || k >= r[1]) && TIME_OF_DAY.has(t.low)).map((t) => t.low));
  const a = words(art, d.art);
  const s = words(src, d.src);
  return eachHasOwn(a, s);
}

/**
 * A changed region other than the slot's names the same day or month on both sides ("Going into Grand
 * Thursday, the union held" / "Going into Thursday's ballot, the union held"): the statement is anchored
 * to its occasion in other words, so its figure is another occasion's, not a changed one.
 */
export function timeAnchorReworded(src: readonly FactToken[], art: readonly FactToken[], regions: readonly Hunk[], d: SlotDiff): boolean {
  // the same day or month on both sides ("last Wednesday" / "on September 22" is one date said otherwise)
  const dates = (toks: readonly FactToken[], f: number, t: number) => toks.slice(f, t).filter((_, k) => dateWord(toks, f + k)).map((x) => x.low.replace(/'s$/, '').slice(0, 3));
  const shared = (h: Hunk) => {
    const a = dates(art, h.a0, h.a1);
    return a.length > 0 && dates(src, h.s0, h.s1).some((x) => a.includes(x));
  };
  // words besides the date itself ("Grand", "ballot"); "Dec 7" / "December 7" is one date written
  // otherwise, and another day or month alone is a second value (read as such elsewhere)
  const wordy = (toks: readonly FactToken[], f: number, t: number) => {
    for (let k = f; k < t; k++) if (!dateWord(toks, k) && content(toks[k]!)) return true;
    return false;
  };
  return regions.some((h) => {
    return !touchesSlot(h, d) && shared(h) && (wordy(src, h.s0, h.s1) || wordy(art, h.a0, h.a1));
  });
}

const WORD_VALUE: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** The figures written in tokens [from, to), as written ("£2 million" → 2, "1,198" → 1198, "five" → 5). */
export function figures(toks: readonly FactToken[], from = 0, to = toks.length): number[] {
  const out: number[] = [];
  for (let k = Math.max(0, from); k < Math.min(to, toks.length); k++) {
    const w = toks[k]!.low;
    const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/.exec(w);
    if (m) out.push(Number(m[1]!.replace(/,/g, '') + (m[2] ? '.' + m[2] : '')));
    else if (w in WORD_VALUE) out.push(WORD_VALUE[w]!);
  }
  return out;
}

/**
 * The source's figures for the slot are all stated in the article sentence outside its slot ("in
 * 1997" said elsewhere, the slot's "1996" is another event's year), or the article's figures all
 * stated in the source sentence outside its slot, or the two slots' figures are each found in the
 * other sentence ("two to three million" / "between £2 million and £3 million").
 */
export function valueElsewhere(src: readonly FactToken[], art: readonly FactToken[], d: SlotDiff): boolean {
  const sv = figures(src, d.src[0], d.src[1]);
  const av = figures(art, d.art[0], d.art[1]);
  if (!sv.length) return false;
  const count = (xs: number[], v: number) => xs.filter((x) => x === v).length;
  // as often outside the article's slot as in the whole source sentence: "three men … for three
  // years" with one "three" changed still differs
  const srcAll = figures(src);
  const artOut = [...figures(art, 0, d.art[0]), ...figures(art, d.art[1])];
  if (sv.every((v) => count(artOut, v) >= count(srcAll, v))) return true;
  // the other way round: the article's figures all stated in the source sentence outside its slot
  // ("a fee of $140 a berth, a rise of about $6" / "a $6 rise a berth"): the slot was read against
  // another figure of the source's statement
  const artList = figures(art);
  const srcOut = [...figures(src, 0, d.src[0]), ...figures(src, d.src[1])];
  if (av.length > 0 && av.every((v) => count(srcOut, v) >= count(artList, v))) return true;
  const artAll = new Set(artList);
  return av.length > 0 && sv.every((v) => artAll.has(v)) && av.every((v) => srcAll.includes(v));
}

/**
 * Another changed region than the slot's states one figure on each side, and they differ ("Oduya has
 * 14 seats and Lund has 9" / "Oduya has 212 seats, Brandt has 87 and Lund left the race
 * with 96"; "a survey of 1,204 members taken May 3 to 7" / "of 377 skippers
 * taken Oct. 2 to 6"): the sentences state another occasion's figures throughout. An error
 * changes one fact of a statement. A region whose figures are dates ("on two charges" / "to appear
 * again on October 3"), or with several figures on a side ("four children" / "two boys and two
 * girls"), or "one" (a pronoun as often as a count), is detail reworded, not a second figure.
 */
export function otherFiguresDiffer(src: readonly FactToken[], art: readonly FactToken[], regions: readonly Hunk[], d: SlotDiff): boolean {
  const one = (toks: readonly FactToken[], f: number, t: number): number | null => {
    for (let k = f; k < t; k++) if (dateWord(toks, k)) return null;
    const xs = figures(toks, f, t);
    const words = toks.slice(f, t).filter((x) => x.low === 'one').length;
    return xs.length === 1 && words === 0 ? xs[0]! : null;
  };
  return regions.some((h) => {
    if (touchesSlot(h, d)) return false;
    const a = one(art, h.a0, h.a1);
    const b = one(src, h.s0, h.s1);
    return a !== null && b !== null && a !== b;
  });
}

/**
 * Each sentence, in changed regions outside the slot, states figures the other sentence does not
 * state anywhere, and one on each side are figures of one measure, the same word after each ("closing
 * at 611 pence, down just three pence" / "dropping off nine pence, to 598 pence"; "landings of 40
 * tonnes" / "at 65 tonnes, … down from a peak of 90 tonnes"): a second figure differs, as in
 * `otherFiguresDiffer`, but split over regions (the diff keeps "pence" in common between them). A
 * detail added on one side ("a sentence of two years"), details of other kinds ("aged 33" / "for 18
 * years") or several figures reworded ("four children" / "two boys and two girls") are no second value.
 */
export function strayFiguresDiffer(src: readonly FactToken[], art: readonly FactToken[], regions: readonly Hunk[], d: SlotDiff): boolean {
  const stray = (toks: readonly FactToken[], other: readonly FactToken[], side: 's' | 'a'): { v: number; unit: string }[] | null => {
    const otherAll = new Set(figures(other));
    const out: { v: number; unit: string }[] = [];
    for (const h of regions) {
      const f = side === 's' ? h.s0 : h.a0;
      const t = side === 's' ? h.s1 : h.a1;
      if (overlaps(f, t, side === 's' ? d.src : d.art) || f >= t) continue;
      for (let k = f; k < t; k++) if (dateWord(toks, k)) return null;
      if (toks.slice(f, t).some((x) => x.low === 'one')) return null;
      for (let k = f; k < t; k++) {
        const v = figures(toks, k, k + 1);
        if (v.length && !otherAll.has(v[0]!)) out.push({ v: v[0]!, unit: toks[k + 1]?.low ?? '' });
      }
    }
    return out;
  };
  const s = stray(src, art, 's');
  const a = stray(art, src, 'a');
  return s !== null && a !== null && s.some((x) => /\p{L}/u.test(x.unit) && a.some((y) => y.unit === x.unit && y.v !== x.v));
}

/** words that make a figure an increment on an earlier one: "cut by another 18 per cent", "a further 3 per cent" */
const INCREMENT = new Set(['another', 'further', 'additional', 'extra']);

/**
 * One side's figure is an increment on an earlier one ("quotas have been cut by another 18 per cent") and the
 * other's is not ("quotas have been cut by 12 per cent"): a second round of the same measure, not the first
 * one misreported.
 */
export function incrementDiffers(src: readonly FactToken[], art: readonly FactToken[], d: SlotDiff): boolean {
  const inc = (toks: readonly FactToken[], r: [number, number]) => {
    for (let k = Math.max(0, r[0] - 2); k < r[1]; k++) if (INCREMENT.has(toks[k]!.low)) return true;
    return false;
  };
  return inc(src, d.src) !== inc(art, d.art);
}

/** verbs that give a figure's movement a direction, up or down ("up" and "down" alone are as often particles: "broke down", "breaking up") */
const DIRECTION: Record<string, 'up' | 'down'> = {};
for (const w of 'rose rise rises risen rising increase increased increases raised raise raises lifted lift lifts gained gain gains climbed climb climbs jumped jump jumps grew grow grows boosted higher upgraded'.split(' ')) DIRECTION[w] = 'up';
for (const w of 'fell fall falls fallen falling decrease decreased decreases lowered lower lowers cut cuts dropped drop drops slipped slip slips declined decline declines eased shed slumped reduced reduce reduces downgraded'.split(' ')) DIRECTION[w] = 'down';

/**
 * Outside the slot, each sentence moves its figure in a direction the other does not ("has lowered its
 * forecast catch price by £4 a box" / "has raised its forecast catch price by £5 a box"): another
 * revision, not one figure changed.
 */
export function directionDiffers(src: readonly FactToken[], art: readonly FactToken[], d: SlotDiff): boolean {
  const dirs = (toks: readonly FactToken[], r: [number, number]) => new Set(toks.filter((t, k) => (k < r[0] || k >= r[1]) && DIRECTION[t.low]).map((t) => DIRECTION[t.low]!));
  const a = dirs(art, d.art);
  const s = dirs(src, d.src);
  return eachHasOwn(a, s);
}

/**
 * Each text states its own figure again outside the pair's sentence, and neither text states the
 * other's figure anywhere ("Harbour dues index up 3.5pc" over "… was up 3.5 per cent on a year
 * earlier" / "Dues index rises 9pc" over "… up nearly 9 per cent"): two reports, each
 * consistent with itself, of two occasions. A figure changed in error is stated once, or beside the
 * source's figure elsewhere in the article. The token offsets of `src` and `art` are offsets into
 * `srcText` and `artText`.
 */
export function ownFiguresRepeated(src: readonly FactToken[], srcText: string, art: readonly FactToken[], artText: string, d: SlotDiff): boolean {
  const sv = figures(src, d.src[0], d.src[1]);
  const av = figures(art, d.art[0], d.art[1]);
  if (sv.length !== 1 || av.length !== 1 || sv[0] === av[0] || !src.length || !art.length) return false;
  const srcOut = figures(outsideSentence(src, srcText));
  const artOut = figures(outsideSentence(art, artText));
  return srcOut.includes(sv[0]!) && artOut.includes(av[0]!) && !srcOut.includes(av[0]!) && !artOut.includes(sv[0]!) && !figures(src).includes(av[0]!) && !figures(art).includes(sv[0]!);
}

/** The fact tokens of a text outside one of its sentences (`toks`: the sentence's tokens, offsets into `text`). */
function outsideSentence(toks: readonly FactToken[], text: string): FactToken[] {
  if (!toks.length) return factTokens(text);
  const from = toks[0]!.start;
  const to = toks[toks.length - 1]!.end;
  return factTokens(text).filter((t) => t.end <= from || t.start >= to);
}

/** The days and months named in tokens [from, to), by their first three letters ("Tuesday's" → tue, "Dec." → dec). */
export function dateNames(toks: readonly FactToken[], from = 0, to = toks.length): string[] {
  const out: string[] = [];
  for (let k = Math.max(0, from); k < Math.min(to, toks.length); k++) if (dateWord(toks, k)) out.push(toks[k]!.low.replace(/'s$/, '').slice(0, 3));
  return out;
}

/**
 * Each text, outside the pair's sentence, names its own day or month more often than the other's
 * ("Dues index dips in November" over a story of November's figures / a story of December's figures
 * that mentions November once): two reports, each of its own month, not one month changed. A month
 * changed in error is not the one the rest of the article keeps naming. The token offsets of `src`
 * and `art` are offsets into `srcText` and `artText`.
 */
export function ownDatesRepeated(src: readonly FactToken[], srcText: string, art: readonly FactToken[], artText: string, d: SlotDiff): boolean {
  const sv = dateNames(src, d.src[0], d.src[1]);
  const av = dateNames(art, d.art[0], d.art[1]);
  if (sv.length !== 1 || av.length !== 1 || sv[0] === av[0]) return false;
  const count = (xs: string[], v: string) => xs.filter((x) => x === v).length;
  const srcOut = dateNames(outsideSentence(src, srcText));
  const artOut = dateNames(outsideSentence(art, artText));
  return count(srcOut, sv[0]!) > count(srcOut, av[0]!) && count(artOut, av[0]!) > count(artOut, sv[0]!);
}

/**
 * The article's figure is the source's plus another figure of the source sentence that the article
 * sentence no longer states (15 counts and four counts: 19 counts).
 */
export function sumOfParts(src: readonly FactToken[], art: readonly FactToken[], d: SlotDiff): boolean {
  const sv = figures(src, d.src[0], d.src[1]);
  const av = figures(art, d.art[0], d.art[1]);
  if (sv.length !== 1 || av.length !== 1) return false;
  const others = [...figures(src, 0, d.src[0]), ...figures(src, d.src[1])];
  const artAll = new Set(figures(art));
  return others.some((o) => o > 0 && o < 1000 && sv[0]! + o === av[0] && !artAll.has(o));
}

/** An age as newspapers write it: a bare figure between commas after a name ("Brobbey, 58,"). */
function ageAt(toks: readonly FactToken[], text: string, from: number): boolean {
  const f = toks[from];
  const before = toks[from - 1];
  if (!f || !before || !/^\d{1,3}$/.test(f.low)) return false;
  if (!/^\s*,\s*$/.test(text.slice(before.end, f.start)) || !/^\p{Lu}/u.test(before.text)) return false;
  const after = toks[from + 1];
  return /^\s*(?:[,.;)]|$)/.test(text.slice(f.end, after ? after.start : f.end + 2));
}

/** One side's figure is an age, the other's is not: two details of one person, not one changed. */
export function ageAgainstOther(src: readonly FactToken[], srcText: string, art: readonly FactToken[], artText: string, d: SlotDiff): boolean {
  return ageAt(src, srcText, d.src[0]) !== ageAt(art, artText, d.art[0]);
}

/** Names of one place or event in other words: county abbreviations, "Games" for "Olympics". */
const SAME_NAME: string[][] = [
  ['oxon', 'oxfordshire'], ['lincs', 'lincolnshire'], ['hants', 'hampshire'], ['herts', 'hertfordshire'], ['bucks', 'buckinghamshire'],
  ['berks', 'berkshire'], ['wilts', 'wiltshire'], ['glos', 'gloucestershire'], ['notts', 'nottinghamshire'], ['northants', 'northamptonshire'],
  ['lancs', 'lancashire'], ['yorks', 'yorkshire'], ['beds', 'bedfordshire'], ['cambs', 'cambridgeshire'], ['derbys', 'derbyshire'],
  ['staffs', 'staffordshire'], ['worcs', 'worcestershire'], ['warks', 'warwickshire'], ['leics', 'leicestershire'], ['salop', 'shropshire'],
  ['northumb', 'northumberland'], ['middx', 'middlesex'],
  ['games', 'olympics', 'olympic games'], ['paralympics', 'paralympic games'],
];
const SAME = new Map<string, number>();
SAME_NAME.forEach((g, k) => g.forEach((w) => SAME.set(w, k)));

export function sameNamed(sourceValue: string, articleValue: string): boolean {
  const n = (s: string) => s.toLowerCase().replace(/[.']/g, '').replace(/\s+/g, ' ').trim();
  const a = SAME.get(n(sourceValue));
  return a !== undefined && a === SAME.get(n(articleValue));
}

/**
 * The sentence is a list of names: at least four comma- or semicolon-separated items that are each
 * one to three capitalised words (a team sheet, "Subs not used: Reyle, Lund, Okafor, Brandt"). A
 * different name in such a list is another member, not a changed name.
 */
export function nameList(text: string, toks: readonly FactToken[]): boolean {
  if (!toks.length) return false;
  const body = text.slice(toks[0]!.start, toks[toks.length - 1]!.end).replace(/^[^:]*:/, '');
  const item = /^\s*(?:\p{Lu}[\p{L}'’.-]*\s+){0,2}\p{Lu}[\p{L}'’.-]*\s*(?:\([^)]*\))?\s*\.?\s*$/u;
  return body.split(/[,;]/).filter((x) => item.test(x)).length >= 4;
}

/**
 * The article's title word stands elsewhere in the source sentence, more often there than outside
 * the article's slot (`appealed to the judge … to stop the barrister` / `appealed to the barrister`):
 * the words moved between two people of the sentence, no title changed. A word both sentences also
 * have outside the slot ("The Recorder of Harbourtown, Judge Reyle, told" / "The Judge of
 * Harbourtown, Judge Reyle, told") stayed where it was.
 */
export function titleMoved(src: readonly FactToken[], art: readonly FactToken[], d: SlotDiff): boolean {
  const count = (toks: readonly FactToken[], r: readonly [number, number], w: string) => toks.filter((t, k) => (k < r[0] || k >= r[1]) && stem(t.low) === w).length;
  const words = art.slice(d.art[0], d.art[1]).filter(content).map((t) => stem(t.low));
  return words.length > 0 && words.every((w) => count(src, d.src, w) > count(art, d.art, w));
}

/** Where the sentence's first quotation after token `after` opens (an offset into `text`), or -1. */
export function quoteOpening(toks: readonly FactToken[], text: string, after: number): number {
  if (after >= toks.length) return -1;
  const from = toks[after - 1]?.end ?? toks[0]!.start;
  const m = /(?:^|[\s:,])(?:``|["“‘'`])/.exec(text.slice(from, toks[toks.length - 1]!.end));
  return m ? from + m.index + m[0].length : -1;
}

/** what a contraction's second part stands for ("That's" = "That is" or "That has") */
const CONTRACTION_PARTS: Record<string, string[]> = { "n't": ['not'], "'s": ['is', 'has'], "'re": ['are'], "'m": ['am'], "'ve": ['have'], "'ll": ['will', 'shall'], "'d": ['would', 'had'] };
/** negative contractions whose first part is not the word before n't */
const CONTRACTION_STEMS: Record<string, string> = { "won't": 'will', "can't": 'can', "shan't": 'shall', "ain't": 'is', cannot: 'can' };

/** A word as the words it stands for: a contraction as its two parts (each part the words it may be), else itself. */
function expanded(w: string): string[][] {
  if (w in CONTRACTION_STEMS) return [[CONTRACTION_STEMS[w]!], ['not']];
  const m = /^(\p{L}+?)(n't|'s|'re|'m|'ve|'ll|'d)$/u.exec(w);
  return m ? [[m[1]!], CONTRACTION_PARTS[m[2]!]!] : [[w]];
}

/**
 * Two runs of words say the same words, a contraction on one side written out on the other ("That's
 * simply" / "That is simply", "didn't" / "did not").
 */
export function sameWordsContracted(a: readonly string[], b: readonly string[]): boolean {
  const x = a.flatMap(expanded);
  const y = b.flatMap(expanded);
  const word = (p: string[]) => (p.length === 1 ? [p[0]!] : p);
  return x.length === y.length && x.every((p, k) => word(p).some((w) => word(y[k]!).includes(w)));
}

/**
 * The changed region's words inside the quotations both sentences open after the slot are the same
 * words but for a contraction written out ("replied: 'That is simply" / "responded: 'That's simply"):
 * the article's tokens of the region from its opening mark on, or [] when they are not.
 */
function contractedInQuote(src: readonly FactToken[], qs: number, art: readonly FactToken[], qa: number, h: Hunk): number[] {
  const ks: number[] = [];
  const ka: number[] = [];
  for (let k = h.s0; k < h.s1; k++) if (src[k]!.start >= qs) ks.push(k);
  for (let k = h.a0; k < h.a1; k++) if (art[k]!.start >= qa) ka.push(k);
  if (!ks.length || !ka.length) return [];
  return sameWordsContracted(ks.map((k) => src[k]!.low), ka.map((k) => art[k]!.low)) ? ka : [];
}

/**
 * Words in common runs of the pair inside the quotation each sentence opens after the slot: the
 * article's words after its opening mark (with `bothQuoted`, only those whose source word, the one
 * the diff holds in common with it, also stands after the source's opening mark: words one text
 * quotes and the other reports are not a shared quotation). 0 when either sentence opens none.
 */
export function quotedWordsAfterSlot(src: readonly FactToken[], srcText: string, art: readonly FactToken[], artText: string, d: SlotDiff, regions: readonly Hunk[], bothQuoted: boolean): number {
  const qs = quoteOpening(src, srcText, d.src[1]);
  const qa = quoteOpening(art, artText, d.art[1]);
  if (qs < 0 || qa < 0) return 0;
  let n = 0;
  art.forEach((t, k) => {
    if (t.start < qa || regions.some((h) => k >= h.a0 && k < h.a1) || !/[\p{L}\d]/u.test(t.low)) return;
    if (bothQuoted) {
      // the source token held in common: counted on from the end of the last changed region before it
      let last: Hunk | undefined;
      for (const h of regions) if (h.a1 <= k) last = h;
      const j = last ? last.s1 + (k - last.a1) : k;
      if (!src[j] || src[j]!.start < qs) return;
    }
    n++;
  });
  // (and the words of a changed region that differ only by a contraction written out)
  for (const h of regions) n += contractedInQuote(src, qs, art, qa, h).length;
  return n;
}

/**
 * Both sentences quote the same words after the name (`MIN_SHARED_QUOTED` of them inside both
 * quotations), and one credits the quotation
 * to its named person ("Mr Lund asked: '…'", a transcript's "Mr Lund: '…'") while the other does not
 * ("a banner showing Mr Reyle beside the slogan '…'"): the names play different parts,
 * one statement's speaker and another's subject, not one speaker changed. Credited: a reporting verb
 * between the name and the quotation, or a colon alone.
 */
export function quoteCreditDiffers(src: readonly FactToken[], srcText: string, art: readonly FactToken[], artText: string, d: SlotDiff, regions: readonly Hunk[]): boolean {
  if (quotedWordsAfterSlot(src, srcText, art, artText, d, regions, true) < MIN_SHARED_QUOTED) return false;
  const credited = (toks: readonly FactToken[], text: string, r: readonly [number, number]): boolean => {
    // (a reporting aside after the name, "Ms Lund, he added, hoped …", credits the writer's speaker, not the name)
    const between = text.slice(toks[r[1] - 1]!.end, quoteOpening(toks, text, r[1])).replace(REPORTING_ASIDE, ' ');
    return /^\s*:\s*(?:``|["“‘'`])$/.test(between) || REPORTING.test(between);
  };
  return credited(src, srcText, d.src) !== credited(art, artText, d.art);
}

/** a pronoun's reporting aside set off by commas: ", he added," */
const REPORTING_ASIDE = new RegExp(`^\\s*,\\s*(?:${[...CLAUSE_WORDS].join('|')})\\s+(?:${[...ASIDE_VERBS].join('|')})\\s*,`, 'i');

/** words a quotation must share, in order, to make a speaker's sentence one statement */
export const MIN_SHARED_QUOTED = 4;

/**
 * Both sentences quote, after the slot, and the two quotations share at least `MIN_SHARED_QUOTED` words
 * in common runs of the pair ("Mr Reyle replied: 'It's just to say he is not the only one.'" / "Mr
 * Lund told him: 'It's just to say he is not the only one.'"): a speaker's sentence whose content is
 * the quotation is one statement, however few content words it has. The token offsets of `src` and
 * `art` are offsets into `srcText` and `artText`.
 */
export function sameQuotation(src: readonly FactToken[], srcText: string, art: readonly FactToken[], artText: string, d: SlotDiff, regions: readonly Hunk[]): boolean {
  if (quotedWordsAfterSlot(src, srcText, art, artText, d, regions, false) < MIN_SHARED_QUOTED) return false;
  // both quotations open with the same word, held in common: the other's words asked about inside a
  // quotation of one's own ("Mr Lund asked: 'What do you mean, more or less entirely?'" / "Mr Reyle:
  // 'More or less entirely.'") are another statement
  const first = (toks: readonly FactToken[], text: string, after: number) => {
    const q = quoteOpening(toks, text, after);
    return q < 0 ? -1 : toks.findIndex((t) => t.start >= q);
  };
  const i = first(src, srcText, d.src[1]);
  const j = first(art, artText, d.art[1]);
  if (i < 0 || j < 0) return false;
  const inRegion = regions.find((h) => j >= h.a0 && j < h.a1);
  if (!inRegion) return src[i]!.low === art[j]!.low;
  // (the opening words differ only by a contraction written out: "That's" / "That is")
  return i >= inRegion.s0 && i < inRegion.s1 && contractedInQuote(src, src[i]!.start, art, art[j]!.start, inRegion).includes(j);
}

/**
 * A title or a name swapped word for word in a sentence otherwise copied: the slot's region is one
 * or two words on each side, and every other changed region one word for one word ("The night
 * magistrate has not been named." / "The night judge has not been named."). A short sentence
 * written out whole around the slot is one statement, with one content word fewer than a reworded
 * one needs; a word dropped or added beside it ("Mr Reyle died later in hospital." / "Mr Lund died
 * in hospital.") leaves a stock sentence said of many people.
 */
export function onlySwap(regions: readonly Hunk[], d: SlotDiff): boolean {
  if (d.kind !== 'title' && d.kind !== 'name') return false;
  const slot = regions.filter((h) => touchesSlot(h, d));
  if (slot.length !== 1) return false;
  const h = slot[0]!;
  if (h.s1 - h.s0 < 1 || h.a1 - h.a0 < 1 || h.s1 - h.s0 > 2 || h.a1 - h.a0 > 2) return false;
  return regions.every((r) => r === h || (r.s1 - r.s0 === 1 && r.a1 - r.a0 === 1));
}

/** All the checks above: the pair is clearly the same statement, and the slot's values are not the same thing said otherwise. */
export function sameStatement(
  src: readonly FactToken[],
  srcText: string,
  art: readonly FactToken[],
  artText: string,
  d: SlotDiff,
  sourceValue: string,
  articleValue: string,
  /** the pair's changed regions (SentenceComparison.regions), for the time-anchor check */
  regions: readonly Hunk[] = [],
): boolean {
  // (a speaker is held by the quotation credited to them, which `speakerSwap` found shared)
  if (!d.quoted) {
    const shared = sharedContent(src, art, d);
    if (shared < MIN_SHARED_CONTENT && !(d.kind === 'name' && sameQuotation(src, srcText, art, artText, d, regions)) && !(shared >= MIN_SHARED_CONTENT - 1 && onlySwap(regions, d))) return false;
    if (!anchored(src, srcText, art, artText, d)) return false;
  }
  if (stanceDiffers(src, art, d) || occasionDiffers(src, art)) return false;
  if (d.kind === 'number' || d.kind === 'date' || d.kind === 'time') {
    if (valueElsewhere(src, art, d)) return false;
    // (in a list of names each item is a statement of its own: "Reyle, 49, Lund, 73")
    const list = nameList(srcText, src) || nameList(artText, art);
    if ((!list && otherFiguresDiffer(src, art, regions, d)) || timeOfDayDiffers(src, art, d) || timeAnchorReworded(src, art, regions, d)) return false;
    if (d.kind === 'number' && ((!list && strayFiguresDiffer(src, art, regions, d)) || incrementDiffers(src, art, d) || directionDiffers(src, art, d) || ownFiguresRepeated(src, srcText, art, artText, d))) return false;
    if (d.kind === 'number' && (sumOfParts(src, art, d) || ageAgainstOther(src, srcText, art, artText, d))) return false;
    if (d.kind === 'date' && ownDatesRepeated(src, srcText, art, artText, d)) return false;
  }
  if (d.kind === 'name' && (sameNamed(sourceValue, articleValue) || nameList(srcText, src) || nameList(artText, art) || quoteCreditDiffers(src, srcText, art, artText, d, regions))) return false;
  if (d.kind === 'title' && titleMoved(src, art, d)) return false;
  return true;
}
