/**
 * `npm run eval -- facts [--half tune|test|all] [--seed N] [--per-kind N] [--sample N] [--no-polnear] [--show N] [--title-plant swap|former] [--plants] [--replay=FILE]`
 * `npm run eval -- facts --pa|--story [--kinds title,day,…] [--plants] [--show N]` (every candidate: `allCandidates`)
 *
 * The fact-mismatch rule on real text.
 *
 * 1. Planted changes (METER). Reference set: all 771 PA stories. Articles: the wholly and partially
 *    derived newspaper articles of the chosen half (stable split: FNV-1a hash of the article id, even
 *    = tune, odd = test). In each article, sentences that the rule pairs with a PA sentence (a
 *    statement pair: facts/pairs.ts) and where the unmodified article draws no fact-mismatch finding
 *    get one fact changed (seeded, reproducible; at most one plant per kind per article, the sentence
 *    chosen at random among those that hold a slot of the kind):
 *      number   a figure (digits or words, not a year) → another figure (×1.5–3 or +2…9, same style)
 *      day      a day of the week → another day; then, drawn last with a generator of its own, a day of
 *               the month beside a month name ("26 July", "July 26th") → another day of the month
 *      date     a month → another month, or a year → ±1…3
 *      title    a title modifier (former, deputy, acting…) dropped, or else a rank or role swapped for a
 *               neighbouring one (sergeant → inspector, judge → magistrate; `--title-plant former`: "former"
 *               put before a title instead, the plant of rounds 1–5)
 *      negation "not"/"n't" dropped, or "not" put after the first auxiliary (was, had, will…)
 *      name     a surname (after Mr/Mrs/Ms/Miss/Dr) → the surname of another person of the same article
 *    Slots inside the article's attributed quotations are not planted (misquote's territory).
 *    The article is checked again; a finding over the planted words is a hit. Recall per kind;
 *    precision per kind = hits / new fact-mismatch findings anywhere in the article (new = not in
 *    the unmodified article's findings, compared by text and kind); findings on other sentences
 *    are counted separately.
 *    `--plants` lists every plant (kind, article, offset, old → new text, hit or miss), for comparing
 *    the plant sets of two versions of the planter.
 *    Timing: check() with only this rule on (alignment included), and the rule's own time on the
 *    unmodified articles (statement pairs and slot comparison, after the shared alignment).
 * 2. False flags: fact-mismatch findings on the unmodified derived articles of the half (per 10k
 *    words, warnings and infos apart), and on PolNeAR test articles checked against their twins —
 *    the train+dev articles (other outlets' coverage of the same 2016 campaign) as the reference
 *    set, so a twin is a reference sentence the rule pairs with the article sentence. `--sample N`
 *    prints N findings at random (seeded) for hand sorting: file, offsets, kind, values.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, makeContext } from '../../src/core/engine';
import { alignment } from '../../src/core/align';
import { statementPairs } from '../../src/core/facts/pairs';
import { factFindings } from '../../src/core/rules/fact-mismatch';
import { TITLE_MODIFIERS, TITLES } from '../../src/core/facts/compare';
import { attributedQuoteSpans } from '../../src/core/quoting';
import { ReferenceIndex } from '../../src/core/reference-index';
import { resolveSettings } from '../../src/core/settings';
import { dataOf } from '../../src/core/finding-data';
import { RULE_IDS, type Finding, type RuleId } from '../../src/core/types';
import { meterArticles, paFiles, readArticleText, readMeterText } from './lib/meter-data';
import { f3, flag, intFlag, machine, Progress, table } from './lib/report';
import { polnearArticles } from './attribution';
import type { Suite } from './main';
import { rng } from '../lib/rng';
import { decodeBytes } from '../../src/node/decode';

type Kind = 'number' | 'day' | 'date' | 'title' | 'negation' | 'name';
const KINDS: Kind[] = ['number', 'day', 'date', 'title', 'negation', 'name'];

const ONLY_FACTS = Object.fromEntries(RULE_IDS.filter((r) => r !== 'fact-mismatch').map((r) => [r, 'off'])) as Partial<Record<RuleId, 'off'>>;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) {
    h ^= s.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

interface Plant {
  kind: Kind;
  start: number;
  end: number;
  newText: string;
  /**
   * the plant changes no fact (a first name or a particle taken for a surname, a day inside a
   * newspaper's name): drawn as before, so that the seeded draw of every other plant is unchanged,
   * but not planted
   */
  faulty?: boolean;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WORD_NUMS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty'];
const AUX = /\b(was|were|is|are|had|has|have|will|would|could|should|can|did|does|do)\b/g;

/** ranks and roles and a neighbouring one of the same ladder, for the `swap` title plant */
const TITLE_SWAPS: Record<string, string> = {
  constable: 'sergeant', sergeant: 'inspector', inspector: 'superintendent', superintendent: 'inspector',
  judge: 'magistrate', magistrate: 'judge', recorder: 'judge', coroner: 'judge',
  chairman: 'director', chairwoman: 'director', director: 'chairman', president: 'chairman', manager: 'director',
  minister: 'secretary', secretary: 'minister', editor: 'producer', producer: 'editor', captain: 'coach', coach: 'captain',
  solicitor: 'barrister', barrister: 'solicitor', commissioner: 'commander', commander: 'commissioner', spokesman: 'chairman', spokeswoman: 'chairwoman',
};

/** particles that begin a surname ("Al Fayed", "St Leger", "van Gogh") */
const NAME_PARTICLES = new Set(['Al', 'El', 'De', 'Da', 'Di', 'Du', 'Van', 'Von', 'Le', 'La', 'Bin', 'Ben', 'St', 'Mac', 'Mc']);

/**
 * The word after a courtesy title, ending at `end` in `text`, is a surname: not a particle and not
 * followed by another capitalised word ("Dr John Roylance": "John" is a first name, and a plant
 * replacing it, or taking it as another person's surname, changes no person).
 */
function surnameAt(text: string, end: number, word: string): boolean {
  return !NAME_PARTICLES.has(word) && !/^[ \t]+[A-Z][a-z]/.test(text.slice(end, end + 3));
}

/** a day of the week that is part of a name: a newspaper's ("The Sunday Times", "Mail on Sunday") or a feast's ("Good Friday") */
function dayInName(sent: string, at: number, len: number): boolean {
  const after = sent.slice(at + len, at + len + 14);
  const before = sent.slice(Math.max(0, at - 16), at);
  return /^\s+(?:Times|Telegraph|Mirror|Express|People|Mail|Post|Herald|Sport|Business|Independent|Observer|Star|Sun|Tribune|World|Record|Review)\b/.test(after) ||
    /\b(?:Mail|Independent|Observer|Post|Express|Scotland|Wales) on\s+$/.test(before) ||
    /\b(?:Good|Black|Bloody|Easter|Palm|Ash|Holy|Maundy|Shrove|Super)\s+$/.test(before);
}

/**
 * Candidate plants of one kind inside the sentence [s, e) of text, avoiding quoted spans. `titlePlant`:
 * where a sentence has no rank modifier to drop, `swap` puts a neighbouring rank or role for one
 * (the default), `former` puts "former" before a title (the plant of rounds 1–5).
 */
function candidates(kind: Kind, text: string, s: number, e: number, surnames: string[], trueSurnames: ReadonlySet<string>, pick: () => number, titlePlant: 'swap' | 'former' = 'swap'): Plant[] {
  const sent = text.slice(s, e);
  const out: Plant[] = [];
  const at = (re: RegExp, f: (m: RegExpExecArray) => Plant | null) => {
    re.lastIndex = 0;
    for (let m = re.exec(sent); m; m = re.exec(sent)) {
      const p = f(m);
      if (p) out.push(p);
    }
  };
  const other = <T,>(xs: T[], not: T): T => {
    const c = xs.filter((x) => x !== not);
    return c[Math.floor(pick() * c.length)]!;
  };
  switch (kind) {
    case 'number':
      at(/(?<![\d.,£$])\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\b(?![.,]\d)/g, (m) => {
        const v = Number(m[0].replace(/,/g, ''));
        if (v >= 1800 && v <= 2099) return null;
        const after = sent.slice(m.index + m[0].length, m.index + m[0].length + 12);
        if (/^\s*(?:st|nd|rd|th)\b/.test(after) || /^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(after)) return null;
        const before = sent.slice(Math.max(0, m.index - 10), m.index);
        if (/(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$/.test(before)) return null;
        let nv = pick() < 0.5 ? Math.round(v * (1.5 + pick() * 1.5)) : Math.round(v + 2 + Math.floor(pick() * 8));
        if (nv === v) nv = v + 3;
        const dec = /\.(\d+)/.exec(m[0])?.[1]?.length ?? 0;
        const nt = dec ? (v + 2 + Math.floor(pick() * 8)).toFixed(dec) : nv >= 1000 && m[0].includes(',') ? nv.toLocaleString('en-GB') : String(nv);
        return { kind, start: s + m.index, end: s + m.index + m[0].length, newText: nt };
      });
      at(/\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b/gi, (m) => {
        if (/^(?:\s|-)(?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million)/i.test(sent.slice(m.index + m[0].length))) return null;
        if (/(?:-|\s)$/.test(sent.slice(0, m.index)) && /(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]$/i.test(sent.slice(0, m.index))) return null;
        let w = other(WORD_NUMS, m[0].toLowerCase());
        if (/^[A-Z]/.test(m[0])) w = w[0]!.toUpperCase() + w.slice(1);
        return { kind, start: s + m.index, end: s + m.index + m[0].length, newText: w };
      });
      break;
    case 'day':
      at(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, (m) => {
        const p = { kind, start: s + m.index, end: s + m.index + m[0].length, newText: other(DAY_NAMES, m[0]) };
        // a day inside a name ("The Sunday Times", "Mail on Sunday", "Good Friday") is no date
        return dayInName(sent, m.index, m[0].length) ? { ...p, faulty: true } : p;
      });
      break;
    case 'date':
      at(/\b(January|February|April|June|July|August|September|October|November|December)\b/g, (m) => ({ kind, start: s + m.index, end: s + m.index + m[0].length, newText: other(MONTH_NAMES.filter((x) => x !== 'May' && x !== 'March'), m[0]) }));
      at(/(?<![\d.,£$])\b(19[5-9]\d|20[0-2]\d)\b(?![.,]\d)/g, (m) => ({ kind, start: s + m.index, end: s + m.index + m[0].length, newText: String(Number(m[0]) + (pick() < 0.5 ? -1 : 1) * (1 + Math.floor(pick() * 3))) }));
      break;
    case 'title': {
      at(/\b([Ff]ormer|[Dd]eputy|[Aa]cting|[Aa]ssistant|[Ss]hadow|[Jj]unior|[Ii]nterim|[Ss]enior) /g, (m) => {
        if (!TITLE_MODIFIERS.has(m[1]!.toLowerCase())) return null;
        const rest = sent.slice(m.index + m[0].length);
        const next = /^\S+/.exec(rest)?.[0] ?? '';
        // a modifier of a title or a named role ("deputy head", "former Tory MP"), not "acting in self-defence"
        if (!TITLES.has(next.toLowerCase().replace(/s$/, '')) && !/^[A-Z]/.test(next)) return null;
        let nt = '';
        if (/^[A-Z]/.test(m[1]!) && next) nt = ''; // "Former minister" → "Minister"
        return { kind, start: s + m.index, end: s + m.index + m[0].length + (nt === '' && /^[A-Z]/.test(m[1]!) ? 1 : 0), newText: /^[A-Z]/.test(m[1]!) ? next[0]!.toUpperCase() : nt };
      });
      if (out.length === 0 && titlePlant === 'swap')
        // one rank or role for a neighbouring one ("inspector" for "sergeant", "magistrate" for "judge"):
        // a wrong rank is an error whoever writes it, where an added "former" is often the writer's
        // own, right knowledge (docs/EVALUATION.md, fact-mismatch round 6)
        at(/\b(?:[A-Z][a-z]+|[a-z]+)\b/g, (m) => {
          const to = TITLE_SWAPS[m[0].toLowerCase()];
          if (!to) return null;
          const before = sent.slice(0, m.index);
          // "Chief Constable" is one title, not a constable; "Home Secretary" is not a minister's rank
          if (/\bchief\s+$/i.test(before) && m[0].toLowerCase() === 'constable') return null;
          const nt = /^[A-Z]/.test(m[0]) ? to[0]!.toUpperCase() + to.slice(1) : to;
          return { kind, start: s + m.index, end: s + m.index + m[0].length, newText: nt };
        });
      if (out.length === 0 && titlePlant === 'former')
        at(/\b(?<![Ff]ormer )(minister|secretary|chairman|director|judge|inspector|superintendent|sergeant|constable|president|manager|chief executive|spokesman|spokeswoman|leader|editor|commissioner|detective|governor)\b/g, (m) => {
          const before = sent.slice(0, m.index);
          if (/\b(?:the|a|an|his|her|their|its)\s+$/i.test(before) || /^\s*[A-Z]/.test(sent.slice(m.index + m[0].length))) {
            return { kind, start: s + m.index, end: s + m.index, newText: 'former ' };
          }
          return null;
        });
      break;
    }
    case 'negation':
      at(/\b(\w+) not\b/g, (m) => (/^(was|were|is|are|had|has|have|will|would|could|should|did|does|do|can)$/i.test(m[1]!) ? { kind, start: s + m.index + m[1]!.length, end: s + m.index + m[0].length, newText: '' } : null));
      at(/\b(wasn't|weren't|isn't|aren't|hadn't|hasn't|haven't|didn't|doesn't|don't|wouldn't|couldn't|shouldn't)\b/gi, (m) => ({ kind, start: s + m.index + m[0].length - 3, end: s + m.index + m[0].length, newText: '' }));
      if (out.length === 0)
        at(AUX, (m) => {
          const next = /^\s+(\w+)/.exec(sent.slice(m.index + m[0].length))?.[1] ?? '';
          if (!next || /^(not|never|no|been|to|a|the|an|also)$/i.test(next) && !/^been$/i.test(next)) return null;
          return { kind, start: s + m.index + m[0].length, end: s + m.index + m[0].length, newText: ' not' };
        });
      break;
    case 'name':
      at(/\b(?:Mr|Mrs|Ms|Miss|Dr)\.? ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g, (m) => {
        if (m[1] === 'Justice') return null;
        const others = surnames.filter((x) => x !== m[1] && !sent.includes(x));
        if (!others.length) return null;
        const start = s + m.index + m[0].length - m[1]!.length;
        const p = { kind, start, end: start + m[1]!.length, newText: others[Math.floor(pick() * others.length)]! };
        // only a surname for a surname: not a first name or a particle before one ("Dr John Roylance",
        // "Mr Al Fayed"), nor such a word put in ("Mr Al" for "Mr Hamilton")
        return surnameAt(sent, m.index + m[0].length, m[1]!) && trueSurnames.has(p.newText) ? p : { ...p, faulty: true };
      });
      break;
  }
  return out;
}

/** Draw phases: each kind with the main generator, then days of the month (kind `day`) with their own. */
const PHASES: [Kind, 'main' | 'month-day'][] = [...KINDS.map((k) => [k, 'main'] as [Kind, 'main']), ['day', 'month-day']];

const MONTH_RE = MONTH_NAMES.join('|');

/**
 * Day-of-the-month plants in the sentence [s, e) of text: a day number written beside a month name
 * ("26 July", "July 26", "February 19th", "the 3rd of May") → another day of the month (1–28, not the same),
 * with the ordinal suffix the text gives it.
 */
function monthDayCandidates(text: string, s: number, e: number, pick: () => number): Plant[] {
  const sent = text.slice(s, e);
  const out: Plant[] = [];
  const re = new RegExp(`(?<![\\d.,£$])\\b([1-9]|[12]\\d|3[01])(st|nd|rd|th)?\\b(?=(?:\\s+of)?\\s+(?:${MONTH_RE})\\b)|(?<=\\b(?:${MONTH_RE})\\s+)([1-9]|[12]\\d|3[01])(st|nd|rd|th)?\\b(?![.,]?\\d)`, 'g');
  for (let m = re.exec(sent); m; m = re.exec(sent)) {
    const v = Number(m[1] ?? m[3]);
    const suffix = m[2] ?? m[4];
    let nv = 1 + Math.floor(pick() * 28);
    if (nv === v) nv = (v % 28) + 1;
    const ord = (n: number) => (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');
    out.push({ kind: 'day', start: s + m.index, end: s + m.index + m[0].length, newText: String(nv) + (suffix ? ord(nv) : '') });
  }
  return out;
}

interface Tally {
  plants: number;
  hits: number;
  found: number;
  correct: number;
  elsewhere: number;
  kindRight: number;
}

function key(f: Finding): string {
  return `${f.text}\u0000${String(dataOf(f, 'fact-mismatch')?.kind)}\u0000${String(dataOf(f, 'fact-mismatch')?.sourceValue)}`;
}

/**
 * `--pa` / `--story`: tuning material that is not a METER half. Every candidate of the chosen kinds
 * (`--kinds`, default title and day; days of the month with the days) is planted, one at a time, in
 *  - `--pa`: each METER PA story checked against the other PA stories of its own catchline (the takes of one
 *    story: wire copy against wire copy);
 *  - `--story`: each of the five renderings of one story in shared/eval/story against the other four;
 * with the drawn eval's candidate rules (outside attributed quotations, the planted words held in common
 * with the paired source sentence, a sentence with no finding before the plant). A name candidate takes
 * every other surname of the text in turn (sorted). The text is checked again; a finding over the plant is
 * a hit. Prints recall per kind, new flags not over the plant, and each plant with `--plants` (or the
 * misses with `--show N`).
 */
function readDecoded(p: string): string {
  const r = decodeBytes(fs.readFileSync(p));
  if (!r.ok) throw new Error(`${p}: ${r.error}`);
  return r.text;
}

async function allCandidates(evalDir: string, args: string[]): Promise<void> {
  const kinds = String(flag(args, 'kinds') ?? 'title,day').split(',') as Kind[];
  for (const k of kinds) if (!KINDS.includes(k)) throw new Error(`--kinds: ${k} is not one of ${KINDS.join(', ')}`);
  const seed = intFlag(args, 'seed') ?? 20261204;
  const show = intFlag(args, 'show') ?? 0;
  const settings = { rules: ONLY_FACTS };
  const baseLines: string[] = [];
  const groups: { corpus: string; texts: { id: string; text: string }[] }[] = [];
  if (args.includes('--pa')) {
    const byLine = new Map<string, { id: string; text: string }[]>();
    for (const p of paFiles(path.join(evalDir, 'meter'))) {
      const dir = p.id.slice(0, p.id.lastIndexOf('/'));
      byLine.set(dir, [...(byLine.get(dir) ?? []), { id: p.id, text: readMeterText(p.file) }]);
    }
    for (const texts of byLine.values()) if (texts.length > 1) groups.push({ corpus: 'pa', texts });
  }
  if (args.includes('--story')) {
    const sdir = path.join(evalDir, 'story');
    groups.push({ corpus: 'story', texts: fs.readdirSync(sdir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: `story/${f}`, text: readDecoded(path.join(sdir, f)) })) });
  }
  const tally = new Map<string, { plants: number; hits: number; elsewhere: number }>();
  const lines: string[] = [];
  let texts = 0;
  const prog = new Progress('facts-all', groups.reduce((n, g) => n + g.texts.length, 0));
  for (const g of groups) {
    for (const a of g.texts) {
      prog.tick();
      // the text's own duplicates (a take filed twice) are no other source
      const refs = g.texts.filter((b) => b.id !== a.id && b.text !== a.text).map((b) => ({ id: b.id, path: b.id, text: b.text, meta: {} }));
      if (!refs.length) continue;
      texts++;
      const index = ReferenceIndex.build(refs);
      const text = a.text;
      const base = check(text, index, settings).findings;
      const ctx = makeContext(text, index, resolveSettings(settings));
      const pairs = ctx.use(statementPairs);
      const quotes = ctx.use(attributedQuoteSpans);
      const flagged = new Set(base.map((f) => ctx.doc.sentences.findIndex((x) => f.start >= x.start && f.start < x.end)));
      const titled = [...text.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Dr)\.? ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g)];
      const surnames = [...new Set(titled.map((m) => m[1]!))].filter((x) => x !== 'Justice').sort();
      const trueSurnames = new Set(titled.filter((m) => surnameAt(text, m.index + m[0].length, m[1]!)).map((m) => m[1]!));
      const baseKeys = new Set(base.map(key));
      for (const f of base) baseLines.push(`${a.id}@${f.start}: ${f.message}`);
      for (const s of [...pairs.keys()].filter((x) => !flagged.has(x)).sort((x, y) => x - y)) {
        const sent = ctx.doc.sentences[s]!;
        // plant values drawn per sentence, so that a sentence's plants are the same whichever other sentences pair
        const pick = rng(seed ^ fnv(`${a.id}@${text.slice(sent.start, sent.end)}`));
        const pair = pairs.get(s)![0]!;
        const toks = pair.articleTokens;
        const common = (k: number) => pair.comparison.common.some(([f, t]) => k >= f && k < t);
        const plants: Plant[] = [];
        for (const kind of kinds) {
          const cs = candidates(kind, text, sent.start, sent.end, surnames, trueSurnames, pick);
          if (kind === 'day') cs.push(...monthDayCandidates(text, sent.start, sent.end, pick));
          for (const p of cs) {
            if (p.faulty) continue;
            if (kind === 'name') {
              // every other true surname of the text, not one drawn
              for (const o of surnames) if (o !== text.slice(p.start, p.end) && trueSurnames.has(o) && !text.slice(sent.start, sent.end).includes(o)) plants.push({ ...p, newText: o });
            } else plants.push(p);
          }
        }
        for (const p of plants) {
          if (quotes.some((q) => p.start >= q.start && p.end <= q.end)) continue;
          const inside = toks.map((t, k) => [t, k] as const).filter(([t]) => (p.end > p.start ? t.start < p.end && t.end > p.start : t.end === p.start || t.start === p.start + (text[p.start] === ' ' ? 1 : 0)));
          if (!inside.length || !inside.every(([, k]) => common(k))) continue;
          const mod = text.slice(0, p.start) + p.newText + text.slice(p.end);
          const newOnes = check(mod, index, settings).findings.filter((f) => !baseKeys.has(key(f)));
          const pEnd = p.start + p.newText.length;
          const over = (f: Finding) => (pEnd > p.start ? f.start < pEnd && f.end > p.start : f.start <= p.start && f.end >= p.start);
          const hit = newOnes.some(over);
          const tk = `${g.corpus} ${p.kind}`;
          const t = tally.get(tk) ?? { plants: 0, hits: 0, elsewhere: 0 };
          t.plants++;
          if (hit) t.hits++;
          t.elsewhere += newOnes.filter((f) => !over(f)).length;
          tally.set(tk, t);
          lines.push(`${p.kind} ${a.id}@${p.start}: “${text.slice(p.start, p.end)}” → “${p.newText}” ${hit ? 'hit' : 'miss'}`);
        }
      }
    }
  }
  prog.done();
  console.log(`all candidates of ${kinds.join(', ')}: ${texts} texts with another text of their story; seed ${seed}`);
  console.log(table(['material, kind', 'plants', 'found', 'recall', 'new flags not over the plant'], [...tally].sort().map(([k, t]) => [k, t.plants, t.hits, f3(t.hits / Math.max(1, t.plants)), t.elsewhere])));
  console.log(`fact-mismatch findings on the unmodified texts: ${baseLines.length}`);
  for (const l of baseLines) console.log('  base ' + l);
  if (args.includes('--plants')) for (const l of lines) console.log('  ' + l);
  else if (show) for (const l of lines.filter((x) => x.endsWith(' miss')).slice(0, show)) console.log('  ' + l);
}

const suite: Suite = async ({ evalDir, args }) => {
  if (args.includes('--pa') || args.includes('--story')) return allCandidates(evalDir, args);
  const half = flag(args, 'half') ?? 'tune';
  // a flag without its value must not fall through to a half: the test half is run once, on purpose
  if (half !== 'tune' && half !== 'test' && half !== 'all') throw new Error(`facts: --half must be tune, test or all, got '${String(half)}'`);
  const seed = intFlag(args, 'seed') ?? 20261204;
  const sampleN = intFlag(args, 'sample') ?? 0;
  const show = intFlag(args, 'show') ?? 0;
  const perKind = intFlag(args, 'per-kind') ?? 3;
  const tp = String(flag(args, 'title-plant') ?? 'swap');
  if (tp !== 'swap' && tp !== 'former') throw new Error(`--title-plant: swap or former, not ${tp}`);
  const titlePlant: 'swap' | 'former' = tp;
  // `--replay=FILE`: plant the plants another run listed (`--plants`), not a fresh draw, to compare two builds
  // on the same plants (the draw is among the sentences a build pairs, so it moves when pairing does)
  const replayFile = flag(args, 'replay');
  let replay: Map<string, { kind: Kind; start: number; end: number; old: string; newText: string }[]> | undefined;
  if (typeof replayFile === 'string') {
    replay = new Map();
    for (const m of fs.readFileSync(replayFile, 'utf8').matchAll(/^\s+(number|day|date|title|negation|name) (\S+)@(\d+): “([^”]*)” → “([^”]*)” (?:hit|miss)$/gm)) {
      const start = Number(m[3]);
      const list = replay.get(m[2]!) ?? [];
      list.push({ kind: m[1] as Kind, start, end: start + m[4]!.length, old: m[4]!, newText: m[5]! });
      replay.set(m[2]!, list);
    }
  }
  const dir = path.join(evalDir, 'meter');
  if (!fs.existsSync(dir)) throw new Error(`METER: corpus not found: ${dir}`);
  console.log(`machine: ${machine()}`);
  const refs = paFiles(dir).map((p) => ({ id: p.id, path: p.file, text: readMeterText(p.file), meta: {} }));
  const index = ReferenceIndex.build(refs);
  const arts = meterArticles(dir)
    .filter((a) => a.label !== 'non_derived')
    .filter((a) => half === 'all' || (fnv(a.id) % 2 === 0) === (half === 'tune'));
  console.log(`METER ${half} half: ${arts.length} derived articles; reference set: ${refs.length} PA stories; seed ${seed}`);
  const pick = rng(seed);
  const pickMonthDay = rng(seed + 2);
  const tally = new Map<Kind, Tally>(KINDS.map((k) => [k, { plants: 0, hits: 0, found: 0, correct: 0, elsewhere: 0, kindRight: 0 }]));
  const settings = { rules: ONLY_FACTS };
  let words = 0;
  const baseFlags: { file: string; f: Finding }[] = [];
  let checkMs = 0;
  let ruleMs = 0;
  let checks = 0;
  const misses: string[] = [];
  const listPlants = args.includes('--plants');
  const plantLines: string[] = [];
  const notPlanted: string[] = [];
  const wrong: string[] = [];
  const prog = new Progress('facts', arts.length);
  for (const a of arts) {
    prog.tick();
    const text = readArticleText(a);
    if (text === undefined) continue;
    const t0 = performance.now();
    const base = check(text, index, settings).findings;
    checkMs += performance.now() - t0;
    checks++;
    const ctx = makeContext(text, index, resolveSettings(settings));
    words += ctx.doc.tokens.length;
    // the rule's own time: after the analyses it shares with other rules (alignment, quotations)
    ctx.use(alignment);
    ctx.use(attributedQuoteSpans);
    const t2 = performance.now();
    factFindings(ctx);
    ruleMs += performance.now() - t2;
    for (const f of base) baseFlags.push({ file: a.id, f });
    const pairs = ctx.use(statementPairs);
    const quotes = ctx.use(attributedQuoteSpans);
    const flaggedSents = new Set<number>();
    for (const f of base) {
      const s = ctx.doc.sentences.findIndex((x) => f.start >= x.start && f.start < x.end);
      flaggedSents.add(s);
    }
    const titled = [...text.matchAll(/\b(?:Mr|Mrs|Ms|Miss|Dr)\.? ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b/g)];
    const surnames = [...new Set(titled.map((m) => m[1]!))].filter((x) => x !== 'Justice');
    // the words written as a surname somewhere ("Mr Fayed"), not only as a first name or a particle ("Mr Al Fayed")
    const trueSurnames = new Set(titled.filter((m) => surnameAt(text, m.index + m[0].length, m[1]!)).map((m) => m[1]!));
    const sentences = [...pairs.keys()].filter((s) => !flaggedSents.has(s)).sort((x, y) => x - y);
    const baseKeys = new Set(base.map(key));
    const used = new Set<number>();
    const replayed = replay ? (replay.get(a.id) ?? []) : undefined;
    for (const [kind, phase] of PHASES) {
      if (replayed && phase === 'month-day') continue;
      // the day of the month is drawn last, from a generator of its own: every other plant is drawn as
      // before it was added
      const draw = phase === 'month-day' ? pickMonthDay : pick;
      const options: { p: Plant; s: number }[] = [];
      for (const s of sentences) {
        const sent = ctx.doc.sentences[s]!;
        const base = pairs.get(s)![0]!;
        const toks = base.articleTokens;
        const common = (k: number) => base.comparison.common.some(([f, t]) => k >= f && k < t);
        for (const p of phase === 'month-day' ? monthDayCandidates(text, sent.start, sent.end, draw) : candidates(kind, text, sent.start, sent.end, surnames, trueSurnames, pick, titlePlant)) {
          if (quotes.some((q) => p.start >= q.start && p.end <= q.end)) continue;
          // the planted fact must be one the paired source sentence states too: its words (or, for an
          // insertion, the words either side) are held in common with the source
          const inside = toks.map((t, k) => [t, k] as const).filter(([t]) => (p.end > p.start ? t.start < p.end && t.end > p.start : t.end === p.start || t.start === p.start + (text[p.start] === ' ' ? 1 : 0)));
          if (!inside.length || !inside.every(([, k]) => common(k))) continue;
          options.push({ p, s });
        }
      }
      if (replayed) {
        // the listed plants of this kind, each in a sentence of its own for `used`, whatever pairs now
        options.length = 0;
        for (const r of replayed) if (r.kind === kind && text.slice(r.start, r.end) === r.old) options.push({ p: { kind, start: r.start, end: r.end, newText: r.newText }, s: -1 - replayed.indexOf(r) });
      }
      for (let n = 0; n < (replayed ? Infinity : perKind) && options.length; n++) {
      const choice = options.splice(Math.floor(draw() * options.length), 1)[0]!;
      if (used.has(choice.s)) {
        n--;
        continue;
      }
      used.add(choice.s);
      const p = choice.p;
      if (p.faulty) {
        notPlanted.push(`${kind} ${a.id}@${p.start}: “${text.slice(p.start, p.end)}” → “${p.newText}”`);
        continue;
      }
      const mod = text.slice(0, p.start) + p.newText + text.slice(p.end);
      const t1 = performance.now();
      const fs1 = check(mod, index, settings).findings;
      checkMs += performance.now() - t1;
      checks++;
      const t = tally.get(kind)!;
      t.plants++;
      const pStart = p.start;
      const pEnd = p.start + p.newText.length;
      const newOnes = fs1.filter((f) => !baseKeys.has(key(f)));
      const over = (f: Finding) => (pEnd > pStart ? f.start < pEnd && f.end > pStart : f.start <= pStart && f.end >= pStart);
      const hit = newOnes.filter(over);
      const sentOf = (x: number) => ctx.doc.sentences.findIndex((y) => x >= y.start && x < y.end);
      const plantSent = sentOf(p.start);
      t.found += newOnes.length;
      t.correct += Math.min(1, hit.length);
      const delta = p.newText.length - (p.end - p.start);
      t.elsewhere += newOnes.filter((f) => !over(f) && sentOf(f.start >= pEnd ? f.start - delta : f.start) !== plantSent).length;
      if (listPlants) plantLines.push(`${kind} ${a.id}@${p.start}: “${text.slice(p.start, p.end)}” → “${p.newText}” ${hit.length ? 'hit' : 'miss'}`);
      if (hit.length) {
        t.hits++;
        const want = { number: ['number'], day: ['date'], date: ['date'], title: ['title'], negation: ['polarity'], name: ['name'] }[kind];
        if (hit.some((f) => want.includes(String(dataOf(f, 'fact-mismatch')?.kind)))) t.kindRight++;
      } else if (misses.length < 400) misses.push(`${kind} ${a.id}@${p.start}: “${text.slice(p.start, p.end)}” → “${p.newText}”`);
      for (const f of newOnes.filter((f) => !over(f))) if (wrong.length < 400) wrong.push(`${kind} ${a.id}@${f.start}: ${f.message}`);
      }
    }
  }
  prog.done();
  const rows = KINDS.map((k) => {
    const t = tally.get(k)!;
    return [k, t.plants, t.hits, f3(t.hits / t.plants), t.found, f3(t.correct / Math.max(1, t.found)), t.elsewhere, f3(t.kindRight / Math.max(1, t.hits))];
  });
  const tot = [...tally.values()].reduce((x, t) => ({ plants: x.plants + t.plants, hits: x.hits + t.hits, found: x.found + t.found, correct: x.correct + t.correct, elsewhere: x.elsewhere + t.elsewhere, kindRight: x.kindRight + t.kindRight }));
  rows.push(['all', tot.plants, tot.hits, f3(tot.hits / tot.plants), tot.found, f3(tot.correct / Math.max(1, tot.found)), tot.elsewhere, f3(tot.kindRight / Math.max(1, tot.hits))]);
  console.log('\nplanted changes (METER ' + half + ' half)');
  console.log(table(['kind', 'plants', 'found', 'recall', 'new flags', 'precision', 'other sentences', 'slot kind right'], rows));
  if (show) {
    console.log('\nmissed plants:');
    for (const m of misses.slice(0, show)) console.log('  ' + m);
    console.log('\nflags not on the plant:');
    for (const m of wrong.slice(0, show)) console.log('  ' + m);
  }
  console.log(`\ndrawn but not planted (no fact change): ${notPlanted.length}`);
  for (const l of notPlanted) console.log('  ' + l);
  if (listPlants) {
    console.log('\nplants:');
    for (const l of plantLines) console.log('  ' + l);
  }
  const warn = baseFlags.filter((x) => x.f.severity === 'warning').length;
  console.log(`\nunmodified METER derived articles (${half} half): ${baseFlags.length} fact-mismatch findings (${warn} warnings, ${baseFlags.length - warn} infos) in ${words} words = ${f3((baseFlags.length * 1e4) / words)} per 10k words (${f3((warn * 1e4) / words)} warnings)`);
  console.log(`check() with only fact-mismatch on: ${checks} checks, mean ${(checkMs / checks).toFixed(1)} ms; the rule itself (statement pairs and slots, after alignment and quotations): mean ${(ruleMs / arts.length).toFixed(2)} ms per unmodified article`);
  const sampleOf = (xs: { file: string; f: Finding }[], n: number) => {
    const r = rng(seed + 1);
    const c = [...xs];
    const out: typeof xs = [];
    while (c.length && out.length < n) out.push(c.splice(Math.floor(r() * c.length), 1)[0]!);
    return out;
  };
  if (sampleN) {
    console.log(`\nsample of ${sampleN} METER flags (file @ start-end · kind · severity · source value → article value; source sentence at the source's offsets):`);
    for (const { file, f } of sampleOf(baseFlags, sampleN)) {
      console.log(`  ${file} @${f.start}-${f.end} · ${String(dataOf(f, 'fact-mismatch')?.kind)} · ${f.severity} · “${String(dataOf(f, 'fact-mismatch')?.sourceValue)}” → “${String(dataOf(f, 'fact-mismatch')?.articleValue)}” · ${f.source?.id}@${f.source?.start}`);
      console.log(`      A: ${String(dataOf(f, 'fact-mismatch')?.articleSentence).replace(/\s+/g, ' ')}`);
      console.log(`      S: ${String(dataOf(f, 'fact-mismatch')?.sourceSentence).replace(/\s+/g, ' ')}`);
    }
  }

  if (args.includes('--no-polnear')) return;
  // ---- PolNeAR: test articles against the train+dev articles (their twins are other outlets' sentences)
  const pdir = path.join(evalDir, 'polnear');
  if (!fs.existsSync(pdir)) {
    console.log(`PolNeAR not found: ${pdir}`);
    return;
  }
  const prefs = ['train', 'dev'].flatMap((s) => polnearArticles(pdir, s)).map((a) => ({ id: a.id, path: a.id, text: a.text, meta: {} }));
  const pindex = ReferenceIndex.build(prefs);
  const tests = polnearArticles(pdir, 'test');
  let pw = 0;
  const pflags: { file: string; f: Finding }[] = [];
  let paired = 0;
  for (const a of tests) {
    const ctx = makeContext(a.text, pindex, resolveSettings(settings));
    pw += ctx.doc.tokens.length;
    paired += ctx.use(statementPairs).size;
    for (const f of check(a.text, pindex, settings).findings) pflags.push({ file: a.id, f });
  }
  const pwarn = pflags.filter((x) => x.f.severity === 'warning').length;
  console.log(`\nPolNeAR test (${tests.length} articles, ${pw} words) vs train+dev (${prefs.length} articles): ${paired} sentences paired with a twin; ${pflags.length} findings (${pwarn} warnings) = ${f3((pflags.length * 1e4) / pw)} per 10k words (${f3((pwarn * 1e4) / pw)} warnings)`);
  if (sampleN) {
    console.log(`\nsample of ${Math.min(sampleN, pflags.length)} PolNeAR flags:`);
    for (const { file, f } of sampleOf(pflags, sampleN)) {
      console.log(`  ${file} @${f.start}-${f.end} · ${String(dataOf(f, 'fact-mismatch')?.kind)} · ${f.severity} · “${String(dataOf(f, 'fact-mismatch')?.sourceValue)}” → “${String(dataOf(f, 'fact-mismatch')?.articleValue)}” · ${f.source?.id}@${f.source?.start}`);
      console.log(`      A: ${String(dataOf(f, 'fact-mismatch')?.articleSentence).replace(/\s+/g, ' ')}`);
      console.log(`      S: ${String(dataOf(f, 'fact-mismatch')?.sourceSentence).replace(/\s+/g, ' ')}`);
    }
  }
};

export default suite;
