/**
 * `npm run eval -- meter [--limit N] [--errors N] [--count-quotes] [--half tuning|held] [--set k=v,…]`
 *
 * `--half tuning` / `--half held`: a fixed half of the articles, by a stable hash (FNV-1a) of the
 * article id: tune on one, report the other once. `--set`: AlignOptions overrides for trying a
 * setting (or `sentenceAlign=false` for the aligner before the sentence stage), handed to check()
 * through its aligner and, for the copied-passage rule's selection (`pairEvidenceFilter`,
 * `restatedSentences`, which read DEFAULT_ALIGN), set on DEFAULT_ALIGN for the run.
 *
 * `--count-quotes` (EVAL ONLY, reported separately): METER labels quotations the newspaper took from
 * the PA copy as Verbatim, while the product treats attributed quotations as quoting, not copying.
 * With this flag the findings are the aligner's passages after the rule's selection
 * (`selectPassages(align(…))`) WITHOUT the attributed-quotation exclusion; everything else as in
 * the product defaults. The product itself never counts attributed quotes.
 *
 * METER (UK Press Association wire vs nine national newspapers, 1999–2000). Each newspaper article
 * is checked with the full engine (`check()`, so the copied-passage rule's own selection applies)
 * against ONE reference set of ALL 771 PA stories — the article's catchline is not given to the
 * engine. Only the copied-passage rule runs (the other rules do not change its findings).
 *
 * - Document level: "derived" (wholly or partially derived in file_index) vs non-derived; the
 *   engine says derived when it makes at least one copied-passage finding. P/R/F1, by domain, and
 *   the share of each gold class flagged.
 * - Word level, on the 441 articles whose SGML has <Verbatim>/<Rewrite> spans: a word is gold-copied
 *   when its SGML element is Verbatim or Rewrite, predicted-copied when it lies inside a finding.
 *   See lib/meter-data.ts `wordLabels` for the SGML → raw text mapping.
 * - Retrieval: the share of findings whose source is a PA story of the article's own catchline.
 */
import { align, type AlignOptions } from '../../src/core/align';
import { check } from '../../src/core/engine';
import { selectPassages } from '../../src/core/rules/copied-passage';
import { analyse, type TextModel } from '../../src/core/text';
import { ReferenceIndex } from '../../src/core/reference-index';
import { RULE_IDS, type RuleId } from '../../src/core/types';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { meterArticles, METER_CLASSES, paFiles, readArticleText, readMeterText, wordLabels, type LabelledWords, type MeterArticle } from './lib/meter-data';
import { f3, flag, intFlag, machine, Memory, prf, Progress, setFlag, table, type PRF } from './lib/report';
import { DEFAULT_ALIGN } from '../../src/core/align';
import type { Suite } from './main';

export interface MeterData {
  dir: string;
  index: ReferenceIndex;
  articles: MeterArticle[];
  texts: Map<string, string>;
  words: Map<string, LabelledWords>;
  indexSecs: number;
  /** raw words with no SGML counterpart / SGML words with no raw counterpart, over the 441 */
  mapping: { rawWords: number; unlabelledRaw: number; sgmlUnmatched: number; files: number };
}

export function loadMeter(evalDir: string, limit?: number): MeterData {
  const dir = path.join(evalDir, 'meter');
  if (!fs.existsSync(dir)) throw new Error(`METER: corpus not found: ${dir}`);
  const refs = paFiles(dir).map((p) => ({ id: p.id, path: p.file, text: readMeterText(p.file), meta: {} }));
  const t0 = Date.now();
  const index = ReferenceIndex.build(refs);
  const indexSecs = (Date.now() - t0) / 1000;
  let articles = meterArticles(dir);
  if (limit !== undefined) articles = articles.filter((_, k) => k % Math.max(1, Math.floor(articles.length / limit)) === 0).slice(0, limit);
  const texts = new Map<string, string>();
  const words = new Map<string, LabelledWords>();
  const mapping = { rawWords: 0, unlabelledRaw: 0, sgmlUnmatched: 0, files: 0 };
  for (const a of articles) {
    const text = readArticleText(a);
    if (text === undefined) continue;
    texts.set(a.id, text);
    if (!a.sgml) continue;
    const lw = wordLabels(text, readMeterText(a.sgml));
    if (!lw.hasSpans) continue;
    words.set(a.id, lw);
    mapping.files++;
    mapping.rawWords += lw.tokens.length;
    mapping.unlabelledRaw += lw.labels.filter((l) => l === null).length;
    mapping.sgmlUnmatched += lw.unmatchedSgml;
  }
  Memory.sample();
  return { dir, index, articles: articles.filter((a) => texts.has(a.id)), texts, words, indexSecs, mapping };
}

/** A copied-passage finding reduced to what the scores need. */
export interface Hit {
  start: number;
  end: number;
  sourceId: string;
}

export interface MeterScores {
  doc: PRF;
  docByDomain: Record<string, PRF>;
  /** share of each gold class with at least one finding */
  flagged: Record<string, { flagged: number; total: number }>;
  word: PRF;
  /** recall on Verbatim and on Rewrite words separately */
  verbatimRecall: number;
  rewriteRecall: number;
  retrieval: { own: number; findings: number };
  falsePositives: { id: string; hits: Hit[] }[];
  falseNegatives: string[];
}

export function scoreMeter(data: MeterData, hits: Map<string, Hit[]>): MeterScores {
  const counts = (arts: MeterArticle[]) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const a of arts) {
      const gold = a.label !== 'non_derived';
      const pred = (hits.get(a.id)?.length ?? 0) > 0;
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    }
    return prf(tp, fp, fn);
  };
  const docByDomain: Record<string, PRF> = {};
  for (const d of [...new Set(data.articles.map((a) => a.domain))]) docByDomain[d] = counts(data.articles.filter((a) => a.domain === d));
  const flagged: MeterScores['flagged'] = {};
  for (const c of METER_CLASSES) {
    const arts = data.articles.filter((a) => a.label === c);
    flagged[c] = { flagged: arts.filter((a) => (hits.get(a.id)?.length ?? 0) > 0).length, total: arts.length };
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byLabel = { Verbatim: [0, 0], Rewrite: [0, 0] };
  for (const [id, lw] of data.words) {
    const hs = hits.get(id) ?? [];
    lw.tokens.forEach((t, k) => {
      const label = lw.labels[k];
      if (label === null || label === 'unclassified' || label === undefined) return;
      const gold = label === 'Verbatim' || label === 'Rewrite';
      const pred = hs.some((h) => t.start < h.end && t.end > h.start);
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
      if (gold) {
        const b = byLabel[label as 'Verbatim' | 'Rewrite'];
        b[1]!++;
        if (pred) b[0]!++;
      }
    });
  }
  let own = 0;
  let findings = 0;
  const falsePositives: MeterScores['falsePositives'] = [];
  const falseNegatives: string[] = [];
  for (const a of data.articles) {
    const hs = hits.get(a.id) ?? [];
    findings += hs.length;
    own += hs.filter((h) => h.sourceId.startsWith(a.paDir)).length;
    if (a.label === 'non_derived' && hs.length) falsePositives.push({ id: a.id, hits: hs });
    if (a.label !== 'non_derived' && !hs.length) falseNegatives.push(a.id);
  }
  return {
    doc: counts(data.articles),
    docByDomain,
    flagged,
    word: prf(tp, fp, fn),
    verbatimRecall: byLabel.Verbatim[1] ? byLabel.Verbatim[0]! / byLabel.Verbatim[1] : 1,
    rewriteRecall: byLabel.Rewrite[1] ? byLabel.Rewrite[0]! / byLabel.Rewrite[1] : 1,
    retrieval: { own, findings },
    falsePositives,
    falseNegatives,
  };
}

const OTHER_RULES_OFF = Object.fromEntries(RULE_IDS.filter((r) => r !== 'copied-passage').map((r) => [r, 'off'])) as Partial<
  Record<RuleId, 'off'>
>;

export function meterTable(s: MeterScores, articles: MeterArticle[]): string {
  const r = (name: string, x: PRF, n: string) => [name, n, f3(x.precision), f3(x.recall), f3(x.f1)];
  return table(
    ['level', 'n', 'precision', 'recall', 'F1'],
    [
      r('document (derived vs non-derived)', s.doc, `${articles.length} articles`),
      ...Object.entries(s.docByDomain).map(([d, x]) => r(`  document, ${d}`, x, `${articles.filter((a) => a.domain === d).length} articles`)),
      r('word (Verbatim+Rewrite vs New)', s.word, `${s.word.tp + s.word.fn} gold copied words`),
    ],
  );
}

const suite: Suite = async ({ evalDir, args }) => {
  const limit = intFlag(args, 'limit');
  const nErrors = intFlag(args, 'errors') ?? 5;
  if (flag(args, 'sweep')) {
    const { runSweep } = await import('./tune');
    await runSweep({ evalDir, args: [...args, '--only=meter'] });
    return;
  }
  const countQuotes = flag(args, 'count-quotes') !== undefined;
  if (countQuotes) console.log('EVAL-ONLY --count-quotes: attributed quotations count as copying (the product excludes them)');
  const data = loadMeter(evalDir, limit);
  const half = flag(args, 'half');
  if (half !== undefined && half !== 'tuning' && half !== 'held') throw new Error(`meter: --half must be tuning or held, got '${String(half)}'`);
  if (half) {
    data.articles = data.articles.filter((a) => (meterHalf(a.id) === 0) === (half === 'tuning'));
    for (const id of [...data.words.keys()]) if (!data.articles.some((a) => a.id === id)) data.words.delete(id);
    console.log(`METER half '${half}': ${data.articles.length} articles (stable hash of the article id)`);
  }
  const set = setFlag(args);
  if (Object.keys(set).length) console.log(`setting (not the product defaults): ${JSON.stringify(set)}`);
  const { sentence, ...rest } = set as { sentence?: object };
  const overrides = { ...rest, ...(sentence ? { sentence: { ...DEFAULT_ALIGN.sentence, ...sentence } } : {}) };
  // the rule's selection reads its options from DEFAULT_ALIGN (this process only)
  Object.assign(DEFAULT_ALIGN, overrides);
  const aligner = Object.keys(set).length ? { index: data.index, align: (doc: TextModel, o: Partial<AlignOptions>) => align(doc, data.index, { ...o, ...overrides }) } : undefined;
  const st = data.index.stats();
  console.log(
    `METER: ${data.articles.length} newspaper articles against ONE index of ${st.documents} PA stories ` +
      `(${st.words.toLocaleString('en')} words, indexed in ${data.indexSecs.toFixed(1)} s)`,
  );
  console.log(
    `SGML word mapping: ${data.mapping.files} span-annotated articles, ${data.mapping.rawWords} raw words, ` +
      `${data.mapping.unlabelledRaw} without an SGML counterpart (not scored), ${data.mapping.sgmlUnmatched} SGML words without a raw counterpart`,
  );
  const progress = new Progress('METER check', data.articles.length);
  const hits = new Map<string, Hit[]>();
  const copied = new Map<string, number>();
  const times: [string, number][] = [];
  for (const a of data.articles) {
    const t0 = performance.now();
    if (countQuotes) {
      const model = analyse(data.texts.get(a.id)!);
      const kept = selectPassages(align(model, data.index, overrides)).map((k) => k.kept);
      const inside = new Uint8Array(model.tokens.length);
      for (const p of kept) inside.fill(1, p.aTok[0], p.aTok[1]);
      copied.set(a.id, inside.reduce((n, x) => n + x, 0) / Math.max(1, model.tokens.length));
      hits.set(a.id, kept.map((p) => ({ start: p.a.start, end: p.a.end, sourceId: data.index.docs[p.doc]!.id })));
    } else {
      const res = check(data.texts.get(a.id)!, data.index, { rules: OTHER_RULES_OFF }, aligner ? { aligner } : {});
      copied.set(a.id, 1 - res.originality);
      hits.set(
        a.id,
        res.findings.filter((f) => f.rule === 'copied-passage' && f.source).map((f) => ({ start: f.start, end: f.end, sourceId: f.source!.id })),
      );
    }
    times.push([a.id, performance.now() - t0]);
    progress.tick();
  }
  const secs = progress.done();
  const s = scoreMeter(data, hits);
  console.log('');
  console.log(meterTable(s, data.articles));
  console.log('');
  console.log('document level if "derived" needed a minimum share of the article\'s words inside findings (1 − originality):');
  console.log(
    table(
      ['min copied share', 'precision', 'recall', 'F1'],
      [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5].map((min) => {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        for (const a of data.articles) {
          const gold = a.label !== 'non_derived';
          const pred = (hits.get(a.id)?.length ?? 0) > 0 && copied.get(a.id)! >= min;
          if (gold && pred) tp++;
          else if (pred) fp++;
          else if (gold) fn++;
        }
        const x = prf(tp, fp, fn);
        return [min === 0 ? 'any finding' : `>= ${min}`, f3(x.precision), f3(x.recall), f3(x.f1)];
      }),
    ),
  );
  console.log('');
  console.log(
    `flagged per gold class: ${Object.entries(s.flagged).map(([c, x]) => `${c} ${x.flagged}/${x.total}`).join(', ')}; ` +
      `word recall on Verbatim ${f3(s.verbatimRecall)}, on Rewrite ${f3(s.rewriteRecall)}`,
  );
  console.log(
    `retrieval: ${s.retrieval.own}/${s.retrieval.findings} findings (${f3(s.retrieval.own / Math.max(1, s.retrieval.findings))}) ` +
      `cite a PA story of the article's own catchline`,
  );
  times.sort((x, y) => y[1] - x[1]);
  console.log(
    `time: check ${secs.toFixed(1)} s (${((1000 * secs) / Math.max(1, data.articles.length)).toFixed(0)} ms per article), ` +
      `index ${data.indexSecs.toFixed(1)} s; peak RSS ${Memory.mb(Memory.peakRss)}; ${machine()}`,
  );
  console.log(`slowest articles: ${times.slice(0, 3).map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ')}`);
  if (nErrors > 0) {
    console.log(`non-derived articles with findings (${s.falsePositives.length}):`);
    for (const fp of s.falsePositives.slice(0, nErrors)) {
      console.log(`  ${fp.id}: ${fp.hits.map((h) => `[${h.start}-${h.end}) ← ${h.sourceId}`).join('; ')}`);
    }
    console.log(`derived articles without findings (${s.falseNegatives.length}):`);
    for (const id of s.falseNegatives.slice(0, nErrors)) console.log(`  ${id} (${data.articles.find((a) => a.id === id)!.label})`);
  }
};

export default suite;

/** 0 or 1: the fixed half of METER an article belongs to (FNV-1a of its id). */
export function meterHalf(id: string): 0 | 1 {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) {
    h ^= id.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h & 1) as 0 | 1;
}
