import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../../../src/core/engine';
import { proseView } from '../../../src/core/prose';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { fsMessage } from '../../../src/node/errors';
import { openIndex } from '../../../src/node/open-index';
import { commonRoot, expandInputs, globBase, loadReferences, toPosix } from '../../../src/node/references';

const FIX = path.resolve(__dirname, '../../fixtures/node');

describe('globBase / toPosix', () => {
  it('stops at the first wildcard segment; a literal path is its own base', () => {
    assert.equal(globBase('refs/wire/**/*.md'), 'refs/wire');
    assert.equal(globBase('/data/refs/{a,b}/x.md'), '/data/refs');
    assert.equal(globBase('refs\\wire\\*.md'), 'refs/wire');
    assert.equal(globBase('/data/refs (old)/notes'), '/data/refs (old)/notes');
    assert.equal(globBase('*.md'), '.');
    assert.equal(globBase('/*.md'), '/');
  });

  it('counts extglob marks as wildcards only when asked', () => {
    assert.equal(globBase('/data/refs/!(draft).md', true), '/data/refs');
    assert.equal(globBase('/data/refs (old)/*.md', true), '/data');
    assert.equal(globBase('/data/refs/!(draft).md'), '/data/refs/!(draft).md');
  });

  it('toPosix joins native segments with /', () => {
    assert.equal(toPosix(['a', 'b', 'c.md'].join(path.sep)), 'a/b/c.md');
  });
});

describe('loadReferences', () => {
  it('walks a folder recursively, keeps known extensions, ids relative to the folder', async () => {
    const { docs, errors, origins } = await loadReferences([path.join(FIX, 'refs')]);
    assert.deepEqual(
      docs.map((d) => d.id),
      ['nested/bad-front-matter.md', 'nested/deeper/notes.markdown', 'nested/release.md', 'wire.txt'],
    );
    // the .csv is skipped silently; the invalid front matter is a warning and the body is kept
    assert.deepEqual(
      errors.map((e) => [path.basename(e.path), e.severity]),
      [['bad-front-matter.md', 'warning']],
    );
    assert.match(errors[0]!.message, /invalid front matter/);
    const bad = docs.find((d) => d.id === 'nested/bad-front-matter.md')!;
    assert.equal(bad.text, 'The body of this story still counts: yachts were moved to the outer moorings overnight.\n');
    assert.deepEqual(bad.meta, {});
    assert.equal(origins.get('wire.txt')?.bodyStart, 0);
    assert.ok(origins.get('nested/release.md')!.bodyStart > 0);
  });

  it('a markdown reference is matched through its prose view (links, tags blanked), shown as written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-md-'));
    try {
      const body =
        'The harbour board will publish [its dredging plan](https://harbour.example.org/plans/dredging-2027) before the ' +
        'autumn storms, <b>the chair</b> told members on Tuesday evening.\n';
      writeFileSync(path.join(dir, 'board.md'), `---\noutlet: Harbour Board\n---\n${body}`);
      const { docs } = await loadReferences([dir]);
      const d = docs[0]!;
      assert.equal(d.text, body);
      assert.equal(d.matchText!.length, body.length);
      assert.ok(!d.matchText!.includes('https') && !d.matchText!.includes('<b>'), d.matchText);
      // an article that copies the sentence (its own link and markup blanked the same way) is a verbatim copy
      const article =
        'Readers asked. The harbour board will publish [its dredging plan](https://harbour.example.org/plans/dredging-2027) ' +
        'before the autumn storms, <b>the chair</b> told members on Tuesday evening.';
      const r = check(proseView(article, 'markdown'), ReferenceIndex.build(docs));
      const [f] = r.findings.filter((x) => x.rule === 'copied-passage');
      assert.equal(f!.match, 'verbatim');
      // the source span is in the file's text as written (the link target is part of it)
      assert.ok(f!.source!.text.includes('(https://harbour.example.org/plans/dredging-2027)'), f!.source!.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads markdown front matter into meta and uses the body as text', async () => {
    const { docs } = await loadReferences([path.join(FIX, 'refs/nested/release.md')]);
    assert.equal(docs.length, 1);
    const d = docs[0]!;
    assert.equal(d.id, 'release.md');
    assert.deepEqual(d.meta, {
      title: 'Fuel pontoon closed after spill',
      outlet: 'Kestrel Bay Harbour Board',
      author: 'Communications office',
      url: 'https://harbour.example.org/news/fuel-pontoon',
      date: '2026-02-02',
    });
    assert.equal(d.text, 'The fuel pontoon on the inner basin will stay closed until divers have inspected the supply line.\n');
  });

  it('expands globs (relative to cwd) and names a pattern that matches nothing', async () => {
    const { docs, errors } = await loadReferences(['refs/**/*.md', 'refs/*.nothing'], { cwd: FIX });
    assert.deepEqual(docs.map((d) => d.id).sort(), ['nested/bad-front-matter.md', 'nested/release.md']);
    assert.equal(docs[0]!.path.startsWith('refs/'), true);
    const noMatch = errors.filter((e) => e.severity === 'error');
    assert.deepEqual(noMatch.map((e) => e.path), ['refs/*.nothing']);
    assert.match(noMatch[0]!.message, /no files match/);
  });

  it('extracts the article from HTML: no script, nav, cookie banner or footer; meta from the page', async () => {
    const { docs, errors } = await loadReferences([path.join(FIX, 'page.html')]);
    assert.deepEqual(errors, []);
    const d = docs[0]!;
    assert.match(d.text, /passed its target of £85,000 three months early, the station’s fundraising committee said/);
    assert.match(d.text, /“Every one of those pounds came from people who know what the sea can do,” said the station’s helm/);
    for (const junk of ['do-not-index-me', 'tracker loaded', 'INJECTED BY SCRIPT', 'Sign in to your account', 'Accept cookies', 'Terms and conditions', 'font-family']) {
      assert.ok(!d.text.includes(junk), `"${junk}" should not be in the text:\n${d.text}`);
    }
    assert.equal(d.meta.outlet, 'Kestrel Bay Courier');
    assert.equal(d.meta.author, 'Hana Okafor');
    assert.equal(d.meta.date, '2026-01-09T08:00:00Z');
    assert.equal(d.meta.url, 'https://courier.example.org/news/lifeboat-appeal');
    assert.match(d.meta.title ?? '', /Lifeboat appeal passes target/);
    // paragraphs stay apart
    assert.ok(d.text.split('\n\n').length >= 4, d.text);
  });

  it('reports a missing file and still loads the others', async () => {
    const { docs, errors } = await loadReferences(['refs/wire.txt', 'refs/no-such-file.txt'], { cwd: FIX });
    assert.deepEqual(docs.map((d) => d.id), ['wire.txt']);
    assert.deepEqual(errors, [{ path: 'refs/no-such-file.txt', message: 'no such file or directory', severity: 'error' }]);
  });

  it('reports each binary file in a folder of binaries by name', async () => {
    const { docs, errors } = await loadReferences([path.join(FIX, 'binaries')]);
    assert.equal(docs.length, 0);
    assert.deepEqual(errors.map((e) => [path.basename(e.path), e.message]).sort(), [
      ['archive.md', 'binary file'],
      ['photo.txt', 'binary file'],
    ]);
  });

  it('skips an empty file with a warning', async () => {
    const { docs, errors } = await loadReferences([path.join(FIX, 'empty.txt'), path.join(FIX, 'refs/wire.txt')]);
    assert.deepEqual(docs.map((d) => d.id), ['refs/wire.txt']);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.severity, 'warning');
    assert.match(errors[0]!.message, /empty/);
  });

  it('reads an explicitly named file of unknown extension as text, and decodes cp1252', async () => {
    const { docs, errors } = await loadReferences(['unknown.story', 'cp1252-crlf.txt'], { cwd: FIX });
    assert.deepEqual(errors, []);
    assert.deepEqual(docs.map((d) => d.id), ['cp1252-crlf.txt', 'unknown.story']);
    assert.match(docs[0]!.text, /£120 a berth, the board’s report said\.\r\n“We cannot/);
  });

  it('ids are relative to the common root of several inputs', async () => {
    const { docs } = await loadReferences([path.join(FIX, 'refs/nested/release.md'), path.join(FIX, 'refs/wire.txt')]);
    assert.deepEqual(docs.map((d) => d.id), ['nested/release.md', 'wire.txt']);
    assert.equal(commonRoot(['/a/b/c', '/a/b/d/e', '/a/b']), path.resolve('/a/b'));
  });

  describe('on a scratch folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-refs-'));
    });
    afterEach(() => {
      try {
        chmodSync(path.join(dir, 'locked.txt'), 0o644);
      } catch {
        /* not there */
      }
      rmSync(dir, { recursive: true, force: true });
    });

    it('does not follow a symlink cycle, and names a self-referential link', async () => {
      mkdirSync(path.join(dir, 'a/b'), { recursive: true });
      writeFileSync(path.join(dir, 'a/b/story.txt'), 'A story about the ferry strike in the spring.\n');
      symlinkSync(path.join(dir, 'a'), path.join(dir, 'a/b/loop'));
      symlinkSync(path.join(dir, 'self.txt'), path.join(dir, 'self.txt'));
      const { docs, errors } = await loadReferences([dir]);
      assert.deepEqual(docs.map((d) => d.id), ['a/b/story.txt']);
      const byName = new Map(errors.map((e) => [path.basename(e.path), e]));
      assert.match(byName.get('loop')!.message, /cycle/);
      assert.match(byName.get('self.txt')!.message, /symlink loop|symbolic links/);
    });

    it('reads a file reached twice (a linked folder, a linked file, a folder and a file inside it, a path through a linked parent) once', async () => {
      mkdirSync(path.join(dir, 'set/a'), { recursive: true });
      writeFileSync(path.join(dir, 'set/a/story.txt'), 'A story about the ferry strike in the spring.\n');
      writeFileSync(path.join(dir, 'set/a/other.txt'), 'Another story, about the bridge tolls.\n');
      symlinkSync(path.join(dir, 'set/a'), path.join(dir, 'set/b'));
      symlinkSync(path.join(dir, 'set/a/story.txt'), path.join(dir, 'set/linked.txt'));
      symlinkSync(path.join(dir, 'set'), path.join(dir, 'via'));
      const { docs } = await loadReferences([path.join(dir, 'set'), path.join(dir, 'set/a/story.txt'), path.join(dir, 'via')]);
      assert.deepEqual(docs.map((d) => d.text.trim()).sort(), ['A story about the ferry strike in the spring.', 'Another story, about the bridge tolls.']);
    });

    it('rejects a file over the size limit and keeps the small one', async () => {
      writeFileSync(path.join(dir, 'big.txt'), 'word '.repeat(1000));
      writeFileSync(path.join(dir, 'small.txt'), 'A short note about the tide.\n');
      const { docs, errors } = await loadReferences([dir], { maxBytes: 1000 });
      assert.deepEqual(docs.map((d) => d.id), ['small.txt']);
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.message, /too large/);
      assert.equal(path.basename(errors[0]!.path), 'big.txt');
    });

    it('reports an unreadable file (EACCES) and loads the rest', async function () {
      writeFileSync(path.join(dir, 'locked.txt'), 'Nobody may read this file about the harbour.\n');
      writeFileSync(path.join(dir, 'open.txt'), 'Everybody may read this one about the harbour.\n');
      chmodSync(path.join(dir, 'locked.txt'), 0o000);
      if (typeof process.getuid === 'function' && process.getuid() === 0) {
        // root reads anything: check the message mapping instead of the file system
        assert.equal(fsMessage(Object.assign(new Error('x'), { code: 'EACCES' })), 'permission denied');
        const { docs } = await loadReferences([dir]);
        assert.ok(docs.some((d) => d.id === 'open.txt'));
        return;
      }
      const { docs, errors } = await loadReferences([dir]);
      assert.deepEqual(docs.map((d) => d.id), ['open.txt']);
      assert.deepEqual(errors.map((e) => [path.basename(e.path), e.message]), [['locked.txt', 'permission denied']]);
    });
  });
});

describe('expandInputs', () => {
  it('names a folder\'s files as path.join of the folder as written and the name, however the folder is written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cd-expand-'));
    try {
      mkdirSync(path.join(dir, 'refs', 'sub'), { recursive: true });
      writeFileSync(path.join(dir, 'refs', 'a.txt'), 'An invented line about the harbour.');
      writeFileSync(path.join(dir, 'refs', 'sub', 'b.md'), 'Another invented line.');
      for (const input of ['refs', './refs/', 'refs//sub/..', path.join(dir, 'refs') + path.sep, '.']) {
        const errors: { path: string; message: string }[] = [];
        const { candidates } = await expandInputs([input], dir, errors as never);
        assert.deepEqual(errors, [], input);
        const base = input === '.' ? 'refs' : input;
        assert.deepEqual(
          candidates.map((c) => [c.abs, c.shown]),
          [
            [path.resolve(dir, base, 'a.txt'), path.join(base, 'a.txt')],
            [path.resolve(dir, base, 'sub', 'b.md'), path.join(base, 'sub', 'b.md')],
          ],
          input,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('openIndex', () => {
  // this test is about building from files; the persisted cache (cache.ts) has its own tests
  let saved: string | undefined;
  before(() => {
    saved = process.env.COPYDESK_CACHE;
    process.env.COPYDESK_CACHE = 'off';
  });
  after(() => {
    if (saved === undefined) delete process.env.COPYDESK_CACHE;
    else process.env.COPYDESK_CACHE = saved;
  });

  it('indexes the loaded documents and reports progress for reading and indexing', async () => {
    const seen: string[] = [];
    const { index, docs, errors } = await openIndex([path.join(FIX, 'refs'), path.join(FIX, 'binary.txt')], {
      onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total}`),
    });
    assert.equal(index.documentCount, docs.length);
    assert.equal(docs.length, 4);
    assert.ok(index.byId('refs/wire.txt'));
    assert.ok(errors.some((e) => e.message === 'binary file'));
    assert.equal(seen[0], 'read:0/5');
    assert.ok(seen.includes('read:5/5'));
    assert.equal(seen[seen.length - 1], 'index:4/4');
  });
});
