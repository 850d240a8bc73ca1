import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../../../src/core/engine';
import { CodecError, decodeIndex, encodeIndex } from '../../../src/core/index-codec';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { cacheFileFor, defaultCacheDir, openCachedIndex, pruneCacheDir, readCacheFile } from '../../../src/node/cache';
import { DEFAULT_MAX_BYTES, loadReferences } from '../../../src/node/references';
import { articleFrom, arrayRange, referenceSet, rng, story } from './helpers';

const CHILD = path.join(__dirname, 'child-open.ts');

async function writeSet(dir: string, n: number, seed = 3): Promise<void> {
  await fsp.mkdir(path.join(dir, 'wire'), { recursive: true });
  const docs = referenceSet(seed, n);
  await Promise.all(
    docs.map((d, i) =>
      fsp.writeFile(path.join(dir, i % 3 === 0 ? '' : 'wire', `story-${String(i).padStart(3, '0')}.md`), `---\ntitle: ${d.meta.title}\noutlet: ${d.meta.outlet}\n---\n${d.text}\n`),
    ),
  );
}

/** What a run without the cache gives: the reference of correctness. */
async function freshOpen(dir: string) {
  const { docs, errors, origins } = await loadReferences([dir]);
  return { index: ReferenceIndex.build(docs), docs, errors, origins };
}

function summary(r: { docs: { id: string; text: string; meta: unknown }[]; errors: { path: string; message: string }[] }) {
  return {
    docs: r.docs.map((d) => [d.id, d.text, d.meta]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    errors: r.errors.map((e) => `${e.path}: ${e.message}`).sort(),
  };
}

function findingsKey(text: string, index: ReferenceIndex): string {
  const r = check(text, index);
  return JSON.stringify({ o: r.originality, w: r.words, s: r.sources, f: r.findings.map((f) => JSON.stringify(f)).sort() });
}

async function sameAsFresh(
  dir: string,
  got: { index: ReferenceIndex; docs: { id: string; text: string; meta: unknown }[]; errors: { path: string; message: string }[]; origins: Map<string, unknown> },
  article: string,
) {
  const fresh = await freshOpen(dir);
  assert.deepEqual(summary(got), summary(fresh));
  assert.deepEqual([...got.origins].sort(), [...fresh.origins].sort());
  assert.deepEqual(
    [...got.docs].sort((a, b) => a.id.localeCompare(b.id)).map((d) => ({ ...d })),
    [...fresh.docs].sort((a, b) => a.id.localeCompare(b.id)).map((d) => ({ ...d })),
    'the docs are what the loader gives',
  );
  assert.deepEqual(got.index.stats().documents, fresh.index.stats().documents);
  assert.equal(got.index.wordCount, fresh.index.wordCount);
  assert.equal(findingsKey(article, got.index), findingsKey(article, fresh.index));
}

function runChild(args: string[]): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>; child: ReturnType<typeof spawn>; onLine: (f: (l: string) => void) => void } {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD, ...args], { cwd: path.join(__dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners: ((l: string) => void)[] = [];
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    for (const l of b.toString().split('\n')) if (l) listeners.forEach((f) => f(l));
  });
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, out, err })),
  );
  return { done, child, onLine: (f) => listeners.push(f) };
}

describe('reference index cache', function () {
  this.timeout(120_000);
  let tmp: string;
  let refs: string;
  let cacheDir: string;

  beforeEach(async () => {
    tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'copydesk-cache-'));
    refs = path.join(tmp, 'refs');
    cacheDir = path.join(tmp, 'cache');
    await writeSet(refs, 24);
  });
  afterEach(async () => {
    await fsp.rm(tmp, { recursive: true, force: true });
  });

  it('builds, then hits; change, add and remove update it incrementally and match a fresh load', async () => {
    const article = articleFrom(referenceSet(3, 24), 5);
    const first = await openCachedIndex([refs], { cacheDir });
    assert.equal(first.cache.status, 'built');
    assert.ok(first.cache.written);
    await sameAsFresh(refs, first, article);

    const second = await openCachedIndex([refs], { cacheDir });
    assert.equal(second.cache.status, 'hit');
    assert.equal(second.cache.reread, 0);
    assert.equal(second.cache.written, false);
    await sameAsFresh(refs, second, article);

    // change one file (new content, so new size), add one, remove one
    const r = rng(99);
    await fsp.writeFile(path.join(refs, 'wire', 'story-001.md'), `---\ntitle: Changed\n---\n${story(r, 6)}\n`);
    await fsp.writeFile(path.join(refs, 'wire', 'story-new.md'), `${story(r, 3)}\n`);
    await fsp.rm(path.join(refs, 'story-003.md'));
    const third = await openCachedIndex([refs], { cacheDir });
    assert.equal(third.cache.status, 'updated');
    assert.equal(third.cache.reread, 2);
    assert.equal(third.cache.removed, 2, 'the changed and the removed file’s documents');
    await sameAsFresh(refs, third, article);
    assert.ok(third.index.byId('wire/story-new.md'));
    assert.equal(third.index.byId('story-003.md'), undefined);
    assert.equal(third.index.byId('wire/story-001.md')!.meta.title, 'Changed');

    // and the saved state is what the next run sees
    const fourth = await openCachedIndex([refs], { cacheDir });
    assert.equal(fourth.cache.status, 'hit');
    await sameAsFresh(refs, fourth, article);
  });

  it('a touched but unchanged file costs a hash, not a re-read; same-size edits are caught by the hash', async () => {
    await openCachedIndex([refs], { cacheDir });
    const f = path.join(refs, 'wire', 'story-002.md');
    const later = new Date(Date.now() + 5000);
    await fsp.utimes(f, later, later);
    const touched = await openCachedIndex([refs], { cacheDir });
    assert.equal(touched.cache.status, 'hit');
    assert.equal(touched.cache.reread, 0);
    assert.ok(touched.cache.written, 'the new mtime is recorded');
    // same size, different bytes, same mtime as recorded → caught only by size+mtime+hash rules
    const text = await fsp.readFile(f, 'utf8');
    const swapped = text.replace(/story/i, (m) => (m === 'Story' ? 'STORY' : 'Story'));
    assert.equal(swapped.length, text.length);
    await fsp.writeFile(f, swapped);
    const even = new Date(Date.now() + 10_000);
    await fsp.utimes(f, even, even);
    const edited = await openCachedIndex([refs], { cacheDir });
    assert.equal(edited.cache.reread, 1);
    await sameAsFresh(refs, edited, articleFrom(referenceSet(3, 24), 2));
  });

  it('replays the warnings of unchanged files and retries files that failed', async () => {
    await fsp.writeFile(path.join(refs, 'bad-front.md'), '---\ntitle: [unclosed\n---\nThe harbour board met on Tuesday and agreed a new pay offer for the dockers.\n');
    await fsp.writeFile(path.join(refs, 'empty.txt'), '   \n');
    await fsp.writeFile(path.join(refs, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const fresh = await freshOpen(refs);
    assert.ok(fresh.errors.length >= 2);
    const a = await openCachedIndex([refs], { cacheDir });
    const b = await openCachedIndex([refs], { cacheDir });
    assert.deepEqual(summary(a).errors, summary(fresh).errors);
    assert.deepEqual(summary(b).errors, summary(fresh).errors);
    assert.equal(b.cache.status, fresh.errors.some((e) => e.severity === 'error') ? 'updated' : 'hit');
    // retrying a file that fails again changes nothing: the cache file is not rewritten
    assert.ok(fresh.errors.some((e) => e.severity === 'error'), 'the set has a file that fails');
    assert.equal(b.cache.written, false);
    const c = await openCachedIndex([refs], { cacheDir });
    assert.equal(c.cache.written, false);
    await sameAsFresh(refs, c, articleFrom(referenceSet(3, 24), 4));
  });

  it('an open that defers the stats gives what a checked one gives; its verify notices a change, an addition, a removal and a touch', async () => {
    await fsp.writeFile(path.join(refs, 'bad-front.md'), '---\ntitle: [unclosed\n---\nThe harbour board met on Tuesday and agreed a new pay offer for the dockers.\n');
    await fsp.writeFile(path.join(refs, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    const article = articleFrom(referenceSet(3, 24), 6);
    // no cache file yet: the checked open (which builds it), nothing left to verify
    const built = await openCachedIndex([refs], { cacheDir, deferFreshness: true });
    assert.equal(built.cache.status, 'built');
    assert.equal(built.verify, undefined);
    const opened = async () => {
      const r = await openCachedIndex([refs], { cacheDir, deferFreshness: true });
      assert.equal(r.cache.status, 'hit');
      assert.equal(r.cache.reread, 0, 'no file read');
      assert.ok(r.verify, 'used unchecked');
      return r;
    };
    const d = await opened();
    await sameAsFresh(refs, d, article);
    assert.ok(summary(d).errors.some((e) => /binary/.test(e)) && summary(d).errors.some((e) => /bad-front/.test(e)), 'the failed file and the warning are reported');
    assert.equal(await d.verify!(), true, 'nothing changed');

    const r = rng(41);
    const stale = async (what: string, change: () => Promise<void>) => {
      const before = await opened();
      await change();
      assert.equal(await before.verify!(), false, `${what}: noticed`);
      // the open the server then does: checked, and it updates the cache
      const checked = await openCachedIndex([refs], { cacheDir });
      await sameAsFresh(refs, checked, article);
      const after = await opened();
      assert.equal(await after.verify!(), true, `${what}: the updated cache is fresh`);
      await sameAsFresh(refs, after, article);
    };
    await stale('a longer file', () => fsp.appendFile(path.join(refs, 'wire', 'story-001.md'), `\n${story(r, 2)}\n`));
    await stale('a new file', () => fsp.writeFile(path.join(refs, 'wire', 'story-new.md'), `${story(r, 3)}\n`));
    await stale('a removed file', () => fsp.rm(path.join(refs, 'story-003.md')));
    await stale('a touched file', async () => {
      const later = new Date(Date.now() + 5000);
      await fsp.utimes(path.join(refs, 'wire', 'story-002.md'), later, later);
    });
    await stale('a failed file fixed', () => fsp.writeFile(path.join(refs, 'binary.txt'), `${story(r, 2)}\n`));
  });

  it('a cache file with the previous manifest (version 2, the file table in the directory) is rebuilt, not misread', async () => {
    const first = await openCachedIndex([refs], { cacheDir });
    const { file, key } = cacheFileFor(cacheDir, [refs], process.cwd(), DEFAULT_MAX_BYTES);
    // the same index, with the manifest an older Copydesk wrote: every file as it is now
    const files = await Promise.all(
      first.docs.map(async (doc) => {
        const abs = path.resolve(doc.path);
        const st = await fsp.stat(abs);
        return { abs, shown: doc.path, size: st.size, mtimeMs: st.mtimeMs, sha1: '', ids: [doc.id], origins: [first.origins.get(doc.id)], warnings: [] };
      }),
    );
    for (const deferFreshness of [true, false]) {
      await fsp.writeFile(file, encodeIndex(first.index, { kind: 'copydesk-reference-cache', version: 2, key, root: refs, maxBytes: DEFAULT_MAX_BYTES, files }));
      const r = await openCachedIndex([refs], { cacheDir, deferFreshness });
      assert.equal(r.cache.status, 'rebuilt', `deferFreshness ${deferFreshness}`);
      assert.match(r.cache.reason ?? '', /not a reference-set cache/);
      assert.equal(r.verify, undefined);
      await sameAsFresh(refs, r, articleFrom(referenceSet(3, 24), 8));
    }
  });

  for (const [name, damage] of [
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['garbage', (b: Buffer) => Buffer.from(b.map((_, i) => (i * 73 + 11) & 255))],
    ['wrong version', (b: Buffer) => {
      const c = Buffer.from(b);
      c.writeUInt32LE(999, 8);
      return c;
    }],
    ['bit flip in the postings', (b: Buffer) => {
      const c = Buffer.from(b);
      c[Math.floor(c.length / 3)]! ^= 0x40;
      return c;
    }],
    ['empty', () => Buffer.alloc(0)],
  ] as const) {
    it(`cache file: ${name} — is detected and rebuilt, never trusted`, async () => {
      await openCachedIndex([refs], { cacheDir });
      const { file } = cacheFileFor(cacheDir, [refs], process.cwd(), DEFAULT_MAX_BYTES);
      await fsp.writeFile(file, damage(await fsp.readFile(file)));
      const r = await openCachedIndex([refs], { cacheDir });
      assert.equal(r.cache.status, 'rebuilt');
      assert.ok(r.cache.reason, 'says why');
      assert.ok(r.cache.written);
      await sameAsFresh(refs, r, articleFrom(referenceSet(3, 24), 7));
      const again = await readCacheFile(file);
      assert.ok(again.index, `the rewritten cache decodes (${again.reason})`);
    });
  }


  it('a big cache file is read lazily and gives what a fresh load gives', async () => {
    await openCachedIndex([refs], { cacheDir });
    const r = await openCachedIndex([refs], { cacheDir, eagerBytes: 0 });
    assert.equal(r.cache.status, 'hit');
    await sameAsFresh(refs, r, articleFrom(referenceSet(3, 24), 7));
    // and updates from it as from a fully read one
    await fsp.writeFile(path.join(refs, 'wire', 'story-late.md'), story(rng(9), 4));
    await fsp.rm(path.join(refs, 'story-000.md'));
    const u = await openCachedIndex([refs], { cacheDir, eagerBytes: 0 });
    assert.equal(u.cache.status, 'updated');
    await sameAsFresh(refs, u, articleFrom(referenceSet(3, 24), 5));
    const again = await openCachedIndex([refs], { cacheDir, eagerBytes: 0 });
    assert.equal(again.cache.status, 'hit');
    await sameAsFresh(refs, again, articleFrom(referenceSet(3, 24), 5));
  });

  for (const name of ['seg0.postDoc', 'tokTerms', 'texts']) {
    it(`a lazily read cache file with a corrupt page (${name}): opens, throws CodecError where the page is first used, is removed, and the next run rebuilds`, async () => {
      await openCachedIndex([refs], { cacheDir });
      const { file } = cacheFileFor(cacheDir, [refs], process.cwd(), DEFAULT_MAX_BYTES);
      const bytes = await fsp.readFile(file);
      const [from, to] = arrayRange(bytes, name);
      bytes[Math.floor((from + to) / 2)]! ^= 0x40;
      await fsp.writeFile(file, bytes);
      const r = await openCachedIndex([refs], { cacheDir, eagerBytes: 0 });
      assert.equal(r.cache.status, 'hit', 'the damaged page is not read at open');
      assert.throws(() => {
        r.index.materialize();
        for (const d of r.docs) void d.text;
      }, CodecError);
      await assert.rejects(fsp.stat(file), 'the damaged file is removed');
      const next = await openCachedIndex([refs], { cacheDir, eagerBytes: 0 });
      assert.equal(next.cache.status, 'built');
      await sameAsFresh(refs, next, articleFrom(referenceSet(3, 24), 7));
      // read whole at open (the default for small files), the same damage is found at once
      const b2 = await fsp.readFile(file);
      b2[Math.floor((from + to) / 2)]! ^= 0x40;
      await fsp.writeFile(file, b2);
      const eager = await openCachedIndex([refs], { cacheDir });
      assert.equal(eager.cache.status, 'rebuilt');
      assert.match(eager.cache.reason ?? '', /checksum/);
    });
  }

  it('a lazily read cache file replaced by another run meanwhile is still read whole and consistent', async () => {
    await openCachedIndex([refs], { cacheDir });
    const first = await openCachedIndex([refs], { cacheDir, eagerBytes: 0 });
    const article = articleFrom(referenceSet(3, 24), 6);
    const before = findingsKey(article, (await freshOpen(refs)).index);
    // another run changes the set and renames a new cache file over the one being read
    await fsp.writeFile(path.join(refs, 'wire', 'story-001.md'), story(rng(11), 5));
    const other = await openCachedIndex([refs], { cacheDir });
    assert.equal(other.cache.status, 'updated');
    assert.ok(other.cache.written);
    // the first reader still sees the file it opened
    assert.equal(findingsKey(article, first.index), before);
    first.index.materialize();
    for (const d of first.docs) void d.text;
    assert.equal(findingsKey(article, first.index), before);
  });

  it('a cache that cannot be written is a warning; the index is still returned', async () => {
    const blocker = path.join(tmp, 'not-a-dir');
    await fsp.writeFile(blocker, 'x');
    const r = await openCachedIndex([refs], { cacheDir: path.join(blocker, 'cache') });
    assert.equal(r.docs.length, 24);
    assert.ok(r.errors.some((e) => /could not save the reference index cache/.test(e.message)));
  });

  it('two concurrent runs sharing a cache leave a valid cache', async () => {
    await writeSet(refs, 150, 4);
    const a = runChild([cacheDir, refs]);
    const b = runChild([cacheDir, refs]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    assert.equal(ra.code, 0, ra.err);
    assert.equal(rb.code, 0, rb.err);
    const sa = JSON.parse(ra.out.trim());
    const sb = JSON.parse(rb.out.trim());
    assert.equal(sa.docs, 150);
    assert.equal(sb.docs, 150);
    const { file } = cacheFileFor(cacheDir, [refs], path.join(__dirname, '..', '..', '..'), DEFAULT_MAX_BYTES);
    const read = await readCacheFile(file);
    assert.ok(read.index, read.reason);
    const names = await fsp.readdir(cacheDir);
    assert.deepEqual(names.filter((n) => n.includes('.tmp-')), [], 'no temp files left');
    const third = await openCachedIndex([refs], { cacheDir, cwd: path.join(__dirname, '..', '..', '..') });
    assert.equal(third.cache.status, 'hit');
    await sameAsFresh(refs, third, articleFrom(referenceSet(4, 150), 1));
  });

  it('a run SIGKILLed while writing leaves no corrupt cache: the next run detects it and rebuilds or updates', async () => {
    const cwd = path.join(__dirname, '..', '..', '..');
    // 1. no cache yet, killed mid-write
    const killed = runChild([cacheDir, refs, '--hang-mid-write']);
    killed.onLine((l) => {
      if (l === 'MID') killed.child.kill('SIGKILL');
    });
    const k = await killed.done;
    assert.equal(k.signal, 'SIGKILL', k.err);
    const { file } = cacheFileFor(cacheDir, [refs], cwd, DEFAULT_MAX_BYTES);
    const names = await fsp.readdir(cacheDir);
    assert.ok(names.some((n) => n.includes('.tmp-')), 'the killed writer left its temp file');
    assert.ok(!names.includes(path.basename(file)), 'but no cache file');
    const next = await openCachedIndex([refs], { cacheDir, cwd });
    assert.equal(next.cache.status, 'built');
    await sameAsFresh(refs, next, articleFrom(referenceSet(3, 24), 3));

    // 2. a valid cache exists, the set changes, the updating run is killed mid-write
    await fsp.writeFile(path.join(refs, 'wire', 'story-late.md'), story(rng(5), 4));
    const killed2 = runChild([cacheDir, refs, '--hang-mid-write']);
    killed2.onLine((l) => {
      if (l === 'MID') killed2.child.kill('SIGKILL');
    });
    assert.equal((await killed2.done).signal, 'SIGKILL');
    const after = await readCacheFile(file);
    assert.ok(after.index, 'the previous cache is intact');
    const next2 = await openCachedIndex([refs], { cacheDir, cwd });
    assert.equal(next2.cache.status, 'updated');
    assert.equal(next2.cache.reread, 1);
    await sameAsFresh(refs, next2, articleFrom(referenceSet(3, 24), 4));

    // stale temp files are pruned
    await pruneCacheDir(cacheDir, 0);
    assert.deepEqual((await fsp.readdir(cacheDir)).filter((n) => n.includes('.tmp-')), []);
  });

  it('the cache folder follows XDG_CACHE_HOME, COPYDESK_CACHE_DIR and the OS conventions', () => {
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u'), path.join('/x/cache', 'copydesk'));
    assert.equal(defaultCacheDir({}, 'linux', '/home/u'), path.join('/home/u', '.cache', 'copydesk'));
    assert.equal(defaultCacheDir({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u'), path.join('/home/u', '.cache', 'copydesk'));
    assert.equal(defaultCacheDir({}, 'darwin', '/Users/u'), path.join('/Users/u', 'Library', 'Caches', 'copydesk'));
    assert.equal(defaultCacheDir({ COPYDESK_CACHE_DIR: '/tmp/cd' }, 'linux', '/home/u'), path.resolve('/tmp/cd'));
  });

  it('the loaded index is the one saved (decodeIndex of the file equals the run’s index)', async () => {
    const r = await openCachedIndex([refs], { cacheDir });
    const { file } = cacheFileFor(cacheDir, [refs], process.cwd(), DEFAULT_MAX_BYTES);
    const { index } = decodeIndex(new Uint8Array(await fsp.readFile(file)));
    assert.deepEqual(index.stats(), r.index.stats());
  });
});
