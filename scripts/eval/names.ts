/**
 * `npm run eval -- names [--split=tune|test|all] [--limit=N] [--verbose]`
 *
 * SEMI-SYNTHETIC evaluation of name-spelling. Real news articles (METER catchline groups, PolNeAR
 * same-date groups) are checked against the untouched other articles of their group. One proper name
 * per article — a name the references spell consistently — gets a real misspelling pattern planted
 * into it: edits learned from real misspelling lists (Birkbeck, Norvig, the DERIVED capitalised pairs
 * from the Wikipedia list and codespell), transliteration swaps (ch/sh, kh/h, y/i, ie/ye, ou/u, w/v),
 * keyboard slips, transpositions, dropped and doubled letters. Measured: recall of planted slips
 * (flagged with the right suggestion), precision over every name finding in the planted articles,
 * and false flags per 10,000 words of the clean, unmodified articles.
 *
 * Tuning part: PolNeAR train+dev articles and METER catchlines whose name hashes even.
 * Held-out (reported) part: PolNeAR test articles and METER catchlines whose name hashes odd.
 * Also the real case: shared/eval/story, each file checked against the other four.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../src/core/engine';
import { nameLexicon } from '../../src/core/names/lexicon';
import { derivedForms, nearMiss } from '../../src/core/names/match';
import { analyse } from '../../src/core/text';
import { articleNames } from '../../src/core/names/article';
import { ReferenceIndex } from '../../src/core/reference-index';
import { dataOf, isHouseCorrection, type Place } from '../../src/core/finding-data';
import { RULE_IDS, type Finding, type ReferenceDoc, type RuleId } from '../../src/core/types';
import { isKnownName, isOrdinaryWord } from '../../src/core/names/words';
import { skeleton } from '../../src/core/names/similarity';
import { rng } from '../lib/rng';

/** Every place of a name-spelling finding's name in the article (none for a house-list correction). */
function namePlaces(f: Finding): Place[] | undefined {
  const d = dataOf(f, 'name-spelling');
  return d && !isHouseCorrection(d) ? d.places : undefined;
}

interface Doc {
  id: string;
  text: string;
}
interface Group {
  name: string;
  part: 'tune' | 'test';
  docs: Doc[];
  /** which docs are checked as articles (default all) */
  articles?: Set<string>;
}

const NAME_RULES: RuleId[] = ['name-spelling', 'name-inconsistency'];
const OFF = Object.fromEntries(RULE_IDS.filter((r) => !NAME_RULES.includes(r)).map((r) => [r, 'off' as const]));

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function readText(p: string): string {
  const buf = fs.readFileSync(p);
  const utf = buf.toString('utf8');
  return utf.includes('\uFFFD') ? buf.toString('latin1') : utf;
}

// ---------------------------------------------------------------- data

function meterGroups(evalDir: string): Group[] {
  const root = path.join(evalDir, 'meter');
  const groups = new Map<string, Doc[]>();
  const add = (rel: string, file: string) => {
    const parts = rel.split('/');
    // <kind>/rawtexts/<domain>/<date>/<catchline>/<file>
    const key = parts.slice(2, 5).join('/');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push({ id: rel, text: readText(file) });
  };
  for (const kind of ['PA', 'newspapers']) {
    const base = path.join(root, kind, 'rawtexts');
    if (!fs.existsSync(base)) continue;
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        // PA: keep the main story files (xxx1.txt), not the sub/nl variants that repeat them
        else if (e.name.endsWith('.txt') && !(kind === 'PA' && !/^[a-z]+\d+\.txt$/i.test(e.name))) {
          add(path.relative(root, p).split(path.sep).join('/'), p);
        }
      }
    };
    walk(base);
  }
  const out: Group[] = [];
  for (const [key, docs] of groups) {
    if (docs.length < 2) continue;
    out.push({ name: `meter:${key}`, part: hash(key) % 2 === 0 ? 'tune' : 'test', docs });
  }
  return out;
}

function polnearGroups(evalDir: string): Group[] {
  const root = path.join(evalDir, 'polnear', 'data');
  const byDate = new Map<string, { doc: Doc; split: string }[]>();
  for (const split of ['train', 'dev', 'test']) {
    const dir = path.join(root, split, 'text');
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) {
      const m = /^[a-z]+_(\d{4}-\d{2}-\d{2})_/.exec(f);
      if (!m) continue;
      const d = m[1]!;
      let arr = byDate.get(d);
      if (!arr) byDate.set(d, (arr = []));
      arr.push({ doc: { id: `polnear/${split}/${f}`, text: readText(path.join(dir, f)) }, split });
    }
  }
  const out: Group[] = [];
  for (const [date, arr] of byDate) {
    if (arr.length < 2) continue;
    const docs = arr.map((a) => a.doc);
    const test = new Set(arr.filter((a) => a.split === 'test').map((a) => a.doc.id));
    const tune = new Set(arr.filter((a) => a.split !== 'test').map((a) => a.doc.id));
    if (test.size) out.push({ name: `polnear:${date}`, part: 'test', docs, articles: test });
    if (tune.size) out.push({ name: `polnear:${date}`, part: 'tune', docs, articles: tune });
  }
  return out;
}

// ---------------------------------------------------------------- misspelling patterns

interface EditRule {
  left: string;
  from: string;
  to: string;
  right: string;
  weight: number;
}

function osa(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const c = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + c);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** (wrong, right) pairs from the real misspelling lists. */
function misspellingPairs(evalDir: string): Array<[string, string, number]> {
  const dir = path.join(evalDir, 'spelling_errors');
  const out: Array<[string, string, number]> = [];
  const birk = path.join(dir, 'birkbeck-missp.dat');
  if (fs.existsSync(birk)) {
    let right = '';
    for (const line of fs.readFileSync(birk, 'latin1').split(/\r?\n/)) {
      if (line.startsWith('$')) right = line.slice(1).trim();
      else if (line.trim() && right) out.push([line.trim(), right, 1]);
    }
  }
  const norvig = path.join(dir, 'norvig-spell-errors.txt');
  if (fs.existsSync(norvig)) {
    for (const line of fs.readFileSync(norvig, 'latin1').split(/\r?\n/)) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (!m) continue;
      for (const w of m[2]!.split(/,\s*/)) {
        const [wrong, n] = w.trim().split('*');
        if (wrong) out.push([wrong, m[1]!.trim(), n ? Number(n) || 1 : 1]);
      }
    }
  }
  const derived = path.join(dir, 'DERIVED_capitalized_misspelling_pairs.tsv');
  if (fs.existsSync(derived)) {
    for (const line of fs.readFileSync(derived, 'utf8').split(/\r?\n/).slice(1)) {
      const [wrong, right] = line.split('\t');
      if (wrong && right) out.push([wrong, right, 3]);
    }
  }
  return out;
}

/** Minimal edit windows of real misspellings, with one letter of context each side. */
function editRules(pairs: Array<[string, string, number]>): EditRule[] {
  const rules = new Map<string, EditRule>();
  for (const [w0, r0, n] of pairs) {
    const w = w0.toLowerCase();
    const r = r0.toLowerCase();
    if (w === r || !/^[a-z]{4,}$/.test(w) || !/^[a-z]{4,}$/.test(r)) continue;
    if (osa(w, r) > 2) continue;
    let p = 0;
    while (p < w.length && p < r.length && w[p] === r[p]) p++;
    let s = 0;
    while (s < w.length - p && s < r.length - p && w[w.length - 1 - s] === r[r.length - 1 - s]) s++;
    const from = r.slice(p, r.length - s);
    const to = w.slice(p, w.length - s);
    const left = p > 0 ? r[p - 1]! : '^';
    const right = s > 0 ? r[r.length - s]! : '$';
    const key = `${left}|${from}|${to}|${right}`;
    const e = rules.get(key);
    if (e) e.weight += n;
    else rules.set(key, { left, from, to, right, weight: n });
  }
  return [...rules.values()];
}

type Family = 'real-list' | 'transliteration' | 'keyboard' | 'transposition' | 'dropped' | 'doubled';

const TRANSLIT: Array<[RegExp, string]> = [
  [/ch/, 'sh'], [/sh/, 'ch'], [/tch/, 'ch'], [/kh/, 'h'], [/y/, 'i'], [/i(?=[aeou])/, 'y'], [/ie/, 'ye'],
  [/ye/, 'ie'], [/iy/, 'y'], [/y$/, 'iy'], [/ou/, 'u'], [/u/, 'ou'], [/w/, 'v'], [/v/, 'w'], [/j/, 'y'],
];
const KEYS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighboursOf(c: string): string[] {
  const out: string[] = [];
  KEYS.forEach((row, r) => {
    const i = row.indexOf(c);
    if (i < 0) return;
    for (const [dr, di] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, 0], [1, -1]] as const) {
      const rr = KEYS[r + dr];
      const ch = rr?.[i + di];
      if (ch) out.push(ch);
    }
  });
  return out;
}

/** Plant one misspelling into a lower-case name; returns undefined when the family does not apply. */
function plant(name: string, family: Family, rules: EditRule[], rnd: () => number): string | undefined {
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);
  // keep the first letter: only its case is carried over below
  const pos = () => 1 + Math.floor(rnd() * (name.length - 1));
  switch (family) {
    case 'real-list': {
      const apps: Array<{ at: number; r: EditRule }> = [];
      let total = 0;
      for (const r of rules) {
        const pat = (r.left === '^' ? '' : r.left) + r.from + (r.right === '$' ? '' : r.right);
        if (!pat) continue;
        let at = name.indexOf(pat);
        while (at >= 0) {
          const start = at + (r.left === '^' ? 0 : 1);
          const okL = r.left !== '^' || at === 0;
          const okR = r.right !== '$' || at + pat.length === name.length;
          if (okL && okR) {
            apps.push({ at: start, r });
            total += r.weight;
          }
          at = name.indexOf(pat, at + 1);
        }
      }
      if (!apps.length) return undefined;
      let x = rnd() * total;
      for (const a of apps) {
        x -= a.r.weight;
        if (x <= 0) return name.slice(0, a.at) + a.r.to + name.slice(a.at + a.r.from.length);
      }
      return undefined;
    }
    case 'transliteration': {
      const options = TRANSLIT.filter(([re]) => re.test(name.slice(1)));
      const o = pick(options);
      if (!o) return undefined;
      return name[0] + name.slice(1).replace(o[0], o[1]);
    }
    case 'keyboard': {
      const i = pos();
      const n = pick(neighboursOf(name[i]!));
      return n ? name.slice(0, i) + n + name.slice(i + 1) : undefined;
    }
    case 'transposition': {
      const i = 1 + Math.floor(rnd() * (name.length - 2));
      if (name[i] === name[i + 1]) return undefined;
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    }
    case 'dropped': {
      const i = pos();
      return name.slice(0, i) + name.slice(i + 1);
    }
    case 'doubled': {
      const i = pos();
      if (/(.)\1/.test(name.slice(i - 1, i + 1))) return name.slice(0, i) + name.slice(i + 1);
      return name.slice(0, i) + name[i] + name.slice(i);
    }
  }
}

function withCase(original: string, lower: string): string {
  if (original === original.toUpperCase()) return lower.toUpperCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const o = original[i];
    out += o && o !== o.toLowerCase() ? lower[i]!.toUpperCase() : lower[i]!;
  }
  return out;
}

// ---------------------------------------------------------------- the run

interface Tally {
  planted: number;
  found: number;
  /** planted slips counted once per article (every planted occurrence flagged) */
  events: number;
  eventsFound: number;
  byFamily: Record<string, { planted: number; found: number }>;
  findings: number;
  /** findings in planted articles that the clean article does not have too */
  newFindings: number;
  truePositives: number;
  /** of the true positives, the findings made as infos (thin evidence), not warnings */
  infoPositives: number;
  /** planted slips that made another real word or name (Blair → Blare): reported apart */
  realWord: { planted: number; found: number };
  /** the real-word slips by the family of the plant */
  realWordByFamily: Record<string, { planted: number; found: number }>;
  cleanWords: number;
  cleanFlags: number;
  cleanFlagsByRule: Record<string, number>;
  articles: number;
  misses: string[];
  falseFlags: string[];
}

function newTally(): Tally {
  return {
    planted: 0,
    found: 0,
    events: 0,
    eventsFound: 0,
    byFamily: {},
    findings: 0,
    newFindings: 0,
    truePositives: 0,
    infoPositives: 0,
    realWord: { planted: 0, found: 0 },
    realWordByFamily: {},
    cleanWords: 0,
    cleanFlags: 0,
    cleanFlagsByRule: {},
    articles: 0,
    misses: [],
    falseFlags: [],
  };
}

const FAMILIES: Array<[Family, number]> = [
  ['real-list', 0.45],
  ['transliteration', 0.2],
  ['keyboard', 0.1],
  ['transposition', 0.1],
  ['dropped', 0.08],
  ['doubled', 0.07],
];

function chooseFamily(rnd: () => number): Family {
  let x = rnd();
  for (const [f, w] of FAMILIES) {
    x -= w;
    if (x <= 0) return f;
  }
  return 'real-list';
}

function nameFindings(fs0: Finding[]): Finding[] {
  return fs0.filter((f) => f.rule === 'name-spelling' || f.rule === 'name-inconsistency');
}

function runGroup(g: Group, t: Tally, rules: EditRule[], rnd: () => number, verbose: boolean): void {
  for (const art of g.docs) {
    if (g.articles && !g.articles.has(art.id)) continue;
    const refs: ReferenceDoc[] = g.docs
      .filter((d) => d.id !== art.id && d.text !== art.text)
      .map((d) => ({ id: d.id, path: d.id, text: d.text, meta: {} }));
    if (refs.length === 0) continue;
    const index = ReferenceIndex.build(refs);
    t.articles++;
    // clean run
    const clean = check(art.text, index, { rules: OFF });
    const cf = nameFindings(clean.findings);
    t.cleanWords += clean.words;
    t.cleanFlags += cf.length;
    for (const f of cf) {
      t.cleanFlagsByRule[f.rule] = (t.cleanFlagsByRule[f.rule] ?? 0) + 1;
      if (t.falseFlags.length < 400) t.falseFlags.push(`${art.id}: ${f.message}`);
    }
    // plant one misspelling into a consistently spelt reference name
    const lex = nameLexicon(index);
    const model = analyse(art.text);
    const names = [...articleNames(model).values()].filter((a) => {
      const e = lex.get(a.key);
      if (!e || !e.name || a.key.length < 4 || !/^[\p{L}'’]+$/u.test(a.key)) return false;
      // proper names, not capitalised ordinary words (High Court, Commons)
      if (isOrdinaryWord(a.key) && !isKnownName(a.key)) return false;
      // consistently spelt: no near-miss variant of it in the references
      // (the lexicon's names with the skeleton's first letter and a length within 2 of it)
      const skel = skeleton(a.key);
      for (const o of lex.entries.values()) {
        const s = o.skeleton;
        if (o.name && s.length >= 1 && Math.abs(s.length - skel.length) <= 2 && s.charAt(0) === skel.charAt(0) && o.key !== a.key && nearMiss(a.key, o.key)) return false;
      }
      return a.occurrences.some((o) => o.cls !== 'caps');
    });
    if (names.length === 0) continue;
    const target = names[Math.floor(rnd() * names.length)]!;
    let family = chooseFamily(rnd);
    let wrong: string | undefined;
    for (let tries = 0; tries < 8 && !wrong; tries++) {
      const w = plant(target.key, family, rules, rnd);
      // an inflection or derived form (Jordan → Jordans) is not a misspelling
      if (w && w !== target.key && w.length >= 3 && !derivedForms(w, target.key) && !lex.get(w) && lex.lowerCount(w) === 0 &&
        !names.some((n) => n.key === w)) {
        wrong = w;
      } else family = tries >= 3 ? chooseFamily(rnd) : family;
    }
    if (!wrong) continue;
    const occs = target.occurrences.filter((o) => o.cls !== 'caps');
    // a single slip most of the time; a consistent misspelling of every occurrence sometimes
    const all = rnd() < 0.25;
    const chosen = all ? occs : [occs[Math.floor(rnd() * occs.length)]!];
    let text = art.text;
    const spans: Array<{ start: number; end: number; original: string }> = [];
    let shift = 0;
    for (const o of [...chosen].sort((a, b) => a.start - b.start)) {
      const repl = withCase(o.text, wrong);
      text = text.slice(0, o.start + shift) + repl + text.slice(o.end + shift);
      spans.push({ start: o.start + shift, end: o.start + shift + repl.length, original: o.text });
      shift += repl.length - (o.end - o.start);
    }
    const res = check(text, index, { rules: OFF });
    const nf = nameFindings(res.findings);
    t.findings += nf.length;
    const cleanKeys = new Set(cf.map((f) => `${f.rule}|${f.text}`));
    t.newFindings += nf.filter((f) => !cleanKeys.has(`${f.rule}|${f.text}`)).length;
    const realWord = isOrdinaryWord(wrong) || isKnownName(wrong);
    const fam = realWord ? t.realWord : (t.byFamily[family] ??= { planted: 0, found: 0 });
    const realFam = realWord ? (t.realWordByFamily[family] ??= { planted: 0, found: 0 }) : undefined;
    let allHit = true;
    // precision counts findings: a finding that covers several planted places is one true positive
    const hitFindings = new Set<Finding>();
    for (const s of spans) {
      if (!realWord) t.planted++;
      fam.planted++;
      if (realFam) realFam.planted++;
      const hit = nf.find(
        // a name finding stands for all the places of its name (data.places), the first one being its span
        (f) => f.rule === 'name-spelling' &&
          ((f.start === s.start && f.end === s.end) || (namePlaces(f) ?? []).some((p) => p.start === s.start && p.end === s.end)) &&
          f.suggestions?.[0]?.toLowerCase() === s.original.toLowerCase(),
      );
      if (hit) {
        if (!realWord) t.found++;
        fam.found++;
        if (realFam) realFam.found++;
        if (!hitFindings.has(hit)) {
          t.truePositives++;
          if (hit.severity === 'info') t.infoPositives++;
        }
        hitFindings.add(hit);
      } else if ((allHit = false) || t.misses.length < 400) {
        t.misses.push(`${realWord ? 'real-word ' : ''}${family}: ${text.slice(s.start, s.end)} (for ${s.original}) in ${art.id}`);
      }
    }
    if (!realWord) {
      t.events++;
      if (allHit) t.eventsFound++;
    }
    if (verbose) for (const f of nf) console.log(`  ${art.id}: ${f.message}`);
  }
}

function pct(x: number): string {
  return Number.isFinite(x) ? x.toFixed(3) : 'n/a';
}

function report(label: string, t: Tally): void {
  const precision = t.findings ? t.truePositives / t.findings : NaN;
  const precisionNew = t.newFindings ? t.truePositives / t.newFindings : NaN;
  const recall = t.planted ? t.found / t.planted : NaN;
  const all = t.planted + t.realWord.planted;
  const perTenK = t.cleanWords ? (t.cleanFlags / t.cleanWords) * 10000 : NaN;
  console.log(`\n[${label}] articles checked: ${t.articles}, clean words: ${t.cleanWords}`);
  console.log(`  planted non-word slips: ${t.planted}, found with the right suggestion: ${t.found}`);
  console.log(`  precision ${pct(precision)} (all name findings in planted articles; ${pct(precisionNew)} counting only findings the clean article does not also get)`);
  console.log(`  recall ${pct(recall)} (non-word slips); real-word slips (slip makes another word or known name): ` +
    `${t.realWord.found}/${t.realWord.planted}; recall over all plants ${pct((t.found + t.realWord.found) / all)}`);
  console.log(`  findings of planted slips made as infos, not warnings: ${t.infoPositives} of ${t.truePositives}`);
  console.log(`  per planted slip (one per article, all its occurrences flagged): ${t.eventsFound}/${t.events} = ${pct(t.eventsFound / t.events)}`);
  console.log(`  false flags per 10k clean words ${pct(perTenK)} (${t.cleanFlags} flags: ${JSON.stringify(t.cleanFlagsByRule)})`);
  for (const [f, v] of Object.entries(t.byFamily)) console.log(`    ${f.padEnd(16)} ${v.found}/${v.planted} recall ${pct(v.found / v.planted)}`);
  const rw = Object.entries(t.realWordByFamily);
  if (rw.length) console.log(`  real-word slips by family: ${rw.map(([f, v]) => `${f} ${v.found}/${v.planted}`).join(', ')}`);
}

/**
 * Clean BBC news (2004–05, professionally edited) checked against the 10 articles that follow it in the
 * same topic folder: a harsher setting for false flags than same-story groups (many unrelated names,
 * few shared ones). Clean text only; nothing is planted.
 */
function bbcClean(evalDir: string, part: 'tune' | 'test' | 'all'): void {
  const root = path.join(evalDir, 'bbc_news');
  if (!fs.existsSync(root)) return;
  let words = 0;
  let flags = 0;
  let articles = 0;
  const examples: string[] = [];
  for (const topic of fs.readdirSync(root).sort()) {
    const dir = path.join(root, topic);
    if (!fs.statSync(dir).isDirectory()) continue;
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    const texts = files.map((f) => readText(path.join(dir, f)));
    for (let i = 0; i < files.length; i++) {
      const isTest = hash(`${topic}/${files[i]}`) % 2 === 1;
      if (part !== 'all' && isTest !== (part === 'test')) continue;
      if (i % 4 !== 0) continue; // a quarter of the articles keeps the run short
      const refs = texts
        .slice(i + 1, i + 11)
        .filter((t) => t !== texts[i])
        .map((t, k) => ({ id: `${topic}/${files[i + 1 + k]}`, path: '', text: t, meta: {} }));
      if (refs.length === 0) continue;
      const res = check(texts[i]!, ReferenceIndex.build(refs), { rules: OFF });
      const nf = nameFindings(res.findings);
      articles++;
      words += res.words;
      flags += nf.length;
      for (const f of nf) if (examples.length < 40) examples.push(`${topic}/${files[i]}: ${f.message}`);
    }
  }
  console.log(`\n[bbc clean, ${part}] ${articles} articles, each against the next 10 of its topic: ${flags} name flags in ${words} words` +
    ` = ${pct((flags / words) * 10000)} per 10k words`);
  for (const e of examples) console.log('  ' + e);
}

function storyCase(evalDir: string): boolean {
  const dir = path.join(evalDir, 'story');
  if (!fs.existsSync(dir)) {
    console.log('story: folder not found, skipped');
    return false;
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  let ok = true;
  console.log('\n[story] each file checked against the other four (name rules only):');
  for (const f of files) {
    const refs = files.filter((g) => g !== f).map((g) => ({ id: g, path: g, text: readText(path.join(dir, g)), meta: {} }));
    const text = readText(path.join(dir, f));
    const res = check(text, ReferenceIndex.build(refs), { rules: OFF });
    const nf = nameFindings(res.findings);
    const expectSlip = /Vovshansk/.test(text);
    const good = nf.filter((x) => x.rule === 'name-spelling' && x.text === 'Vovshansk' && x.suggestions?.[0] === 'Vovchansk');
    const pass = expectSlip ? good.length >= 1 && nf.length === good.length : nf.length === 0;
    ok &&= pass;
    console.log(`  ${f}: ${pass ? 'PASS' : 'FAIL'} — ${nf.length ? nf.map((x) => `${x.rule}: ${x.message}`).join(' | ') : 'no name findings'}`);
  }
  console.log(`  story result: ${ok ? 'PASS' : 'FAIL'}`);
  return ok;
}

export default async function names({ evalDir, args }: { evalDir: string; args: string[] }): Promise<void> {
  const split = (args.find((a) => a.startsWith('--split='))?.split('=')[1] ?? 'test') as 'tune' | 'test' | 'all';
  const limit = Number(args.find((a) => a.startsWith('--limit='))?.split('=')[1] ?? '0');
  const verbose = args.includes('--verbose');
  const t0 = Date.now();
  console.log('SEMI-SYNTHETIC: real news, real misspelling patterns planted into proper names; references untouched.');
  const pairs = misspellingPairs(evalDir);
  const rules = editRules(pairs);
  console.log(`misspelling patterns: ${pairs.length} real (wrong, right) pairs → ${rules.length} edit rules`);
  let groups = [...meterGroups(evalDir), ...polnearGroups(evalDir)];
  if (split !== 'all') groups = groups.filter((g) => g.part === split);
  if (limit > 0) groups = groups.slice(0, limit);
  const parts: Record<string, Tally> = {};
  const rnd = rng(20260522);
  for (const g of groups) {
    const label = `${g.part}:${g.name.split(':')[0]}`;
    runGroup(g, (parts[label] ??= newTally()), rules, rnd, verbose);
  }
  const total = newTally();
  for (const [label, t] of Object.entries(parts).sort()) {
    report(label, t);
    total.planted += t.planted;
    total.found += t.found;
    total.findings += t.findings;
    total.events += t.events;
    total.eventsFound += t.eventsFound;
    total.newFindings += t.newFindings;
    total.realWord.planted += t.realWord.planted;
    total.realWord.found += t.realWord.found;
    total.truePositives += t.truePositives;
    total.infoPositives += t.infoPositives;
    total.cleanWords += t.cleanWords;
    total.cleanFlags += t.cleanFlags;
    total.articles += t.articles;
    for (const [f, v] of Object.entries(t.byFamily)) {
      const x = (total.byFamily[f] ??= { planted: 0, found: 0 });
      x.planted += v.planted;
      x.found += v.found;
    }
    for (const [f, v] of Object.entries(t.realWordByFamily)) {
      const x = (total.realWordByFamily[f] ??= { planted: 0, found: 0 });
      x.planted += v.planted;
      x.found += v.found;
    }
    for (const [r, n] of Object.entries(t.cleanFlagsByRule)) total.cleanFlagsByRule[r] = (total.cleanFlagsByRule[r] ?? 0) + n;
    total.misses.push(...t.misses);
    total.falseFlags.push(...t.falseFlags);
  }
  report(`${split} (all corpora)`, total);
  if (verbose || args.includes('--errors')) {
    console.log('\nmisses:');
    for (const m of total.misses.slice(0, 200)) console.log('  ' + m);
    console.log('\nflags on clean articles:');
    for (const m of total.falseFlags.slice(0, 400)) console.log('  ' + m);
  }
  bbcClean(evalDir, split);
  storyCase(evalDir);
  console.log(`\neval names: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
