/**
 * Hostile input, super-linear time (issue 18, case 2): every pass over a document (the prose views,
 * the analysis, every rule, the reference loader and index) must take time linear in its size.
 * Each generated worst case is timed at two sizes, 4× apart, and the ratio of the times is
 * asserted: linear work gives about 4, quadratic 16. The bound (RATIO_BOUND) is generous so a
 * loaded 2-core machine does not fail it: each time is the best of several runs, the smaller size
 * doubles until its time is above a noise floor (a stage still under it at 256 K characters is too
 * fast to matter and is not judged), and the smallest of three measured ratios counts; a ratio over
 * the bound is measured again at twice the size, and only growth that is super-linear at both
 * scales fails. No absolute time is asserted.
 *
 * `COPYDESK_GROWTH_REPORT=1` prints every ratio (docs/RELIABILITY.md lists a run).
 */
import * as assert from 'node:assert/strict';
import { check } from '../../../src/core/engine';
import { proseView } from '../../../src/core/prose';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse } from '../../../src/core/text';
import { readFrontMatter } from '../../../src/node/front-matter';
import { parseReference } from '../../../src/node/references';

const RATIO_BOUND = 9;
const NOISE_FLOOR_MS = 20;
const RUNS = 3;
const REPORT = !!process.env.COPYDESK_GROWTH_REPORT;

/**
 * Best (smallest) time of up to `runs` calls, in ms (fewer when the calls are slow: noise is small then).
 * A call's time is the smaller of its wall time and this process's CPU time: other processes on a
 * loaded machine stretch the wall time but not the CPU time, and V8's helper threads add CPU time
 * but not wall time.
 */
function best(fn: () => unknown, runs = RUNS): number {
  let min = Infinity;
  let total = 0;
  for (let i = 0; i < runs && total < 1500; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const t = Math.min(wall, (c.user + c.system) / 1000);
    min = Math.min(min, t);
    total += wall;
  }
  return min;
}

function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Worst cases, each a function of the size in characters. */
const CASES: Record<string, (n: number) => string> = {
  backticks: (n) => '`'.repeat(n),
  'backtick pairs': (n) => repeatTo('`a', n),
  'backtick runs of growing length': (n) => {
    let s = '';
    for (let k = 1; s.length < n; k++) s += '`'.repeat(k) + 'x';
    return s.slice(0, n);
  },
  'straight quotes': (n) => '"'.repeat(n),
  'curly quotes': (n) => '“'.repeat(n),
  'quote and word': (n) => repeatTo('"a ', n),
  dashes: (n) => '-'.repeat(n),
  'em dashes and words': (n) => repeatTo('— a ', n),
  'open brackets': (n) => '['.repeat(n),
  'bracket parens': (n) => repeatTo('[a](', n),
  'image openers': (n) => repeatTo('![', n),
  'link with spaces': (n) => '[a](x' + ' '.repeat(n),
  spaces: (n) => 'a' + ' '.repeat(n) + 'b',
  'spaces and newlines': (n) => repeatTo(' \n', n),
  'blank CRLF lines': (n) => repeatTo('a\r\n \r\n', n),
  asterisks: (n) => '*'.repeat(n),
  underscores: (n) => '_'.repeat(n),
  'less-than': (n) => '<'.repeat(n),
  'unclosed tags': (n) => repeatTo('<a ', n),
  'unclosed comments': (n) => repeatTo('<!--', n),
  'autolink e-mail': (n) => '<a@' + repeatTo('a.', n),
  ampersands: (n) => repeatTo('&amp', n),
  'data URI': (n) => 'data:image/png;base64,' + 'A'.repeat(n),
  'www runs': (n) => repeatTo('www.', n),
  'one long word': (n) => 'a'.repeat(n),
  'dots': (n) => '.'.repeat(n),
  'capitalised words': (n) => repeatTo('Mr Ab Cd ', n),
  'said clauses': (n) => repeatTo('"x," said Ab ', n),
  'apostrophes': (n) => repeatTo("a'", n),
  'digits and commas': (n) => repeatTo('1,', n),
};

const REFERENCE = ReferenceIndex.build([
  {
    id: 'ref',
    path: 'ref.md',
    text: 'The harbour board said on Tuesday that the new cranes would arrive before the summer. "We will rebuild the pier," said Mayor Elin Strand.',
    meta: {},
  },
]);

const STAGES: Record<string, (s: string) => unknown> = {
  'proseView markdown': (s) => proseView(s, 'markdown'),
  'proseView html': (s) => proseView(s, 'html'),
  'proseView plaintext': (s) => proseView(s, 'plaintext'),
  analyse: (s) => analyse(s),
  'check (every rule) on the markdown view': (s) => check(proseView(s, 'markdown'), REFERENCE),
  'reference .md (front matter)': (s) => readFrontMatter(`---\ntitle: x\n---\n${s}`),
  'reference index build': (s) => ReferenceIndex.build([{ id: 'r', path: 'r.txt', text: s, meta: {} }]),
};

const SMALL = 8_000;
/** The smaller size doubles (up to SMALL_MAX) until its time is above the noise floor. */
const SMALL_MAX = 1 << 18;
/** Measurements of the ratio: the smallest counts (load from other processes only ever adds time). */
const ATTEMPTS = 3;

interface Growth {
  ratio: number;
  ms: [number, number];
  n: number;
  /** the smaller size stayed under the noise floor even at SMALL_MAX: too fast to measure */
  fast?: boolean;
}

function growth(make: (n: number) => string, stage: (s: string) => unknown, small = SMALL, fixed = false): Growth {
  let n = small;
  let a = make(n);
  stage(a); // warm-up (JIT, caches)
  let ta = best(() => stage(a));
  while (!fixed && ta < NOISE_FLOOR_MS && n < SMALL_MAX) {
    n *= 2;
    a = make(n);
    ta = best(() => stage(a));
  }
  if (ta < NOISE_FLOOR_MS && !fixed) return { ratio: 0, ms: [ta, 0], n, fast: true };
  const b = make(4 * n);
  let g: Growth | undefined;
  for (let i = 0; i < ATTEMPTS && !(g && g.ratio < RATIO_BOUND); i++) {
    if (i > 0) ta = best(() => stage(a));
    const tb = best(() => stage(b));
    const r = tb / Math.max(ta, 0.05);
    if (!g || r < g.ratio) g = { ratio: r, ms: [ta, tb], n };
  }
  if (g!.ratio >= RATIO_BOUND && !fixed) {
    // Confirm at the next scale (2n → 8n): quadratic work is ×16 there too, while a one-off step
    // (the heap outgrowing the young generation between n and 4n) does not repeat.
    const a2 = make(2 * n);
    const b2 = make(8 * n);
    const ta2 = best(() => stage(a2));
    const tb2 = best(() => stage(b2));
    const r2 = tb2 / Math.max(ta2, 0.05);
    if (r2 < g!.ratio) g = { ratio: r2, ms: [ta2, tb2], n: 2 * n };
  }
  return g!;
}

function show(g: Growth): string {
  return g.fast ? `under ${NOISE_FLOOR_MS} ms at ${g.n.toLocaleString('en')} characters` : `n=${g.n.toLocaleString('en')}: ${g.ms[0].toFixed(1)} → ${g.ms[1].toFixed(1)} ms (×${g.ratio.toFixed(1)})`;
}

describe('robustness: time grows linearly with hostile input', function () {
  this.timeout(900_000);
  for (const [stageName, stage] of Object.entries(STAGES)) {
    it(`${stageName}: every worst case, n → 4n characters`, () => {
      const bad: string[] = [];
      for (const [caseName, make] of Object.entries(CASES)) {
        const g = growth(make, stage);
        if (REPORT) console.log(`      ${stageName} | ${caseName} | ${show(g)}`);
        if (!g.fast && g.ratio >= RATIO_BOUND) bad.push(`${caseName}: ${show(g)}`);
      }
      assert.deepEqual(bad, [], `super-linear growth (bound ×${RATIO_BOUND} for ×4 the size)`);
    });
  }

  it('one 1 MB line: prose views, analysis and the index grow linearly from 256 KB', () => {
    const line = (n: number) => repeatTo('The harbour board met on Tuesday, and the strike went on; ', n);
    const bad: string[] = [];
    for (const [name, stage] of Object.entries(STAGES)) {
      if (name.startsWith('check')) continue; // every rule on 1 MB: slow, and covered by the sweep above
      const g = growth(line, stage, 256 * 1024, true);
      if (REPORT) console.log(`      1 MB line | ${name} | ${show(g)}`);
      if (g.ms[0] >= NOISE_FLOOR_MS / 4 && g.ratio >= RATIO_BOUND) bad.push(`${name}: ${show(g)}`);
    }
    assert.deepEqual(bad, []);
  });

  it('a reference .md of 20,000 backticks loads, and its check takes about as long as ordinary text of the same size', () => {
    const parsed = parseReference('`'.repeat(20_000), 'hostile.md');
    assert.equal(parsed.text.length, 20_000);
    const hostile = best(() => check(proseView('`'.repeat(20_000), 'markdown'), REFERENCE));
    const ordinary = best(() => check(proseView(repeatTo('The board met on Tuesday. ', 20_000), 'markdown'), REFERENCE));
    assert.ok(hostile < Math.max(ordinary, NOISE_FLOOR_MS) * RATIO_BOUND, `${hostile.toFixed(0)} ms vs ${ordinary.toFixed(0)} ms`);
  });
});
