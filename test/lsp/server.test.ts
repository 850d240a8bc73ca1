import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '../../src/core/engine';
import { LineIndex } from '../../src/core/positions';
import { proseView } from '../../src/core/prose';
import { openIndex } from '../../src/node/open-index';
import { CancellationTokenSource, REPO, SERVER, TestClient } from './client';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'e2e');

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-lsp-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

/** What a fresh, in-process check of `text` reports, in LSP terms (message, range, rule). */
async function expected(folder: string, text: string, languageId: string, settings: Record<string, unknown> = {}) {
  const { index } = await openIndex([path.join(folder, 'references/')]);
  const r = check(proseView(text, languageId), index, settings);
  const lines = new LineIndex(text);
  return r.findings.map((f) => ({ code: f.rule, message: f.message, range: lines.range(f.start, f.end) }));
}

const essentials = (items: { code: unknown; message: string; range: unknown }[]) => items.map((d) => ({ code: d.code, message: d.message, range: d.range }));

describe('language server over stdio (dist/server.js)', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  let article: string;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js missing: run node esbuild.js first');
  });
  beforeEach(async () => {
    dir = workspace();
    article = readFileSync(path.join(dir, 'article.md'), 'utf8');
    c = new TestClient(dir, { debounceMs: 30 });
    await c.start();
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('initialize advertises pull diagnostics, hover, quick fixes and commands', async () => {
    const c2 = new TestClient(dir);
    const r = (await c2.start()) as { capabilities: Record<string, unknown> };
    await c2.stop();
    assert.deepEqual((r.capabilities.diagnosticProvider as { identifier: string }).identifier, 'copydesk');
    assert.equal(r.capabilities.hoverProvider, true);
    assert.deepEqual((r.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix']);
    assert.ok((r.capabilities.executeCommandProvider as { commands: string[] }).commands.includes('copydesk.server.ignoreFinding'));
  });

  it('pull diagnostics equal a fresh in-process check, with source, code link, related source location and data', async () => {
    const uri = c.open('article.md', article);
    const report = await c.pull(uri);
    assert.equal(report.kind, 'full');
    const want = await expected(dir, article, 'markdown');
    assert.ok(want.length >= 1, 'fixture yields findings');
    assert.deepEqual(essentials(report.items), want);
    const copied = report.items.find((d: { code: string }) => d.code === 'copied-passage');
    assert.ok(copied, 'a copied-passage diagnostic');
    assert.equal(copied.source, 'copydesk');
    assert.match(copied.codeDescription.href, /docs\/rules\/copied-passage\.md$/);
    const rel = copied.relatedInformation[0];
    assert.equal(rel.location.uri, pathToFileURL(path.join(dir, 'references', 'wire-ferry.md')).toString());
    const wire = readFileSync(path.join(dir, 'references', 'wire-ferry.md'), 'utf8');
    const li = new LineIndex(wire);
    const srcText = wire.slice(li.offset(rel.location.range.start), li.offset(rel.location.range.end));
    assert.match(srcText, /^Ferry crews on the Lantern Bay crossing/);
    assert.match(rel.message, /Coastline Wire/);
    assert.equal(copied.data.version, 1);
    assert.equal(copied.data.rule, 'copied-passage');
    // the copydesk/checked notification carries the originality for the status bar
    const n = await c.until(() => c.notifications.find((x) => x.method === 'copydesk/checked'));
    assert.equal(typeof (n.params as { originality: number }).originality, 'number');
  });

  it('reports reference indexing with window/workDoneProgress (begin … end)', async () => {
    const uri = c.open('article.md', article);
    await c.pull(uri);
    await c.until(() => c.progress.some((p) => p.value.kind === 'end'), 5000, 'progress end');
    const kinds = c.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'));
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('hover shows article and source side by side, source metadata and a link, nothing executable', async () => {
    const uri = c.open('article.md', article);
    const report = await c.pull(uri);
    const copied = report.items.find((d: { code: string }) => d.code === 'copied-passage');
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: copied.range.start });
    assert.ok(h, 'a hover');
    const md: string = h.contents.value;
    assert.equal(h.contents.kind, 'markdown');
    assert.match(md, /\| Article \| Source \|/);
    assert.match(md, /Lantern Bay crossing/);
    assert.match(md, /Coastline Wire/);
    assert.match(md, /2026-10-02/);
    assert.match(md, /\(file:\/\/[^)]*wire-ferry\.md#L\d+,\d+\)/);
    assert.ok(!/command:/.test(md));
    assert.ok(!/<[a-z]/i.test(md.replace(/\\</g, '')), 'no raw HTML');
    const none = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
  });

  it("code actions: every Fix (core's quote fix), ignore finding/source; preferred flag from Fix.preferred", async () => {
    const uri = c.open('article.md', article);
    const report = await c.pull(uri);
    const copied = report.items.find((d: { code: string }) => d.code === 'copied-passage');
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: copied.range, context: { diagnostics: [copied] } });
    const titles = actions.map((a: { title: string }) => a.title);
    for (const f of copied.data.fixes) {
      const a = actions.find((x: { title: string }) => x.title === f.title);
      assert.ok(a, `fix "${f.title}" offered`);
      assert.equal(!!a.isPreferred, f.preferred);
      assert.equal(a.edit.documentChanges[0].textDocument.version, 1, 'edits are versioned');
    }
    assert.ok(titles.includes('Quote it and credit Coastline Wire'), titles.join(' | '));
    assert.equal(titles.filter((t: string) => /^(Quote it|Turn into a quote)/.test(t)).length, 1, `one quote fix: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Ignore this copied passage “Ferry crews on the Lantern…” (.copydesk/ignore.json)'), titles.join(' | '));
    assert.ok(titles.some((t: string) => /^Ignore source .* for this article$/.test(t)));
    assert.ok(actions.every((a: { kind: string }) => a.kind === 'quickfix'));
  });

  it('a fix computed for an older version is refused (disabled), never applied at the wrong place', async () => {
    const uri = c.open('article.md', article);
    const report = await c.pull(uri);
    const copied = report.items.find((d: { code: string }) => d.code === 'copied-passage');
    c.change(uri, 'New first line.\n' + article);
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: copied.range, context: { diagnostics: [copied] } });
    assert.equal(actions.length, 1);
    assert.ok(actions[0].disabled?.reason, 'disabled with a reason');
    assert.equal(actions[0].edit, undefined);
  });

  it('ignore source for this article: written atomically to .copydesk/ignore.json, finding gone, refresh requested', async () => {
    const uri = c.open('article.md', article);
    const report = await c.pull(uri);
    const copied = report.items.find((d: { code: string }) => d.code === 'copied-passage');
    const refreshes = c.refreshes;
    const r = await c.request('workspace/executeCommand', { command: 'copydesk.server.ignoreSource', arguments: [{ uri, sourceId: copied.data.sourceId }] });
    assert.deepEqual(r, { ok: true });
    const saved = JSON.parse(readFileSync(path.join(dir, '.copydesk', 'ignore.json'), 'utf8'));
    assert.deepEqual(saved.articles['article.md'].sources, [copied.data.sourceId]);
    await c.until(() => c.refreshes > refreshes, 5000, 'diagnostic refresh');
    const after = await c.pull(uri);
    assert.ok(!after.items.some((d: { data: { sourceId?: string } }) => d.data.sourceId === copied.data.sourceId));
    assert.equal(readFileSync(path.join(dir, 'article.md'), 'utf8'), article, 'article text untouched');
  });

  it('ignore this finding: only that finding disappears', async () => {
    const uri = c.open('article.md', article);
    const report = await c.pull(uri);
    const first = report.items[0];
    await c.request('workspace/executeCommand', { command: 'copydesk.server.ignoreFinding', arguments: [{ uri, fingerprint: first.data.fingerprint }] });
    const after = await c.pull(uri);
    assert.equal(after.items.length, report.items.length - 1);
    assert.ok(!after.items.some((d: { data: { fingerprint: string } }) => d.data.fingerprint === first.data.fingerprint));
  });

  it('50 rapid edits: stale pulls are cancelled, the final diagnostics equal a fresh check of the final text', async () => {
    const uri = c.open('article.md', article);
    await c.pull(uri);
    const pulls: Promise<unknown>[] = [];
    let text = article;
    const words = ' The ferry union said talks would resume'.split(/(?= )/);
    for (let i = 0; i < 50; i++) {
      text = text.replace(/\n$/, '') + words[i % words.length] + (i % 10 === 9 ? '.\n' : '') + '\n';
      c.change(uri, text);
      pulls.push(c.pull(uri).then((r) => ({ ok: r }), (e) => ({ err: e })));
      if (i % 7 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    const results = (await Promise.all(pulls)) as ({ ok: { items: unknown[] } } | { err: { code: number; data?: { retriggerRequest?: boolean } } })[];
    const errors = results.filter((r): r is { err: { code: number; data?: { retriggerRequest?: boolean } } } => 'err' in r);
    assert.ok(errors.length > 0, 'stale requests were dropped');
    for (const e of errors) assert.equal(e.err.code, -32802, 'ServerCancelled');
    assert.ok(errors.every((e) => e.err.data?.retriggerRequest === true));
    const last = results[results.length - 1]!;
    assert.ok('ok' in last, 'the last pull answered');
    const want = await expected(dir, text, 'markdown');
    assert.deepEqual(essentials((last as { ok: { items: { code: unknown; message: string; range: unknown }[] } }).ok.items), want);
    const fresh = await c.pull(uri);
    assert.deepEqual(essentials(fresh.items), want);
    for (const d of fresh.items) assert.equal(d.data.version, c.version(uri));
  });

  it('honours cancellation of a pull during the debounce', async () => {
    c.settings = { debounceMs: 2000 };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    const uri = c.open('article.md', article);
    await c.until(async () => (await c.request('copydesk/indexStatus', null)).state === 'ready', 10000, 'index');
    c.change(uri, article + '\nMore.');
    const cts = new CancellationTokenSource();
    const p = c.pull(uri, cts);
    setTimeout(() => cts.cancel(), 50);
    const t0 = Date.now();
    await assert.rejects(p, (e: { code: number }) => e.code === -32800);
    assert.ok(Date.now() - t0 < 1500, 'returned before the debounce ended');
  });

  it('a new file in references/ is picked up after workspace/didChangeWatchedFiles', async () => {
    const notes = readFileSync(path.join(dir, 'notes.txt'), 'utf8');
    const extra = 'The harbour master warned that the northern slipway needs urgent repairs before the first winter storms arrive next month.';
    const text = notes + '\n' + extra + '\n';
    const uri = c.open('notes.txt', text);
    const before = await c.pull(uri);
    assert.ok(c.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'watchers registered');
    assert.ok(!before.items.some((d: { relatedInformation?: { location: { uri: string } }[] }) => d.relatedInformation?.[0]?.location.uri.endsWith('harbour-master.txt')));
    const file = path.join(dir, 'references', 'harbour-master.txt');
    writeFileSync(file, 'Harbour notice. ' + extra + '\n');
    const refreshes = c.refreshes;
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 1 }] });
    await c.until(() => c.refreshes > refreshes, 10000, 'refresh after re-index');
    const after = await c.pull(uri);
    assert.ok(after.items.some((d: { relatedInformation?: { location: { uri: string } }[] }) => d.relatedInformation?.[0]?.location.uri.endsWith('harbour-master.txt')),
      JSON.stringify(after.items.map((d: { message: string }) => d.message)));
  });

  it('settings change re-checks: rule off removes its diagnostics, a severity override applies', async () => {
    const uri = c.open('article.md', article);
    const before = await c.pull(uri);
    assert.ok(before.items.some((d: { code: string }) => d.code === 'copied-passage'));
    const refreshes = c.refreshes;
    c.settings = { debounceMs: 30, severity: { 'copied-passage': 'off' } };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    await c.until(() => c.refreshes > refreshes, 5000, 'refresh');
    const after = await c.pull(uri);
    assert.ok(!after.items.some((d: { code: string }) => d.code === 'copied-passage'));
    c.settings = { debounceMs: 30, severity: { 'copied-passage': 'error' } };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    await c.until(() => c.refreshes > refreshes + 1, 5000, 'refresh');
    const again = await c.pull(uri);
    const cp = again.items.filter((d: { code: string }) => d.code === 'copied-passage');
    assert.ok(cp.length && cp.every((d: { severity: number }) => d.severity === 1), 'severity error');
  });

  it('documents above maxDocumentSize: diagnostics cleared and the reason sent', async () => {
    c.settings = { debounceMs: 30, maxDocumentSize: 1000 };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    const big = (article + '\n').repeat(4);
    const uri = c.open('big.md', big);
    await c.until(async () => (await c.request('copydesk/indexStatus', null)).state === 'ready', 10000, 'index');
    const r = await c.until(async () => {
      const x = await c.pull(uri);
      return c.notifications.some((n) => n.method === 'copydesk/checked' && (n.params as { state: string }).state === 'tooLarge') && x;
    }, 5000, 'tooLarge');
    assert.deepEqual(r.items, []);
    const n = c.notifications.find((x) => x.method === 'copydesk/checked' && (x.params as { state: string }).state === 'tooLarge')!;
    assert.match((n.params as { message: string }).message, /maxDocumentSize/);
  });

  it('custom copydesk/report gives originality, per-source figures and findings', async () => {
    const uri = c.open('article.md', article);
    await c.pull(uri);
    const r = await c.request('copydesk/report', { uri });
    const { index } = await openIndex([path.join(dir, 'references/')]);
    const want = check(proseView(article, 'markdown'), index, {});
    assert.equal(r.originality, want.originality);
    assert.deepEqual(r.sources.map((s: { id: string; matchedWords: number }) => [s.id, s.matchedWords]), want.sources.map((s) => [s.id, s.matchedWords]));
    assert.equal(r.findings.length, want.findings.length);
    assert.equal(r.sources[0].outlet, 'Coastline Wire');
  });

  it('untrusted workspace: reference paths outside the workspace are not read', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'copydesk-outside-'));
    cpSync(path.join(dir, 'references'), outside, { recursive: true });
    const c2 = new TestClient(dir, { references: [outside], debounceMs: 0 });
    await c2.start(false);
    try {
      const uri = c2.open('article.md', article);
      const r = await c2.pull(uri);
      assert.deepEqual(r.items.filter((d: { relatedInformation?: unknown[] }) => d.relatedInformation), [], 'nothing matched against the outside references');
      const st = await c2.request('copydesk/indexStatus', null);
      assert.equal(st.documents, 0);
      assert.equal(st.skipped.length, 1);
    } finally {
      await c2.stop();
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('checkOn manual: nothing until copydesk.server.check', async () => {
    const c2 = new TestClient(dir, { checkOn: 'manual', debounceMs: 0 });
    await c2.start();
    try {
      const uri = c2.open('article.md', article);
      await c2.until(async () => (await c2.request('copydesk/indexStatus', null)).state === 'ready', 10000, 'index');
      const r = await c2.pull(uri);
      assert.deepEqual(r.items, []);
      await c2.request('workspace/executeCommand', { command: 'copydesk.server.check', arguments: [{ uri }] });
      const r2 = await c2.pull(uri);
      assert.ok(r2.items.length > 0);
    } finally {
      await c2.stop();
    }
  });
});

describe('language server: copydesk/quotes', function () {
  this.timeout(60000);
  it('lists every quotation with its speaker', async () => {
    const dir = workspace();
    const c = new TestClient(dir);
    await c.start();
    try {
      const text = readFileSync(path.join(dir, 'article.md'), 'utf8');
      const uri = c.open('article.md', text);
      const r = await c.request('copydesk/quotes', { uri });
      assert.equal(r.available, true);
      const byText = new Map(r.quotes.map((q: { text: string; speaker?: string }) => [q.text, q.speaker]));
      assert.match(String(byText.get('We will not let the crossings close this winter.')), /^Councillor Maren Odouya/);
      assert.ok(byText.has('Nobody asked the crews what a winter timetable would look like.'));
      assert.equal(byText.get('Nobody asked the crews what a winter timetable would look like.'), undefined, 'no speaker');
    } finally {
      await c.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server: accept a spelling into the house names list', function () {
  this.timeout(60000);
  it('copydesk.server.acceptName appends to .copydesk/names.txt and the name finding goes away', async () => {
    const dir = workspace();
    const c = new TestClient(dir, { debounceMs: 0 });
    await c.start();
    try {
      const text = readFileSync(path.join(dir, 'article.md'), 'utf8');
      const uri = c.open('article.md', text);
      const before = await c.pull(uri);
      const d = before.items.find((x: { code: string }) => x.code === 'name-spelling');
      assert.ok(d, 'a name-spelling finding');
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const accept = actions.find((a: { title: string }) => /^Accept “Odouya” as a house spelling/.test(a.title));
      assert.ok(accept, actions.map((a: { title: string }) => a.title).join(' | '));
      // a client without the experimental capability gets the server command (workspace target)
      assert.equal(accept.command.command, 'copydesk.server.acceptName');
      await c.request('workspace/executeCommand', accept.command);
      assert.match(readFileSync(path.join(dir, '.copydesk', 'names.txt'), 'utf8'), /^Odouya$/m);
      const after = await c.pull(uri);
      assert.ok(!after.items.some((x: { code: string; range: unknown }) => x.code === 'name-spelling' && JSON.stringify(x.range) === JSON.stringify(d.range)));
    } finally {
      await c.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
