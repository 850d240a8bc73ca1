/**
 * `npm run eval -- pan13 [--corpus train|test] [--limit N] [--errors N] [--out DIR] [--sweep]`
 * (`--out DIR` also writes the detections in PAN's XML format, `--sweep` runs tune.ts on train)
 *
 * PAN 2013 text alignment, scored with the official plagdet measures (plagdet.ts).
 * The realistic setting: ONE ReferenceIndex over ALL source documents of the corpus, every
 * suspicious document that appears in a `pairs` file aligned once against it in one process.
 * The detections of a listed pair (susp, src) are the passages of susp whose reference document
 * is src (passages against other sources are not part of any listed pair and are not scored, as
 * in PAN's text-alignment task where only the given pairs are compared).
 * Scores per obfuscation folder (cases and detections of that folder's pairs) and overall (all
 * pairs pooled, as PAN's overall figure). `--limit N` checks only the first N suspicious
 * documents (sorted by name) and scores only their pairs — for quick runs; the index still holds
 * every source document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { align, type AlignOptions, type Passage } from '../../src/core/align';
import { ReferenceIndex } from '../../src/core/reference-index';
import { analyse, type TextModel } from '../../src/core/text';
import type { ReferenceDoc } from '../../src/core/types';
import { CharMap, PAN_FOLDERS, readCorpusPairs, readPanText, type PanFolder, type PanPair } from './lib/pan13-data';
import { f3, flag, intFlag, machine, Memory, Progress, setFlag, table } from './lib/report';
import { DEFAULT_ALIGN } from '../../src/core/align';
import type { Suite } from './main';
import { coveredShare, score, type Annotation, type PlagdetScore } from './plagdet';

export interface Pan13Data {
  corpus: 'train' | 'test';
  dir: string;
  index: ReferenceIndex;
  /** index.docs number of each source file name */
  srcDoc: Map<string, number>;
  pairs: PanPair[];
  /** suspicious documents to check (sorted) */
  susp: string[];
  loadSecs: number;
  indexSecs: number;
  /** 02-no-obfuscation cases whose suspicious and source slices are identical up to white space / all such cases */
  offsetCheck: { same: number; total: number; maps: number };
  models?: Map<string, TextModel>;
}

export function loadPan13(evalDir: string, corpus: 'train' | 'test', limit?: number, keepModels = false): Pan13Data {
  const dir = path.join(evalDir, 'pan13_text_alignment', `${corpus}_corpus`);
  if (!fs.existsSync(dir)) throw new Error(`PAN13: corpus not found: ${dir}`);
  let t0 = Date.now();
  let pairs = readCorpusPairs(dir);
  let susp = [...new Set(pairs.map((p) => p.susp))].sort();
  if (limit !== undefined && limit < susp.length) {
    susp = susp.slice(0, limit);
    const keep = new Set(susp);
    pairs = pairs.filter((p) => keep.has(p.susp));
  }
  const srcDir = path.join(dir, 'src');
  const docs: ReferenceDoc[] = [];
  let maps = 0;
  for (const f of fs.readdirSync(srcDir).sort()) {
    if (!f.endsWith('.txt')) continue;
    const text = readPanText(path.join(srcDir, f));
    if (!new CharMap(text).identity) maps++;
    docs.push({ id: f, path: path.join(srcDir, f), text, meta: {} });
  }
  const loadSecs = (Date.now() - t0) / 1000;
  t0 = Date.now();
  const index = ReferenceIndex.build(docs);
  const indexSecs = (Date.now() - t0) / 1000;
  Memory.sample();
  const srcDoc = new Map<string, number>();
  index.docs.forEach((d, k) => srcDoc.set(d.id, k));
  for (const p of pairs) if (!srcDoc.has(p.src)) throw new Error(`PAN13: ${p.folder}/pairs names a missing source: ${p.src}`);

  // Offsets are PAN's: on verbatim cases the two slices must be the same text.
  const offsetCheck = { same: 0, total: 0, maps };
  const suspText = new Map<string, string>();
  for (const p of pairs) {
    if (p.folder !== '02-no-obfuscation') continue;
    let t = suspText.get(p.susp);
    if (t === undefined) suspText.set(p.susp, (t = readPanText(path.join(dir, 'susp', p.susp))));
    const s = index.docs[srcDoc.get(p.src)!]!.text;
    for (const c of p.cases) {
      offsetCheck.total++;
      // PAN re-wraps lines in the suspicious copy: compare with every white-space character as a space
      const x = t.slice(c.suspOffset, c.suspOffset + c.suspLength).replace(/\s/g, ' ');
      if (x === s.slice(c.srcOffset, c.srcOffset + c.srcLength).replace(/\s/g, ' ')) offsetCheck.same++;
    }
  }
  return {
    corpus,
    dir,
    index,
    srcDoc,
    pairs,
    susp,
    loadSecs,
    indexSecs,
    offsetCheck,
    ...(keepModels ? { models: new Map() } : {}),
  };
}

export interface AlignRun {
  /** passages per suspicious document, offsets already in PAN's code points */
  passages: Map<string, Passage[]>;
  secs: number;
  /** the slowest documents: [name, ms] */
  slowest: [string, number][];
}

/** Align every suspicious document of `data` against the index. */
export function alignPan13(data: Pan13Data, options: Partial<AlignOptions>, label = 'align'): AlignRun {
  const progress = new Progress(`PAN13 ${data.corpus} ${label}`, data.susp.length);
  const passages = new Map<string, Passage[]>();
  const times: [string, number][] = [];
  for (const name of data.susp) {
    const t0 = performance.now();
    let model = data.models?.get(name);
    let text = model?.text;
    if (!model) {
      try {
        text = readPanText(path.join(data.dir, 'susp', name));
      } catch (e) {
        console.error(`PAN13: cannot read ${name}: ${(e as Error).message}`);
        progress.tick();
        continue;
      }
      model = analyse(text);
      data.models?.set(name, model);
    }
    const ps = align(model, data.index, options);
    const map = new CharMap(text!);
    if (!map.identity) {
      for (const p of ps) {
        p.a = { start: map.toCodePoint(p.a.start), end: map.toCodePoint(p.a.end) };
        const m2 = new CharMap(data.index.docs[p.doc]!.text);
        p.b = { start: m2.toCodePoint(p.b.start), end: m2.toCodePoint(p.b.end) };
      }
    }
    passages.set(name, ps);
    times.push([name, performance.now() - t0]);
    progress.tick();
  }
  const secs = progress.done();
  times.sort((a, b) => b[1] - a[1]);
  return { passages, secs, slowest: times.slice(0, 5) };
}

export function detectionsOf(data: Pan13Data, pair: PanPair, passages: Map<string, Passage[]>): Annotation[] {
  const want = data.srcDoc.get(pair.src);
  const out: Annotation[] = [];
  for (const p of passages.get(pair.susp) ?? []) {
    if (p.doc !== want) continue;
    out.push({
      susp: pair.susp,
      suspOffset: p.a.start,
      suspLength: p.a.end - p.a.start,
      src: pair.src,
      srcOffset: p.b.start,
      srcLength: p.b.end - p.b.start,
    });
  }
  return out;
}

export interface Pan13Scores {
  folders: { folder: PanFolder; pairs: number; score: PlagdetScore }[];
  overall: PlagdetScore;
}

export function scorePan13(data: Pan13Data, passages: Map<string, Passage[]>): Pan13Scores {
  const folders: Pan13Scores['folders'] = [];
  const allCases: Annotation[] = [];
  const allDets: Annotation[] = [];
  for (const folder of PAN_FOLDERS) {
    const ps = data.pairs.filter((p) => p.folder === folder);
    const cases = ps.flatMap((p) => p.cases);
    const dets = ps.flatMap((p) => detectionsOf(data, p, passages));
    allCases.push(...cases);
    allDets.push(...dets);
    folders.push({ folder, pairs: ps.length, score: score(cases, dets) });
  }
  return { folders, overall: score(allCases, allDets) };
}

export function scoreTable(s: Pan13Scores): string {
  // a folder with no pairs in the run (--limit) has nothing to score
  const row = (name: string, pairs: number, x: PlagdetScore) =>
    pairs === 0
      ? [name, 0, 0, 0, '-', '-', '-', '-']
      : [name, pairs, x.cases, x.detections, f3(x.precision), f3(x.recall), f3(x.granularity), f3(x.plagdet)];
  return table(
    ['folder', 'pairs', 'cases', 'detections', 'precision', 'recall', 'granularity', 'plagdet'],
    [
      ...s.folders.map((f) => row(f.folder, f.pairs, f.score)),
      row('overall', s.folders.reduce((n, f) => n + f.pairs, 0), s.overall),
    ],
  );
}

/** The largest misses and false detections, by file name and offsets (never the text). */
export function errorReport(data: Pan13Data, passages: Map<string, Passage[]>, n: number): string {
  const misses: [number, string][] = [];
  const falses: [number, string][] = [];
  for (const p of data.pairs) {
    const dets = detectionsOf(data, p, passages);
    for (const c of p.cases) {
      const r = coveredShare(c, dets);
      if (r < 0.5) {
        misses.push([
          c.suspLength * (1 - r),
          `  miss ${p.folder.slice(0, 2)} ${p.susp}[${c.suspOffset}+${c.suspLength}] ← ${p.src}[${c.srcOffset}+${c.srcLength}] recall ${f3(r)}` +
            (dets.length ? `; detections of the pair: ${dets.map((d) => `[${d.suspOffset}+${d.suspLength}]←[${d.srcOffset}+${d.srcLength}]`).join(' ')}` : '; no detection for the pair'),
        ]);
      }
    }
    for (const d of dets) {
      const pr = coveredShare(d, p.cases);
      if (pr < 0.5) {
        const pass = (passages.get(p.susp) ?? []).find((x) => x.a.start === d.suspOffset && x.b.start === d.srcOffset);
        falses.push([
          d.suspLength * (1 - pr),
          `  false ${p.folder.slice(0, 2)} ${p.susp}[${d.suspOffset}+${d.suspLength}] ← ${p.src}[${d.srcOffset}+${d.srcLength}] precision ${f3(pr)}` +
            (pass ? ` (${pass.level}, similarity ${pass.similarity}, ${pass.words} words)` : ''),
        ]);
      }
    }
  }
  misses.sort((a, b) => b[0] - a[0]);
  falses.sort((a, b) => b[0] - a[0]);
  return [
    `largest misses (${misses.length} cases with recall < 0.5):`,
    ...misses.slice(0, n).map((m) => m[1]),
    `largest false detections (${falses.length} detections with precision < 0.5):`,
    ...falses.slice(0, n).map((m) => m[1]),
  ].join('\n');
}

const suite: Suite = async ({ evalDir, args }) => {
  const corpusFlag = flag(args, 'corpus') ?? 'test';
  if (corpusFlag !== 'train' && corpusFlag !== 'test') throw new Error(`pan13: --corpus must be train or test, got '${String(corpusFlag)}'`);
  const limit = intFlag(args, 'limit');
  const nErrors = intFlag(args, 'errors') ?? 5;
  if (flag(args, 'sweep')) {
    const { runSweep } = await import('./tune');
    await runSweep({ evalDir, args: [...args, '--only=pan13'] });
    return;
  }
  const data = loadPan13(evalDir, corpusFlag, limit);
  const st = data.index.stats();
  console.log(
    `PAN13 ${corpusFlag}_corpus: ${data.susp.length} suspicious documents, ${data.pairs.length} pairs; ` +
      `index of ${st.documents} source documents, ${st.words.toLocaleString('en')} words ` +
      `(read ${data.loadSecs.toFixed(1)} s, indexed ${data.indexSecs.toFixed(1)} s)`,
  );
  console.log(
    `offsets: ${data.offsetCheck.same}/${data.offsetCheck.total} no-obfuscation cases slice to the same suspicious and source text (white space aside); ` +
      `${data.offsetCheck.maps} source texts need a code point ↔ UTF-16 map`,
  );
  const set = setFlag(args);
  if (Object.keys(set).length && corpusFlag === 'test') throw new Error('pan13: --set is for tuning on train, not the test corpus');
  const { sentence, ...rest } = set as { sentence?: object };
  const run = alignPan13(data, { ...rest, ...(sentence ? { sentence: { ...DEFAULT_ALIGN.sentence, ...sentence } } : {}) });
  const s = scorePan13(data, run.passages);
  console.log('');
  console.log(scoreTable(s));
  console.log('');
  console.log(
    `time: align ${run.secs.toFixed(1)} s (${((1000 * run.secs) / Math.max(1, data.susp.length)).toFixed(0)} ms per suspicious document), ` +
      `index ${data.indexSecs.toFixed(1)} s; peak RSS ${Memory.mb(Memory.peakRss)}; ${machine()}`,
  );
  console.log(`slowest documents: ${run.slowest.map(([n, ms]) => `${n} ${ms.toFixed(0)} ms`).join(', ')}`);
  if (nErrors > 0) console.log(errorReport(data, run.passages, nErrors));
  const out = flag(args, 'out');
  if (typeof out === 'string') {
    const n = writeDetections(data, run.passages, out);
    console.log(`wrote ${n} detection files in PAN's XML format under ${out}/<folder>/ (for the official PAN script)`);
  }
};

/**
 * Detections as PAN detection XML, one file per listed pair under dir/<folder>/, named like the
 * truth files, with `detected-plagiarism` features — the input of PAN's own measure script.
 */
export function writeDetections(data: Pan13Data, passages: Map<string, Passage[]>, dir: string): number {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  let n = 0;
  for (const p of data.pairs) {
    const folderDir = path.join(dir, p.folder);
    fs.mkdirSync(folderDir, { recursive: true });
    const feats = detectionsOf(data, p, passages).map(
      (d) =>
        `<feature name="detected-plagiarism" this_offset="${d.suspOffset}" this_length="${d.suspLength}" ` +
        `source_reference="${esc(d.src)}" source_offset="${d.srcOffset}" source_length="${d.srcLength}" />`,
    );
    const file = path.join(folderDir, `${p.susp.replace(/\.txt$/, '')}-${p.src.replace(/\.txt$/, '')}.xml`);
    fs.writeFileSync(file, `<document reference="${esc(p.susp)}">\n${feats.map((f) => `${f}\n`).join('')}</document>\n`);
    n++;
  }
  return n;
}

export default suite;
