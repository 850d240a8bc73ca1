/**
 * Quadratic front matter (issue 18, case 3): a reference .md whose YAML front matter holds many
 * distinct anchors, each aliased once (no alias bomb, so the parser's alias-count guard never fires),
 * took time quadratic in its size. Front matter is bounded in size and refuses anchors and aliases:
 * the file is a warning naming it, and its body is still used.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_FRONT_MATTER, readFrontMatter } from '../../../src/node/front-matter';
import { loadReferences } from '../../../src/node/references';

const BODY = 'The lifeboat crew were called out twice on Sunday to yachts drifting off the headland.\n';

/** `n` distinct anchors, then one alias of each. */
function anchored(n: number): string {
  let s = '---\ntitle: Storm night\n';
  for (let i = 0; i < n; i++) s += `a${i}: &x${i} value ${i}\n`;
  for (let i = 0; i < n; i++) s += `b${i}: *x${i}\n`;
  return s + '---\n' + BODY;
}

function best(fn: () => unknown, runs = 3): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

describe('front matter: hostile YAML', function () {
  this.timeout(300_000);

  it('anchors aliased once: refused, and time grows linearly (400 → 1,600 anchors, under the size cap)', () => {
    const small = anchored(400);
    const large = anchored(1600);
    assert.ok(large.length < MAX_FRONT_MATTER, 'the larger case is under the size cap: the anchor rule is what is tested');
    const fm = readFrontMatter(large);
    assert.match(fm.error ?? '', /anchors and aliases are not allowed/);
    assert.deepEqual(fm.data, {});
    assert.equal(large.slice(fm.bodyStart), BODY);
    readFrontMatter(small);
    const ts = best(() => readFrontMatter(small));
    const tl = best(() => readFrontMatter(large));
    // linear: about ×4; the parser took ×12–16 (quadratic). Generous for a loaded machine.
    assert.ok(tl / Math.max(ts, 0.5) < 9, `${ts.toFixed(1)} → ${tl.toFixed(1)} ms (×${(tl / ts).toFixed(1)})`);
  });

  it('front matter over the size cap is not parsed', () => {
    const big = `---\ntitle: Storm night\nnotes: "${'x'.repeat(MAX_FRONT_MATTER)}"\n---\n${BODY}`;
    const fm = readFrontMatter(big);
    assert.match(fm.error ?? '', /front matter too large \(\d+ KB; the limit is 64 KB\)/);
    assert.equal(big.slice(fm.bodyStart), BODY);
  });

  it('ordinary front matter still parses; a quoted or inner & or * is not an anchor', () => {
    const fm = readFrontMatter('---\ntitle: "&Co *launch*"\noutlet: Bay & Harbour *News*\n---\nbody\n');
    assert.equal(fm.error, undefined);
    assert.deepEqual(fm.data, { title: '&Co *launch*', outlet: 'Bay & Harbour *News*' });
  });

  it('as a reference: a warning naming the file, the body still indexed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-fm-'));
    try {
      writeFileSync(path.join(dir, 'anchors.md'), anchored(8000));
      writeFileSync(path.join(dir, 'aliases.md'), anchored(50));
      const { docs, errors } = await loadReferences([dir]);
      assert.deepEqual(docs.map((d) => [d.id, d.text]), [['aliases.md', BODY], ['anchors.md', BODY]]);
      const byFile = new Map(errors.map((e) => [path.basename(e.path), e]));
      assert.equal(byFile.get('anchors.md')?.severity, 'warning');
      assert.match(byFile.get('anchors.md')!.message, /front matter too large/);
      assert.match(byFile.get('aliases.md')!.message, /anchors and aliases are not allowed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
