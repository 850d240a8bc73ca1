/**
 * `npm run eval -- tune [--limit N] [--meter-limit N] [--only=pan13|meter]`
 * (also `npm run eval -- pan13 --sweep` / `meter --sweep` for one side only)
 *
 * A sweep over AlignOptions for choosing the aligner's defaults. Tunes ONLY on training data:
 * the PAN13 TRAIN corpus (the first N suspicious documents, default 150, against an index of ALL
 * train source documents) and METER (all of it, as the data README allows). Never the PAN13 test
 * corpus. Each setting changes one option from DEFAULT_ALIGN (plus a few combinations).
 *
 * METER findings here are `selectPassages(align(…, options))` — exactly what the copied-passage
 * rule reports (the rule has no other filter), since check() cannot take AlignOptions.
 */
import { align, DEFAULT_ALIGN, type AlignOptions } from '../../src/core/align';
import { selectPassages } from '../../src/core/rules/copied-passage';
import { analyse, type TextModel } from '../../src/core/text';
import { loadMeter, scoreMeter, type Hit } from './meter';
import { alignPan13, loadPan13, type Pan13Scores, scorePan13 } from './pan13';
import { f3, flag, intFlag, machine, Memory, Progress, table } from './lib/report';
import type { Suite } from './main';

export interface Setting {
  name: string;
  options: Partial<AlignOptions>;
}

/** One option at a time around the defaults, and a few combinations. */
export const GRID: Setting[] = [
  { name: 'defaults', options: {} },
  { name: 'maxGap 10', options: { maxGap: 10 } },
  { name: 'maxGap 40', options: { maxGap: 40 } },
  { name: 'maxSeedDocs 10', options: { maxSeedDocs: 10 } },
  { name: 'maxSeedDocs 200', options: { maxSeedDocs: 200 } },
  { name: 'sentence cos .40 / dice .35', options: { sentenceCosine: 0.4, sentenceDice: 0.35 } },
  { name: 'sentence cos .60 / dice .55', options: { sentenceCosine: 0.6, sentenceDice: 0.55 } },
  { name: 'minParaphraseSim .15', options: { minParaphraseSimilarity: 0.15 } },
  { name: 'minParaphraseSim .40', options: { minParaphraseSimilarity: 0.4 } },
  { name: 'minWords 5', options: { minWords: 5 } },
  { name: 'minWords 12', options: { minWords: 12 } },
  { name: 'paraphrase off', options: { paraphrase: false } },
  { name: 'maxCandidates 30', options: { maxCandidates: 30 } },
  { name: 'maxGap 40 + cos .40/dice .35', options: { maxGap: 40, sentenceCosine: 0.4, sentenceDice: 0.35 } },
  { name: 'maxGap 40 + seedDocs 10 + paraSim .40', options: { maxGap: 40, maxSeedDocs: 10, minParaphraseSimilarity: 0.4 } },
  { name: 'maxGap 40 + seedDocs 10', options: { maxGap: 40, maxSeedDocs: 10 } },
  { name: 'maxGap 40 + paraSim .40', options: { maxGap: 40, minParaphraseSimilarity: 0.4 } },
  // issue 2: reordered copying and short paraphrase matches
  { name: 'before issue 2', options: { reorderTolerant: false, minParaphraseWords: 0 } },
  { name: 'reorderTolerant off', options: { reorderTolerant: false } },
  { name: 'minParaphraseWords 0', options: { minParaphraseWords: 0 } },
  { name: 'minParaphraseWords 20', options: { minParaphraseWords: 20 } },
  { name: 'reorderKeepWords 0', options: { reorderKeepWords: 0 } },
];

export async function runSweep({ evalDir, args }: { evalDir: string; args: string[] }): Promise<void> {
  const only = flag(args, 'only');
  const doPan = only === undefined || only === 'pan13';
  const doMeter = only === undefined || only === 'meter';
  const panLimit = intFlag(args, 'limit') ?? 150;
  const meterLimit = intFlag(args, 'meter-limit');
  const names = flag(args, 'settings');
  const grid = typeof names === 'string' ? GRID.filter((g) => names.split(',').includes(g.name)) : GRID;
  if (flag(args, 'corpus') === 'test') throw new Error('tune: never tune on the PAN13 test corpus');

  const pan = doPan ? loadPan13(evalDir, 'train', panLimit, true) : undefined;
  if (pan) console.log(`PAN13 train: ${pan.susp.length} suspicious documents, ${pan.pairs.length} pairs, index of ${pan.index.documentCount} sources`);
  const meter = doMeter ? loadMeter(evalDir, meterLimit) : undefined;
  const meterModels = new Map<string, TextModel>();
  if (meter) {
    for (const a of meter.articles) meterModels.set(a.id, analyse(meter.texts.get(a.id)!));
    console.log(`METER: ${meter.articles.length} articles against ${meter.index.documentCount} PA stories`);
  }
  console.log(`defaults: ${JSON.stringify(DEFAULT_ALIGN)}`);

  const rows: (string | number)[][] = [];
  for (const s of grid) {
    const row: (string | number)[] = [s.name];
    const t0 = Date.now();
    if (pan) {
      const run = alignPan13(pan, s.options, s.name);
      const sc: Pan13Scores = scorePan13(pan, run.passages);
      const by = (f: string) => sc.folders.find((x) => x.folder.startsWith(f))!.score;
      row.push(
        f3(by('02').plagdet),
        f3(by('03').plagdet),
        f3(by('04').plagdet),
        f3(by('05').plagdet),
        f3(sc.overall.precision),
        f3(sc.overall.recall),
        f3(sc.overall.granularity),
        f3(sc.overall.plagdet),
      );
    }
    if (meter) {
      const progress = new Progress(`METER ${s.name}`, meter.articles.length);
      const hits = new Map<string, Hit[]>();
      for (const a of meter.articles) {
        const kept = selectPassages(align(meterModels.get(a.id)!, meter.index, s.options));
        hits.set(
          a.id,
          kept.map(({ kept: p }) => ({ start: p.a.start, end: p.a.end, sourceId: meter.index.docs[p.doc]!.id })),
        );
        progress.tick();
      }
      progress.done();
      const ms = scoreMeter(meter, hits);
      row.push(f3(ms.doc.f1), f3(ms.word.precision), f3(ms.word.recall), f3(ms.word.f1));
    }
    row.push(((Date.now() - t0) / 1000).toFixed(0));
    rows.push(row);
    console.log(`  done: ${row.join(' | ')}`);
  }
  const header = ['setting'];
  if (pan) header.push('02', '03', '04', '05', 'P', 'R', 'gran', 'plagdet');
  if (meter) header.push('doc F1', 'word P', 'word R', 'word F1');
  header.push('secs');
  console.log('');
  console.log(`AlignOptions sweep — PAN13 TRAIN (first ${pan?.susp.length ?? 0} suspicious docs; plagdet per folder and overall), METER (all ${meter?.articles.length ?? 0} articles)`);
  console.log(table(header, rows));
  console.log(`peak RSS ${Memory.mb(Memory.peakRss)}; ${machine()}`);
}

const suite: Suite = async (opts) => runSweep(opts);
export default suite;
