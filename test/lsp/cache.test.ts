// The persisted reference index over the real server: a page of the cache file that fails its
// checksum when first read (lazily, mid-check) makes the server rebuild the index and ask the client
// to pull again; the diagnostics after the rebuild equal those before the damage. A reference file
// changed while no server ran is found by the check of the files after the first report, and the
// index is rebuilt.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, SERVER, TestClient } from './client';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'e2e');
const essentials = (items: { code: unknown; message: string; range: unknown }[]) => items.map((d) => ({ code: d.code, message: d.message, range: d.range }));

/** file byte range of a named array of an index file (from its directory) */
function arrayRange(bytes: Buffer, name: string): [number, number] {
  const dirOffset = bytes.readUInt32LE(40);
  const dirLength = bytes.readUInt32LE(44);
  const dir = JSON.parse(bytes.subarray(40 + dirOffset, 40 + dirOffset + dirLength).toString('utf8'));
  const a = dir.arrays.find((x: { name: string }) => x.name === name);
  assert.ok(a, `array ${name} in the index file`);
  return [40 + a.offset, 40 + a.offset + a.length * (a.kind === 'u32' ? 4 : 1)];
}

describe('language server: the persisted index', function () {
  this.timeout(60000);
  let dir: string;
  let cacheDir: string;
  const clients: TestClient[] = [];

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js missing: run node esbuild.js first');
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'copydesk-lsp-cache-'));
    cacheDir = mkdtempSync(path.join(tmpdir(), 'copydesk-lsp-cachedir-'));
    cpSync(FIXTURES, dir, { recursive: true });
    // enough filler references that the postings fill pages of their own, read only when a check needs them
    const words = ['harbour', 'council', 'ferry', 'timetable', 'budget', 'strike', 'minister', 'pier', 'tide', 'route', 'ticket', 'crew', 'storm', 'vote', 'depot', 'fuel'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
    for (let f = 0; f < 120; f++) {
      const sentences: string[] = [];
      for (let k = 0; k < 30; k++) sentences.push(Array.from({ length: 10 }, () => words[next() % words.length]).join(' ') + ` ${next() % 1000}.`);
      writeFileSync(path.join(dir, 'references', `filler-${f}.txt`), sentences.join(' '));
    }
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const readyCount = (c: TestClient) =>
    c.notifications.filter((n) => n.method === 'copydesk/indexStatus' && (n.params as { state: string }).state === 'ready').length;

  it('corrupt postings pages found mid-check: the pull is cancelled, the index is rebuilt, the next pull gives the same diagnostics', async () => {
    const article = readFileSync(path.join(dir, 'article.md'), 'utf8');
    // first session: builds and saves the cache
    const first = new TestClient(dir, { debounceMs: 0 }, { COPYDESK_CACHE_DIR: cacheDir });
    clients.push(first);
    await first.start();
    const before = await first.pull(first.open('article.md', article));
    assert.ok(before.items.some((d: { code: string }) => d.code === 'copied-passage'), 'the fixture has a copied passage');
    await first.stop();
    clients.splice(0);

    const files = readdirSync(cacheDir).filter((f) => f.startsWith('refs-'));
    assert.equal(files.length, 1, 'one cache file saved');
    const file = path.join(cacheDir, files[0]!);
    const bytes = readFileSync(file);
    const [from, to] = arrayRange(bytes, 'seg0.postDoc');
    // every 4 KiB page that holds postings only (a page shared with the arrays read at open would be found at open)
    let damaged = 0;
    for (let i = Math.ceil(from / 4096) * 4096; i + 4096 <= to; i += 4096, damaged++) bytes[i + 100]! ^= 0x40;
    assert.ok(damaged >= 3, `${damaged} postings pages damaged`);
    writeFileSync(file, bytes);

    // second session reads the file lazily: the damage is found by the first check
    const c = new TestClient(dir, { debounceMs: 0 }, { COPYDESK_CACHE_DIR: cacheDir, COPYDESK_CACHE_EAGER_BYTES: '0' });
    clients.push(c);
    await c.start();
    await c.until(() => readyCount(c) >= 1, 15000, 'the index opened from the cache');
    const uri = c.open('article.md', article);
    await assert.rejects(c.pull(uri), (e: { code?: number; message?: string }) => e.code === -32802 && /damaged/.test(e.message ?? ''));
    await c.until(() => readyCount(c) >= 2, 30000, 'the rebuilt index');
    await c.until(() => c.refreshes > 0, 5000, 'a refresh request after the rebuild');
    const after = await c.pull(uri);
    assert.deepEqual(essentials(after.items), essentials(before.items));
    assert.match(c.stderr + JSON.stringify(c.notifications), /damaged/);
  });

  it('a reference changed while the server was down: the first report comes from the persisted index, then the files are checked, the index rebuilt and the client asked to pull again', async () => {
    const article = readFileSync(path.join(dir, 'article.md'), 'utf8');
    const first = new TestClient(dir, { debounceMs: 0 }, { COPYDESK_CACHE_DIR: cacheDir });
    clients.push(first);
    await first.start();
    const before = await first.pull(first.open('article.md', article));
    const copied = before.items.filter((d: { code: string }) => d.code === 'copied-passage');
    assert.ok(copied.length > 0, 'the fixture has a copied passage');
    await first.stop();
    clients.splice(0);

    // every reference file the copied passages cite is removed (its words are gone from what the article can match)
    const cited = readdirSync(path.join(dir, 'references')).filter((f) => JSON.stringify(copied).includes(f));
    assert.ok(cited.length > 0, 'the passages name their reference files');
    for (const f of cited) rmSync(path.join(dir, 'references', f));

    const c = new TestClient(dir, { debounceMs: 0 }, { COPYDESK_CACHE_DIR: cacheDir });
    clients.push(c);
    await c.start();
    const uri = c.open('article.md', article);
    await c.pull(uri);
    await c.until(() => readyCount(c) >= 2, 30000, 'the index rebuilt once the files were checked');
    await c.until(() => c.refreshes > 0, 5000, 'a refresh request after the rebuild');
    const after = await c.pull(uri);
    for (const f of cited) assert.ok(!JSON.stringify(after.items).includes(f), `${f} is no longer cited`);
    assert.match(c.stderr + JSON.stringify(c.notifications), /reference files changed since the index was saved/);
  });
});
