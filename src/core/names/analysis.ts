/**
 * The shared name analysis of one check (computed once through ctx.use): article name candidates
 * matched against the reference lexicon and the house list. Produces the findings of both
 * `name-spelling` and `name-inconsistency`.
 */
import { alignment } from '../align';
import { candidateDocScores } from '../attribution/analysis';
import { storyEvidence } from '../facts/pairs';
import type { RuleContext } from '../rule';
import { finding } from '../rules/catalogue';
import { escapeRegExp } from '../text';
import type { Finding, Fix } from '../types';
import type { NameEvidence } from '../finding-data';
import { articleNames, type ArticleName, type NameOccurrence } from './article';
import { adjacent, nameKey, nameLength } from './evidence';
import { MAX_NEIGHBOURS, nameLexicon, type NameEntry } from './lexicon';
import { derivedForms as inflected, mayBeNearMiss, nameShape, type NearMiss } from './match';
import { nearMissEntries, nearMissMemo as nearMiss } from './memo';
import { compareNames, foldDiacritics, osaDistance } from './similarity';
import { demonymOf, isFirstName, isGivenNameWithS, isKnownName, isOrdinaryWord, isPlaceOnly, morePlausibleSpelling, TITLES } from './words';
import { isStopWord } from '../stopwords';
import { COURTESY_TITLES } from '../titles';

export interface ReferenceSpelling {
  spelling: string;
  sources: number;
  occurrences: number;
  /** ids of (up to 5) reference documents that use it */
  sourceIds: string[];
}

export interface NameTarget {
  /** the spelling to suggest */
  form: string;
  key: string;
  sources: number;
  occurrences: number;
  sourceIds: string[];
  /** from the house list, not the references */
  house: boolean;
  neighbours: Map<string, number>;
}

export interface NameAnalysis {
  spelling: Finding[];
  inconsistency: Finding[];
}

interface Candidate {
  target: NameTarget;
  miss: NearMiss;
  context: boolean;
  score: number;
}

/** "[sic]" or "(sic)" just after a word: the spelling is the quoted writer's. */
const SIC_AFTER = /^['’ʼ]?s?\s*[[(]\s*sic\s*[\])]/iu;

/** Embedded posts (a tweet, a block quotation) in the text as marked up: their spellings are the poster's. */
function verbatimSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!text.includes('<')) return out;
  const re = /<(tweet|blockquote)\b[^>]*>[\s\S]*?<\/\1>/giu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** A reference set of at most this many documents (a story's or a day's references) is not an archive: its documents count as the article's story. */
export const STORY_SET_SIZE = 100;

/**
 * A reference set of at most this many documents is one chosen for the article (its wire copy, the other
 * versions of the story, a day's news). A larger set of up to STORY_SET_SIZE documents is a story's only
 * when one of its documents follows the article's story; otherwise it is a collection of other stories
 * (a newswire sample), read as an archive.
 */
export const CHOSEN_SET_SIZE = 30;

const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

/** The replacement written in the case pattern of what it replaces (VOVSHANSK → VOVCHANSK). */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return replacement.toUpperCase();
  }
  return replacement;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function targetOf(e: NameEntry): NameTarget {
  return {
    form: e.form,
    key: e.key,
    sources: e.docs,
    occurrences: e.count,
    sourceIds: e.sources,
    house: false,
    neighbours: e.neighbours,
  };
}

function houseTargets(accepted: string[]): NameTarget[] {
  const out: NameTarget[] = [];
  const seen = new Set<string>();
  for (const phrase of accepted) {
    const words = phrase.split(/[\s]+/).filter(Boolean);
    for (const w of words) {
      const form = w.replace(/['’ʼ]s$/u, '');
      const key = form.toLowerCase();
      if (key.length < 2 || seen.has(key)) continue;
      seen.add(key);
      const neighbours = new Map<string, number>();
      for (const o of words) if (o !== w) neighbours.set(o.toLowerCase(), 1);
      out.push({ form, key, sources: 0, occurrences: 0, sourceIds: [], house: true, neighbours });
    }
  }
  return out;
}

/** Runs of one letter: "flannagan" → [["f",1],["l",1],["a",1],["n",2],…]. */
function letterRuns(s: string): Array<[string, number]> {
  const runs: Array<[string, number]> = [];
  for (const ch of s) {
    const last = runs[runs.length - 1];
    if (last && last[0] === ch) last[1]++;
    else runs.push([ch, 1]);
  }
  return runs;
}

/**
 * The two spellings disagree on whether a letter is doubled (Flanagan / Flannagan, Llewelyn / Llewellyn,
 * Dumfriesshire / Dumfrieshire), alone or beside another slip (Dumfriesshlre / Dumfrieshire): doubling
 * or undoubling one letter of `target` brings it closer to `written`. A doubling that moved (Woolaton /
 * Wollaton: one letter undoubled, its neighbour doubled) is a keying slip, not a question of spelling.
 */
export function doublingQuestion(written: string, target: string): boolean {
  const a = foldDiacritics(written);
  const t = foldDiacritics(target);
  const ra = letterRuns(a);
  const rt = letterRuns(t);
  if (ra.length === rt.length && ra.every((r, i) => r[0] === rt[i]![0])) {
    let differ = 0;
    for (let i = 0; i < ra.length; i++) if (ra[i]![1] !== rt[i]![1]) differ++;
    return differ === 1;
  }
  const base = osaDistance(a, t, 4);
  let pos = 0;
  for (const [ch, n] of rt) {
    const other = n === 1 ? ch + ch : ch;
    const variant = t.slice(0, pos) + other + t.slice(pos + n);
    if (osaDistance(a, variant, 4) < base) return true;
    pos += n;
  }
  return false;
}

/**
 * The spelling's doubled letters are ones names do double: no letter three times running, no doubled
 * a, i, u, y, h, j, k, q, v, w or x and no doubled consonant straight after another consonant
 * (Campbelll, Graanada, Ryyan and Henrriques are slips whatever a reference says).
 */
export function plausibleDoubling(key: string): boolean {
  // the c after Mc starts the name proper (McCann, McCarthy): no doubling after a consonant
  const k = foldDiacritics(key).replace(/^mc(?=c)/u, '');
  return !/(.)\1\1/u.test(k) && !/([aiuyhjkqvwx])\1/u.test(k) && !/[b-df-hj-np-tv-z]([b-df-hj-np-tv-z])\1/u.test(k);
}

/** `stripped` is `accented` without its diacritics (and the two differ): Anais for Anaïs. */
function strippedOf(accented: string, stripped: string): boolean {
  return accented !== stripped && foldDiacritics(accented) === stripped;
}

const GLUED_TITLE_RE = /^(Mrs|Mr|Ms|Dr|Sir|Prof)(?=\p{Lu})/u;

/**
 * The replacement of a name whose title lost its space ("MrMandelson" for the references' Mandelson):
 * the title is kept, with the space ("Mr Mandelson"), not dropped.
 */
function withGluedTitle(written: string, key: string, form: string): string {
  const m = GLUED_TITLE_RE.exec(written);
  if (!m) return form;
  const rest = key.slice(m[1]!.length);
  return foldDiacritics(rest) === foldDiacritics(form) ? `${m[1]} ${form}` : form;
}

/** Courtesy titles (Mr, Mrs, Ms, Miss, Dr) stand beside every name: they say nothing about whose name it is. */
const COURTESY: ReadonlySet<string> = new Set(COURTESY_TITLES);

/**
 * The references' initial beside `t` may stand for the article's first name `n` (T Tormead for Thomas
 * Tormeed): not when `t` is itself a first name, whose initial neighbour is a middle initial (Roger C
 * Altman), nor when the references give `t` another first name with that initial (J Robinson beside
 * Jason Robinson is Jason's).
 */
function initialFor(t: NameTarget, n: string): boolean {
  const i = n[0]!;
  if (!t.neighbours.has(i) || !isFirstName(foldDiacritics(n)) || isFirstName(foldDiacritics(t.key))) return false;
  for (const m of t.neighbours.keys()) if (m !== n && m.length > 1 && m[0] === i && isFirstName(foldDiacritics(m))) return false;
  return true;
}

/**
 * The same neighbour, a spelling variant of it (McPherson / MacPherson beside the name), or an initial
 * and a first name it may stand for (F Sheahan / Frank Sheahan).
 */
function hasNeighbour(t: NameTarget, n: string): boolean {
  if (t.neighbours.has(n)) return true;
  if (n.length === 1) {
    for (const m of t.neighbours.keys()) if (m[0] === n && isFirstName(foldDiacritics(m))) return true;
    return false;
  }
  if (initialFor(t, n)) return true;
  if (n.length < 5) return false;
  for (const m of t.neighbours.keys()) if (m.length >= 5 && nearMiss(n, m)?.strength === 'strong') return true;
  return false;
}

/**
 * Two reference spellings that are two names, not one name spelt two ways: neither ever stands beside
 * the other's company (a first name, a title, a place) while both are attested either in two or more
 * references each, or each beside name-like company of its own (Andres Parada, Andrea Paulsen).
 */
function distinctInReferences(x: NameEntry, y: NameEntry): boolean {
  if (!x.name || !y.name) return false;
  const tx = targetOf(x);
  const ty = targetOf(y);
  for (const n of x.neighbours.keys()) if (hasNeighbour(ty, n)) return false;
  for (const n of y.neighbours.keys()) if (hasNeighbour(tx, n)) return false;
  if (x.docs >= 2 && y.docs >= 2) return true;
  const nameLike = (e: NameEntry) => [...e.neighbours.keys()].some((k) => {
    const f = foldDiacritics(k);
    return !TITLES.has(f) && (isFirstName(f) || isKnownName(f) || !isOrdinaryWord(f));
  });
  return nameLike(x) && nameLike(y);
}

function contextMatch(a: ArticleName, t: NameTarget): boolean {
  for (const o of a.occurrences) for (const n of o.neighbours) if (hasNeighbour(t, n)) return true;
  return false;
}

/** Company of the article's name that says who it is (a first name, a role), courtesy titles aside, found beside `t` too. */
function companyMatch(a: ArticleName, t: NameTarget): boolean {
  for (const o of a.occurrences) for (const n of o.neighbours) if (!COURTESY.has(n) && hasNeighbour(t, n)) return true;
  return false;
}

/** The article's company (a first name, a role), courtesy titles aside, beside `t` as written: not a variant of it. */
function exactCompany(a: ArticleName, t: NameTarget): boolean {
  return a.occurrences.some((o) => o.neighbours.some((n) => !COURTESY.has(n) && t.neighbours.has(n)));
}

/** Every place of the name stands beside a capitalised word (courtesy titles aside), and not always the same one. */
function inSeveralNames(a: ArticleName): boolean {
  const companions = new Set<string>();
  for (const o of a.occurrences) {
    const own = o.neighbours.filter((n) => !COURTESY.has(n));
    if (own.length === 0) return false;
    for (const n of own) companions.add(n);
  }
  return companions.size >= 2 && a.occurrences.length >= 2;
}

/** How often the references write `t` beside the article's company (the most of any one companion, courtesy titles aside). */
function companyCount(a: ArticleName, t: NameTarget): number {
  let most = 0;
  for (const o of a.occurrences) {
    for (const n of o.neighbours) {
      if (COURTESY.has(n)) continue;
      const c = t.neighbours.get(n) ?? 0;
      if (c > most) most = c;
    }
  }
  return most;
}

/**
 * The article writes its spelling beside a companion the references write beside `t` as written, and that
 * companion says whose name it is: a first name, a surname or another word the references write as a
 * name, or a title or role (Inspector, Senator), courtesy titles aside. "Mara Walls" where the
 * references write "Mara Wells": the slip stands where the name stands.
 */
function nameCompany(a: ArticleName, t: NameTarget, isName: (k: string) => boolean): boolean {
  return a.occurrences.some((o) => o.neighbours.some((n) => {
    if (COURTESY.has(n) || !t.neighbours.has(n) || n.length < 2) return false;
    const f = foldDiacritics(n);
    return TITLES.has(f) || nameLikeCompanion(n) || isName(n);
  }));
}

/** A companion that may say whose name it is: a first name, a known name or no ordinary word, titles aside. */
function nameLikeCompanion(k: string): boolean {
  const f = foldDiacritics(k);
  return (isFirstName(f) || isKnownName(f) || !isOrdinaryWord(f)) && !TITLES.has(f);
}

/**
 * Another person with the same role: the article's name shares only a title or role with the target
 * (Minister) while it stands beside a name of its own (a surname, a first name) that the references
 * never write beside the target, nor a spelling of it (Sir Alun Pryse beside Sir Alun Price), and
 * the references know the target beside other names.
 */
function titleOnlyCompany(a: ArticleName, t: NameTarget): boolean {
  let title = false;
  let conflict = false;
  for (const o of a.occurrences) {
    for (const n of o.neighbours) {
      if (COURTESY.has(n)) continue;
      const titled = TITLES.has(foldDiacritics(n));
      if (hasNeighbour(t, n)) {
        if (!titled) return false;
        title = true;
      } else if (nameLikeCompanion(n) && ![...t.neighbours.keys()].some((m) => osaDistance(foldDiacritics(n), foldDiacritics(m), 2) <= 1)) {
        conflict = true;
      }
    }
  }
  return title && conflict && [...t.neighbours.keys()].some(nameLikeCompanion);
}

/**
 * Two people, not a slip: the article's name stands beside a name-like word (Rinus Michels, Michael
 * Jonson) while the references know the target only beside other name-like words (Michael Owen, Boris
 * Johnson). Ordinary words (Road, Council, Government) say nothing about identity and are left out.
 */
function contextConflict(a: ArticleName, t: NameTarget, capped = true): boolean {
  // a name beside many companions is beside more than the lexicon keeps: unless asked to, no conflict is read from them
  if (t.neighbours.size === 0 || (capped && t.neighbours.size >= MAX_NEIGHBOURS)) return false;
  const nameLike = nameLikeCompanion;
  if (![...t.neighbours.keys()].some(nameLike)) return false;
  let other = false;
  for (const o of a.occurrences) {
    for (const n of o.neighbours) {
      // a courtesy title beside both (Mr Pande, Mr Panke) is no shared company
      if (!COURTESY.has(n) && hasNeighbour(t, n)) return false;
      if (nameLike(n)) other = true;
    }
  }
  return other;
}

/** Endings that make another word of a stem (Olympian, Olympics, Olympism). */
const DERIVED_ENDINGS = new Set(['s', 'es', 'an', 'ans', 'ian', 'ians', 'ic', 'ics', 'ism', 'ist', 'ists', 'ite', 'ites', 'ese', 'ish']);

/**
 * `a` and `b` are one word with different endings (Olympian / Olympics), not one name spelt two ways:
 * past a shared stem of four or more letters, both spellings end in an ending that makes another word
 * and neither is the other with letters added (Mercedese is Mercedes with a slip).
 */
export function derivedForms(a: string, b: string): boolean {
  const x = foldDiacritics(a);
  const y = foldDiacritics(b);
  let lcp = 0;
  while (lcp < x.length && lcp < y.length && x[lcp] === y[lcp]) lcp++;
  if (lcp === x.length || lcp === y.length) return false;
  for (let k = lcp; k >= Math.max(4, lcp - 2); k--) {
    const ex = x.slice(k);
    const ey = y.slice(k);
    if (ex !== ey && DERIVED_ENDINGS.has(ex) && DERIVED_ENDINGS.has(ey)) return true;
  }
  return false;
}

/**
 * `longer` is `shorter` with one letter added (Fujinaga / Fuinaga, Neckermann / Neckerman): a letter
 * left out is the commoner slip, so of two spellings an article uses equally often and the references
 * do not use, the longer is the more likely name.
 */
function oneLetterMore(longer: string, shorter: string): boolean {
  return longer.length === shorter.length + 1 && osaDistance(foldDiacritics(longer), foldDiacritics(shorter), 2) === 1;
}

/** The two spellings differ in one letter, a vowel for a vowel (Hansen / Hanson): how a name's own variants differ. */
export function vowelForVowel(a: string, b: string): boolean {
  const x = foldDiacritics(a);
  const y = foldDiacritics(b);
  if (x.length !== y.length) return false;
  let diff = -1;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (diff >= 0) return false;
    diff = i;
  }
  return diff >= 0 && /[aeiouy]/u.test(x[diff]!) && /[aeiouy]/u.test(y[diff]!);
}

/**
 * Prefixes after which a name goes on with a capital (McIntosh, MacIver, FitzIvan, O'Ivory). Not the
 * two-letter starts of ordinary names (De, Di, La, Le): "DeIia" is a scan's Delia, not a De plus a name.
 */
const CAPITAL_AFTER = /^(?:Mc|Mac|Fitz|O'|O’|D'|D’)$/u;

/**
 * `target` is `written` as a scan misreads it, and no spelling: every letter in which they differ is a
 * capital I inside the word where `written` has l (IIyse for Ilyse, WiIson; not the capital after Mc in
 * McIntosh) or a zero among letters where `written` has o (J0nes). Such a reference spelling is a
 * reading slip of the reference, never evidence against the article's.
 */
export function ocrMisreading(written: string, target: string): boolean {
  if (written.length !== target.length || written === target) return false;
  for (let i = 0; i < target.length; i++) {
    const t = target[i]!;
    const w = written[i]!;
    if (t === w) continue;
    if (t === '0' && (w === 'o' || w === 'O') && /\p{L}/u.test(target.slice(0, i) + target.slice(i + 1))) continue;
    if (
      t === 'I' && w === 'l' && i > 0 && /^\p{Ll}/u.test(target.slice(i + 1)) &&
      (/\p{Lu}/u.test(target[i - 1]!) || (/\p{Ll}/u.test(target[i - 1]!) && !CAPITAL_AFTER.test(target.slice(0, i))))
    ) continue;
    return false;
  }
  return true;
}

/** The two spellings differ only in Mac against Mc at the start (MacPherson / McPherson): both are families' spellings. */
export function macMcOnly(a: string, b: string): boolean {
  const x = foldDiacritics(a);
  const y = foldDiacritics(b);
  return (x.startsWith('mac') && y.startsWith('mc') && x.slice(3) === y.slice(2)) ||
    (y.startsWith('mac') && x.startsWith('mc') && y.slice(3) === x.slice(2));
}

function occurrenceFixes(occ: NameOccurrence, all: NameOccurrence[], replacement: string, what: string): Fix[] {
  const fixes: Fix[] = [
    {
      title: `Replace with "${matchCase(occ.text, replacement)}"`,
      edits: [{ start: occ.start, end: occ.end, newText: matchCase(occ.text, replacement) }],
      preferred: true,
    },
  ];
  if (all.length > 1) {
    fixes.push({
      title: `Replace all ${all.length} "${what}" with "${replacement}"`,
      edits: all.map((o) => ({ start: o.start, end: o.end, newText: matchCase(o.text, replacement) })),
    });
  }
  return fixes;
}

/**
 * Fixes of a name finding that covers all the name's places: with one place, replace it; with several,
 * replace them all (preferred: the finding stands for all of them) or only the first.
 */
function nameFixes(occ: NameOccurrence, all: NameOccurrence[], replacement: string, what: string): Fix[] {
  if (all.length <= 1) return occurrenceFixes(occ, all, replacement, what);
  const [one, every] = occurrenceFixes(occ, all, replacement, what);
  return [{ ...every!, preferred: true }, { ...one!, title: `Replace this one with "${matchCase(occ.text, replacement)}"`, preferred: false }];
}

/**
 * "lain McLaren" for Iain McLaren: a word starting with l (or L) whose I-spelling is a reference name
 * that the references write beside the very next word. One finding per distinct word and name.
 */
function capitalISlips(
  doc: RuleContext['doc'],
  lex: ReturnType<typeof nameLexicon>,
  isCovered: (s: number, e: number) => boolean,
  flagged: Set<string>,
): Finding[] {
  const { tokens, text } = doc;
  const found = new Map<string, { entry: NameEntry; next: string; occs: NameOccurrence[] }>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!/^[lL]\p{Ll}{2,}$/u.test(tok.text)) continue;
    const next = tokens[i + 1]!;
    if (!/^\p{Lu}/u.test(next.text) || !adjacent(text, tok.end, next.start)) continue;
    const key = `i${tok.text.slice(1)}`.toLowerCase();
    const entry = lex.get(key);
    if (!entry?.name) continue;
    // the word as written is itself a name in the references (Lain, a surname), or already flagged
    const own = lex.get(tok.text.toLowerCase());
    if (own?.name || flagged.has(tok.text.toLowerCase())) continue;
    const nextKey = nameKey(next.text);
    if (!entry.neighbours.has(nextKey)) continue;
    if (isCovered(tok.start, tok.end)) continue;
    const id = `${tok.text}\u0000${key}`;
    let f = found.get(id);
    if (!f) found.set(id, (f = { entry, next: next.text.slice(0, nameLength(next.text)), occs: [] }));
    f.occs.push({ token: i, start: tok.start, end: tok.end, text: tok.text, cls: 'lower', neighbours: [nextKey] });
  }
  const out: Finding[] = [];
  for (const { entry, next, occs } of found.values()) {
    const occ = occs[0]!;
    const form = entry.form;
    let message = `"${occ.text} ${next}" — references spell it "${form} ${next}" (${plural(entry.docs, 'source', 'sources')}, ${plural(entry.count, 'time', 'times')}): a capital I read as l`;
    if (occs.length > 1) message += ` (${occs.length} places in this article)`;
    out.push(finding('name-spelling', {
      message,
      start: occ.start,
      end: occ.end,
      text: occ.text,
      suggestions: [form],
      fixes: nameFixes(occ, occs, form, occ.text),
      data: {
        house: false,
        kind: 'substitution',
        context: true,
        references: [{ spelling: form, sources: entry.docs, occurrences: entry.count, sourceIds: entry.sources }],
        places: occs.map((o) => ({ start: o.start, end: o.end })),
      },
    }));
  }
  return out;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A three-letter word with a letter dropped from a four-letter reference name (Yor for York, Ema for
 * Emma): too short for the near-miss match, so found only where the story's references write the name,
 * beside the same companion twice or more (New York), and never write the article's spelling. One
 * finding per distinct word.
 */
function shortDroppedSlips(
  names: Map<string, ArticleName>,
  lex: ReturnType<typeof nameLexicon>,
  isCovered: (s: number, e: number) => boolean,
  flagged: Set<string>,
  story: (t: NameEntry) => boolean,
): Finding[] {
  const out: Finding[] = [];
  for (const a of names.values()) {
    if (a.key.length !== 3 || !/^[a-z]{3}$/u.test(a.key) || flagged.has(a.key) || lex.get(a.key) || lex.lowerCount(a.key) > 0) continue;
    let best: { entry: NameEntry; companion: string; count: number } | undefined;
    for (let i = 0; i <= 3; i++) {
      for (const ch of LETTERS) {
        const entry = lex.get(a.key.slice(0, i) + ch + a.key.slice(i));
        // an inflection (Dem / Dems) is another word, not a slip
        if (!entry?.name || inflected(a.key, entry.key)) continue;
        for (const o of a.occurrences) {
          for (const n of o.neighbours) {
            const c = COURTESY.has(n) ? 0 : entry.neighbours.get(n) ?? 0;
            if (c >= 2 && (!best || c > best.count)) best = { entry, companion: n, count: c };
          }
        }
      }
    }
    if (!best || !story(best.entry)) continue;
    const occs = a.occurrences.filter((o) => o.neighbours.includes(best!.companion) && !isCovered(o.start, o.end));
    if (occs.length === 0) continue;
    flagged.add(a.key);
    const occ = occs[0]!;
    const { entry } = best;
    let message = `"${occ.text}" — references spell it "${entry.form}" (${plural(entry.docs, 'source', 'sources')}, ${plural(entry.count, 'time', 'times')}) in the same company`;
    if (occs.length > 1) message += ` (${occs.length} places in this article)`;
    out.push(finding('name-spelling', {
      message,
      start: occ.start,
      end: occ.end,
      text: occ.text,
      suggestions: [matchCase(occ.text, entry.form)],
      fixes: nameFixes(occ, occs, entry.form, occ.text),
      data: {
        house: false,
        kind: 'dropped-letter',
        context: true,
        evidence: 'story',
        references: [{ spelling: entry.form, sources: entry.docs, occurrences: entry.count, sourceIds: entry.sources }],
        places: occs.map((o) => ({ start: o.start, end: o.end })),
      },
    }));
  }
  return out;
}

export function analyseNames(ctx: RuleContext): NameAnalysis {
  const { doc, settings } = ctx;
  const text = doc.text;
  const lex = nameLexicon(ctx.index);
  const house = settings.houseNames ?? { accepted: [], corrections: {} };
  const spelling: Finding[] = [];
  const inconsistency: Finding[] = [];

  // 1. house corrections: always flagged
  const covered: Array<[number, number]> = [];
  const corrections = Object.entries(house.corrections ?? {}).filter(([w, r]) => w.trim() && r.trim());
  for (const [wrong, right] of corrections) {
    // a correction of capitals only (Mcallister => McAllister) must match case-sensitively
    const caseOnly = wrong.trim().toLowerCase() === right.trim().toLowerCase();
    const re = new RegExp(
      WORD_EDGE_BEFORE + escapeRegExp(wrong.trim()).replace(/\s+/g, '\\s+') + WORD_EDGE_AFTER,
      caseOnly ? 'gu' : 'giu',
    );
    const hits: NameOccurrence[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0] === right.trim() || (caseOnly && m[0] === m[0].toUpperCase() && m[0] !== wrong.trim())) continue;
      hits.push({ token: -1, start: m.index, end: m.index + m[0].length, text: m[0], cls: 'mid', neighbours: [] });
    }
    for (const h of hits) {
      covered.push([h.start, h.end]);
      spelling.push(finding('name-spelling', {
        message: `"${h.text}" — the house list spells it "${right}"`,
        start: h.start,
        end: h.end,
        text: h.text,
        suggestions: [matchCase(h.text, right)],
        fixes: occurrenceFixes(h, hits, right, h.text),
        data: { house: true, correction: { wrong, right }, references: [] },
      }));
    }
  }
  const isCovered = (s: number, e: number) => covered.some(([cs, ce]) => s < ce && cs < e);

  const accepted = new Set<string>();
  for (const p of house.accepted ?? []) {
    for (const w of p.split(/\s+/)) if (w) accepted.add(w.replace(/['’ʼ]s$/u, '').toLowerCase());
  }
  const houseT = houseTargets(house.accepted ?? []);

  const names = articleNames(doc);
  const flagged = new Set<string>();
  // capitalised words directly beside an occurrence (one space, or a line break of hard-wrapped text), lower case
  const besideWords = (o: NameOccurrence): string[] => {
    const out: string[] = [];
    const tok = doc.tokens[o.token];
    if (!tok) return out;
    for (const [x, y, k] of [[o.token - 1, o.token, o.token - 1], [o.token, o.token + 1, o.token + 1]] as const) {
      const p = doc.tokens[x];
      const q = doc.tokens[y];
      const w = doc.tokens[k];
      if (!p || !q || !w || w.sentence !== tok.sentence || !/^\p{Lu}/u.test(w.text)) continue;
      if (!/^(?: |\u00a0|\r?\n)$/u.test(text.slice(x === o.token ? o.end : p.end, q.start))) continue;
      out.push(nameKey(w.text));
    }
    return out;
  };
  // the references write `t` almost always beside one companion (three times or more, three in four of
  // its uses) and the article's spelling is never beside it but beside other capitalised words
  const boundElsewhere = (a: ArticleName, t: NameTarget): boolean => {
    let top = 0;
    let bound = '';
    for (const [k, c] of t.neighbours) if (c > top) [top, bound] = [c, k];
    // an initial (T Tormead) may stand for the article's first name: no other name
    if (top < 3 || top < 0.75 * t.occurrences || bound.length < 2 || COURTESY.has(bound) || TITLES.has(foldDiacritics(bound))) return false;
    // the companion is a word the references do not treat as a name (New), not a first name or surname
    if (lex.get(bound)?.name) return false;
    const beside = a.occurrences.map(besideWords);
    return beside.every((ws) => !ws.includes(bound)) && beside.some((ws) => ws.some((w) => !COURTESY.has(w)));
  };
  // references that share the article's story: in an archive of many stories a near-miss is usually
  // another real person's name, and one other article's spelling is no better than this one's, so a
  // suggestion needs more than one document, the same story or the same company. A small reference set
  // is one chosen for this story (its wire copy, releases), a set of up to STORY_SET_SIZE documents one
  // that holds the story (a document follows it); in a larger one, the references that follow
  // the article's story as the fact check reads it (facts/pairs.ts storyEvidence: many copied words or
  // many of its rarer word 3-grams), not any document with a stock phrase aligned
  let following: Map<string, boolean> | null = null;
  const followsStory = (id: string): boolean => {
    if (!following) {
      following = new Map();
      const copied = new Map<number, number>();
      for (const p of ctx.use(alignment)) copied.set(p.doc, (copied.get(p.doc) ?? 0) + p.words);
      const grams = new Map(candidateDocScores(ctx, [{ start: 0, end: text.length }], 30));
      for (const d of new Set([...copied.keys(), ...grams.keys()])) {
        following.set(ctx.index.docs[d]!.id, storyEvidence(copied.get(d) ?? 0, doc.tokens.length, grams.get(d) ?? 0));
      }
    }
    return following.get(id) ?? false;
  };
  // a set chosen for the article, or a story's set of up to STORY_SET_SIZE documents (one follows the story);
  // read only when a candidate needs it, since finding the followers aligns the whole set
  const count = ctx.index.documentCount;
  let storySet: boolean | null = count <= CHOSEN_SET_SIZE ? true : count > STORY_SET_SIZE ? false : null;
  const small = (): boolean => {
    if (storySet === null) {
      followsStory('');
      storySet = [...following!.values()].some(Boolean);
    }
    return storySet;
  };

  // how many writers the references' documents writing `t` stand for: documents that write it after the
  // same words, or before the same words (30 characters, letters and digits only, case aside), copy one
  // writer's sentence and its spelling (a wire take and its substitute). Read only from the up to 5
  // documents the lexicon names
  const writers = (t: NameTarget): number => {
    const before = new Set<string>();
    const after = new Set<string>();
    const re = new RegExp(WORD_EDGE_BEFORE + escapeRegExp(t.form) + WORD_EDGE_AFTER, 'u');
    const around = (x: string) => x.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
    let n = Math.max(0, t.sources - t.sourceIds.length);
    for (const id of t.sourceIds) {
      const d = ctx.index.byId(id);
      const m = d ? re.exec(d.text) : null;
      if (!d || !m) {
        n++;
        continue;
      }
      const b = around(d.text.slice(Math.max(0, m.index - 30), m.index));
      const a = around(d.text.slice(m.index + m[0].length, m.index + m[0].length + 30));
      if (!((b.length >= 12 && before.has(b)) || (a.length >= 12 && after.has(a)))) n++;
      before.add(b);
      after.add(a);
    }
    return n;
  };

  // 2. near-misses of reference (or house) names
  for (const a of names.values()) {
    if (accepted.has(a.key)) continue;
    const own = lex.get(a.key);
    // an ordinary word in the references (written in lower case there) is not a name slip
    if (own && !own.name && own.lower > 0) continue;
    if (!own && lex.lowerCount(a.key) > 0 && !a.mid) continue;
    const ownDocs = own?.docs ?? 0;
    const ownCount = own?.count ?? 0;
    const knownName = isKnownName(foldDiacritics(a.key)) || isGivenNameWithS(foldDiacritics(a.key));
    const known = a.ordinary || knownName;
    const cands: Candidate[] = [];
    const written = a.occurrences[0]!.text.slice(0, nameLength(a.occurrences[0]!.text));
    const consider = (t: NameTarget, gluedTitle = false, compared?: NearMiss) => {
      if (t.key === a.key) return;
      // accents are kept: the article's Anaïs is not corrected to the references' unaccented Anais
      if (strippedOf(a.key, t.key)) return;
      const miss: NearMiss | undefined =
        compared ?? nearMiss(a.key, t.key) ?? (gluedTitle ? { ...compareNames(a.key, t.key), strength: 'strong' } : undefined);
      if (!miss) return;
      // a reference spelling that is a scan's misreading of the article's (IIyse for Ilyse) is no evidence
      if (!t.house && ocrMisreading(written, t.form)) return;
      // a name in its own right (Keely, Brendon) is not corrected to a spelling one reference uses once:
      // the wire's own typo is as likely as the article's
      if (!t.house && knownName && t.occurrences < 2) return;
      // an ordinary word the article writes where the story's references write a name, in the same company
      // (Walls beside Mara for the references' Mara Wells), and that the references never write: a slip
      // that happens to make a word. (A known name against a spelling one reference writes once stays a
      // tie, above: one writer each, both spellings names.)
      const slipInPlace = () => !t.house && !own && (isKnownName(foldDiacritics(t.key)) || !isOrdinaryWord(foldDiacritics(t.key))) &&
        nameCompany(a, t, (n) => lex.get(n)?.name === true) && (small() || t.sourceIds.some(followsStory));
      if (!t.house && knownName) {
        // nor to a spelling no name list knows (Mohammed → Mohanned) unless three or more references agree
        if (!isKnownName(foldDiacritics(t.key)) && t.sources < 3) return;
        // a known name the references use too (Mohammad beside Mohammed): a spelling of its own, not a slip
        if (own && own.name && own.docs >= 1) return;
      }
      // whether a letter is doubled (Flanagan / Flannagan) is not settled by one reference writing it once:
      // unless the article also writes it that way, a name list knows that spelling or the article's
      // doubling is one names never have (Ryyan), the wire's typo is as likely as the article's
      if (
        !t.house && !gluedTitle && t.sources < 2 && t.occurrences < 2 && !names.has(t.key) && !isKnownName(foldDiacritics(t.key)) &&
        plausibleDoubling(a.key) && doublingQuestion(a.key, t.key)
      ) return;
      if (!t.house) {
        if (ownDocs > 0) {
          // the references use the article's spelling too: only a clear majority settles it, and of writers,
          // not copies: a take and its substitute carrying the same sentence are one writer's spelling
          if (!(t.sources >= 2 && t.sources >= 2 * ownDocs && t.occurrences >= 3 * ownCount)) return;
          if (writers(t) < 2) return;
        } else if (t.sources < 1) return;
      }
      if (!t.house) {
        // one word with another ending (Olympian / Olympics) is another word, not a spelling of it
        if (derivedForms(a.key, t.key)) return;
        // Mac against Mc is a family's spelling: one reference writing the other does not settle it
        if (macMcOnly(a.key, t.key) && t.sources < 2 && t.occurrences < 2) return;
        const tk = foldDiacritics(t.key);
        // the people of a place (Somalis) are not a misspelling of the place (Somalia)
        if (isPlaceOnly(tk) && demonymOf(foldDiacritics(a.key), tk)) return;
        // the references write the target almost always beside one word that is no name of its own, part
        // of another name (New York), while the article's spelling stands beside other capitalised words (a
        // surname after a first name)
        if (boundElsewhere(a, t)) return;
        // the same title or role beside another name (a minister's given name against an archive's common first name)
        if (titleOnlyCompany(a, t)) return;
      }
      const sameStory = t.house || small() || t.sourceIds.some(followsStory);
      const context = contextMatch(a, t);
      // another person of the story, not a slip: a weak match the article writes the same way in three or
      // more places, beside a first name of its own there (Brian Kodd), that the references, writing the
      // target, never give it (Kodi, a son of the story's other man)
      if (
        !t.house && !context && miss.strength === 'weak' && a.occurrences.length >= 3 &&
        a.occurrences.some((o) => o.neighbours.some((n) => isFirstName(foldDiacritics(n)) && !TITLES.has(foldDiacritics(n))))
      ) return;
      // company that says who it is (a courtesy title beside both says nothing); a conflict in an archive
      // is read even from a name with many companions (Niel Ransom against the archive's many Neils)
      const company = t.house || companyMatch(a, t);
      if (!company && contextConflict(a, t, sameStory)) return;
      // another romanisation of the name (Yanukovych / Yanukovich) that a single document of other
      // stories writes is that writer's choice, not the article's slip
      if (!t.house && !sameStory && miss.kind === 'transliteration' && t.sources < 2) return;
      if (!t.house && !sameStory) {
        // only other stories of an archive speak for the target: when the article gives the name company
        // (a first name, a role) the target never has, it is another person's name
        if (!company && a.occurrences.some((o) => o.neighbours.some((n) => !COURTESY.has(n)))) return;
        // the references know the article's spelling as a name too (John Huston beside an archive's many
        // Houstons, Moammar beside Muammar): other stories' documents are other writers and often other
        // people, so one document writing the article's spelling speaks for it as well as many writing the
        // target, however much more often they do
        if (own?.name) return;
        // two or more edits from a name of other stories (Sawell / Sawyer, Massie / Mattie) is another
        // name, not a slip of it
        if (miss.kind === 'misspelling' && miss.strength === 'weak') return;
        // a name in its own right (Beverley) needs the target beside its company more than once
        if (knownName && companyCount(a, t) < 2) return;
        // one document against one: a single document of other stories writes the target and none writes
        // the article's spelling, so each spelling has one writer and the evidence is the same both ways
        // (Feldhagen / Feldhogen, each one story's). Only a name list that knows the target and not the
        // article's spelling (unless they differ in one vowel, as a name's own variants do), or a doubling
        // names never have in the article's (Feldhhagen) and not in the target's, breaks the tie: a doubling
        // both spellings share (a Dutch aa) says nothing about which is the slip
        if (
          ownDocs === 0 && t.sources === 1 && (plausibleDoubling(a.key) || !plausibleDoubling(t.key)) &&
          !(isKnownName(foldDiacritics(t.key)) && !knownName && !vowelForVowel(a.key, t.key))
        ) return;
        // Mac against Mc in other stories is other families' spelling, however many documents write it
        if (macMcOnly(a.key, t.key)) return;
        // another romanisation whose company is itself romanised another way (Pawel Lewandowski against
        // Pavel Lewandovsky): the whole name follows another system, not a slip in one word of it
        if (miss.kind === 'transliteration' && !exactCompany(a, t)) return;
      }
      // a weak two-edit match to a spelling one document writes needs a set chosen for the article: a
      // document of a large set that follows the story is another writer, who may be the one who slipped
      if (!t.house && miss.kind === 'misspelling' && miss.strength === 'weak' && t.sources === 1 && !small()) return;
      // the article writes its spelling in several names, each place beside capitalised words of its own
      // (Korvama Besar, Lama Korvama) and none that the references write beside the target: a word of
      // other names (a district's), not a slip of the target. A target beside more companions than the
      // lexicon keeps may stand in that company unrecorded
      if (!t.house && !context && t.neighbours.size < MAX_NEIGHBOURS && inSeveralNames(a)) return;
      if (!t.house) {
        // the references know the article's spelling as a name in two or more documents: a real name
        if (own && own.name && own.docs >= 2) return;
        // another real person's (or thing's) name: only with shared company (a first name, a role) or
        // the same story; a swap of two letters in a spelling no reference knows is the one exception
        if (!context && !sameStory && !(ownDocs === 0 && miss.kind === 'transposition' && t.sources >= 3)) return;
      }
      if (known && !context) return;
      // a reference "name" that is an ordinary English word (Live, Carry, Opec's neighbours aside) needs company
      if (!t.house && !context && isOrdinaryWord(foldDiacritics(t.key)) && !isKnownName(foldDiacritics(t.key))) return;
      // an ordinary English word capitalised mid-sentence: only a strong match in the same company
      if (a.ordinary && (miss.strength === 'weak' || isOrdinaryWord(foldDiacritics(t.key))) && !slipInPlace()) return;
      if (miss.strength === 'weak' && !context && !(t.house || ((t.sources >= 2 || t.occurrences >= 3) && ownDocs === 0))) return;
      // a spelling seen once in one reference is thin evidence against an article that spells the name
      // the same other way several times, unless a name beside both (a first name, a surname the references
      // write as a name) says whose name it is: an ordinary word beside both (Dam, Media) says only what is named
      if (
        !t.house && t.sources === 1 && t.occurrences === 1 && !names.has(t.key) && a.occurrences.length > 1 &&
        !a.occurrences.some((o) => o.neighbours.some((n) => (nameLikeCompanion(n) || lex.get(n)?.name) && hasNeighbour(t, n)))
      ) return;
      const score =
        miss.similarity +
        0.03 * Math.log2(1 + t.sources) +
        0.01 * Math.log2(1 + t.occurrences) +
        (context ? 0.05 : 0) +
        (t.house ? 0.1 : 0);
      cands.push({ target: t, miss, context, score });
    };
    // the lexicon's names within reach of the skeleton that this spelling is a near miss of (remembered across checks)
    for (const { entry, miss } of nearMissEntries(lex, a.key)) consider(targetOf(entry), false, miss);
    // a title that lost its space (MrQuennell): the rest is the reference name itself
    const glued = GLUED_TITLE_RE.exec(a.occurrences[0]!.text);
    const unglued = glued ? lex.get(a.key.slice(glued[1]!.length)) : undefined;
    if (unglued?.name) consider(targetOf(unglued), true);
    for (const t of houseT) consider(t);
    if (cands.length === 0) continue;
    cands.sort((x, y) => y.score - x.score || x.target.form.localeCompare(y.target.form));
    // one suggestion per distinct spelling
    const seen = new Set<string>();
    const top = cands.filter((c) => !seen.has(c.target.form) && seen.add(c.target.form)).slice(0, 3);
    const best = top[0]!;
    const occs = a.occurrences.filter((o) => !isCovered(o.start, o.end));
    if (occs.length === 0) continue;
    flagged.add(a.key);
    const references: ReferenceSpelling[] = top
      .filter((c) => !c.target.house)
      .map((c) => ({
        spelling: c.target.form,
        sources: c.target.sources,
        occurrences: c.target.occurrences,
        sourceIds: c.target.sourceIds,
      }));
    if (own) {
      references.push({ spelling: own.form, sources: own.docs, occurrences: own.count, sourceIds: own.sources });
    }
    // one finding per distinct name, at its first place, listing all its places
    {
      const occ = occs[0]!;
      const t = best.target;
      const form = (target: NameTarget) => withGluedTitle(occ.text, a.key, target.form);
      const why = t.house
        ? 'the house list spells it'
        : `references spell it "${t.form}" (${plural(t.sources, 'source', 'sources')}, ${plural(t.occurrences, 'time', 'times')})`;
      // a warning needs evidence an editor can act on: the spelling of the article's own story (a set
      // chosen for it, or a story-sized set one of whose documents follows it: `small`; a follower inside
      // a larger archive counts as one document), or of three or more documents of other stories in a
      // strong match, with no reference writing the article's spelling. One or two documents of other
      // stories are one or two writers, as likely to have slipped as the article's: an info
      const evidence: NameEvidence = t.house
        ? 'story'
        : ownDocs > 0 ? 'thin'
        : small() ? 'story'
        : t.sources >= 3 && best.miss.strength === 'strong' ? 'documents'
        : 'thin';
      let message = t.house ? `"${occ.text}" — ${why} "${t.form}"` : `"${occ.text}" — ${why}`;
      if (own) message += `; "${own.form}" appears in ${plural(own.docs, 'source', 'sources')}`;
      if (occs.length > 1) message += ` (${occs.length} places in this article)`;
      spelling.push(finding('name-spelling', {
        message,
        severity: evidence === 'thin' ? 'info' : undefined,
        start: occ.start,
        end: occ.end,
        text: occ.text,
        suggestions: top.map((c) => matchCase(occ.text, form(c.target))),
        fixes: nameFixes(occ, occs, form(t), a.occurrences[0]!.text),
        data: {
          house: t.house,
          kind: best.miss.kind,
          similarity: Math.round(best.miss.similarity * 1000) / 1000,
          context: best.context,
          evidence,
          references,
          places: occs.map((o) => ({ start: o.start, end: o.end })),
        },
      }));
    }
  }

  // 2b. real-word slips of a capital I read or keyed as l ("lain McLaren" for Iain McLaren): only beside
  // the company the references give the name, since lain is a word of its own
  spelling.push(...capitalISlips(doc, lex, isCovered, flagged));
  spelling.push(...shortDroppedSlips(names, lex, isCovered, flagged, (t) => small() || t.sources.some(followsStory)));

  // 3. the article spells one name two ways and the references do not settle it. A spelling copied
  // as written (marked [sic], or inside an embedded post) is the writer's, not the article's: left out
  const verbatim = verbatimSpans(text);
  const asWritten = (o: NameOccurrence) =>
    SIC_AFTER.test(text.slice(o.end, o.end + 16)) || verbatim.some(([s, e]) => o.start >= s && o.end <= e);
  const rest: ArticleName[] = [];
  for (const a of names.values()) {
    if (flagged.has(a.key) || accepted.has(a.key)) continue;
    const occurrences = a.occurrences.filter((o) => !asWritten(o));
    if (occurrences.some((o) => !isCovered(o.start, o.end))) rest.push(occurrences.length === a.occurrences.length ? a : { ...a, occurrences });
  }
  const first = (a: ArticleName) => a.occurrences[0]!.start;
  const sentenceOf = (o: NameOccurrence) => doc.tokens[o.token]?.sentence ?? -1;
  // the word stands between quotation marks of its own (straight, curly, or a wire's `` and '')
  const quoted = (o: NameOccurrence) =>
    /(?:["“‘`]|(?<![\p{L}])')$/u.test(text.slice(Math.max(0, o.start - 2), o.start)) &&
    /^(?:["”]|['’](?!\p{L}))/u.test(text.slice(o.end, o.end + 2));
  // in one sentence, a few words apart, given as names of one thing: "known as Velmar to the islanders and
  // Vellmar to the ferry crews", "Velmar or Vellmar"
  const alternatives = (o: NameOccurrence, p: NameOccurrence) => {
    if (o.token < 0 || p.token < 0 || sentenceOf(o) !== sentenceOf(p)) return false;
    const [u, v] = o.start < p.start ? [o, p] : [p, o];
    const between = text.slice(u.end, v.start);
    if (between.length > 40) return false;
    if (/(?:^|[^\p{L}])or(?:[^\p{L}]|$)/iu.test(between)) return true;
    // both spellings in quotation marks, side by side: the sentence is about the spelling itself (a
    // correction notice's "substituting ``Velmar'' for ``Vellmar''", "spelt "Velmar", not "Vellmar"")
    if (quoted(u) && quoted(v)) return true;
    return /\b(?:known as|called|spelt|spelled)\s+$/iu.test(text.slice(Math.max(0, u.start - 20), u.start)) && /(?:^|[^\p{L}])and(?:[^\p{L}]|$)/iu.test(between);
  };
  // within two words of each other, every word between them capitalised and spaced as one name
  const oneName = (o: NameOccurrence, p: NameOccurrence) => {
    const [lo, hi] = o.token < p.token ? [o.token, p.token] : [p.token, o.token];
    if (lo < 0 || hi - lo > 2) return false;
    for (let k = lo; k < hi; k++) {
      const t = doc.tokens[k + 1]!;
      if (!/^\p{Lu}/u.test(t.text) || !adjacent(text, doc.tokens[k]!.end, t.start)) return false;
    }
    return true;
  };
  // a spelling capitalised only where its place explains it (a sentence start) that the article or the
  // references also write in lower case is an ordinary word (Seagrasses opening a sentence), not a name
  let lowerWords: Set<string> | null = null;
  const ordinaryHere = (a: ArticleName): boolean => {
    if (a.mid) return false;
    if (lex.lowerCount(a.key) > 0) return true;
    lowerWords ??= new Set(doc.tokens.filter((t) => /^\p{Ll}/u.test(t.text)).map((t) => nameKey(t.text)));
    return lowerWords.has(a.key);
  };
  // a line-up: a line of five or more names and nothing else, separated by commas, substitutes in brackets
  // (a team sheet). It names each player once, so two spellings that both stand in line-ups are two players
  const lineUps = new Map<number, boolean>();
  const inLineUp = (o: NameOccurrence): boolean => {
    const from = text.lastIndexOf('\n', o.start - 1) + 1;
    let known = lineUps.get(from);
    if (known === undefined) {
      const to = text.indexOf('\n', o.end);
      const items = text.slice(from, to < 0 ? text.length : to).replace(/\([^()\n]*\)/g, '').trim().replace(/\.$/u, '').split(',');
      known = items.length >= 5 && items.every((w) => /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2}$/u.test(w.trim()));
      lineUps.set(from, known);
    }
    return known;
  };
  const done = new Set<string>();
  // every pair of the article's names is a candidate: the shapes rule most pairs out without a comparison
  const shapes = rest.map((a) => nameShape(a.key));
  for (let i = 0; i < rest.length; i++) {
    for (let j = i + 1; j < rest.length; j++) {
      const x = rest[i]!;
      const y = rest[j]!;
      if (!x.mid && !y.mid) continue;
      if (!mayBeNearMiss(shapes[i]!, shapes[j]!)) continue;
      const miss = nearMiss(x.key, y.key);
      if (!miss) continue;
      const ex = lex.get(x.key);
      const ey = lex.get(y.key);
      if ((ex && !ex.name && ex.lower > 0) || (ey && !ey.name && ey.lower > 0)) continue;
      if (ordinaryHere(x) || ordinaryHere(y)) continue;
      // two parts of one name (Oda Mei Lin), or two names given on purpose side by side (known as
      // Velmar to one side and Vellmar to the other): not one name spelt two ways
      if (x.occurrences.some((o) => y.occurrences.some((p) => oneName(o, p) || alternatives(o, p)))) continue;
      if (x.occurrences.some(inLineUp) && y.occurrences.some(inLineUp)) continue;
      const shared = x.occurrences.some((o) => o.neighbours.some((n) => y.occurrences.some((p) => p.neighbours.includes(n))));
      // two ordinary words (Life / Line in titles) are not one name spelt two ways
      if (x.ordinary && y.ordinary) continue;
      const known =
        x.ordinary || y.ordinary || isKnownName(foldDiacritics(x.key)) || isKnownName(foldDiacritics(y.key));
      if ((known || miss.strength === 'weak') && !shared) continue;
      // different companions (Anna Kowalska / Piotr Kowalski): two people
      const xn = new Set(x.occurrences.flatMap((o) => o.neighbours));
      const yn = new Set(y.occurrences.flatMap((o) => o.neighbours));
      if (!shared && xn.size > 0 && yn.size > 0) continue;
      // the references know both as names of their own (Horan and Horgan in one line-up): two people
      if (ex && ey && distinctInReferences(ex, ey)) continue;
      // majority spelling: the accented one of an accent-only pair; the references' clear majority; more
      // occurrences in the article; more in the references; the earlier one
      const rx = ex?.count ?? 0;
      const ry = ey?.count ?? 0;
      const clear = (p: number, q: number) => p >= 2 && p >= 2 * q;
      // of two spellings of one length with nothing else to go on, the one whose letters read as a word's
      // (Brinsworth against Brinswroth's "swr"): a keying slip leaves letter runs words seldom hold
      const plausible = (p: string, q: string) => morePlausibleSpelling(foldDiacritics(p), foldDiacritics(q));
      const nx = x.occurrences.length;
      const ny = y.occurrences.length;
      const xFirst = strippedOf(x.key, y.key) ? true
        : strippedOf(y.key, x.key) ? false
        : clear(rx, ry) ? true
        : clear(ry, rx) ? false
        : nx !== ny ? nx > ny
        : rx !== ry ? rx > ry
        : oneLetterMore(x.key, y.key) ? true
        : oneLetterMore(y.key, x.key) ? false
        : plausible(x.key, y.key) !== 0 ? plausible(x.key, y.key) > 0
        : first(x) <= first(y);
      const major = xFirst ? x : y;
      const minor = xFirst ? y : x;
      if (done.has(minor.key)) continue;
      done.add(minor.key);
      const writtenMajor = major.occurrences.find((o) => o.cls !== 'caps')?.text ?? major.occurrences[0]!.text;
      // the name run into the next word ("Manafortin 1995"): the fix puts the space back, keeping the word
      const glued = minor.key.startsWith(major.key) ? minor.key.slice(major.key.length) : '';
      const runOn = glued.length >= 2 && isStopWord(glued);
      const majorForm = runOn ? `${writtenMajor} ${minor.occurrences[0]!.text.slice(major.key.length)}` : writtenMajor;
      const em = lex.get(major.key);
      const en = lex.get(minor.key);
      const references: ReferenceSpelling[] = [];
      for (const e of [em, en]) {
        if (e) references.push({ spelling: e.form, sources: e.docs, occurrences: e.count, sourceIds: e.sources });
      }
      const refNote = em && en
        ? `the references use both`
        : em || en
          ? `the references use only "${(em ?? en)!.form}"`
          : `neither spelling is in the references`;
      const occs = minor.occurrences.filter((o) => !isCovered(o.start, o.end));
      const occ = occs[0];
      if (!occ) continue;
      inconsistency.push(finding('name-inconsistency', {
        message: `"${occ.text}" — this article also spells it "${writtenMajor}" (${plural(major.occurrences.length, 'time', 'times')})${runOn ? ', here run into the next word' : ''}; ${refNote}${occs.length > 1 ? ` (${occs.length} places)` : ''}`,
        start: occ.start,
        end: occ.end,
        text: occ.text,
        suggestions: [matchCase(occ.text, majorForm)],
        fixes: nameFixes(occ, occs, majorForm, minor.occurrences[0]!.text),
        data: {
          kind: miss.kind,
          similarity: Math.round(miss.similarity * 1000) / 1000,
          article: [
            { spelling: writtenMajor, occurrences: major.occurrences.length },
            { spelling: minor.occurrences[0]!.text, occurrences: minor.occurrences.length },
          ],
          references,
          places: occs.map((o) => ({ start: o.start, end: o.end })),
        },
      }));
    }
  }
  return { spelling, inconsistency };
}
