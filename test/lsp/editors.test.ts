// The server with editors other than VS Code, over the real bundle (dist/server.js). NEOVIM_0_10 plays
// Neovim 0.10's built-in client on Linux: no dynamic didChangeWatchedFiles, no
// workspace/diagnostic/refresh, settings answered after its first pull; its plain-text filetype is
// `text`, and its hover popups are Markdown buffers that the README's FileType autocmd may attach.
// ALE_3_3 plays Vim's ALE where Vim is not installed (test/lsp/ale.test.ts drives the real one).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { check } from '../../src/core/engine';
import { proseView } from '../../src/core/prose';
import { openIndex } from '../../src/node/open-index';
import { ALE_3_3, EGLOT_1_9, LSP_MODE_8, NEOVIM_0_10, REPO, SERVER, TestClient, VSCODE } from './client';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'e2e');

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'copydesk-editors-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

// copied from references/wire-ferry.md with a Markdown link inside the copied words
const LINKED =
  '# Crossing\n\nFerry crews on the [Lantern Bay](https://example.org/lantern-bay) crossing walked off the job on Thursday morning after the regional council voted to cut the winter sailing subsidy by a third.\n';
// a name misspelt inside a passage copied from the wire (two findings overlap there)
const NAME_IN_PASSAGE =
  '"We will not let the crossings close for a single winter," said Councillor Maren Odouya, who chairs the transport committee. Odouya added that the council would meet the union on Monday.\n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Diag = any;
const latest = (c: TestClient, uri: string) => [...c.published].reverse().find((p) => p.uri === uri);

describe('language server: Markdown links inside a copied passage', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js missing: run node esbuild.js first');
  });
  beforeEach(async () => {
    dir = workspace();
    c = new TestClient(dir, { debounceMs: 0 });
    await c.start();
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the diagnostic carries the engine’s fingerprint; "Ignore this finding" writes it and the finding goes (editor and CLI agree)', async () => {
    const uri = c.open('linked.md', LINKED);
    const report = await c.pull(uri);
    const copied: Diag = report.items.find((d: Diag) => d.code === 'copied-passage');
    assert.ok(copied, `a copied passage: ${JSON.stringify(report.items.map((d: Diag) => d.code))}`);
    // what the CLI computes for the same file (the engine over the prose view)
    const { index } = await openIndex([path.join(dir, 'references/')]);
    const engine = check(proseView(LINKED, 'markdown'), index).findings.find((f) => f.rule === 'copied-passage')!;
    assert.equal(copied.data.fingerprint, engine.fingerprint);
    const r = await c.request('workspace/executeCommand', { command: 'copydesk.server.ignoreFinding', arguments: [{ uri, fingerprint: copied.data.fingerprint }] });
    assert.deepEqual(r, { ok: true });
    const after = await c.pull(uri);
    assert.ok(!after.items.some((d: Diag) => d.code === 'copied-passage'), `still reported: ${JSON.stringify(after.items.map((d: Diag) => d.message))}`);
    // and the engine, reading the same ignore list, agrees
    const saved = JSON.parse(readFileSync(path.join(dir, '.copydesk', 'ignore.json'), 'utf8'));
    const again = check(proseView(LINKED, 'markdown'), index, { ignore: { findings: saved.articles['linked.md'].findings, sources: [] } });
    assert.ok(!again.findings.some((f) => f.rule === 'copied-passage'));
  });

  it('the hover shows the link as the editor has it', async () => {
    const uri = c.open('linked.md', LINKED);
    const report = await c.pull(uri);
    const copied: Diag = report.items.find((d: Diag) => d.code === 'copied-passage');
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: copied.range.start });
    // the article side is the editor's text (the engine's has the link target blanked)
    assert.match(h.contents.value, /\| Ferry crews on the .*Lantern Bay.*example\.org\/lantern-bay.* crossing walked off/);
  });
});

describe('language server: a client that pulls before its settings are read', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  beforeEach(() => {
    dir = workspace();
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the first pull of a `text` document waits for workspace/configuration (languages includes text)', async () => {
    c = new TestClient(dir, { debounceMs: 0, languages: ['text', 'markdown', 'html'] });
    await c.start(true, { ...VSCODE, configurationDelayMs: 400, settingsInInit: false });
    const notes = readFileSync(path.join(dir, 'article.md'), 'utf8');
    const uri = c.open('notes.txt', notes, 'text');
    const report = await c.pull(uri);
    assert.ok(report.items.length >= 1, 'checked on the first pull');
  });
});

describe('language server: Neovim 0.10 (no watched files, no diagnostic refresh, late settings)', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  let cacheDir: string;
  let article: string;
  beforeEach(async () => {
    dir = workspace();
    cacheDir = mkdtempSync(path.join(tmpdir(), 'copydesk-editors-cache-'));
    article = readFileSync(path.join(dir, 'article.md'), 'utf8');
    c = new TestClient(dir, { debounceMs: 30, languages: ['text', 'markdown', 'html'] }, { COPYDESK_CACHE_DIR: cacheDir });
    await c.start(true, NEOVIM_0_10);
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('no diagnostic refresh: diagnostics are pushed (no pull provider), a `text` buffer included', async () => {
    const uri = c.open('notes.txt', article, 'text');
    const pushed = await c.until(() => (latest(c, uri)?.diagnostics.length ? latest(c, uri) : undefined), 20000, 'pushed diagnostics');
    const { index } = await openIndex([path.join(dir, 'references/')]);
    const want = check(article, index, {}).findings.map((f) => f.message);
    assert.deepEqual(pushed.diagnostics.map((d: Diag) => d.message), want);
  });

  it('initialize does not offer pull diagnostics to a client that cannot be asked to pull again', async () => {
    const c2 = new TestClient(dir, {});
    try {
      const r = (await c2.start(true, NEOVIM_0_10)) as { capabilities: Record<string, unknown> };
      assert.equal(r.capabilities.diagnosticProvider, undefined);
    } finally {
      await c2.stop();
    }
  });

  it('"Ignore this finding" clears the diagnostic at once, without an edit', async () => {
    const uri = c.open('article.md', article);
    const first = await c.until(() => (latest(c, uri)?.diagnostics.length ? latest(c, uri) : undefined), 20000, 'pushed diagnostics');
    const copied: Diag = first.diagnostics.find((d: Diag) => d.code === 'copied-passage');
    await c.request('workspace/executeCommand', { command: 'copydesk.server.ignoreFinding', arguments: [{ uri, fingerprint: copied.data.fingerprint }] });
    const gone = (p: { diagnostics: Diag[] } | undefined) => p && !p.diagnostics.some((d: Diag) => d.data.fingerprint === copied.data.fingerprint) && p;
    const after = await c.until(() => gone(latest(c, uri)), 10000, 'a push without the ignored finding');
    assert.equal(after.diagnostics.length, first.diagnostics.length - 1);
    assert.ok(!after.diagnostics.some((d: Diag) => d.data.fingerprint === copied.data.fingerprint));
    assert.equal(c.version(uri), 1, 'no edit was needed');
  });

  it('hover popups and other non-file buffers are not checked', async () => {
    const popup = 'file://';
    void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: popup, languageId: 'markdown', version: 1, text: article } });
    const other = 'nvim-hover://1';
    void c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'markdown', version: 1, text: article } });
    const real = c.open('article.md', article);
    await c.until(() => latest(c, real)?.diagnostics.length, 20000, 'the file is checked');
    await new Promise((r) => setTimeout(r, 300));
    for (const u of [popup, other]) assert.ok(!c.published.some((p) => p.uri === u && p.diagnostics.length), `${u} checked`);
    assert.ok(!c.notifications.some((x) => x.method === 'copydesk/checked' && [popup, other].includes((x.params as { uri: string }).uri)));
  });

  it('hover: no needless backslashes, the finding under the cursor first', async () => {
    const uri = c.open('story.md', NAME_IN_PASSAGE);
    const pushed = await c.until(() => {
      const p = latest(c, uri);
      return p && p.diagnostics.some((d: Diag) => d.code === 'name-spelling') && p.diagnostics.some((d: Diag) => d.code === 'copied-passage') && p;
    }, 20000, 'name and passage findings');
    const name: Diag = pushed.diagnostics.find((d: Diag) => d.code === 'name-spelling');
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: name.range.start });
    const md: string = h.contents.value;
    assert.match(md.split('\n')[0]!, /Name spelling/, `first section:\n${md.slice(0, 300)}`);
    assert.ok(/Copied passage/.test(md), 'the passage around it follows');
    assert.ok(!/\\[:._'"=@%$!.-]/.test(md.replace(/\]\(file:[^)]*\)/g, '')), `needless escapes:\n${md}`);
  });

  it('code actions: only for the finding under the cursor, titles name it, none repeated', async () => {
    const uri = c.open('story.md', NAME_IN_PASSAGE);
    const pushed = await c.until(() => {
      const p = latest(c, uri);
      return p && p.diagnostics.some((d: Diag) => d.code === 'name-spelling') && p;
    }, 20000, 'name finding');
    const name: Diag = pushed.diagnostics.find((d: Diag) => d.code === 'name-spelling');
    // Neovim sends every diagnostic of the line with the cursor as the range
    const at = async (pos: { line: number; character: number }) => {
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: pushed.diagnostics } });
      for (const a of actions) for (const d of a.diagnostics ?? []) assert.ok(intersectsCursor(d.range, pos), `${a.title} is about ${d.code}, away from the cursor`);
      return actions.map((a: { title: string }) => a.title) as string[];
    };
    // at the start of the line, inside the (faithful) quotation: no finding there
    const quote = await at({ line: 0, character: 3 });
    assert.ok(!quote.some((t) => /Odouya|Oduya|Coastline/.test(t)), `actions for findings away from the cursor: ${quote.join(' | ')}`);
    // on the name, which sits inside the copied passage: both findings, each action named
    const titles = await at(name.range.start);
    assert.ok(titles.length >= 2, titles.join(' | '));
    assert.equal(new Set(titles).size, titles.length, `repeated titles: ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => /^Ignore this spelling “Odouya” /.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => /^Ignore this copied passage “said Councillor Maren Odouya, who…” /.test(t)), titles.join(' | '));
    const accept = titles.find((t) => /^Accept “Odouya” as a house spelling/.test(t));
    assert.ok(accept && !accept.endsWith('…'), `the server command asks nothing: ${accept}`);
  });

  it('a reference file added to references/ is used without didChangeWatchedFiles (the server watches the folder)', async () => {
    assert.ok(!c.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const text = 'The harbour lighthouse on Gannet Point will be repainted in stripes of red and white before the spring regatta, the trust said.\n';
    const uri = c.open('light.txt', text, 'text');
    await c.until(() => latest(c, uri), 20000, 'first push');
    assert.ok(!latest(c, uri)!.diagnostics.some((d: Diag) => d.code === 'copied-passage'));
    writeFileSync(path.join(dir, 'references', 'trust-release.txt'), `Press release.\n\n${text}`);
    await c.until(() => latest(c, uri)?.diagnostics.some((d: Diag) => d.code === 'copied-passage'), 20000, 'the new reference used');
  });

  it('progress never says "Indexing 0 references" (a warm cache)', async () => {
    await c.until(() => c.progress.some((p) => p.value.kind === 'end'), 20000, 'first build');
    await c.stop();
    c = new TestClient(dir, { debounceMs: 30 }, { COPYDESK_CACHE_DIR: cacheDir });
    await c.start(true, NEOVIM_0_10);
    await c.until(() => c.progress.some((p) => p.value.kind === 'end'), 20000, 'second build');
    const messages = c.progress.map((p) => p.value.message ?? '');
    assert.ok(!messages.some((m) => /Indexing 0 /.test(m)), messages.join(' | '));
  });
});

function intersectsCursor(r: Diag, p: { line: number; character: number }): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(r.start, p) && le(p, r.end);
}

describe('language server: eglot 1.9 (string globs only; a refused registration)', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  beforeEach(() => {
    dir = workspace();
    c = new TestClient(dir, { debounceMs: 0, languages: ['markdown', 'text'] });
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('file watchers are absolute string globs for a client without relativePatternSupport', async () => {
    await c.start(true, EGLOT_1_9);
    const reg = await c.until(() => c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 20000, 'watchers registered');
    const globs = (reg.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((w) => w.globPattern);
    assert.ok(globs.length > 0);
    for (const g of globs) assert.ok(typeof g === 'string' && path.isAbsolute(g), `a string glob: ${JSON.stringify(g)}`);
    assert.ok(globs.includes(`${path.join(dir, 'references')}/**/*`), globs.join(' '));
  });

  it('watchers refused: the server watches references/ itself, and a new reference file is used', async () => {
    c.refuseRegistrations = true;
    await c.start(true, EGLOT_1_9);
    await c.until(() => c.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 20000, 'a registration asked for');
    const text = 'The harbour lighthouse on Gannet Point will be repainted in stripes of red and white before the spring regatta, the trust said.\n';
    const uri = c.open('light.txt', text, 'text');
    await c.until(() => latest(c, uri), 20000, 'first push');
    assert.ok(!latest(c, uri)!.diagnostics.some((d: Diag) => d.code === 'copied-passage'));
    writeFileSync(path.join(dir, 'references', 'trust-release.txt'), `Press release.\n\n${text}`);
    await c.until(() => latest(c, uri)?.diagnostics.some((d: Diag) => d.code === 'copied-passage'), 20000, 'the new reference used');
  });

  it('a `.md` file sent as `text` (eglot names one language per server) is read as Markdown', async () => {
    await c.start(true, EGLOT_1_9);
    const uri = c.open('draft.md', `# Draft\n\n<!-- ${LINKED.split('\n')[2]} -->\n`, 'text');
    const p = await c.until(() => latest(c, uri), 20000, 'first push');
    assert.deepEqual(p.diagnostics.map((d: Diag) => d.code), [], 'an HTML comment is not prose');
  });
});

describe('language server: lsp-mode 8.0 (a warning for every notification it has no handler for)', function () {
  this.timeout(60000);
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copydesk/checked and copydesk/indexStatus go only to a client that declares copydeskNotifications', async () => {
    dir = workspace();
    const clients = [new TestClient(dir, { debounceMs: 0 }), new TestClient(dir, { debounceMs: 0 })];
    const [lspMode, vscode] = clients as [TestClient, TestClient];
    try {
      await lspMode.start(true, LSP_MODE_8);
      await vscode.start(true, VSCODE);
      const uri = lspMode.open('article.md', readFileSync(path.join(dir, 'article.md'), 'utf8'));
      const p = await lspMode.until(() => (latest(lspMode, uri)?.diagnostics.length ? latest(lspMode, uri) : undefined), 20000, 'diagnostics pushed');
      assert.ok(p.diagnostics.some((d: Diag) => d.code === 'copied-passage'));
      const other = vscode.open('article.md', readFileSync(path.join(dir, 'article.md'), 'utf8'));
      await vscode.pull(other);
      await vscode.until(() => vscode.notifications.some((n) => n.method === 'copydesk/checked'), 20000, 'copydesk/checked to VS Code');
      assert.ok(vscode.notifications.some((n) => n.method === 'copydesk/indexStatus'));
      assert.deepEqual(lspMode.notifications.filter((n) => n.method.startsWith('copydesk/')), []);
    } finally {
      for (const c of clients) await c.stop();
    }
  });
});

describe('language server: lsp-mode 8.0 counts a position\'s character in code points (Emacs characters)', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  // two astral characters (4 UTF-16 code units, 2 code points) before the misspelt name on its line
  const TEXT = '"We will not let the crossings close for a single winter," said 🚢🚢 Councillor Maren Odouya, who chairs the transport committee.\n';
  const at = (s: string) => [...TEXT.slice(0, TEXT.indexOf(s))].length; // in code points
  beforeEach(() => {
    dir = workspace();
    c = new TestClient(dir, { debounceMs: 0 });
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('diagnostics, hover, code actions and their edits in code points; an edit\'s range read in code points', async () => {
    await c.start(true, LSP_MODE_8);
    const uri = c.open('quote.md', TEXT);
    const p = await c.until(() => latest(c, uri)?.diagnostics.some((d: Diag) => d.code === 'name-spelling') && latest(c, uri), 20000, 'name-spelling pushed');
    const name: Diag = p.diagnostics.find((d: Diag) => d.code === 'name-spelling');
    assert.deepEqual(name.range, { start: { line: 0, character: at('Odouya') }, end: { line: 0, character: at('Odouya') + 6 } });
    const cursor = { line: 0, character: at('Odouya') + 1 };
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: cursor });
    assert.match(hover?.contents?.value ?? '', /Name spelling/);
    // lsp-mode sends the diagnostics of the cursor's line as it got them
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: cursor, end: cursor }, context: { diagnostics: p.diagnostics } });
    const fix = actions.find((a: Diag) => a.title === 'Replace with "Oduya"');
    assert.ok(fix, actions.map((a: Diag) => a.title).join(' | '));
    const edit = fix.edit.documentChanges?.[0]?.edits?.[0] ?? (Object.values(fix.edit.changes ?? {}) as Diag[])[0]?.[0];
    assert.deepEqual(edit.range, name.range);
    // the fix applied as lsp-mode sends it: an incremental change, in code points
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    const after = await c.until(() => latest(c, uri)?.version === 2 && latest(c, uri), 20000, 'version 2 pushed');
    assert.deepEqual(after.diagnostics.filter((d: Diag) => d.code === 'name-spelling'), [], 'the server\'s text reads "Oduya"');
    const hoverAfter = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: at('Councillor') + 16 } });
    assert.doesNotMatch(hoverAfter?.contents?.value ?? '', /Name spelling/, 'no name-spelling finding left on "Oduya"');
  });

  it('a client that offers utf-32 in general.positionEncodings gets it, and says so', async () => {
    const r = (await c.start(true, { ...VSCODE, positionEncodings: ['utf-32', 'utf-16'] })) as { capabilities: { positionEncoding?: string } };
    assert.equal(r.capabilities.positionEncoding, 'utf-32');
    const uri = c.open('quote.md', TEXT);
    const report = await c.pull(uri);
    const name: Diag = report.items.find((d: Diag) => d.code === 'name-spelling');
    assert.equal(name.range.start.character, at('Odouya'));
  });
});

describe('language server: ALE 3.3.0 counts a position\'s character in UTF-8 bytes and shows hovers as plain text', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  // an emoji (4 bytes, 2 UTF-16 code units) and curly quotes (3 bytes, 1 unit each) before the misspelt name on its line
  const TEXT = '“We will not let the crossings close for a single winter,” said 🚢 Councillor Maren Odouya, who chairs the transport committee.\n';
  const at = (s: string) => Buffer.byteLength(TEXT.slice(0, TEXT.indexOf(s))); // in bytes
  beforeEach(() => {
    dir = workspace();
    c = new TestClient(dir, { debounceMs: 0 });
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('diagnostics, hover and code actions and their edits in bytes; the fix applied as ALE sends it (the whole text) clears the finding', async () => {
    const r = (await c.start(true, ALE_3_3)) as { capabilities: { positionEncoding?: string } };
    assert.equal(r.capabilities.positionEncoding, undefined, 'nothing declared, nothing answered');
    const uri = c.open('quote.md', TEXT);
    const p = await c.until(() => latest(c, uri)?.diagnostics.some((d: Diag) => d.code === 'name-spelling') && latest(c, uri), 20000, 'name-spelling pushed');
    const name: Diag = p.diagnostics.find((d: Diag) => d.code === 'name-spelling');
    assert.deepEqual(name.range, { start: { line: 0, character: at('Odouya') }, end: { line: 0, character: at('Odouya') + 6 } });
    const cursor = { line: 0, character: at('Odouya') + 1 };
    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: cursor });
    assert.equal(hover?.contents?.kind, 'plaintext');
    assert.match(hover.contents.value, /^Copydesk · Name spelling\n/);
    assert.doesNotMatch(hover.contents.value, /\*\*|\\/);
    // ALE sends the cursor's word as the range, and the nearest diagnostic of the line
    const word = { start: { line: 0, character: at('Odouya') }, end: { line: 0, character: at('Odouya') + 6 } };
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: word, context: { diagnostics: [{ code: name.code, message: name.message, range: name.range }] } });
    const fix = actions.find((a: Diag) => a.title === 'Replace with "Oduya"');
    assert.ok(fix, actions.map((a: Diag) => a.title).join(' | '));
    const edit = fix.edit.documentChanges?.[0]?.edits?.[0] ?? (Object.values(fix.edit.changes ?? {}) as Diag[])[0]?.[0];
    assert.deepEqual(edit.range, name.range);
    const bytes = Buffer.from(TEXT);
    const fixed = Buffer.concat([bytes.subarray(0, edit.range.start.character), Buffer.from(edit.newText), bytes.subarray(edit.range.end.character)]).toString();
    assert.ok(fixed.includes('said 🚢 Councillor Maren Oduya, who'), fixed);
    c.change(uri, fixed);
    const after = await c.until(() => latest(c, uri)?.version === 2 && latest(c, uri), 20000, 'version 2 pushed');
    assert.deepEqual(after.diagnostics.filter((d: Diag) => d.code === 'name-spelling'), []);
  });
});

describe('language server: lsp-mode 8.0 answers `{}` for a settings section nothing was registered for', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the settings in initializationOptions are used for what workspace/configuration leaves out', async () => {
    dir = workspace();
    renameSync(path.join(dir, 'references'), path.join(dir, 'sources'));
    c = new TestClient(dir, { references: ['sources/'], debounceMs: 0 });
    await c.start(true, { ...LSP_MODE_8, configuration: {} });
    const uri = c.open('article.md', readFileSync(path.join(dir, 'article.md'), 'utf8'));
    await c.until(() => latest(c, uri)?.diagnostics.some((d: Diag) => d.code === 'copied-passage'), 20000, 'a passage copied from sources/');
  });
});
