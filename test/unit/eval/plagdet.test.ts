import * as assert from 'node:assert/strict';
import {
  granularity,
  isOverlapping,
  macroPrecision,
  macroRecall,
  plagdetScore,
  score,
  type Annotation,
} from '../../../scripts/eval/plagdet';

/** An annotation of suspicious doc `s` [so, so+sl) against source `r` [ro, ro+rl). */
function ann(s: string, so: number, sl: number, r: string, ro: number, rl: number): Annotation {
  return { susp: s, suspOffset: so, suspLength: sl, src: r, srcOffset: ro, srcLength: rl };
}

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

describe('PAN plagdet measures', () => {
  const c = ann('susp-1', 100, 200, 'src-1', 50, 200);

  it('perfect detection scores 1 everywhere', () => {
    const s = score([c], [c]);
    assert.deepEqual(
      { p: s.precision, r: s.recall, g: s.granularity, pd: s.plagdet },
      { p: 1, r: 1, g: 1, pd: 1 },
    );
    assert.equal(s.detectedCases, 1);
  });

  it('a detection covering half the case on both sides: recall 0.5, precision 1, plagdet 2/3', () => {
    const s = score([c], [ann('susp-1', 100, 100, 'src-1', 50, 100)]);
    close(s.recall, 200 / 400);
    close(s.precision, 1);
    close(s.granularity, 1);
    close(s.plagdet, (2 * 0.5 * 1) / 1.5);
  });

  it('recall counts suspicious and source characters together', () => {
    // whole suspicious span (200 chars) but only 50 of 200 source chars
    close(macroRecall([c], [ann('susp-1', 100, 200, 'src-1', 50, 50)]), (200 + 50) / 400);
  });

  it('a case found as two pieces has granularity 2 and plagdet 1/log2(3)', () => {
    const dets = [ann('susp-1', 100, 100, 'src-1', 50, 100), ann('susp-1', 200, 100, 'src-1', 150, 100)];
    const s = score([c], dets);
    close(s.recall, 1);
    close(s.precision, 1);
    close(s.granularity, 2);
    close(s.plagdet, 1 / Math.log2(3));
    close(s.plagdet, 0.6309297535714575);
  });

  it('granularity averages only over detected cases', () => {
    const c2 = ann('susp-2', 0, 100, 'src-2', 0, 100);
    const c3 = ann('susp-3', 0, 100, 'src-3', 0, 100); // never detected
    const dets = [
      ann('susp-1', 100, 50, 'src-1', 50, 50),
      ann('susp-1', 150, 50, 'src-1', 100, 50),
      ann('susp-1', 200, 100, 'src-1', 150, 100),
      ann('susp-2', 0, 100, 'src-2', 0, 100),
    ];
    close(granularity([c, c2, c3], dets), (3 + 1) / 2);
  });

  it('a false detection halves the macro precision', () => {
    const s = score([c], [c, ann('susp-1', 1000, 100, 'src-1', 900, 100)]);
    close(s.recall, 1);
    close(s.precision, (1 + 0) / 2);
    close(s.granularity, 1);
    close(s.plagdet, 2 / 3);
  });

  it('a detection larger than the case lowers precision by its extra characters', () => {
    const cs = ann('s', 0, 100, 'r', 0, 100);
    const d = ann('s', 0, 200, 'r', 0, 100); // 100 extra suspicious chars
    close(macroRecall([cs], [d]), 1);
    close(macroPrecision([cs], [d]), 200 / 300);
  });

  it('a detection must overlap in the source too, and name the same source', () => {
    const wrongSpan = ann('susp-1', 100, 200, 'src-1', 1000, 200);
    const wrongDoc = ann('susp-1', 100, 200, 'src-9', 50, 200);
    assert.equal(isOverlapping(c, wrongSpan), false);
    assert.equal(isOverlapping(c, wrongDoc), false);
    for (const d of [wrongSpan, wrongDoc]) {
      const s = score([c], [d]);
      assert.equal(s.recall, 0);
      assert.equal(s.precision, 0);
      assert.equal(s.granularity, 1);
      assert.equal(s.plagdet, 0);
    }
  });

  it('spans touching at an end do not overlap (half-open)', () => {
    assert.equal(isOverlapping(c, ann('susp-1', 300, 10, 'src-1', 250, 10)), false);
    assert.equal(isOverlapping(c, ann('susp-1', 299, 10, 'src-1', 249, 10)), true);
  });

  it('no detections: recall and precision 0, granularity 1, plagdet 0', () => {
    const s = score([c], []);
    assert.deepEqual([s.recall, s.precision, s.granularity, s.plagdet], [0, 0, 1, 0]);
  });

  it('no cases and no detections is perfect; detections without cases score 0 (as the PAN script)', () => {
    const empty = score([], []);
    assert.deepEqual([empty.recall, empty.precision, empty.granularity, empty.plagdet], [1, 1, 1, 1]);
    const fp = score([], [c]);
    assert.deepEqual([fp.recall, fp.precision, fp.plagdet], [0, 0, 0]);
  });

  it('macro recall is the mean over all cases, an undetected case counting 0', () => {
    const c2 = ann('susp-2', 0, 100, 'src-2', 0, 100);
    close(macroRecall([c, c2], [c]), 0.5);
  });

  it('duplicate detections count once (the script collects them into a set)', () => {
    const s = score([c], [c, { ...c }]);
    assert.equal(s.detections, 1);
    close(s.granularity, 1);
  });

  it('overlapping detections are unioned, not double counted, in recall', () => {
    const cs = ann('t', 0, 100, 'r', 0, 100);
    // [0,50)+[25,100) cover all 100 chars on each side
    close(macroRecall([cs], [ann('t', 0, 50, 'r', 0, 50), ann('t', 25, 75, 'r', 25, 75)]), 1);
    // [50,150) covers 50 of each side → 0.5; [25,100) covers 75 → 0.75 (the script's own unit test values)
    close(macroRecall([cs], [ann('t', 50, 100, 'r', 50, 100)]), 0.5);
    close(macroPrecision([cs], [ann('t', 50, 100, 'r', 50, 100), ann('t', 25, 75, 'r', 25, 75)]), (0.5 + 1) / 2);
  });

  it('plagdet_score matches the formula and its guards', () => {
    close(plagdetScore(0.5, 1, 1), 2 / 3);
    close(plagdetScore(0.25, 0.75, 2), (2 * 0.25 * 0.75) / (0.25 + 0.75) / Math.log2(3));
    assert.equal(plagdetScore(0, 0, 1), 0);
    assert.equal(plagdetScore(1, 1, 0.5), 0);
  });
});
