/**
 * `copydesk check <article...> --refs <path...>`: check articles against a reference set.
 *
 * Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error, an
 * article that could not be read (the others are still checked and printed), or a reference set
 * given with --refs of which no file could be loaded. Reference files that fail while others load
 * are warnings on stderr (and in the JSON/SARIF errors), not a failure.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { RULE_IDS, type RuleId, type Severity } from '../core/types';

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
  /** persisted reference index folder; false: --no-cache; undefined: the user cache folder */
  cache?: string | false;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('check articles against a reference set (wire copy, releases, other versions)')
    .argument('<article...>', "article files (.md, .txt, .html), folders or globs; for many files pass a folder or a quoted glob ('news/**/*.txt'): a long file list can exceed the system's argument limit (npx then exits 249 with no message)")
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
    .option('--cache <dir>', 'keep the reference index here (default: the user cache folder, e.g. ~/.cache/copydesk)')
    .option('--no-cache', 'do not read or write the persisted reference index')
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
      // the engine and file adapters load only when a check runs (--help stays fast)
      const { runCheck } = await import('./check-run');
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
        cache: o.cache === false ? false : typeof o.cache === 'string' ? o.cache : undefined,
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
