/**
 * Issue 18, cases 4 and 5, over LSP (real dist/server.js):
 * - copydesk/quotes has the same size guard as checking (copydesk.maxDocumentSize);
 * - a check past its time budget (COPYDESK_CHECK_BUDGET_MS=0 here) reports "too complex to check"
 *   instead of holding the server, and other requests are still answered;
 * - "Ignore source … for this article" (and "Ignore this finding") from an untitled document keep
 *   the ignore in the session: nothing lands in .copydesk/ignore.json, where the folder-wide list
 *   would silence the source for every article.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, SERVER, TestClient } from './client';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'e2e');

describe('language server: size guard on copydesk/quotes, session ignores for untitled documents', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  let article: string;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js missing: run node esbuild.js first');
  });
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'copydesk-guards-'));
    cpSync(FIXTURES, dir, { recursive: true });
    article = readFileSync(path.join(dir, 'article.md'), 'utf8');
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copydesk/quotes: a document above maxDocumentSize is not analysed; under it, quotes are listed', async () => {
    c = new TestClient(dir, { debounceMs: 0, maxDocumentSize: 1000 });
    await c.start();
    const long = article + '\n' + article;
    assert.ok(long.length > 1000);
    const big = c.open('article.md', long);
    const r = await c.request('copydesk/quotes', { uri: big });
    assert.equal(r.available, false);
    assert.deepEqual(r.quotes, []);
    assert.match(r.message, /above copydesk\.maxDocumentSize \(1,000\)/);
    // the same quotes, under the limit, are listed
    const small = c.open('short.md', 'Councillor Maren Odouya said: "We will not let the crossings close this winter."\n');
    const s = await c.request('copydesk/quotes', { uri: small });
    assert.equal(s.available, true);
    assert.equal(s.quotes.length, 1);
  });

  it('ignore source from an untitled document: kept in the session, not in .copydesk/ignore.json; other articles unaffected', async () => {
    c = new TestClient(dir, { debounceMs: 0 });
    await c.start();
    const untitled = 'untitled:Untitled-1';
    c.notify('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'markdown', version: 1, text: article } });
    const saved = c.open('article.md', article);
    const report = await c.pull(untitled);
    const copied = report.items.find((d: { code: string }) => d.code === 'copied-passage');
    assert.ok(copied, 'the untitled copy has a copied-passage finding');
    const sourceId: string = copied.data.sourceId;

    // the action says where the ignore goes
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri: untitled }, range: copied.range, context: { diagnostics: [copied] } });
    const ignoreSource = actions.find((a: { command?: { command: string } }) => a.command?.command === 'copydesk.server.ignoreSource');
    assert.match(ignoreSource.title, /\(this session\)$/);

    const r = await c.request('workspace/executeCommand', { command: 'copydesk.server.ignoreSource', arguments: [{ uri: untitled, sourceId }] });
    assert.equal(r.ok, true);
    const fp = report.items.find((d: { data: { sourceId?: string } }) => d.data.sourceId !== sourceId)?.data.fingerprint;
    if (fp) await c.request('workspace/executeCommand', { command: 'copydesk.server.ignoreFinding', arguments: [{ uri: untitled, fingerprint: fp }] });

    // nothing written to the workspace
    const file = path.join(dir, '.copydesk', 'ignore.json');
    if (existsSync(file)) {
      const data = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepEqual([data.sources, data.findings], [[], []], 'the folder-wide lists stay empty');
    }
    // the untitled document no longer reports the source; the saved article still does
    const after = await c.until(async () => {
      const p = await c.pull(untitled);
      return p.kind === 'full' && !p.items.some((d: { data: { sourceId?: string } }) => d.data.sourceId === sourceId) ? p : undefined;
    }, 10000, 'the untitled document re-checked without the source');
    assert.ok(after);
    if (fp) assert.ok(!after.items.some((d: { data: { fingerprint: string } }) => d.data.fingerprint === fp));
    const other = await c.pull(saved);
    assert.ok(other.items.some((d: { data: { sourceId?: string } }) => d.data.sourceId === sourceId), 'the saved article still reports the source');

    // closed, the session's ignores go with it
    c.notify('textDocument/didClose', { textDocument: { uri: untitled } });
    c.notify('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'markdown', version: 1, text: article } });
    const reopened = await c.pull(untitled);
    assert.ok(reopened.items.some((d: { data: { sourceId?: string } }) => d.data.sourceId === sourceId));
  });

  it('a check past its budget: "too complex to check", no diagnostics, and other documents still answered', async () => {
    c = new TestClient(dir, { debounceMs: 0 }, { COPYDESK_CHECK_BUDGET_MS: '0' });
    await c.start();
    const hostile = c.open('backticks.md', '`'.repeat(20_000));
    const r = await c.pull(hostile);
    assert.deepEqual(r.items, []);
    const note = await c.until(
      () => c.notifications.find((n) => n.method === 'copydesk/checked' && (n.params as { uri: string }).uri === hostile),
      10000,
      'copydesk/checked',
    );
    const p = note.params as { state: string; message: string };
    assert.equal(p.state, 'tooComplex');
    assert.match(p.message, /^Copydesk: not checked — document too complex to check \(stopped after \d+ ms\); the limit is 0 s a check\.$/);
    // asked again for the same version: not re-run, same answer
    const again = await c.pull(hostile);
    assert.deepEqual(again.items, []);
    // the server still answers: quotes and hover of another document
    const other = c.open('other.md', 'Councillor Maren Odouya said: "We will not let the crossings close this winter."\n');
    const q = await c.request('copydesk/quotes', { uri: other });
    assert.equal(q.quotes.length, 1);
    await c.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 3 } });
  });
});
