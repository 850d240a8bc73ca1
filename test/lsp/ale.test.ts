// The built server (dist/server.js) in a real Vim with ALE: Debian bookworm's Vim 9.0 and ALE 3.3.0 (vim-ale).
// ALE starts the server as an LSP "linter" (`ale#linter#Define` with `lsp: 'stdio'`), declares neither
// workspace/configuration nor file watching nor a position encoding, sends the whole text with every
// didChange, takes pushed diagnostics only, asks for code actions with the cursor's word as the range and
// only the nearest diagnostic on the line, applies an action's edit itself (or sends its command), and
// stops the server by closing its input and SIGTERM (no shutdown request). ALE counts every position's
// `character` in bytes of the line (UTF-8): the README's snippet says so with the initialization option
// `positionEncoding: 'utf-8'`. test/vim/drive.vim, with the README's snippet as its vimrc, does what a user
// does (the diagnostics ALE shows, :ALEHover, :ALECodeAction with the cursor on the finding,
// :ALEStopAllLSPs) and writes what it saw; these tests read it. CI installs vim and vim-ale (.ci/run);
// without vim these tests fail under CI and are skipped elsewhere.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from './client';
import { assertFixApplied, engineFindings, FIXES_ON_ARTICLE, FIXTURES, inScratchWorkspace, readmeSnippet, requireEditor, titleMatch } from './real-editor';

const DRIVER = path.join(REPO, 'test', 'vim', 'drive.vim');
const ALE = '/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale';

interface Diag { code: string; message: string; type: string; lnum: number; col: number; end_lnum: number; end_col: number; text: string }
interface Step { on: string; error?: string; titles: string[]; picked: string | null; hover: string; text_after: string; diagnostics_before: Diag[]; diagnostics_after: Diag[] }
interface Run {
  vim: string;
  errors: string[];
  /** what the server sent ALE: [method, 'request' when it asks for an answer, error message] */
  traffic: [string, string, string][];
  /** Vim's :messages at the end */
  messages: string[];
  /** what ALE kept of the server's error answers and stderr, by linter */
  ale_lsp_errors: Record<string, string[]>;
  filetype: string;
  root: string;
  initial: Diag[];
  steps: Step[];
  exit: { status: string; exitval: number; termsig: string };
}

/** The README's vimrc for ALE, starting this checkout's built server. */
const snippet = () =>
  readmeSnippet(
    /### Vim \(ALE\)[\s\S]*?```vim\n([\s\S]*?)```/,
    "'executable': 'copydesk-lsp',\n  \\   'command': '%e --stdio',",
    ([node, server]) => `'executable': ${node},\n  \\   'command': '%e ' . shellescape(${server}) . ' --stdio',`,
  );

/** Run Vim with ALE, configured by the README's snippet, on `file` of a copy of the e2e fixtures (after `edit` of its text) in `folder`. */
function drive(file: string, steps: { on: string; title: { text: string; exact: boolean } }[], edit?: (text: string) => string, folder?: string): Promise<Run> {
  return inScratchWorkspace('copydesk-ale-', { edit: edit && { [file]: edit }, folder }, async (dir, ws) => {
    const plan = path.join(dir, 'plan.json');
    const out = path.join(dir, 'out.json');
    const vimrc = path.join(dir, 'vimrc');
    writeFileSync(vimrc, `filetype on\n${snippet()}`);
    writeFileSync(plan, JSON.stringify({ workspace: ws, file, timeoutMs: 20000, steps }));
    // HOME is the scratch folder: nothing of the user's Vim is read; standard input from /dev/null
    const p = spawn('vim', ['-N', '-u', vimrc, '-i', 'NONE', '-es', '-S', DRIVER], {
      env: { ...process.env, COPYDESK_VIM_PLAN: plan, COPYDESK_VIM_OUT: out, COPYDESK_CACHE_DIR: path.join(dir, 'cache'), HOME: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120000,
    });
    let output = '';
    p.stdout.on('data', (d) => (output += d));
    p.stderr.on('data', (d) => (output += d));
    const [status, signal] = await new Promise<[number | null, string | null]>((r) => p.on('close', (c, s) => r([c, s])));
    let run: Run;
    try {
      run = JSON.parse(readFileSync(out, 'utf8')) as Run;
    } catch {
      throw new Error(`vim wrote no result (status ${status}, signal ${signal}): ${output}`);
    }
    assert.deepEqual(run.errors, [], `the driver reports no error\n${output.slice(-3000)}`);
    return run;
  });
}

describe('language server in a real Vim (vim -es, ALE 3.3.0)', function () {
  this.timeout(300000);
  before(requireEditor('vim', 'vim vim-ale'));
  before(function () {
    if (existsSync(ALE)) return;
    if (process.env.CI) throw new Error('ALE is not installed: .ci/run installs vim-ale');
    console.log('      skipped: Vim has no ALE (apt-get install vim-ale; CI installs it)');
    this.skip();
  });

  const withFix = FIXES_ON_ARTICLE;
  let run: Run;
  let second: Run;
  let text: Run;
  const article = readFileSync(path.join(FIXTURES, 'article.md'), 'utf8');
  // astral characters (four bytes each in UTF-8, two UTF-16 code units) and curly quotes (three bytes, one
  // unit) before findings on their lines
  const edited = (t: string) =>
    t
      .replace('Councillor Maren Odouya', '🚢🚢 Councillor Maren Odouya')
      .replace('said: "We will not let the crossings close this winter."', 'said: “We will not let the crossings close this winter.”');
  before(async function () {
    // one Vim at a time (a shared machine)
    run = await drive('article.md', withFix.map(([, e]) => ({ on: e.fix!.on, title: titleMatch(e.fix!.title) })));
    second = await drive(
      'article.md',
      [
        { on: 'Odouya', title: { text: 'Replace with "Oduya"', exact: true } },
        { on: 'We will not let', title: { text: 'Restore the source wording', exact: false } },
        // a command (workspace/executeCommand): the server writes .copydesk/ignore.json and pushes again
        { on: 'Halvorson', title: { text: 'Ignore this spelling “Halvorson”', exact: false } },
      ],
      edited,
      'café #2 [draft]; a+b & 100%',
    );
    text = await drive('notes.txt', []);
  });

  it('ALE shows every finding the engine makes, on the words and with the message the engine gives', async () => {
    assert.equal(run.filetype, 'markdown');
    assert.equal(path.basename(run.root), 'ws');
    const want = await engineFindings(article, 'markdown');
    // ALE shows a message on one line
    const got = run.initial.map((d) => [d.code, d.text.trim(), d.message]);
    assert.deepEqual(got.slice().sort(), want.map(([r, t, m]) => [r, t, m!.replace(/\r\n|\n|\r/g, ' ')]).sort());
  });

  it('nothing ALE cannot answer (no request from the server), no error answer, nothing in ALE\'s or Vim\'s messages', () => {
    assert.deepEqual(run.traffic.filter(([, kind, err]) => kind === 'request' || err !== "''"), []);
    assert.deepEqual(run.ale_lsp_errors, {});
    assert.deepEqual(run.messages.filter((m) => /^E\d+:|error|copydesk/i.test(m)), []);
  });

  for (const [rule, exp] of withFix) {
    it(`${rule}: :ALECodeAction offers "${exp.fix!.title.source}", and applying it gives well-formed text`, () => {
      assertFixApplied(rule, exp.fix, run.steps.find((s) => s.on === exp.fix.on), article, ':ALEHover shows a hover at the cursor');
    });
  }

  it(':ALEHover shows plain text (ALE takes hovers as plaintext only): no Markdown marks or escapes', () => {
    const passage = run.steps[0]!;
    assert.match(passage.hover, /^Copydesk · Copied passage \(verbatim, 100% similar\)\n/);
    assert.match(passage.hover, /\nIn the article: .*\nIn the source: /);
    assert.match(passage.hover, /\nSource: Ferry crews walk out over Lantern Bay subsidy — Coastline Wire .* · Open source at line \d+: file:\/\//);
    for (const s of run.steps) assert.doesNotMatch(s.hover, /\*\*|\\|\|---\||\]\(/, `${s.on}: ${s.hover}`);
  });

  it(':ALEStopAllLSPs: the server ends as ALE closes its input, before ALE\'s kill', () => {
    assert.equal(run.exit.status, 'dead');
    assert.notEqual(run.exit.termsig, 'kill');
  });

  it('a .txt file: filetype text, checked as plain text', async () => {
    assert.equal(text.filetype, 'text');
    const want = await engineFindings(readFileSync(path.join(FIXTURES, 'notes.txt'), 'utf8'), 'text');
    assert.ok(want.length > 0);
    assert.deepEqual(text.initial.map((d) => [d.code, d.text.trim(), d.message]).sort(), want.sort());
  });

  it('after an emoji and curly quotes on the line (bytes in UTF-8), in a folder with odd characters: the findings on their words, their fixes editing them', async () => {
    const r = second;
    assert.equal(path.basename(r.root), 'café #2 [draft]; a+b & 100%');
    const want = await engineFindings(edited(article), 'markdown');
    assert.deepEqual(r.initial.map((d) => [d.code, d.text.trim()]).sort(), want.map(([rule, text]) => [rule, text]).sort());
    const [name, quote, ignore] = r.steps;
    assert.equal(name!.error, undefined);
    assert.ok(name!.text_after.includes('🚢🚢 Councillor Maren Oduya, who chairs'), name!.text_after);
    assert.deepEqual(name!.diagnostics_after.filter((d) => d.code === 'name-spelling'), [], 'name-spelling cleared');
    assert.ok(quote!.picked, `inside curly quotes, offered: ${quote!.titles.join(' | ')}`);
    assert.ok(quote!.text_after.includes('said: “We will not let the crossings close for a single winter.”'), quote!.text_after);
    assert.deepEqual(quote!.diagnostics_after.filter((d) => d.code === 'misquote'), [], 'misquote cleared');
    assert.equal(ignore!.error, undefined);
    assert.ok(ignore!.picked, ignore!.titles.join(' | '));
    assert.ok(ignore!.diagnostics_before.some((d) => d.code === 'name-inconsistency'));
    assert.deepEqual(ignore!.diagnostics_after.filter((d) => d.code === 'name-inconsistency'), [], 'ignored, without an edit');
  });
});
