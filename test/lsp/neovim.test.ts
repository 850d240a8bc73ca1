// The built server (dist/server.js) in a real Neovim: its built-in LSP client pushes nothing of its own,
// echoes diagnostics back with byte columns (0.7–0.10), sends only the cursor line's diagnostics with a
// code action request and applies the picked action with its own workspace-edit code. test/nvim/drive.lua,
// configured by the README's snippet for Neovim 0.7–0.9, does what a user does (cursor on the finding, vim.lsp.buf.hover(), vim.lsp.buf.code_action()) and writes
// what it saw; these tests read it. Debian's `neovim` package (0.7.2) is the Neovim here; CI installs it
// (.ci/run), and without it these tests fail under CI and are skipped elsewhere.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from './client';
import { assertFixApplied, engineFindings, FIXES_ON_ARTICLE, FIXTURES, inScratchWorkspace, readmeSnippet, requireEditor, titleMatch } from './real-editor';

const DRIVER = path.join(REPO, 'test', 'nvim', 'drive.lua');

interface Diag { code: string; message: string; lnum: number; col: number; end_lnum: number; end_col: number; text: string }
interface Step { on: string; error?: string; titles: string[]; picked?: string; hover: string; text_after: string; diagnostics_before: Diag[]; diagnostics_after: Diag[] }
interface Run { nvim: string; errors: string[]; initial: Diag[]; steps: Step[] }

/** The README's Lua snippet for Neovim 0.7–0.9, starting this checkout's built server. */
const snippet = () =>
  readmeSnippet(/For Neovim 0\.7–0\.9:\s*```lua\n([\s\S]*?)```/, "{ 'copydesk-lsp', '--stdio' }", (args) => `{ ${args.join(', ')} }`);

/** Run Neovim headless, configured by the README's snippet, on `file` of a copy of the e2e fixtures (after `edit` of that file's text). */
function drive(file: string, steps: { on: string; title?: { text: string; exact: boolean } }[], edit?: (text: string) => string): Promise<Run> {
  return inScratchWorkspace('copydesk-nvim-', { edit: edit && { [file]: edit } }, (dir, ws) => {
    const plan = path.join(dir, 'plan.json');
    const out = path.join(dir, 'out.json');
    const init = path.join(dir, 'init.lua');
    writeFileSync(init, snippet());
    writeFileSync(plan, JSON.stringify({
      snippet: init,
      workspace: ws,
      file,
      timeoutMs: 20000,
      settleMs: 300,
      minDiagnostics: 1,
      steps,
    }));
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${DRIVER}`], {
      env: { ...process.env, COPYDESK_NVIM_PLAN: plan, COPYDESK_NVIM_OUT: out, COPYDESK_CACHE_DIR: path.join(dir, 'cache') },
      encoding: 'utf8',
      timeout: 120000,
    });
    let run: Run;
    try {
      run = JSON.parse(readFileSync(out, 'utf8')) as Run;
    } catch {
      throw new Error(`nvim wrote no result (status ${r.status}, signal ${r.signal}): ${r.stderr}${r.stdout}`);
    }
    assert.deepEqual(run.errors, [], 'the driver reports no error');
    return run;
  });
}

describe('language server in a real Neovim (headless, built-in LSP client)', function () {
  this.timeout(180000);
  before(requireEditor('nvim', 'neovim'));

  const withFix = FIXES_ON_ARTICLE;
  let run: Run;
  let article: string;
  before(async function () {
    article = readFileSync(path.join(FIXTURES, 'article.md'), 'utf8');
    run = await drive('article.md', withFix.map(([, e]) => ({ on: e.fix!.on, title: titleMatch(e.fix!.title) })));
  });

  it('Neovim shows every finding the engine makes, on the words the engine marks', async () => {
    const want = (await engineFindings(article, 'markdown')).map(([rule, text]) => [rule, text]);
    // Neovim's columns are bytes: a text equal to the finding's means the UTF-16 range was converted right
    const got = run.initial.map((d) => [d.code, d.text.trim()]);
    assert.deepEqual(got.slice().sort(), want.slice().sort());
  });

  for (const [rule, exp] of withFix) {
    it(`${rule}: vim.lsp.buf.code_action() offers "${exp.fix!.title.source}", and applying it gives well-formed text`, () => {
      assertFixApplied(rule, exp.fix, run.steps.find((s) => s.on === exp.fix.on), article, 'a hover at the cursor');
    });
  }

  it('a hard-wrapped paragraph and curly quotes: actions from any line of a passage, and at a finding after “', async () => {
    // Markdown as a Neovim user writes it (textwidth 72): the copied first paragraph runs over three lines;
    // the councillor's quote gets curly marks, three bytes each in UTF-8
    const wrapped = await drive(
      'article.md',
      [
        { on: 'morning after the regional', title: { text: 'Quote it and credit Coastline Wire', exact: true } },
        { on: 'We will not let', title: { text: 'Restore the source wording', exact: false } },
      ],
      (t) =>
        t
          .replace('walked off the job on Thursday morning after', 'walked off the job on Thursday\nmorning after')
          .replace('said: "We will not let the crossings close this winter."', 'said: “We will not let the crossings close this winter.”'),
    );
    const [passage, quote] = wrapped.steps;
    assert.ok(passage!.picked, `second line of the passage, offered: ${passage!.titles.join(' | ')}`);
    assert.match(passage!.text_after, /“Ferry crews on the Lantern Bay crossing walked off the job on Thursday\nmorning after .* by a third,” according to Coastline Wire\./);
    assert.ok(quote!.picked, `inside curly quotes, offered: ${quote!.titles.join(' | ')}`);
    assert.ok(quote!.text_after.includes('said: “We will not let the crossings close for a single winter.”'), quote!.text_after);
    assert.ok(quote!.titles.includes('Ignore this misquote “We will not let the…” (.copydesk/ignore.json)'), quote!.titles.join(' | '));
    assert.deepEqual(quote!.diagnostics_after.filter((d) => d.code === 'misquote'), [], 'misquote cleared');
  });
});
