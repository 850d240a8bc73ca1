import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { watchTree, type TreeWatcher } from '../../../src/node/watch-tree';

/** Resolves when `seen` holds a path for which `want` is true; rejects after `ms` (events, not speed). */
async function until(seen: string[], want: (p: string) => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!seen.some(want)) {
    if (Date.now() > end) throw new Error(`not reported; seen: ${seen.join(', ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('watchTree (src/node/watch-tree.ts)', () => {
  let dir: string;
  let w: TreeWatcher | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-watch-'));
    fs.mkdirSync(path.join(dir, 'wire', 'march'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'top.txt'), 'The ferry ran late.');
    fs.writeFileSync(path.join(dir, 'wire', 'march', 'a.txt'), 'The harbour reopened.');
  });
  afterEach(() => {
    w?.close();
    w = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // 'linux': a watcher a folder; 'darwin': fs.watch's own recursive watcher (which Node runs on any platform)
  for (const platform of ['linux', 'darwin'] as NodeJS.Platform[]) {
    it(`reports files changed, added and removed at any depth, and in folders made after it started (as on ${platform})`, async () => {
      const seen: string[] = [];
      w = watchTree(dir, (p) => seen.push(p), platform);
      fs.writeFileSync(path.join(dir, 'wire', 'march', 'a.txt'), 'The harbour reopened on Monday.');
      await until(seen, (p) => p === path.join(dir, 'wire', 'march', 'a.txt'));
      fs.writeFileSync(path.join(dir, 'top.txt'), 'The ferry ran on time.');
      await until(seen, (p) => p === path.join(dir, 'top.txt'));
      // a folder made now, then a file in it
      fs.mkdirSync(path.join(dir, 'wire', 'april'));
      await until(seen, (p) => p === path.join(dir, 'wire', 'april'));
      await new Promise((r) => setTimeout(r, 50));
      fs.writeFileSync(path.join(dir, 'wire', 'april', 'b.txt'), 'The crane was repaired.');
      await until(seen, (p) => p === path.join(dir, 'wire', 'april', 'b.txt'));
      fs.rmSync(path.join(dir, 'wire', 'march', 'a.txt'));
      await until(seen, (p) => p === path.join(dir, 'wire', 'march', 'a.txt') && !fs.existsSync(p));
      // a removed folder, made again: still watched
      fs.rmSync(path.join(dir, 'wire', 'april'), { recursive: true });
      await new Promise((r) => setTimeout(r, 100));
      fs.mkdirSync(path.join(dir, 'wire', 'april'));
      await new Promise((r) => setTimeout(r, 100));
      seen.length = 0;
      fs.writeFileSync(path.join(dir, 'wire', 'april', 'c.txt'), 'The vote was delayed.');
      await until(seen, (p) => p === path.join(dir, 'wire', 'april', 'c.txt'));
    });
  }

  it('reports nothing after close', async () => {
    const seen: string[] = [];
    w = watchTree(dir, (p) => seen.push(p));
    w.close();
    fs.writeFileSync(path.join(dir, 'wire', 'march', 'a.txt'), 'Changed.');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(seen, []);
  });

  it('throws as fs.watch does for a folder that is not there', () => {
    assert.throws(() => watchTree(path.join(dir, 'missing'), () => undefined));
  });
});
