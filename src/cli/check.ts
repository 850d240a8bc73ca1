/**
 * `copydesk check <article...> --refs <path...>`: check articles against a reference set.
 *
 * Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error, an
 * article that could not be read (the others are still checked and printed), or a reference set
 * given with --refs of which no file could be loaded. Reference files that fail while others load
 * are warnings on stderr (and in the JSON/SARIF errors), not a failure.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { check as runEngine } from '../core/engine';
import { proseView } from '../core/prose';
import { ReferenceIndex } from '../core/reference-index';
import { resolveSettings, type Settings } from '../core/settings';
import { RULE_IDS, type RuleId, type Severity } from '../core/types';
import { readArticle } from '../node/articles';
import type { InputError } from '../node/errors';
import { openIndex } from '../node/open-index';
import { DEFAULT_MAX_BYTES, type DocOrigin } from '../node/references';
import { discoverWorkspace, loadHouseNames } from '../node/workspace';
import { formatJson, formatJsonl } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { informationUri, rulesHelpBase, VERSION } from './package-info';
import { progressReporter } from './progress';
import { SEVERITY_RANK, type ArticleReport, type RunReport } from './report';

export type Format = 'text' | 'json' | 'jsonl' | 'sarif';
export type FailOn = Severity | 'none';

export interface CheckOptions {
  refs?: string[];
  format: Format;
  minWords?: number;
  rules?: RuleId[];
  failOn: FailOn;
  names?: string;
  color: boolean;
  maxFileSize?: number;
  progress: boolean;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('check articles against a reference set (wire copy, releases, other versions)')
    .argument('<article...>', 'article files (.md, .txt, .html)')
    .option('-r, --refs <path...>', 'reference files, folders (recursive) or globs')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'jsonl', 'sarif']).default('text'),
    )
    .option('--min-words <n>', 'shortest copied passage reported, in words (default 8)', positiveInt)
    .option('--rules <ids>', `only run these rules (comma-separated): ${RULE_IDS.join(', ')}`, ruleList)
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding is at or above this severity')
        .choices(['error', 'warning', 'info', 'none'])
        .default('warning'),
    )
    .option('--names <file>', 'house name list (default: nearest .copydesk/names.txt)')
    .option('--max-file-size <MB>', 'skip files larger than this many megabytes (default 20)', positiveNumber)
    .option('--no-color', 'no colour in text output (also NO_COLOR)')
    .option('--no-progress', 'no progress bar while reading references')
    .addHelpText(
      'after',
      `
Exit status: 0 no findings at or above --fail-on, 1 there are, 2 usage or input error.

Examples:
  copydesk check draft.md --refs wire/
  copydesk check stories/*.md --refs 'wire/**/*.txt' --format sarif > copydesk.sarif
  copydesk check draft.md --refs wire/ --rules copied-passage,misquote --fail-on error`,
    )
    .action(async (articles: string[], o: Record<string, unknown>) => {
      const color =
        o.color !== false && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') &&
        (!!process.stdout.isTTY || (!!process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0'));
      process.exitCode = await runCheck(articles, {
        refs: o.refs as string[] | undefined,
        format: o.format as Format,
        minWords: o.minWords as number | undefined,
        rules: o.rules as RuleId[] | undefined,
        failOn: o.failOn as FailOn,
        names: o.names as string | undefined,
        color,
        maxFileSize: o.maxFileSize as number | undefined,
        progress: o.progress !== false,
      });
    });
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

function positiveNumber(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function ruleList(v: string): RuleId[] {
  const ids = v.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !(RULE_IDS as readonly string[]).includes(id));
  if (unknown.length) {
    throw new InvalidArgumentError(
      `unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}; valid rules: ${RULE_IDS.join(', ')}`,
    );
  }
  if (ids.length === 0) throw new InvalidArgumentError(`no rules given; valid rules: ${RULE_IDS.join(', ')}`);
  return ids as RuleId[];
}

function warn(e: InputError): void {
  process.stderr.write(`copydesk: ${e.severity}: ${e.path}: ${e.message}\n`);
}

export async function runCheck(articles: string[], o: CheckOptions): Promise<number> {
  const cwd = process.cwd();
  const maxBytes = o.maxFileSize ? Math.round(o.maxFileSize * 1024 * 1024) : DEFAULT_MAX_BYTES;
  let status = 0;

  // references
  let index: ReferenceIndex;
  let referenceErrors: InputError[] = [];
  let references: RunReport['references'] = [];
  let origins = new Map<string, DocOrigin>();
  if (o.refs && o.refs.length) {
    const progress = progressReporter(o.progress);
    try {
      const opened = await openIndex(o.refs, { cwd, maxBytes, onProgress: progress.onProgress });
      index = opened.index;
      referenceErrors = opened.errors;
      references = opened.docs;
      origins = opened.origins;
    } finally {
      progress.stop();
    }
    for (const e of referenceErrors) warn(e);
    if (references.length === 0) {
      const e: InputError = { path: o.refs.join(' '), message: 'no reference documents could be loaded', severity: 'error' };
      referenceErrors.push(e);
      warn(e);
      status = 2;
    }
  } else {
    index = ReferenceIndex.build([]);
    process.stderr.write('copydesk: warning: no --refs given: only checks that need no references can find anything\n');
  }

  // settings shared by every article
  const rules: Settings['rules'] = {};
  if (o.rules) {
    const keep = new Set(o.rules);
    for (const id of RULE_IDS) if (!keep.has(id)) rules[id] = 'off';
  }
  const explicitNames = o.names ? await loadHouseNames(o.names) : undefined;
  if (explicitNames && !explicitNames.names) {
    for (const e of explicitNames.errors) warn(e);
    return 2;
  }

  const reports: ArticleReport[] = [];
  for (const file of articles) {
    const read = await readArticle(file, { maxBytes });
    if (!read.ok) {
      const e: InputError = { path: file, message: read.message, severity: 'error' };
      warn(e);
      reports.push({ path: file, errors: [e] });
      status = 2;
      continue;
    }
    const ws = await discoverWorkspace(file, { namesFile: o.names });
    const wsErrors = o.names ? [...explicitNames!.errors, ...ws.errors.filter((e) => e.path !== o.names)] : ws.errors;
    for (const e of wsErrors) warn(e);
    const settings = resolveSettings({
      ...(o.minWords ? { minWords: o.minWords } : {}),
      rules,
      ...(ws.houseNames ? { houseNames: ws.houseNames } : {}),
      ...(ws.ignore ? { ignore: ws.ignore } : {}),
    });
    const { text, languageId } = read.article;
    const result = runEngine(proseView(text, languageId), index, settings);
    reports.push({ path: file, text, result, errors: wsErrors });
  }

  const threshold = o.failOn === 'none' ? Infinity : SEVERITY_RANK[o.failOn];
  if (status === 0) {
    const failing = reports.some((r) => r.result?.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold));
    if (failing) status = 1;
  }

  const run: RunReport = { articles: reports, referenceErrors, references, origins, cwd };
  let out: string;
  switch (o.format) {
    case 'json':
      out = formatJson(run);
      break;
    case 'jsonl':
      out = formatJsonl(run);
      break;
    case 'sarif':
      out = formatSarif(run, {
        version: VERSION,
        helpBase: rulesHelpBase(),
        informationUri: informationUri(),
        successful: status !== 2,
      });
      break;
    default:
      out = formatText(run, { color: o.color });
  }
  await write(out);
  return status;
}

/** Write to stdout and wait for it to drain (pipes), so exit codes never cut output short. */
function write(s: string): Promise<void> {
  return new Promise((resolve) => {
    if (!s) return resolve();
    process.stdout.write(s, () => resolve());
  });
}


