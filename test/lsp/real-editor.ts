/**
 * What the tests that drive a real editor (neovim.test.ts, emacs.test.ts) share: the README's snippet
 * for that editor pointed at this checkout's built server, a scratch copy of the e2e fixtures, the
 * engine's own findings to compare the editor's diagnostics with, and the checks every applied fix
 * must pass (its text, no doubled word, its finding cleared).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { check } from '../../src/core/engine';
import { proseView } from '../../src/core/prose';
import { openIndex } from '../../src/node/open-index';
import { REPO, SERVER } from './client';

export interface FixExpectation { on: string; title: RegExp; after: string[]; gone?: boolean }
export interface RuleExpectation { file: string; texts: string[]; fix?: FixExpectation }
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { RULES, NOTES } = require('../e2e/expectations.js') as {
  RULES: Record<string, RuleExpectation>;
  NOTES: { text: string };
};

export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'e2e');

/** Whether `program --version` runs. */
export function installed(program: string): boolean {
  return spawnSync(program, ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * A mocha `before` for an editor's suite: under CI a missing editor fails the suite (.ci/run installs
 * it), elsewhere the suite is skipped with a line saying how to install it.
 */
export function requireEditor(program: string, install: string): (this: Mocha.Context) => void {
  return function (this: Mocha.Context) {
    if (installed(program)) return;
    if (process.env.CI) throw new Error(`${program} is not installed: .ci/run installs ${install}`);
    console.log(`      skipped: no \`${program}\` on the PATH (apt-get install ${install}; CI installs it)`);
    this.skip();
  };
}

/** An expectation's title regex as the drivers match it: the literal, whole or as a prefix. */
export function titleMatch(re: RegExp): { text: string; exact: boolean } {
  const m = /^\^(.*?)(\$?)$/.exec(re.source);
  if (!m || /(^|[^\\])[.*+?()[\]{}|]/.test(m[1]!)) throw new Error(`title ${re} is not ^literal or ^literal$`);
  return { text: m[1]!.replace(/\\(.)/g, '$1'), exact: m[2] === '$' };
}

/**
 * The README's snippet found by `where` (its one group is the code), with the server command it
 * documents (`command`) replaced by `spell` of this checkout's node, built server and `--stdio`,
 * each already a quoted string literal.
 */
export function readmeSnippet(where: RegExp, command: string, spell: (args: string[]) => string): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const m = where.exec(readme);
  if (!m) throw new Error(`README.md has no snippet matching ${where}`);
  if (!m[1]!.includes(command)) throw new Error(`the README's snippet does not start ${command}`);
  return m[1]!.replace(command, spell([process.execPath, SERVER, '--stdio'].map((x) => JSON.stringify(x))));
}

/**
 * Run `body` in a scratch folder holding a copy of the e2e fixtures at `folder` (files edited by
 * `edit` first), removed afterwards whatever happens.
 */
export async function inScratchWorkspace<T>(
  prefix: string,
  o: { folder?: string; edit?: Record<string, (text: string) => string> },
  body: (dir: string, ws: string) => T | Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    const ws = path.join(dir, o.folder ?? 'ws');
    cpSync(FIXTURES, ws, { recursive: true });
    for (const [file, edit] of Object.entries(o.edit ?? {})) writeFileSync(path.join(ws, file), edit(readFileSync(path.join(ws, file), 'utf8')));
    return await body(dir, ws);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const doubledWord = (s: string): string | undefined => /\b(\w+)\s+\1\b/i.exec(s)?.[0];

/** The engine's findings in `text` read as `language`, against the fixtures' references: [rule, text, message]. */
export async function engineFindings(text: string, language: string): Promise<string[][]> {
  const { index } = await openIndex([path.join(FIXTURES, 'references/')]);
  return check(proseView(text, language), index, {}).findings.map((f) => [f.rule, f.text.trim(), f.message]);
}

/** The rules whose e2e expectation has a fix on article.md, with that expectation. */
export const FIXES_ON_ARTICLE = Object.entries(RULES).filter(([, e]) => e.fix && e.file === 'article.md') as [string, RuleExpectation & { fix: FixExpectation }][];

/** What a driver saw of one code action applied: the titles offered, the one picked, the text and diagnostics after. */
export interface AppliedFix {
  error?: string;
  titles: string[];
  picked?: string | null;
  hover: string;
  text_after: string;
  diagnostics_after: { code: string; text: string }[];
}

/**
 * The checks every fix applied in a real editor must pass: offered and picked, a hover at the
 * finding, the expected text after, no doubled word the article did not have, and (when the
 * expectation says so) its finding gone.
 */
export function assertFixApplied(rule: string, fix: FixExpectation, step: AppliedFix | undefined, article: string, hoverWhy: string): void {
  assert.ok(step, `the driver ran the step on ${JSON.stringify(fix.on)}`);
  assert.equal(step.error, undefined);
  assert.ok(step.picked, `offered: ${step.titles.join(' | ')}`);
  assert.match(step.hover, /Copydesk/, hoverWhy);
  for (const s of fix.after) assert.ok(step.text_after.includes(s), `text now contains ${JSON.stringify(s)}`);
  assert.equal(doubledWord(step.text_after), doubledWord(article), 'no doubled word');
  if (fix.gone) {
    const left = step.diagnostics_after.filter((d) => d.code === rule && d.text.includes(fix.on.slice(0, 8)));
    assert.deepEqual(left, [], `${rule} cleared`);
  }
}

/** What an Emacs driver (test/emacs/drive*.el) writes: at least its errors and the JSON-RPC traffic. */
export interface EmacsRun {
  errors: string[];
  /** JSON-RPC messages: [from (client/server), method, error message] */
  traffic: [string, string, string][];
}

/** JSON-RPC answers with an error, either way (a refused registration, a request the other side failed). */
export const errorsIn = (run: EmacsRun): string[] => run.traffic.filter(([, , err]) => err).map((t) => t.join(' '));

export interface EmacsDriveOptions {
  /** files to visit, in order; the steps act on the last one */
  open: string[];
  steps?: ({ on: string; title?: { text: string; exact: boolean } } | { remove: string })[];
  /** change a file's text before Emacs starts */
  edit?: Record<string, (text: string) => string>;
  /** the workspace folder's name (odd characters in the file: URIs) */
  folder?: string;
}

/**
 * Run a batch Emacs with `driver` (test/emacs/*.el), configured by `snippet` (the README's, pointed at
 * the built server), on a copy of the e2e fixtures; HOME is the scratch folder, so nothing of the
 * user's Emacs is read and what the client writes there is thrown away. `inspect` looks at the run
 * (and the scratch folder) before it is removed.
 */
export function driveEmacs<R extends EmacsRun>(
  driver: string,
  snippet: string,
  o: EmacsDriveOptions,
  inspect: (run: R, dir: string) => void = () => undefined,
  timeoutMs = 120000,
): Promise<R> {
  return inScratchWorkspace(`copydesk-${path.basename(driver, '.el')}-`, o, async (dir, ws) => {
    const plan = path.join(dir, 'plan.json');
    const out = path.join(dir, 'out.json');
    const init = path.join(dir, 'init.el');
    writeFileSync(init, snippet);
    writeFileSync(plan, JSON.stringify({ snippet: init, workspace: ws, open: o.open, timeoutMs: 20000, steps: o.steps ?? [] }));
    // standard input from /dev/null: the driver's input reads return at once
    const p = spawn('emacs', ['--batch', '-l', driver], {
      env: { ...process.env, COPYDESK_EMACS_PLAN: plan, COPYDESK_EMACS_OUT: out, COPYDESK_CACHE_DIR: path.join(dir, 'cache'), HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stderr = '';
    p.stdout.on('data', (d) => (stderr += d));
    p.stderr.on('data', (d) => (stderr += d));
    const [status, signal] = await new Promise<[number | null, string | null]>((r) => p.on('close', (c, s) => r([c, s])));
    let run: R;
    try {
      run = JSON.parse(readFileSync(out, 'utf8')) as R;
    } catch {
      throw new Error(`emacs wrote no result (status ${status}, signal ${signal}): ${stderr}`);
    }
    assert.deepEqual(run.errors, [], `the driver reports no error\n${stderr.slice(-3000)}`);
    inspect(run, dir);
    return run;
  });
}
