/**
 * `copydesk quotes <article...> [--format json|jsonl|text]`: the quotes and attributions of each
 * article (direct, mixed and reported speech), with cue, source and content spans. Offsets are
 * UTF-16 code units into the file's decoded text, as in `check`.
 *
 * Exit status: 0 all articles read; 2 an article could not be read (the others are still printed).
 */
import { Command, Option } from 'commander';
import { extractAttributions } from '../core/attribution/extract';
import type { Attribution } from '../core/attribution/types';
import { proseView } from '../core/prose';
import { analyse } from '../core/text';
import { readArticle } from '../node/articles';
import { safe } from './format/terminal-safe';

type Format = 'json' | 'jsonl' | 'text';

export interface QuotesReport {
  version: 1;
  document: { path: string };
  attributions: {
    kind: Attribution['kind'];
    cue: { start: number; end: number; text: string } | null;
    source: { start: number; end: number; text: string; resolved?: { start: number; end: number; text: string } } | null;
    content: { start: number; end: number; text: string };
    quotes: { start: number; end: number; text: string }[];
    scare: boolean;
    inherited: boolean;
    headline: boolean;
  }[];
}

/** The stable JSON shape of one article's attributions. */
export function quotesReport(path: string, text: string, languageId: string): QuotesReport {
  const prose = proseView(text, languageId);
  const model = analyse(prose);
  // offsets point into the file text: proseView blanks markup in place, so they are the same
  const slice = (s: { start: number; end: number }) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
  return {
    version: 1,
    document: { path },
    attributions: extractAttributions(model).map((a) => ({
      kind: a.kind,
      cue: a.cue ? slice(a.cue) : null,
      source: a.source ? { ...slice(a.source), ...(a.source.resolved ? { resolved: slice(a.source.resolved) } : {}) } : null,
      content: slice(a.content),
      quotes: a.quotes.map(slice),
      scare: a.scare,
      inherited: a.inherited,
      headline: a.headline,
    })),
  };
}

function textFormat(r: QuotesReport): string {
  const lines = [`${safe(r.document.path, 'path')}: ${r.attributions.length} attribution${r.attributions.length === 1 ? '' : 's'}`];
  for (const a of r.attributions) {
    const who = a.source ? a.source.text + (a.source.resolved ? ` (= ${a.source.resolved.text})` : '') : a.scare ? '(scare quote)' : '(no speaker)';
    const flags = [a.kind, a.inherited ? 'continued' : '', a.headline ? 'headline' : ''].filter(Boolean).join(', ');
    const content = a.content.text.length > 100 ? a.content.text.slice(0, 97) + '…' : a.content.text;
    lines.push(`  ${a.content.start}-${a.content.end} [${flags}] ${safe(who)}${a.cue ? ` — ${safe(a.cue.text)}` : ''}: ${safe(content.replace(/\s+/g, ' '))}`);
  }
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  program
    .command('quotes')
    .description('list the quotes and attributions (who said what) of articles')
    .argument('<article...>', 'article files (.md, .txt, .html)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'jsonl', 'text']).default('text'))
    .action(async (files: string[], opts: { format: Format }) => {
      const reports: QuotesReport[] = [];
      let failed = false;
      for (const file of files) {
        const r = await readArticle(file);
        if (!r.ok) {
          process.stderr.write(`copydesk: ${safe(r.path, 'path')}: ${safe(r.message)}\n`);
          failed = true;
          continue;
        }
        reports.push(quotesReport(file, r.article.text, r.article.languageId));
      }
      if (opts.format === 'json') process.stdout.write(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n');
      else if (opts.format === 'jsonl') for (const r of reports) process.stdout.write(JSON.stringify(r) + '\n');
      else for (const r of reports) process.stdout.write(textFormat(r));
      process.exitCode = failed ? 2 : 0;
    });
}
