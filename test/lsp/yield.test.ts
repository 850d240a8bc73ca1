/**
 * A long check does not hold the language server: while a pull's check runs, the server answers
 * other requests between the engine's rules (checkYielding). Ordering, not time: hovers on another
 * document are sent every 20 ms while a large article's pull is pending, and several must be answered
 * before the pull is. A check run in one piece answers at most the hovers queued before it starts.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, SERVER, TestClient } from './client';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'e2e');

describe('language server: requests answered while a long check runs', function () {
  this.timeout(120000);
  let dir: string;
  let c: TestClient;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js missing: run node esbuild.js first');
  });
  afterEach(async () => {
    await c?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hovers on another document are answered between the rules of a pending check', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'copydesk-yield-'));
    cpSync(FIXTURES, dir, { recursive: true });
    c = new TestClient(dir, { debounceMs: 0 });
    await c.start();
    const other = c.open('other.md', 'Councillor Maren Odouya said: "We will not let the crossings close this winter."\n');
    await c.pull(other);
    // a long article: the fixture story forty times over, each copy with its own paragraph numbers
    const story = readFileSync(path.join(dir, 'article.md'), 'utf8');
    const big = c.open('big.md', Array.from({ length: 40 }, (_, i) => story.replace(/\n\n/g, `\n\nPart ${i}. `)).join('\n\n'));
    let pullDone = false;
    let answeredWhilePending = 0;
    const pull = c.pull(big).then((r) => {
      pullDone = true;
      return r;
    });
    const hovers: Promise<unknown>[] = [];
    while (!pullDone) {
      hovers.push(
        c.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 3 } }).then(() => {
          if (!pullDone) answeredWhilePending++;
        }),
      );
      await new Promise((r) => setTimeout(r, 20));
    }
    const report = await pull;
    await Promise.all(hovers);
    assert.ok(report.items.length > 0, 'the long article was checked');
    assert.ok(answeredWhilePending >= 3, `hovers answered while the check was pending: ${answeredWhilePending} of ${hovers.length}`);
  });
});
