/**
 * `npm run eval -- fixes [--seed A] [--per-rule 150] [--meter 944] [--polnear 84] [--bbc 300] [--bbc-folds 5]
 *    [--ieer] [--abc] [--show N]`
 *
 * The fixes audit: "a fix is a promise — it leaves well-formed text and clears its finding", measured on real
 * copy. The engine runs on judge's pool (METER against its catchline's PA stories, PolNeAR dev against train,
 * BBC in folds, and with --ieer / --abc those corpora; `judge`'s options mean the same here) and on the five
 * renderings of one story in `story/`, each against the other four. Every reference names its outlet (judge's
 * `outlets`), as an editor's front matter does, so the fixes that credit one are made and audited. Every fix of every finding is a
 * candidate; up to --per-rule fixes per rule are drawn (seeded) and each is applied to the whole article, as an
 * editor applies it. Then:
 *  - well-formed: `fixProblems` on the edited stretch (markup, control characters, a doubled word, a file name,
 *    a double space, a space before punctuation, an empty quotation, unbalanced curly quotes in the paragraph —
 *    each only when the fix brought it);
 *  - cleared: the fixed article is checked again against the same index; the fix failed to clear if a finding
 *    of the same rule still overlaps the finding's words (their place after the edit).
 * Fixes whose finding is only marked by them (ignore, accept a name) are the server's, not the engine's, and are
 * not in `Finding.fixes`. Prints counts per rule and the failing cases by file and offsets (`--show N` also prints
 * N of them with the text around, for reading; corpus text stays out of the repository).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../src/core/attribution/fixes';
import { check } from '../../src/core/engine';
import { ReferenceIndex } from '../../src/core/reference-index';
import type { Edit, Finding, Fix } from '../../src/core/types';
import { rngFromString } from '../lib/rng';
import { fixProblems, generate, parseOpts, type Checked } from './judge';
import type { Suite } from './main';

/** Where an offset of the text lands after `edits` (non-overlapping; core's applyEdits makes the text). */
export function editMap(edits: readonly Edit[]): (offset: number, side: 'start' | 'end') => number {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return (offset, side) => {
    let shift = 0;
    for (const e of sorted) {
      if (e.end <= offset && !(e.start === e.end && e.start === offset && side === 'start')) shift += e.newText.length - (e.end - e.start);
      else if (e.start < offset) return side === 'start' ? e.start + shift : e.start + shift + e.newText.length; // inside an edit
    }
    return offset + shift;
  };
}

export interface Audit {
  problems: string[];
  cleared: boolean;
  /** the edited stretch with 150 characters either side, before and after */
  before: string;
  after: string;
}

/** Apply `fix` of finding `f` to `text`, check its well-formedness and, with `recheck`, whether the finding went. */
export function auditFix(text: string, f: Finding, fix: Fix, recheck: (text: string) => readonly Finding[]): Audit {
  const fixed = applyEdits(text, fix.edits);
  const map = editMap(fix.edits);
  const lo = Math.min(...fix.edits.map((e) => e.start));
  const hi = Math.max(...fix.edits.map((e) => e.end));
  const before = text.slice(Math.max(0, lo - 150), Math.min(text.length, hi + 150));
  const after = fixed.slice(Math.max(0, map(lo, 'start') - 150), Math.min(fixed.length, map(hi, 'end') + 150));
  const problems = fixProblems(before, after);
  // the finding's words after the edit; a fix that replaced all of them is judged on what it put there
  let start = map(f.start, 'start');
  let end = map(f.end, 'end');
  if (end <= start) [start, end] = [map(lo, 'start'), map(hi, 'end')];
  const cleared = !recheck(fixed).some((g) => g.rule === f.rule && g.start < end && g.end > start);
  return { problems, cleared, before, after };
}

interface Candidate {
  c: Checked;
  f: Finding;
  fix: Fix;
}

function storyRuns(evalDir: string, visit: (c: Checked) => void): void {
  const dir = path.join(evalDir, 'story');
  if (!fs.existsSync(dir)) return;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  for (const f of files) {
    const refs = files.filter((g) => g !== f).map((g) => ({ id: `story/${g}`, path: `story/${g}`, text: texts.get(g)!, meta: { outlet: `Rendering ${g.slice(0, 3)}` } }));
    const index = ReferenceIndex.build(refs);
    const text = texts.get(f)!;
    visit({ corpus: 'story', file: `story/${f}`, text, index, findings: check(text, index, {}).findings });
  }
}

const suite: Suite = async ({ evalDir, args }) => {
  const o = { ...parseOpts(args), outlets: true };
  const val = (k: string, d: string) => {
    const a = args.find((x) => x.startsWith(`--${k}=`));
    const i = args.indexOf(`--${k}`);
    return a ? a.split('=')[1]! : i >= 0 ? (args[i + 1] ?? d) : d;
  };
  const perRule = Number(val('per-rule', '150'));
  const show = Number(val('show', '0'));
  // judge's defaults are for hand samples; the audit reads a larger pool unless told otherwise
  if (!args.some((a) => a.startsWith('--meter'))) o.meter = 944;
  if (!args.some((a) => a.startsWith('--bbc'))) [o.bbc, o.bbcFolds] = [300, 5];
  const candidates = new Map<string, Candidate[]>();
  let articles = 0;
  const visit = (c: Checked) => {
    articles++;
    for (const f of c.findings) for (const fix of f.fixes ?? []) {
      if (!fix.edits.length) continue;
      const list = candidates.get(f.rule) ?? [];
      list.push({ c, f, fix });
      candidates.set(f.rule, list);
    }
  };
  const t0 = Date.now();
  generate(evalDir, { ...o, perRule: 0 }, undefined, visit);
  storyRuns(evalDir, visit);
  console.log(`fixes audit: seed ${o.seed}, ${articles} articles (METER ${o.meter}, PolNeAR dev ${o.polnear}, BBC ${o.bbc}${o.bbcFolds ? ` in ${o.bbcFolds} folds` : ''}${o.ieer ? ', IE-ER' : ''}${o.abc ? ', ABC' : ''}, story 5), checked in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const r = rngFromString(`fixes-${o.seed}`);
  const failures: { rule: string; cand: Candidate; audit: Audit }[] = [];
  console.log('rule                  fixes  audited  ill-formed  not-cleared  problems');
  for (const rule of [...candidates.keys()].sort()) {
    const all = candidates.get(rule)!;
    const pick = all.map((x) => ({ x, k: r() })).sort((a, b) => a.k - b.k).slice(0, perRule).map((y) => y.x);
    let ill = 0;
    let stuck = 0;
    const kinds = new Map<string, number>();
    for (const cand of pick) {
      const audit = auditFix(cand.c.text, cand.f, cand.fix, (t) => check(t, cand.c.index, {}).findings);
      if (audit.problems.length) ill++;
      if (!audit.cleared) stuck++;
      for (const p of audit.problems) kinds.set(p.replace(/ ".*"$/, ''), (kinds.get(p.replace(/ ".*"$/, '')) ?? 0) + 1);
      if (audit.problems.length || !audit.cleared) failures.push({ rule, cand, audit });
    }
    console.log(`${rule.padEnd(20)} ${String(all.length).padStart(6)} ${String(pick.length).padStart(8)} ${String(ill).padStart(11)} ${String(stuck).padStart(12)}  ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  if (failures.length) console.log('\nfailing fixes (rule, file, finding offsets, fix title, what failed):');
  for (const { rule, cand, audit } of failures) {
    console.log(`  ${rule}  ${cand.c.file} ${cand.f.start}–${cand.f.end}  [${cand.fix.title.slice(0, 70)}]  ${[...audit.problems, ...(audit.cleared ? [] : ['not cleared'])].join('; ')}`);
  }
  for (const { cand, audit } of failures.slice(0, show)) {
    console.log(`\n--- ${cand.c.file} ${cand.f.start}–${cand.f.end} [${cand.fix.title}]\nbefore: ${audit.before.replace(/\n/g, '⏎')}\nafter:  ${audit.after.replace(/\n/g, '⏎')}`);
  }
};

export default suite;
