/**
 * Compiler-style text output:
 *
 *   article.md:12:5: warning copied-passage: 14 words copied verbatim from …
 *       The union said the strike would go on until the board met its demands.
 *           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 *       source: references/wire.md: "the strike would go on until the board met its demands"
 *   article.md: originality 74% · 3 sources · 5 findings (1 error, 4 warnings)
 *
 * Lines and columns are 1-based (columns count UTF-16 code units, as editors do). Every string
 * from an article or a reference (paths, messages, excerpts, quotes, suggestions) goes through
 * `safe()` (terminal-safe.ts) before it is printed.
 */
import { createColors } from 'picocolors';
import type { Finding, Severity } from '../../core/types';
import { findingRange, type ArticleReport, type RunReport } from '../report';
import { safe } from './terminal-safe';

type Colors = ReturnType<typeof createColors>;

const EXCERPT_WIDTH = 100;

export function formatText(run: RunReport, opts: { color: boolean }): string {
  const c = createColors(opts.color);
  const out: string[] = [];
  let totalFindings = 0;
  for (const a of run.articles) {
    if (!a.result) continue;
    for (const f of a.result.findings) out.push(...formatFinding(a, f, c));
    totalFindings += a.result.findings.length;
    out.push(summaryLine(a, c));
    out.push('');
  }
  const checked = run.articles.filter((a) => a.result).length;
  if (run.articles.length > 1) {
    out.push(c.bold(`${checked} of ${run.articles.length} articles checked · ${plural(totalFindings, 'finding')}`));
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.length ? out.join('\n') + '\n' : '';
}

function severityLabel(s: Severity, c: Colors): string {
  switch (s) {
    case 'error':
      return c.red(c.bold('error'));
    case 'warning':
      return c.yellow(c.bold('warning'));
    case 'info':
      return c.blue(c.bold('info'));
    default:
      return c.dim('hint');
  }
}

export function formatFinding(a: ArticleReport, f: Finding, c: Colors): string[] {
  const r = findingRange(a, f);
  const out = [
    `${c.bold(`${safe(a.path, 'path')}:${r.start.line + 1}:${r.start.character + 1}:`)} ${severityLabel(f.severity, c)} ${c.dim(f.rule)}: ${oneLine(f.message)}`,
  ];
  out.push(...excerpt(a.text ?? '', f.start, f.end, c));
  if (f.source) {
    const snippet = clip(oneLine(f.source.text), EXCERPT_WIDTH);
    out.push(`    ${c.dim('source:')} ${safe(f.source.path, 'path')}: ${c.dim(`"${snippet}"`)}`);
  }
  if (f.suggestions?.length) out.push(`    ${c.dim('suggestion:')} ${f.suggestions.slice(0, 3).map(oneLine).join(' | ')}`);
  return out;
}

/** The first line of the flagged span, windowed to EXCERPT_WIDTH columns, with carets under it. */
function excerpt(text: string, start: number, end: number, c: Colors): string[] {
  let ls = start;
  while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
  let le = start;
  while (le < text.length && text[le] !== '\n' && text[le] !== '\r') le++;
  const spanEnd = Math.min(end, le);
  // window
  let ws = ls;
  let we = le;
  if (we - ws > EXCERPT_WIDTH) {
    ws = Math.max(ls, Math.min(start - 20, spanEnd - EXCERPT_WIDTH));
    ws = Math.max(ls, Math.min(ws, start));
    we = Math.min(le, ws + EXCERPT_WIDTH);
  }
  const pre = ws > ls ? '…' : '';
  const post = we < le ? '…' : '';
  // carets are placed by the neutralised lengths of the text before and through the span
  const line = safe(text.slice(ws, we));
  const caretStart = Math.max(start, ws);
  const before = safe(text.slice(ws, caretStart)).length;
  const through = safe(text.slice(ws, Math.min(spanEnd, we))).length;
  const caretFrom = pre.length + before;
  const caretLen = Math.max(1, through - before);
  let more = '';
  if (end > le) {
    let extra = 0;
    for (let i = le; i < end; i++) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) extra++;
    }
    if (extra > 0) more = c.dim(` (+${extra} more line${extra === 1 ? '' : 's'})`);
  }
  return [
    `    ${pre}${line}${post}`,
    `    ${' '.repeat(caretFrom)}${c.green('^'.repeat(caretLen))}${more}`,
  ];
}

export function summaryLine(a: ArticleReport, c: Colors): string {
  const r = a.result!;
  const pct = `${Math.round(r.originality * 100)}%`;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of r.findings) counts[f.severity]++;
  const parts = (['error', 'warning', 'info', 'hint'] as Severity[])
    .filter((s) => counts[s] > 0)
    .map((s) => plural(counts[s], s));
  const findings = r.findings.length === 0 ? 'no findings' : `${plural(r.findings.length, 'finding')} (${parts.join(', ')})`;
  return `${c.bold(safe(a.path, 'path'))}: originality ${c.bold(pct)} · ${plural(r.sources.length, 'source')} · ${findings}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Neutralised, on one line, runs of white space as one space. */
function oneLine(s: string): string {
  return safe(s.replace(/\s+/g, ' ').trim());
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
