// A large index's first check (COPYDESK_PARTIAL_MIN_WORDS, src/server/pull.ts): the pull is answered with the
// copied-passage findings as soon as that rule has run, then the client is asked to pull again (VS Code)
// or the full report is pushed (Neovim 0.10, Emacs); what it ends with equals a server that answers once.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EGLOT_1_9, NEOVIM_0_10, REPO, SERVER, TestClient, VSCODE, type ClientKind } from './client';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'e2e');
type Diag = { code: string; message: string; range: unknown; data: { fingerprint: string } };
const essentials = (items: Diag[]) => items.map((d) => ({ code: d.code, message: d.message, range: d.range, fingerprint: d.data.fingerprint }));
/** every index is "large": partial first reports on */
const PARTIAL = { COPYDESK_PARTIAL_MIN_WORDS: '0' };

describe('language server: a first partial report, then the full one', function () {
  this.timeout(60000);
  let dir: string;
  let article: string;
  const clients: TestClient[] = [];
  const client = async (env: Record<string, string>, kind: ClientKind = VSCODE) => {
    const c = new TestClient(dir, { debounceMs: 0 }, env);
    clients.push(c);
    await c.start(true, kind);
    return c;
  };

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js missing: run node esbuild.js first');
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'copydesk-partial-'));
    cpSync(FIXTURES, dir, { recursive: true });
    article = readFileSync(path.join(dir, 'article.md'), 'utf8');
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The full report of a server that answers the first pull once (small index: no partial). */
  async function once(): Promise<Diag[]> {
    const c = await client({});
    const r = await c.pull(c.open('article.md', article));
    assert.ok(!String(r.resultId).endsWith(':partial'));
    return r.items;
  }

  it('pull (VS Code): copied passages first, a refresh, then the full report; the next pull is unchanged', async () => {
    const want = await once();
    assert.ok(want.some((d) => d.code === 'copied-passage') && want.some((d) => d.code !== 'copied-passage'), 'the fixture has both');
    const c = await client(PARTIAL);
    const uri = c.open('article.md', article);
    const first = await c.pull(uri);
    assert.match(String(first.resultId), /:partial$/);
    assert.deepEqual(essentials(first.items), essentials(want.filter((d) => d.code === 'copied-passage')));
    await c.until(() => c.refreshes > 0, 20000, 'a refresh');
    const second = await c.pull(uri);
    assert.equal(second.kind, 'full');
    assert.doesNotMatch(String(second.resultId), /:partial$/);
    assert.deepEqual(essentials(second.items), essentials(want));
    const third = await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: second.resultId });
    assert.equal((third as { kind: string }).kind, 'unchanged');
    // copydesk/checked is sent for the full report only
    const checked = c.notifications.filter((n) => n.method === 'copydesk/checked');
    assert.equal(checked.length, 1);
    assert.equal((checked[0]!.params as { findings: number }).findings, want.length);
    // the index is warm now: an edit, and another document, are answered once
    c.change(uri, `${article}\nOne more line.\n`);
    assert.doesNotMatch(String((await c.pull(uri)).resultId), /:partial$/);
    assert.doesNotMatch(String((await c.pull(c.open('notes.md', article))).resultId), /:partial$/);
  });

  it('pull: a second pull while the rest of the check runs waits for it and gets the full report', async () => {
    const want = await once();
    const c = await client(PARTIAL);
    const uri = c.open('article.md', article);
    const first = await c.pull(uri);
    assert.match(String(first.resultId), /:partial$/);
    const second = await c.pull(uri);
    assert.deepEqual(essentials(second.items), essentials(want));
  });

  for (const [name, kind] of [
    ['Neovim 0.10', NEOVIM_0_10],
    ['eglot 1.9', EGLOT_1_9],
  ] as const) {
    it(`push (${name}): the copied passages are published, then every finding`, async () => {
      const want = await once();
      const c = await client(PARTIAL, kind);
      const uri = c.open('article.md', article);
      const all = await c.until(() => c.published.find((p) => p.uri === uri && p.diagnostics.length === want.length), 20000, 'the full push');
      const mine = c.published.filter((p) => p.uri === uri && p.diagnostics.length > 0);
      assert.deepEqual(essentials(mine[0]!.diagnostics), essentials(want.filter((d) => d.code === 'copied-passage')));
      assert.deepEqual(essentials(all.diagnostics), essentials(want));
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(essentials(c.published.filter((p) => p.uri === uri).at(-1)!.diagnostics), essentials(want), 'the full report is the last published');
    });
  }
});
