import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expandArticles, readArticle } from '../../../src/node/articles';
import { discoverWorkspace } from '../../../src/node/workspace';

const FIX = path.resolve(__dirname, '../../fixtures/node');

describe('workspace and articles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-ws-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the nearest .copydesk/names.txt and ignore.json walking up', async () => {
    mkdirSync(path.join(dir, '.copydesk'));
    mkdirSync(path.join(dir, 'desk/stories/.copydesk'), { recursive: true });
    writeFileSync(path.join(dir, '.copydesk/names.txt'), 'Outer Name\n');
    writeFileSync(path.join(dir, 'desk/stories/.copydesk/names.txt'), 'Ravelstoke\nRavelstock => Ravelstoke\n');
    writeFileSync(path.join(dir, '.copydesk/ignore.json'), JSON.stringify({ findings: ['copied-passage:0011223344556677'], sources: ['wire.md'] }));
    writeFileSync(path.join(dir, 'desk/stories/a.md'), 'text');
    const ws = await discoverWorkspace(path.join(dir, 'desk/stories/a.md'));
    assert.equal(ws.namesFile, path.join(dir, 'desk/stories/.copydesk/names.txt'));
    assert.deepEqual(ws.houseNames, { accepted: ['Ravelstoke'], corrections: { Ravelstock: 'Ravelstoke' } });
    assert.deepEqual(ws.ignore, { findings: ['copied-passage:0011223344556677'], sources: ['wire.md'] });
    assert.deepEqual(ws.errors, []);
  });

  it('reports a malformed ignore.json and a bad names line without throwing', async () => {
    mkdirSync(path.join(dir, '.copydesk'));
    writeFileSync(path.join(dir, '.copydesk/ignore.json'), '{"findings": [1, 2]}');
    writeFileSync(path.join(dir, '.copydesk/names.txt'), 'Fine\n=> broken\n');
    const ws = await discoverWorkspace(path.join(dir, 'a.md'));
    assert.equal(ws.ignore, undefined);
    assert.deepEqual(ws.houseNames?.accepted, ['Fine']);
    assert.equal(ws.errors.length, 2);
    assert.match(ws.errors.find((e) => e.path.endsWith('ignore.json'))!.message, /findings.*array of strings/);
    assert.match(ws.errors.find((e) => e.path.endsWith('names.txt'))!.message, /^line 2:/);
  });

  it('reads articles with their language; binary and missing files are errors', async () => {
    const md = await readArticle(path.join(FIX, 'utf8-bom.md'));
    assert.ok(md.ok);
    if (md.ok) {
      assert.equal(md.article.languageId, 'markdown');
      assert.ok(md.article.text.startsWith('---'));
    }
    const cp = await readArticle(path.join(FIX, 'cp1252-crlf.txt'));
    assert.ok(cp.ok && cp.article.languageId === 'plaintext' && cp.article.text.includes('£120'));
    assert.deepEqual(await readArticle(path.join(FIX, 'binary.txt')), { ok: false, path: path.join(FIX, 'binary.txt'), message: 'binary file' });
    const missing = await readArticle(path.join(dir, 'nope.md'));
    assert.equal(missing.ok, false);
    assert.equal(!missing.ok && missing.message, 'no such file or directory');
  });

  it('expands article folders and globs in order, passes files through, names empty patterns', async () => {
    const cli = path.resolve(__dirname, '../../fixtures/cli');
    const got = await expandArticles(['refs/wire.md', 'project', 'project/*.txt', 'nothing/*.md', 'missing.md'], cli);
    assert.deepEqual(got, [
      { path: 'refs/wire.md' },
      { path: path.join('project', 'broken.md') },
      { path: path.join('project', 'copied.md') },
      { path: path.join('project', 'original.txt') },
      { path: 'nothing/*.md', error: 'no files match this pattern' },
      { path: 'missing.md' },
    ]);
  });
});
