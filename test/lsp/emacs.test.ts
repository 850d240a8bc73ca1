// The built server (dist/server.js) in a real Emacs with eglot: Debian bookworm's Emacs 28.2 and eglot 1.9
// (elpa-eglot), which takes pushed diagnostics only (no pull), answers workspace/configuration from
// `eglot-workspace-configuration`, registers file watchers from string globs only, sends one languageId
// per server, and applies a code action's versioned edit only at its own document version.
// test/emacs/drive.el, configured by the README's Emacs snippet, does what a user does (Flymake's
// diagnostics, eldoc's hover, M-x eglot-code-actions with point on the finding, M-x eglot-shutdown) and
// writes what it saw; these tests read it. CI installs emacs-nox, elpa-eglot and elpa-markdown-mode
// (.ci/run); without emacs these tests fail under CI and are skipped elsewhere.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from './client';
import { assertFixApplied, driveEmacs, EmacsDriveOptions, EmacsRun, engineFindings, errorsIn, FIXES_ON_ARTICLE, FIXTURES, NOTES, readmeSnippet, requireEditor, titleMatch } from './real-editor';

const DRIVER = path.join(REPO, 'test', 'emacs', 'drive.el');

interface Diag { code: string; message: string; shown: string; type: string; line: number; text: string }
interface Step { on: string; error?: string; titles: string[]; picked: string | null; hover: string; text_after: string; diagnostics_before: Diag[]; diagnostics_after: Diag[] }
interface Run extends EmacsRun {
  emacs: string;
  eglot: string;
  result: { mode: string; languageId: string; initial: Diag[]; steps: Step[]; exitedByItself: boolean; exitStatus: number };
}

/** The README's Emacs Lisp snippet, starting this checkout's built server. */
const snippet = () => readmeSnippet(/### Emacs \(eglot\)[\s\S]*?```elisp\n([\s\S]*?)```/, '("copydesk-lsp" "--stdio"', (args) => `(${args.join(' ')}`);

/** Run Emacs in batch with eglot, configured by the README's snippet, on a copy of the e2e fixtures (two runs go side by side). */
const drive = (o: EmacsDriveOptions) => driveEmacs<Run>(DRIVER, snippet(), o);


describe('language server in a real Emacs (batch, eglot 1.9)', function () {
  this.timeout(180000);
  before(requireEditor('emacs', 'emacs-nox elpa-eglot elpa-markdown-mode'));

  const withFix = FIXES_ON_ARTICLE;
  let run: Run;
  let second: Run;
  const article = readFileSync(path.join(FIXTURES, 'article.md'), 'utf8');
  // a draft note in an HTML comment and a fenced code block: Markdown that is not prose. Checked as
  // plain text, both were findings (a copied passage, an unattributed quote)
  const edited = (t: string) =>
    t.replace('Councillor Maren Odouya', '🚢🚢 Councillor Maren Odouya') + `\n<!-- draft note: ${NOTES.text} -->\n\n\`\`\`\n${NOTES.text}\n\`\`\`\n`;
  before(async function () {
    [run, second] = await Promise.all([
      drive({
        open: ['article.md'],
        steps: [...withFix.map(([, e]) => ({ on: e.fix!.on, title: titleMatch(e.fix!.title) })), { remove: 'references/wire-ferry.md' }],
      }),
      drive({
        folder: 'café #2 [draft]; a+b',
        open: ['notes.txt', 'article.md'],
        edit: { 'article.md': edited },
        steps: [
          { on: 'Odouya', title: { text: 'Replace with "Oduya"', exact: true } },
          // a command (workspace/executeCommand through eglot-execute-command): the server writes
          // .copydesk/ignore.json and pushes again
          { on: 'Halvorson', title: { text: 'Ignore this spelling “Halvorson”', exact: false } },
        ],
      }),
    ]);
  });

  it('Flymake shows every finding the engine makes, on the words and with the message the engine gives', async () => {
    assert.equal(run.result.mode, 'markdown-mode');
    assert.equal(run.result.languageId, 'markdown');
    const want = await engineFindings(article, 'markdown');
    const got = run.result.initial.map((d) => [d.code, d.text.trim(), d.message]);
    assert.deepEqual(got.slice().sort(), want.slice().sort());
    for (const d of run.result.initial) assert.equal(d.shown, `copydesk [${d.code}]: ${d.message}`);
  });

  it('no JSON-RPC error either way (registrations, configuration, requests)', () => {
    assert.deepEqual(errorsIn(run), []);
  });

  for (const [rule, exp] of withFix) {
    it(`${rule}: M-x eglot-code-actions offers "${exp.fix!.title.source}", and applying it gives well-formed text`, () => {
      assertFixApplied(rule, exp.fix, run.result.steps.find((s) => s.on === exp.fix.on), article, 'eldoc shows a hover at point');
    });
  }

  it('a reference file deleted on disk: eglot\'s file watchers (string globs) tell the server, and its passage clears', () => {
    // eglot 1.9 refuses a `{ baseUri, pattern }` watcher (it has no relativePatternSupport): the server
    // then had no file watching at all, and a deleted or changed reference went unnoticed until a restart
    const ferry = (d: Diag) => d.code === 'copied-passage' && d.text.startsWith('Ferry crews');
    const [before, after] = run.result.steps.slice(-2);
    assert.ok(before!.diagnostics_after.some(ferry), 'the copied passage is shown before');
    assert.deepEqual(after!.diagnostics_after.filter(ferry), [], 'and gone once wire-ferry.md is deleted');
  });

  it('M-x eglot-shutdown: the server answers shutdown and ends on exit by itself, with status 0', () => {
    assert.equal(run.result.exitedByItself, true);
    assert.equal(run.result.exitStatus, 0);
  });

  it('a .md file opened after a .txt one (eglot sends the server\'s one languageId, "text"), in a folder with odd characters, after astral characters', async () => {
    const r = second;
    assert.equal(r.result.languageId, 'text', 'eglot names the language of the buffer that started the server');
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
  });
});
