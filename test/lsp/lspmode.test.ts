// The built server (dist/server.js) in a real Emacs with lsp-mode: Debian bookworm's Emacs 28.2 and lsp-mode
// 8.0 (elpa-lsp-mode), which takes pushed diagnostics only (no pull), answers workspace/configuration from
// the settings registered with `lsp-register-custom-settings', matches string-glob file watchers against
// its own recursive watch of the project root, names each buffer's language itself (`plaintext' for
// text-mode), asks the user for the project root once and keeps it in its session file, and shows a
// warning for every server notification it has no handler for. test/emacs/drive-lsp-mode.el, configured
// by the README's lsp-mode snippet, does what a user does (Flymake's diagnostics, M-x
// lsp-describe-thing-at-point, M-x lsp-execute-code-action with point on the finding, M-x
// lsp-workspace-shutdown) and writes what it saw; these tests read it. CI installs emacs-nox,
// elpa-lsp-mode and elpa-markdown-mode (.ci/run); without emacs and lsp-mode these tests fail under CI
// and are skipped elsewhere.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from './client';
import { assertFixApplied, driveEmacs, EmacsDriveOptions, EmacsRun, engineFindings, errorsIn, FIXES_ON_ARTICLE, FIXTURES, NOTES, readmeSnippet, requireEditor, titleMatch } from './real-editor';

const DRIVER = path.join(REPO, 'test', 'emacs', 'drive-lsp-mode.el');

interface Diag { code: string; message: string; shown: string; type: string; line: number; text: string }
interface Step { on: string; error?: string; titles: string[]; picked: string | null; hover: string; text_after: string; diagnostics_before: Diag[]; diagnostics_after: Diag[] }
interface Run extends EmacsRun {
  emacs: string;
  lspMode: string;
  /** what lsp-mode showed the user: `display-warning' (type: message) and its error messages */
  warnings: string[];
  /** the questions lsp-mode asked (read-key) */
  prompts: string[];
  result: {
    mode: string;
    languageId: string;
    root: string;
    sessionFile: string;
    session: string;
    initial: Diag[];
    steps: Step[];
    exitedByItself: boolean;
    exitStatus: number;
  };
}

/** The README's lsp-mode snippet, starting this checkout's built server. */
const snippet = () => readmeSnippet(/### Emacs \(lsp-mode\)[\s\S]*?```elisp\n([\s\S]*?)```/, '("copydesk-lsp" "--stdio"', (args) => `(${args.join(' ')}`);

/** Run Emacs in batch with lsp-mode, configured by the README's snippet, on a copy of the e2e fixtures; lsp-mode's session file goes to the scratch HOME. */
const drive = (o: EmacsDriveOptions) =>
  driveEmacs<Run>(
    DRIVER,
    snippet(),
    o,
    (run, dir) => assert.equal(path.resolve(run.result.sessionFile), path.join(dir, '.emacs.d', '.lsp-session-v1'), 'the session file is in the scratch HOME'),
    150000,
  );

/**
 * What lsp-mode told the user, without Flymake's own log: Emacs 28's legacy Flymake backend has nothing
 * for Markdown and says so whatever the server (eglot replaces Flymake's backends, lsp-mode adds its own).
 */
const lspWarnings = (run: Run) => run.warnings.filter((w) => !w.startsWith('(flymake '));

/** Whether lsp-mode loads in batch Emacs (the elpa-lsp-mode package). */
const lspModeInstalled = () =>
  spawnSync('emacs', ['--batch', '--eval', "(progn (package-initialize) (require 'lsp-mode))"], { encoding: 'utf8', stdio: 'ignore' }).status === 0;

describe('language server in a real Emacs (batch, lsp-mode 8.0)', function () {
  this.timeout(300000);
  before(requireEditor('emacs', 'emacs-nox elpa-lsp-mode elpa-markdown-mode'));
  before(function () {
    if (lspModeInstalled()) return;
    if (process.env.CI) throw new Error('lsp-mode is not installed: .ci/run installs elpa-lsp-mode');
    console.log('      skipped: Emacs has no lsp-mode (apt-get install elpa-lsp-mode; CI installs it)');
    this.skip();
  });

  const withFix = FIXES_ON_ARTICLE;
  let run: Run;
  let second: Run;
  const article = readFileSync(path.join(FIXTURES, 'article.md'), 'utf8');
  // a draft note in an HTML comment and a fenced code block: Markdown that is not prose; astral
  // characters before a finding on its line
  const edited = (t: string) =>
    t.replace('Councillor Maren Odouya', '🚢🚢 Councillor Maren Odouya') + `\n<!-- draft note: ${NOTES.text} -->\n\n\`\`\`\n${NOTES.text}\n\`\`\`\n`;
  before(async function () {
    // one Emacs at a time (a shared machine)
    run = await drive({
      open: ['article.md'],
      steps: [...withFix.map(([, e]) => ({ on: e.fix!.on, title: titleMatch(e.fix!.title) })), { remove: 'references/wire-ferry.md' }],
    });
    second = await drive({
      // no `#` or `?`: lsp-mode 8.0 reads a URI's `%23` as a fragment (see the README)
      folder: 'café 2 [draft]; a+b & 100%',
      open: ['notes.txt', 'article.md'],
      edit: { 'article.md': edited },
      steps: [
        { on: 'Odouya', title: { text: 'Replace with "Oduya"', exact: true } },
        // a command (workspace/executeCommand): the server writes .copydesk/ignore.json and pushes again
        { on: 'Halvorson', title: { text: 'Ignore this spelling “Halvorson”', exact: false } },
      ],
    });
  });

  it('Flymake shows every finding the engine makes, on the words and with the message the engine gives', async () => {
    assert.equal(run.result.mode, 'markdown-mode');
    assert.equal(run.result.languageId, 'markdown');
    const want = await engineFindings(article, 'markdown');
    const got = run.result.initial.map((d) => [d.code, d.text.trim(), d.message]);
    assert.deepEqual(got.slice().sort(), want.slice().sort());
    // lsp-mode's Flymake backend shows the message alone
    for (const d of run.result.initial) assert.equal(d.shown, d.message);
  });

  it('no JSON-RPC error either way, and no lsp-mode warning (an unknown notification is one, per check)', () => {
    assert.deepEqual(errorsIn(run), []);
    assert.deepEqual(lspWarnings(run), []);
  });

  it('the project root: lsp-mode asks once ("Import project root", answered `i`) and keeps it in its session file', () => {
    assert.equal(run.prompts.length, 1, run.prompts.join('\n'));
    assert.match(run.prompts[0]!, /article\.md is not part of any project/);
    assert.equal(path.basename(run.result.root), 'ws');
    assert.ok(run.result.session.includes(`"${run.result.root}"`), run.result.session.slice(0, 300));
  });

  for (const [rule, exp] of withFix) {
    it(`${rule}: M-x lsp-execute-code-action offers "${exp.fix!.title.source}", and applying it gives well-formed text`, () => {
      assertFixApplied(rule, exp.fix, run.result.steps.find((s) => s.on === exp.fix.on), article, 'lsp-describe-thing-at-point shows a hover at point');
    });
  }

  it('a reference file deleted on disk: lsp-mode\'s file watchers (string globs) tell the server, and its passage clears', () => {
    const ferry = (d: Diag) => d.code === 'copied-passage' && d.text.startsWith('Ferry crews');
    const [before, after] = run.result.steps.slice(-2);
    assert.ok(before!.diagnostics_after.some(ferry), 'the copied passage is shown before');
    assert.deepEqual(after!.diagnostics_after.filter(ferry), [], 'and gone once wire-ferry.md is deleted');
  });

  it('M-x lsp-workspace-shutdown: the server answers shutdown and ends on exit by itself, with status 0', () => {
    assert.equal(run.result.exitedByItself, true);
    assert.equal(run.result.exitStatus, 0);
  });

  it('a .md file opened after a .txt one (lsp-mode names each buffer\'s language), in a folder with odd characters, after astral characters', async () => {
    const r = second;
    assert.equal(r.result.languageId, 'markdown');
    assert.equal(r.prompts.length, 1, 'asked once for the folder, not again for its second file');
    const want = await engineFindings(edited(article), 'markdown');
    assert.deepEqual(r.result.initial.map((d) => [d.code, d.text.trim(), d.message]).sort(), want.sort());
    const [step, ignore] = r.result.steps;
    assert.equal(step!.error, undefined);
    assert.ok(step!.text_after.includes('🚢🚢 Councillor Maren Oduya, who chairs'), step!.text_after);
    assert.deepEqual(step!.diagnostics_after.filter((d) => d.code === 'name-spelling'), [], 'name-spelling cleared');
    assert.equal(ignore!.error, undefined);
    assert.ok(ignore!.picked, ignore!.titles.join(' | '));
    assert.ok(ignore!.diagnostics_before.some((d) => d.code === 'name-inconsistency'));
    assert.deepEqual(ignore!.diagnostics_after.filter((d) => d.code === 'name-inconsistency'), [], 'ignored, without an edit');
    assert.deepEqual(errorsIn(r), []);
    assert.deepEqual(lspWarnings(r), []);
  });
});
