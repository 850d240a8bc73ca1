/**
 * A small L2-regularised logistic regression (Newton's method on standardised features) and
 * stratified k-fold splits, for measuring a document-level decision by cross-validation in the
 * eval suites (`meter-ceiling --cv`). Nothing in the product reads it.
 */

export interface LogisticModel {
  mean: number[];
  sd: number[];
  /** one weight per feature, then the intercept */
  w: number[];
}

/** Solve A x = b (A square, symmetric positive definite here) by Gaussian elimination with pivoting. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    const piv = M[c]![c]!;
    if (Math.abs(piv) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / piv;
      if (f !== 0) for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Fit on rows `X` with labels `y` (0/1); `lambda` weighs the L2 penalty (the intercept is not penalised). */
export function fitLogistic(X: number[][], y: number[], lambda = 1, iterations = 30): LogisticModel {
  const d = X[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((s, r) => s + r[j]!, 0) / Math.max(1, X.length));
  const sd = Array.from({ length: d }, (_, j) => Math.sqrt(X.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / Math.max(1, X.length)) || 1);
  const Z = X.map((r) => [...r.map((v, j) => (v - mean[j]!) / sd[j]!), 1]);
  let w = new Array(d + 1).fill(0) as number[];
  for (let it = 0; it < iterations; it++) {
    const g = w.map((wj, j) => (j < d ? lambda * wj : 0));
    const H = w.map((_, i) => w.map((__, j) => (i === j && i < d ? lambda : 0)));
    Z.forEach((z, n) => {
      const p = sigmoid(z.reduce((s, v, j) => s + v * w[j]!, 0));
      for (let i = 0; i <= d; i++) {
        g[i]! += (p - y[n]!) * z[i]!;
        for (let j = 0; j <= d; j++) H[i]![j]! += p * (1 - p) * z[i]! * z[j]!;
      }
    });
    const step = solve(H, g);
    w = w.map((wj, j) => wj - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { mean, sd, w };
}

/** The model's probability that `x` is of class 1. */
export function predictLogistic(m: LogisticModel, x: number[]): number {
  let z = m.w[m.w.length - 1]!;
  x.forEach((v, j) => (z += ((v - m.mean[j]!) / m.sd[j]!) * m.w[j]!));
  return sigmoid(z);
}

/** Fold number (0 … k−1) of each item: each class dealt round-robin after a shuffle by `random`. */
export function stratifiedFolds(labels: number[], k: number, random: () => number): number[] {
  const folds = new Array(labels.length).fill(0) as number[];
  for (const cls of [...new Set(labels)]) {
    const ids = labels.flatMap((l, i) => (l === cls ? [i] : []));
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    ids.forEach((id, n) => (folds[id] = n % k));
  }
  return folds;
}
