import { strict as assert } from 'node:assert';
import { fitLogistic, predictLogistic, stratifiedFolds } from '../../../scripts/eval/lib/logistic';
import { rng } from '../../../scripts/lib/rng';

describe('eval lib/logistic', () => {
  it('learns which feature carries the class, and ranks by it', () => {
    const r = rng(12);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 200; i++) {
      const cls = i % 2;
      X.push([cls * 2 + r() * 1.5, r() * 10]); // the first feature separates the classes (with overlap), the second is noise
      y.push(cls);
    }
    const m = fitLogistic(X, y, 1);
    assert.ok(Math.abs(m.w[0]!) > 5 * Math.abs(m.w[1]!), `weights ${m.w.join(', ')}`);
    assert.ok(predictLogistic(m, [3.2, 5]) > 0.9);
    assert.ok(predictLogistic(m, [0.2, 5]) < 0.1);
    const correct = X.filter((x, i) => (predictLogistic(m, x) >= 0.5 ? 1 : 0) === y[i]).length;
    assert.ok(correct >= 180, `${correct} of 200`);
  });

  it('deals each class evenly over the folds', () => {
    const labels = [...new Array(23).fill(1), ...new Array(12).fill(0)];
    const folds = stratifiedFolds(labels, 5, rng(3));
    for (let f = 0; f < 5; f++) {
      const ones = labels.filter((l, i) => l === 1 && folds[i] === f).length;
      const zeros = labels.filter((l, i) => l === 0 && folds[i] === f).length;
      assert.ok(ones >= 4 && ones <= 5, `fold ${f}: ${ones}`);
      assert.ok(zeros >= 2 && zeros <= 3, `fold ${f}: ${zeros}`);
    }
  });
});
