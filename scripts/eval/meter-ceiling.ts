/**
 * `npm run eval -- meter-ceiling [--half=tuning|all] [--list N] [--detector] [--pan13]`
 *
 * What a verbatim-copy detector cannot avoid flagging on METER (issue 12): for each newspaper article,
 * the longest stretch of words it shares verbatim, or nearly, with a PA story of its own catchline
 * OUTSIDE quotation marks (`lib/shared-runs.ts`). A detector that must flag verbatim reuse of T words
 * (the product reports verbatim runs from `minWords` 8; PAN13's verbatim folder 02 must stay ≥ 0.95)
 * flags at least the non-derived articles sharing such a run. Nothing here is tuned or fitted.
 *
 * - `--half=tuning` (default): the tuning half (`meterHalf`, as `meter --half tuning`); the census
 *   of all three gold classes, the document figures of "flagged iff the longest run ≥ T", and with
 *   `--detector` the copied-passage rule's flags beside the census (the rule runs as in `meter`).
 * - `--half=all`: non-derived articles of both halves, census only (no derived class, no detector:
 *   the held half is reported once by the lead, never tuned on).
 * - `--list N`: the N non-derived articles with the longest runs, by file name and offsets (no text).
 * - `--cv` (tuning half only): a document decision over the findings' features
 *   (`lib/meter-doc-features.ts`, the article's own quotations among them) by an L2 logistic
 *   regression, measured by stratified 5-fold cross-validation repeated 10 times: a flagged article
 *   stays flagged when its out-of-fold probability reaches the threshold that maximised document F1
 *   on the training folds. Printed: the cross-validated figures (never the fitted ones), the
 *   trade-off at fixed numbers of non-derived articles, and the own-quotation rule alone.
 * - `--pan13`: the word lengths of PAN13 train folder 02's cases (how short a verbatim case the
 *   target asks the detector to find).
 */
import * as path from 'node:path';
import { analyse, type TextModel } from '../../src/core/text';
import { check } from '../../src/core/engine';
import { DEFAULT_ALIGN, nameLists } from '../../src/core/align';
import { RULE_IDS, type RuleId } from '../../src/core/types';
import { loadMeter, meterHalf } from './meter';
import { readMeterText, type MeterClass } from './lib/meter-data';
import { longestSharedRuns, quotedMask, type SharedRun } from './lib/shared-runs';
import { f3, flag, intFlag, prf, Progress, table } from './lib/report';
import { readCorpusPairs, readPanText } from './lib/pan13-data';
import { DOC_FEATURES, docFeatures } from './lib/meter-doc-features';
import { fitLogistic, predictLogistic, stratifiedFolds } from './lib/logistic';
import { rng } from '../lib/rng';
import type { Finding } from '../../src/core/types';
import type { Suite } from './main';

const THRESHOLDS = [8, 12, 15, 20, 25, 30, 40];

interface Census {
  id: string;
  label: MeterClass;
  exact: { run: SharedRun; source: string } | null;
  exactBoth: { run: SharedRun; source: string } | null;
  exactProse: { run: SharedRun; source: string } | null;
  near: { run: SharedRun; source: string } | null;
}

const name = (id: string) => id.slice(id.lastIndexOf('/') + 1);

const suite: Suite = async ({ evalDir, args }) => {
  const half = flag(args, 'half') ?? 'tuning';
  if (half !== 'tuning' && half !== 'all') throw new Error(`meter-ceiling: --half must be tuning or all, got '${String(half)}'`);
  const list = intFlag(args, 'list') ?? 10;
  const data = loadMeter(evalDir);
  data.articles = data.articles.filter((a) => (half === 'all' ? a.label === 'non_derived' : meterHalf(a.id) === 0));
  console.log(
    `METER ceiling, ${half === 'all' ? 'non-derived articles of both halves' : 'tuning half'}: ${data.articles.length} articles, ` +
      `each against the PA stories of its own catchline, words outside the article's quotation marks`,
  );
  const models = new Map<string, { model: TextModel; quoted: Uint8Array }>();
  const pa = (id: string) => {
    let m = models.get(id);
    if (!m) {
      const model = analyse(readMeterText(path.join(data.dir, id)));
      m = { model, quoted: quotedMask(model) };
      models.set(id, m);
    }
    return m;
  };
  const paIds = data.index.docs.map((d) => d.id);
  const census: Census[] = [];
  const progress = new Progress('METER ceiling', data.articles.length);
  for (const a of data.articles) {
    const model = analyse(data.texts.get(a.id)!);
    const quoted = quotedMask(model);
    // lists of names (a chart, a team sheet: the copied-passage rule's `pairNameListShare`) break a run too
    const lists = nameLists(model, DEFAULT_ALIGN.pairNameListShare);
    const prose = quoted.map((q, k) => q | lists[k]!);
    const c: Census = { id: a.id, label: a.label, exact: null, exactBoth: null, exactProse: null, near: null };
    for (const id of paIds.filter((p) => p.startsWith(a.paDir))) {
      const s = pa(id);
      const r = longestSharedRuns(model, quoted, s.model, s.quoted);
      const both = longestSharedRuns(model, quoted, s.model, s.quoted, { bothOutside: true });
      if (r.exact && (!c.exact || r.exact.words > c.exact.run.words)) c.exact = { run: r.exact, source: id };
      if (r.near && (!c.near || r.near.words > c.near.run.words)) c.near = { run: r.near, source: id };
      if (both.exact && (!c.exactBoth || both.exact.words > c.exactBoth.run.words)) c.exactBoth = { run: both.exact, source: id };
      const p = longestSharedRuns(model, prose, s.model, s.quoted).exact;
      if (p && (!c.exactProse || p.words > c.exactProse.run.words)) c.exactProse = { run: p, source: id };
    }
    census.push(c);
    progress.tick();
  }
  progress.done();
  const len = (c: Census, k: 'exact' | 'exactBoth' | 'exactProse' | 'near') => c[k]?.run.words ?? 0;
  const classes: MeterClass[] = half === 'all' ? ['non_derived'] : ['non_derived', 'partially_derived', 'wholly_derived'];
  for (const [k, title] of [
    ['exact', 'an exact run, outside the article\'s quotation marks'],
    ['exactBoth', 'an exact run, outside quotation marks in both texts'],
    ['exactProse', 'an exact run, outside the article\'s quotation marks and lists of names'],
    ['near', 'a near run (exact runs of 3+ words chained over gaps of at most 2 words), outside the article\'s quotation marks'],
  ] as const) {
    console.log('');
    console.log(`articles sharing ${title}, of at least T words:`);
    console.log(
      table(
        ['class', 'articles', 'median', ...THRESHOLDS.map((t) => `≥ ${t}`)],
        classes.map((cls) => {
          const xs = census.filter((c) => c.label === cls).map((c) => len(c, k));
          const sorted = [...xs].sort((x, y) => x - y);
          return [cls, xs.length, sorted[Math.floor(sorted.length / 2)] ?? 0, ...THRESHOLDS.map((t) => xs.filter((x) => x >= t).length)];
        }),
      ),
    );
  }
  if (half === 'tuning') {
    console.log('');
    console.log('document level if "derived" were "shares an exact run of T words outside the article\'s quotation marks" (tuning half):');
    console.log(
      table(
        ['T', 'non-derived flagged', 'derived flagged', 'precision', 'recall', 'F1'],
        THRESHOLDS.map((t) => {
          const pred = (c: Census) => len(c, 'exact') >= t;
          const tp = census.filter((c) => c.label !== 'non_derived' && pred(c)).length;
          const fp = census.filter((c) => c.label === 'non_derived' && pred(c)).length;
          const fn = census.filter((c) => c.label !== 'non_derived' && !pred(c)).length;
          const x = prf(tp, fp, fn);
          return [t, `${fp}/${census.filter((c) => c.label === 'non_derived').length}`, `${tp}/${tp + fn}`, f3(x.precision), f3(x.recall), f3(x.f1)];
        }),
      ),
    );
  }
  const nd = census.filter((c) => c.label === 'non_derived').sort((x, y) => len(y, 'exact') - len(x, 'exact') || len(y, 'near') - len(x, 'near'));
  console.log('');
  console.log(`non-derived articles with the longest exact runs (article [start, end) ← PA story [start, end), words):`);
  for (const c of nd.slice(0, list)) {
    const e = c.exact;
    const n = c.near;
    console.log(
      `  ${name(c.id)}: exact ${e ? `${e.run.words} [${e.run.a.start}, ${e.run.a.end}) ← ${name(e.source)} [${e.run.b.start}, ${e.run.b.end})` : 0}; ` +
        `near ${n ? `${n.run.words} (${n.run.matched} matched) [${n.run.a.start}, ${n.run.a.end}) ← ${name(n.source)}` : 0}; ` +
        `exact outside quotes in both ${len(c, 'exactBoth')}, outside quotes and name lists ${len(c, 'exactProse')}`,
    );
  }
  if (half === 'tuning' && flag(args, 'detector') !== undefined) {
    const off = Object.fromEntries(RULE_IDS.filter((r) => r !== 'copied-passage').map((r) => [r, 'off'])) as Partial<Record<RuleId, 'off'>>;
    const flagged = new Set<string>();
    for (const c of nd) {
      const res = check(data.texts.get(c.id)!, data.index, { rules: off });
      if (res.findings.some((f) => f.rule === 'copied-passage')) flagged.add(c.id);
    }
    console.log('');
    console.log(`copied-passage rule (product defaults) on the tuning half's ${nd.length} non-derived articles: ${flagged.size} flagged`);
    console.log(
      table(
        ['longest exact run outside quotes', 'articles', 'flagged by the rule', 'not flagged'],
        [
          [0, 8],
          [8, 12],
          [12, 20],
          [20, 30],
          [30, Infinity],
        ].map(([lo, hi]) => {
          const xs = nd.filter((c) => len(c, 'exact') >= lo! && len(c, 'exact') < hi!);
          const f = xs.filter((c) => flagged.has(c.id)).length;
          return [hi === Infinity ? `≥ ${lo}` : `${lo}–${hi! - 1}`, xs.length, f, xs.length - f];
        }),
      ),
    );
    const loose = nd.filter((c) => flagged.has(c.id) && len(c, 'exact') < 8);
    console.log(`flagged with no shared run of 8 words outside quotes (${loose.length}): ${loose.map((c) => name(c.id)).join(', ')}`);
  }
  if (half === 'tuning' && flag(args, 'cv') !== undefined) crossValidate(data, pa);
  if (flag(args, 'pan13') !== undefined) {
    const dir = path.join(evalDir, 'pan13_text_alignment', 'train_corpus');
    const lengths: number[] = [];
    for (const p of readCorpusPairs(dir).filter((x) => x.folder === '02-no-obfuscation')) {
      // PAN13 texts have no character outside the BMP, so PAN's offsets are UTF-16 offsets (lib/pan13-data.ts)
      const susp = readPanText(path.join(dir, 'susp', p.susp));
      for (const c of p.cases) lengths.push(analyse(susp.slice(c.suspOffset, c.suspOffset + c.suspLength)).tokens.length);
    }
    lengths.sort((x, y) => x - y);
    const q = (f: number) => lengths[Math.min(lengths.length - 1, Math.floor(f * lengths.length))] ?? 0;
    console.log('');
    console.log(
      `PAN13 train 02-no-obfuscation: ${lengths.length} cases; words in the suspicious span: min ${lengths[0] ?? 0}, ` +
        `q10 ${q(0.1)}, median ${q(0.5)}; under ${THRESHOLDS.map((t) => `${t}: ${lengths.filter((x) => x < t).length}`).join(', ')}`,
    );
  }
};

export default suite;

const RULES_OFF = Object.fromEntries(RULE_IDS.filter((r) => r !== 'copied-passage').map((r) => [r, 'off'])) as Partial<Record<RuleId, 'off'>>;

function docScores(pred: boolean[], gold: boolean[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  pred.forEach((p, i) => {
    if (p && gold[i]) tp++;
    else if (p) fp++;
    else if (gold[i]) fn++;
  });
  return { ...prf(tp, fp, fn), tp, fp };
}

function crossValidate(data: ReturnType<typeof loadMeter>, pa: (id: string) => { model: TextModel; quoted: Uint8Array }): void {
  const arts = data.articles;
  const progress = new Progress('METER check (features)', arts.length);
  const X: number[][] = [];
  const findingsOf: Finding[][] = [];
  for (const a of arts) {
    const text = data.texts.get(a.id)!;
    const fs = check(text, data.index, { rules: RULES_OFF }).findings.filter((f) => f.rule === 'copied-passage' && f.source);
    findingsOf.push(fs);
    X.push(docFeatures(analyse(text), fs, pa));
    progress.tick();
  }
  progress.done();
  const gold = arts.map((a) => a.label !== 'non_derived');
  const y = gold.map((g) => (g ? 1 : 0));
  const flagged = findingsOf.map((fs) => fs.length > 0);
  const base = docScores(flagged, gold);
  console.log('');
  console.log(
    `document decision over ${DOC_FEATURES.length} features of the findings (${DOC_FEATURES.join(', ')}); ` +
      `any finding: F1 ${f3(base.f1)}, non-derived flagged ${base.fp}, derived flagged ${base.tp}/${y.filter((v) => v).length}`,
  );
  const REPEATS = 10;
  const K = 5;
  const idx = arts.map((_, i) => i);
  const best = { f1: [] as number[], fp: [] as number[], tp: [] as number[] };
  const atFp = new Map<number, { f1: number[]; tp: number[] }>([30, 25, 20, 14].map((k) => [k, { f1: [], tp: [] }]));
  for (let r = 0; r < REPEATS; r++) {
    const folds = stratifiedFolds(y, K, rng(1600 + r));
    const oof = new Array(arts.length).fill(-1) as number[];
    const pred = [...flagged];
    for (let f = 0; f < K; f++) {
      const train = idx.filter((i) => folds[i] !== f && flagged[i]);
      const model = fitLogistic(train.map((i) => X[i]!), train.map((i) => y[i]!));
      // the threshold with the best document F1 on the training folds (their derived articles without a finding count as missed)
      const missed = idx.filter((i) => folds[i] !== f && !flagged[i] && gold[i]).length;
      const scored = train.map((i) => ({ p: predictLogistic(model, X[i]!), g: gold[i]! })).sort((a, b) => b.p - a.p);
      let tp = 0;
      let fp = 0;
      let threshold = 0;
      let bestF1 = -1;
      const positives = scored.filter((s) => s.g).length + missed;
      for (const s of scored) {
        if (s.g) tp++;
        else fp++;
        const x = prf(tp, fp, positives - tp);
        if (x.f1 > bestF1) {
          bestF1 = x.f1;
          threshold = s.p;
        }
      }
      for (const i of idx.filter((i) => folds[i] === f && flagged[i])) {
        oof[i] = predictLogistic(model, X[i]!);
        pred[i] = oof[i]! >= threshold;
      }
    }
    const s = docScores(pred, gold);
    best.f1.push(s.f1);
    best.fp.push(s.fp);
    best.tp.push(s.tp);
    // the trade-off: the out-of-fold scores cut where about k non-derived articles stay flagged
    const nd = idx.filter((i) => flagged[i] && !gold[i]).map((i) => oof[i]!).sort((a, b) => b - a);
    for (const [k, acc] of atFp) {
      const cut = k < nd.length ? nd[k]! : -1;
      const x = docScores(idx.map((i) => flagged[i]! && oof[i]! > cut), gold);
      acc.f1.push(x.f1);
      acc.tp.push(x.tp);
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(
    `cross-validated (5 folds × ${REPEATS}): document F1 ${f3(mean(best.f1))} (${f3(Math.min(...best.f1))}–${f3(Math.max(...best.f1))}), ` +
      `non-derived flagged ${mean(best.fp).toFixed(1)}, derived flagged ${mean(best.tp).toFixed(1)}`,
  );
  console.log(
    table(
      ['non-derived left flagged (out-of-fold cut)', 'derived flagged', 'document F1'],
      [...atFp].map(([k, acc]) => [`≈ ${k}`, mean(acc.tp).toFixed(0), f3(mean(acc.f1))]),
    ),
  );
  const own = DOC_FEATURES.indexOf('own quotations');
  const held = DOC_FEATURES.indexOf('quotations held');
  console.log('');
  console.log('own quotations alone: a flagged article is cleared when it has at least k quotations its cited references lack and none they hold');
  console.log(
    table(
      ['k', 'non-derived flagged', 'derived flagged', 'document F1'],
      [1, 2, 3, 4].map((k) => {
        const x = docScores(idx.map((i) => flagged[i]! && !(X[i]![own]! >= k && X[i]![held]! === 0)), gold);
        return [k, x.fp, x.tp, f3(x.f1)];
      }),
    ),
  );
}
