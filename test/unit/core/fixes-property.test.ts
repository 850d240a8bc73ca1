/**
 * Every fix of every finding leaves well-formed text and clears its finding. Applied one at a time to
 * the demo, the e2e fixtures and (when /work/shared/eval or COPYDESK_EVAL_DIR holds them) a sample of
 * METER newspaper articles against their PA sources and of PolNeAR articles against neighbouring
 * ones, each result is checked: no word doubled across an edit's edges, quotation marks balanced in
 * the paragraph if they were before, no double space or space before punctuation introduced, the
 * paragraph's closing punctuation kept, and a fresh check no longer reports that rule at the edit.
 * The evaluation data is read by path at run time and never copied.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits } from '../../../src/core/attribution/fixes';
import { check } from '../../../src/core/engine';
import { proseView, languageOf } from '../../../src/core/prose';
import type { ReferenceIndex } from '../../../src/core/reference-index';
import type { Edit, Finding, Fix } from '../../../src/core/types';
import { readArticle } from '../../../src/node/articles';
import { openIndex } from '../../../src/node/open-index';

const REPO = path.join(__dirname, '..', '..', '..');
const EVAL = process.env.COPYDESK_EVAL_DIR ?? path.join(REPO, '..', 'shared', 'eval');
const EVAL_ABS = existsSync(EVAL) ? EVAL : '/work/shared/eval';

interface Case {
  name: string;
  article: string;
  refs: string[];
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const OPEN = /[“‘«]/g;
const CLOSE = /[”»]/g;

/** The paragraph (blank-line separated) holding [start, end) of `text`. */
function paragraph(text: string, start: number, end: number): [number, number] {
  const a = text.lastIndexOf('\n\n', Math.max(0, start - 1));
  const b = text.indexOf('\n\n', end);
  return [a < 0 ? 0 : a + 2, b < 0 ? text.length : b];
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const closing = (s: string) => /([.!?…])[\s"'”’»)\]]*$/.exec(s.trimEnd())?.[1] ?? '';

/** Problems with the text `fix` leaves; [] when it is well formed. */
export function fixProblems(text: string, fix: Fix): string[] {
  const problems: string[] = [];
  const out = applyEdits(text, fix.edits);
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  // where each edit's new text lands in `out`
  let delta = 0;
  const placed: { start: number; end: number; e: Edit }[] = [];
  for (const e of edits) {
    placed.push({ start: e.start + delta, end: e.start + delta + e.newText.length, e });
    delta += e.newText.length - (e.end - e.start);
  }
  for (const p of placed) {
    // a word doubled across the edit's edges ("has been “been very much refined”")
    const left = [...out.slice(Math.max(0, p.start - 80), p.end).matchAll(WORD)];
    const right = [...out.slice(p.start, Math.min(out.length, p.end + 80)).matchAll(WORD)];
    const at = (ms: RegExpMatchArray[], base: number) => ms.map((m) => ({ w: m[0].toLowerCase(), s: base + m.index!, e: base + m.index! + m[0].length }));
    const words = [...at(left, Math.max(0, p.start - 80)).filter((x) => x.e <= p.start), ...at(right, p.start)].sort((a, b) => a.s - b.s);
    for (let i = 1; i < words.length; i++) {
      const a = words[i - 1]!;
      const b = words[i]!;
      const straddles = (a.e <= p.start && b.s >= p.start) || (a.e <= p.end && b.s >= p.end);
      if (straddles && a.w === b.w && /^[\s“”"‘’'«»]+$/.test(out.slice(a.e, b.s)) && a.w.length > 1) problems.push(`doubled “${a.w}” at the edit's edge`);
    }
  }
  const first = edits[0]!;
  const last = edits[edits.length - 1]!;
  const [ps, pe] = paragraph(text, first.start, last.end);
  const before = text.slice(ps, pe);
  const after = out.slice(ps, pe + delta);
  if (count(before, OPEN) === count(before, CLOSE) && count(after, OPEN) !== count(after, CLOSE)) problems.push('quotation marks unbalanced');
  if (count(before, /"/g) % 2 === 0 && count(after, /"/g) % 2 === 1) problems.push('straight quotation marks unbalanced');
  if (count(after, / {2,}/g) > count(before, / {2,}/g)) problems.push('a double space');
  const pairs = /["“”‘’«»]["“”«»]|["“”«»]["“”‘’«»]/g;
  if (count(after, pairs) > count(before, pairs)) problems.push('quotation marks side by side');
  if (count(after, / [,.;:!?]/g) > count(before, / [,.;:!?]/g)) problems.push('a space before punctuation');
  if (closing(before) && closing(after) !== closing(before) && !(closing(before) === '.' && closing(after) === '…')) problems.push(`closing punctuation “${closing(before)}” became “${closing(after)}”`);
  return problems;
}

async function runCase(c: Case, index: ReferenceIndex): Promise<{ fixes: number; problems: string[] }> {
  const read = await readArticle(c.article);
  if (!read.ok) throw new Error(`${c.article}: ${read.message}`);
  const text = read.article.text;
  const lang = languageOf(c.article);
  const result = check(proseView(text, lang), index);
  const problems: string[] = [];
  let fixes = 0;
  const show = (f: Finding, fix: Fix) => `${c.name}: ${f.rule} “${f.text.slice(0, 60)}” — ${fix.title.slice(0, 90)}`;
  for (const f of result.findings) {
    for (const fix of f.fixes ?? []) {
      if (!fix.edits.length) continue;
      fixes++;
      for (const p of fixProblems(text, fix)) problems.push(`${show(f, fix)}: ${p}`);
      // the finding is gone: no finding of the rule over the edited words any more
      const out = applyEdits(text, fix.edits);
      let delta = 0;
      const spans = [...fix.edits].sort((a, b) => a.start - b.start).map((e) => {
        const s = { start: e.start + delta, end: e.start + delta + Math.max(1, e.newText.length) };
        delta += e.newText.length - (e.end - e.start);
        return s;
      });
      const again = check(proseView(out, lang), index).findings.filter((g) => g.rule === f.rule && spans.some((s) => g.start < s.end && s.start < g.end));
      // the same finding: same rule over the edit, the same words or the same kind of message
      // ("Misquote: …" again, not the "Changed speaker: …" a restored quote may now show)
      const kind = (m: string) => (/^[^:(]{1,40}:/.exec(m)?.[0] ?? m).trim();
      const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
      const stillThis = again.filter((g) => norm(g.text) === norm(f.text) || kind(g.message) === kind(f.message));
      if (stillThis.length) problems.push(`${show(f, fix)}: still reported after the fix (${stillThis.map((g) => g.message.slice(0, 80)).join('; ')})`);
      const other = again.filter((g) => !stillThis.includes(g) && !result.findings.some((o) => o.rule === g.rule && norm(o.text) === norm(g.text)));
      for (const g of other) console.log(`      note: ${show(f, fix)}: the fixed text has a new ${g.rule} finding: ${g.message.slice(0, 100)}`);
    }
  }
  return { fixes, problems };
}

function fixtureCases(): Case[] {
  const demo = path.join(REPO, 'examples', 'harbour-strike');
  const e2e = path.join(REPO, 'test', 'fixtures', 'e2e');
  return [
    { name: 'demo', article: path.join(demo, 'article.md'), refs: [path.join(demo, 'references')] },
    { name: 'e2e article.md', article: path.join(e2e, 'article.md'), refs: [path.join(e2e, 'references')] },
    { name: 'e2e notes.txt', article: path.join(e2e, 'notes.txt'), refs: [path.join(e2e, 'references')] },
    { name: 'e2e wire-scrape.md', article: path.join(e2e, 'wire-scrape.md'), refs: [path.join(e2e, 'references')] },
  ];
}

/** Every 40th METER newspaper article that derives from PA copy, against its PA files. */
function meterCases(): Case[] {
  const dir = path.join(EVAL_ABS, 'meter');
  const tsv = path.join(dir, 'DERIVED_pairs_index.tsv');
  if (!existsSync(tsv)) return [];
  const rows = readFileSync(tsv, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  return rows
    .filter((r) => r[4] !== 'non_derived')
    .filter((_, i) => i % 40 === 0)
    .map((r) => ({ name: `meter ${path.basename(r[0]!)}`, article: path.join(dir, r[0]!), refs: r[6]!.split(';').map((p) => path.join(dir, p)) }));
}

/** Every 120th PolNeAR training article, against the 12 articles next to it (same outlet and weeks). */
function polnearCases(): Case[] {
  const dir = path.join(EVAL_ABS, 'polnear', 'data', 'train', 'text');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const out: Case[] = [];
  for (let i = 0; i < files.length; i += 120) {
    const near = files.slice(Math.max(0, i - 6), i + 7).filter((f) => f !== files[i]);
    out.push({ name: `polnear ${files[i]}`, article: path.join(dir, files[i]!), refs: near.map((f) => path.join(dir, f)) });
  }
  return out;
}

describe('every fix leaves well-formed text and clears its finding (property)', function () {
  this.timeout(600000);

  it('the checker itself: a doubled word, unbalanced marks, a double space and lost punctuation are caught', () => {
    const t = 'The plan has been “significantly refined,” she said.';
    const s = t.indexOf('significantly');
    assert.deepEqual(fixProblems(t, { title: 'x', edits: [{ start: s, end: s + 'significantly'.length, newText: 'very much' }] }), []);
    assert.match(fixProblems(t, { title: 'x', edits: [{ start: s, end: s + 'significantly'.length, newText: 'been very much' }] }).join(), /doubled “been”/);
    assert.match(fixProblems(t, { title: 'x', edits: [{ start: s - 1, end: s, newText: '' }] }).join(), /unbalanced/);
    assert.match(fixProblems(t, { title: 'x', edits: [{ start: s - 2, end: s - 2, newText: ' ' }] }).join(), /double space/);
    assert.match(fixProblems(t, { title: 'x', edits: [{ start: s - 1, end: s - 1, newText: '"' }] }).join(), /quotation marks side by side/);
    assert.match(fixProblems(t, { title: 'x', edits: [{ start: t.length - 1, end: t.length, newText: '' }] }).join(), /closing punctuation/);
  });

  const groups: [string, () => Case[]][] = [
    ['the demo and the e2e fixtures', fixtureCases],
    ['a sample of METER articles', meterCases],
    ['a sample of PolNeAR articles', polnearCases],
  ];
  for (const [label, cases] of groups) {
    it(label, async function () {
      const cs = cases();
      if (!cs.length) {
        console.log(`      (skipped: no evaluation data under ${EVAL_ABS})`);
        this.skip();
      }
      let fixes = 0;
      const problems: string[] = [];
      for (const c of cs) {
        const { index } = await openIndex(c.refs, { cacheDir: false });
        const r = await runCase(c, index);
        fixes += r.fixes;
        problems.push(...r.problems);
      }
      console.log(`      ${cs.length} articles, ${fixes} fixes applied, ${problems.length} problems`);
      assert.ok(label.startsWith('the demo') ? fixes > 0 : true, 'the fixtures have fixes to apply');
      assert.deepEqual(problems, []);
    });
  }
});
