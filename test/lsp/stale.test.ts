// Stale results over the real server: 500 rapid incremental edits (typing, deleting, pasting
// passages from a reference, undoing) with pulls fired in between. The final diagnostics must equal
// a fresh in-process check of the final text, and any quick fix computed for an older version is
// refused (disabled, no edit), never applied at the wrong place.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { check } from '../../src/core/engine';
import { LineIndex } from '../../src/core/positions';
import { proseView } from '../../src/core/prose';
import { openIndex } from '../../src/node/open-index';
import { REPO, SERVER, TestClient } from './client';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'e2e');
const essentials = (items: { code: unknown; message: string; range: unknown }[]) => items.map((d) => ({ code: d.code, message: d.message, range: d.range }));

type Op = { kind: 'type' | 'delete' | 'paste' | 'undo'; at: number; len: number; pick: number };

describe('language server: 500 rapid edits and stale fixes', function () {
  this.timeout(180000);
  let dir: string;
  let c: TestClient;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js missing: run node esbuild.js first');
  });
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'copydesk-stale-'));
    cpSync(FIXTURES, dir, { recursive: true });
    c = new TestClient(dir, { debounceMs: 20 });
    await c.start();
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('typing, deleting, pasting and undoing (500 incremental edits): the final diagnostics equal a fresh check', async () => {
    const article = readFileSync(path.join(dir, 'article.md'), 'utf8');
    const wire = readFileSync(path.join(dir, 'references', 'wire-ferry.md'), 'utf8').split('---\n').pop()!;
    const uri = c.open('article.md', article);
    const first = await c.pull(uri);
    const stale = first.items.find((d: { code: string }) => d.code === 'copied-passage');
    assert.ok(stale, 'the fixture has a copied passage');

    const ops = fc.sample(
      fc.record({ kind: fc.constantFrom<Op['kind']>('type', 'type', 'type', 'type', 'delete', 'paste', 'undo'), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }), pick: fc.nat() }),
      { seed: 500, numRuns: 500 },
    );
    const typed = 'The ferry union said talks would resume on Monday, crews were told. “We are ready,” she said.\r\n';
    let text = article;
    const history: { start: number; removed: string; inserted: string }[] = [];
    let version = 1;
    const pulls: Promise<unknown>[] = [];
    for (const [k, op] of ops.entries()) {
      let start = op.at % (text.length + 1);
      let end = start;
      let insert = '';
      if (op.kind === 'type') insert = typed[op.pick % typed.length]!;
      else if (op.kind === 'delete') end = Math.min(text.length, start + (op.len % 8) + 1);
      else if (op.kind === 'paste') {
        const from = op.pick % Math.max(1, wire.length - 200);
        insert = wire.slice(from, from + 60 + op.len * 3);
      } else {
        const h = history.pop();
        if (!h) continue;
        start = h.start;
        end = h.start + h.inserted.length;
        insert = h.removed;
      }
      // never split a surrogate pair or a CRLF: an editor does not either
      const lines = new LineIndex(text);
      const range = lines.range(start, end);
      if (op.kind !== 'undo') history.push({ start, removed: text.slice(start, end), inserted: insert });
      text = text.slice(0, start) + insert + text.slice(end);
      version++;
      c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
      if (k % 10 === 0) pulls.push(c.pull(uri).then((r) => ({ ok: r }), (e) => ({ err: e })));
      if (k % 50 === 0) await new Promise((r) => setTimeout(r, 30));
    }
    const results = (await Promise.all(pulls)) as ({ ok: unknown } | { err: { code: number } })[];
    for (const r of results) if ('err' in r) assert.ok([-32802, -32800].includes(r.err.code), `stale pulls are cancelled, not failed: ${JSON.stringify(r.err)}`);

    // the server's view of the text equals ours: the final diagnostics equal a fresh check
    const final = await c.pull(uri);
    const { index } = await openIndex([path.join(dir, 'references/')], { cacheDir: false });
    const r = check(proseView(text, 'markdown'), index, {});
    const li = new LineIndex(text);
    const want = r.findings.map((f) => ({ code: f.rule, message: f.message, range: li.range(f.start, f.end) }));
    assert.deepEqual(essentials(final.items), want);
    for (const d of final.items) assert.equal(d.data.version, version);
    assert.ok(want.length > 0, 'the final text still has findings (pasted passages)');

    // a fix computed for version 1 is refused now
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale] } });
    assert.equal(actions.length, 1);
    assert.match(actions[0].disabled.reason, new RegExp(`version 1, the document is at version ${version}`));
    assert.equal(actions[0].edit, undefined);
    assert.equal(actions[0].command, undefined);

    // the fixes of the current version are versioned edits, exactly where the engine puts them
    for (const [i, d] of final.items.entries()) {
      const engineFixes = (r.findings[i]!.fixes ?? []).map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ range: li.range(e.start, e.end), newText: e.newText })) }));
      const acts = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      for (const fx of engineFixes) {
        const a = acts.find((x: { title: string }) => x.title === fx.title);
        assert.ok(a && !a.disabled, `fix "${fx.title}" offered`);
        assert.equal(a.edit.documentChanges[0].textDocument.version, version, 'edits carry the version they were computed for');
        assert.deepEqual(a.edit.documentChanges[0].edits, fx.edits);
      }
    }
  });

  it('a hover, report or fix asked for between an edit and its check never uses the old text', async () => {
    const article = readFileSync(path.join(dir, 'article.md'), 'utf8');
    const uri = c.open('article.md', article);
    const before = await c.pull(uri);
    const d = before.items[0];
    c.change(uri, '\n\n\n' + article);
    // hover at the old position: the old check does not apply to the new text
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    assert.equal(h, null, 'no hover from a stale check');
    const acts = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    assert.ok(acts.every((a: { disabled?: unknown; edit?: unknown }) => a.disabled && !a.edit));
    const rep = await c.request('copydesk/report', { uri });
    assert.equal(rep.version, 2, 'the report is of the current version');
    const after = await c.pull(uri);
    assert.equal(after.items[0].range.start.line, d.range.start.line + 3);
  });

  it('a checked document that grows above maxDocumentSize: its diagnostics are cleared with the reason; back under, they return', async () => {
    const shown: { message: string }[] = [];
    c.conn.onRequest('window/showMessageRequest', (p: { message: string }) => (shown.push(p), null));
    c.settings = { debounceMs: 20, maxDocumentSize: 5000 };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    const article = readFileSync(path.join(dir, 'article.md'), 'utf8');
    assert.ok(article.length < 5000);
    const uri = c.open('article.md', article);
    const before = await c.until(async () => {
      const r = await c.pull(uri);
      return r.items.length > 0 && r;
    }, 10000, 'diagnostics');
    c.change(uri, article + '\n' + 'Filler sentence about the tide tables. '.repeat(200));
    const big = await c.pull(uri);
    assert.deepEqual(big.items, [], 'cleared');
    const n = await c.until(() => c.notifications.find((x) => x.method === 'copydesk/checked' && (x.params as { state: string }).state === 'tooLarge'), 5000, 'tooLarge');
    assert.match((n.params as { message: string }).message, /not checked — [\d,]+ characters is above copydesk\.maxDocumentSize \(5,000\)/);
    await c.until(() => shown.length > 0, 5000, 'message to the user');
    assert.match(shown[0]!.message, /maxDocumentSize/);
    await c.pull(uri);
    assert.equal(shown.length, 1, 'told once, not on every pull');
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: before.items[0].range.start });
    assert.equal(h, null, 'no hover from the old check');
    c.change(uri, article);
    const back = await c.pull(uri);
    assert.deepEqual(essentials(back.items), essentials(before.items));
  });
});
