/**
 * `npm run bench -- index [--sizes=1,3,10] [--runs=20] [--checks=3] [--full-max=3] [--dolos-words=1] [--json=FILE]`
 *
 * Speed and memory of the reference index at 1, 3 and 10 M reference words of real news text
 * (corpus.ts), each size in fresh child processes:
 *   build   — index build throughput (MB/s of UTF-8 text and words/s, one core), peak RSS, retained
 *             heap and array buffers per reference word; then saves the index with index-codec;
 *   cold    — a fresh process loads the saved index and checks a 1,000-word article: time to the
 *             first alignment and to the first full check();
 *   latency — warm check latency for 1,000- and 5,000-word articles, p50/p95 (align() and check());
 *   dolos   — the same text through Dolos (@dodona/dolos-lib, its char tokeniser with its default
 *             k=23/w=17 winnowing, and a word tokeniser with k=3/w=1 like Copydesk's seeds): build
 *             throughput and per-article check latency (add the article, build its pairs).
 * Articles are made of held-out documents (METER newspaper stories and PAN13 suspicious documents
 * that are never in the reference set), so they contain real reuse of reference documents.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { align, articleTerms, DEFAULT_ALIGN, ngramSeeds } from '../../src/core/align';
import { check } from '../../src/core/engine';
import { decodeIndex, encodeIndex } from '../../src/core/index-codec';
import { ReferenceIndex } from '../../src/core/reference-index';
import { openIndexFile } from '../../src/node/index-file';
import { analyse, countWords } from '../../src/core/text';
import { loadCorpus, type CorpusDoc } from './corpus';

interface Args {
  evalDir: string;
  args: string[];
}

export function arg(args: string[], name: string, def: string): string {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : def;
}

/** The corpus split: held-out documents for articles, the rest for references (fixed order). */
export function split(evalDir: string): { refs: CorpusDoc[]; held: CorpusDoc[] } {
  const all = loadCorpus(evalDir);
  const held: CorpusDoc[] = [];
  const refs: CorpusDoc[] = [];
  let k = 0;
  for (const d of all) {
    const isHeld = (d.id.includes('meter/newspapers') || d.id.includes('/susp/')) && k++ % 9 === 0;
    (isHeld ? held : refs).push(d);
  }
  // interleave news and PAN text so that every size has both
  const news = refs.filter((d) => d.set !== 'pan13');
  const pan = refs.filter((d) => d.set === 'pan13');
  const mixed: CorpusDoc[] = [];
  for (let i = 0, j = 0; i < news.length || j < pan.length; ) {
    if (i < news.length) mixed.push(news[i++]!);
    if (j < pan.length) mixed.push(pan[j++]!);
  }
  return { refs: mixed, held };
}

export function take(docs: CorpusDoc[], words: number): CorpusDoc[] {
  const out: CorpusDoc[] = [];
  let n = 0;
  for (const d of docs) {
    if (n >= words) break;
    out.push(d);
    n += countWords(d.text);
  }
  return out;
}

/** Articles of about `words` words from held-out documents (paragraphs joined), `count` of them. */
export function articles(held: CorpusDoc[], words: number, count: number): string[] {
  const out: string[] = [];
  let at = 0;
  for (let a = 0; a < count; a++) {
    const parts: string[] = [];
    let n = 0;
    while (n < words) {
      const d = held[at++ % held.length]!;
      for (const p of d.text.split(/\n\s*\n|\r?\n/)) {
        const w = countWords(p);
        if (w === 0) continue;
        parts.push(p.trim());
        n += w;
        if (n >= words) break;
      }
    }
    out.push(parts.join('\n\n'));
  }
  return out;
}

function utf8Bytes(docs: CorpusDoc[]): number {
  let n = 0;
  for (const d of docs) n += Buffer.byteLength(d.text, 'utf8');
  return n;
}

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
}

function mem() {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, external: m.external };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

// ---- child processes ---------------------------------------------------------------------------

async function childBuild(o: Args): Promise<unknown> {
  const words = Number(arg(o.args, 'words', '1000000'));
  const out = arg(o.args, 'out', '');
  const { refs } = split(o.evalDir);
  const docs = take(refs, words);
  gc();
  const before = mem();
  const t0 = performance.now();
  const c0 = cpuMs();
  const index = ReferenceIndex.build(docs);
  const cpu = cpuMs() - c0;
  const wall = performance.now() - t0;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const after = mem();
  let textBytes = 0;
  for (const d of docs) textBytes += d.text.length * (/[^\u0000-\u00ff]/.test(d.text) ? 2 : 1);
  const bytes = utf8Bytes(docs);
  const t1 = performance.now();
  const encoded = encodeIndex(index);
  const encodeMs = performance.now() - t1;
  if (out) fs.writeFileSync(out, encoded);
  const retained = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  return {
    docs: docs.length,
    words: index.wordCount,
    terms: index.terms.size,
    mb: bytes / 1e6,
    buildWallMs: wall,
    buildCpuMs: cpu,
    mbPerSecCpu: bytes / 1e6 / (cpu / 1000),
    wordsPerSecCpu: index.wordCount / (cpu / 1000),
    mbPerSecWall: bytes / 1e6 / (wall / 1000),
    peakRss,
    retainedIndexBytes: retained,
    textBytes,
    bytesPerWordIndex: retained / index.wordCount,
    bytesPerWordWithText: (retained + textBytes) / index.wordCount,
    rssAfter: after.rss,
    fileBytes: encoded.length,
    encodeMs,
  };
}

async function childCold(o: Args): Promise<unknown> {
  const t0 = performance.now();
  const c0 = cpuMs();
  const file = arg(o.args, 'file', '');
  const articleFile = arg(o.args, 'article', '');
  const article = fs.readFileSync(articleFile, 'utf8');
  // as the CLI opens its cache (src/node/index-file.ts): header, directory, term dictionary and line
  // table now, the rest page by page on first use; --eager=1 reads and verifies the whole file first
  const eager = arg(o.args, 'eager', '0') === '1';
  const tRead = performance.now();
  const cRead = cpuMs();
  const { index, stats } = openIndexFile(file, { eagerBytes: eager ? Infinity : 0 });
  const tDecode = performance.now();
  const cDecode = cpuMs();
  const openStats = { ...stats };
  const passages = align(analyse(article), index);
  const tAlign = performance.now();
  const cAlign = cpuMs();
  const alignStats = { ...stats };
  // the full check also builds the name lexicon over every reference text: skipped for big sets
  const result = arg(o.args, 'full', '1') === '1' ? check(article, index) : { findings: [] };
  const tCheck = performance.now();
  return {
    readMs: tRead - t0,
    decodeMs: tDecode - tRead,
    firstAlignMs: tAlign - t0,
    cpuReadMs: cRead - c0,
    cpuDecodeMs: cDecode - cRead,
    cpuFirstAlignMs: cAlign - c0,
    firstCheckMs: arg(o.args, 'full', '1') === '1' ? tCheck - t0 : null,
    passages: passages.length,
    findings: result.findings.length,
    sinceProcessStartMs: performance.now(),
    eager,
    openReads: openStats.reads,
    openBytes: openStats.bytes,
    firstAlignReads: alignStats.reads,
    firstAlignBytes: alignStats.bytes,
    fileBytes: fs.statSync(file).size,
  };
}

async function childLatency(o: Args): Promise<unknown> {
  const file = arg(o.args, 'file', '');
  const runs = Number(arg(o.args, 'runs', '20'));
  const { held } = split(o.evalDir);
  const bytes = fs.readFileSync(file);
  const { index } = decodeIndex(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const res: Record<string, unknown> = {};
  for (const words of [1000, 5000]) {
    const arts = articles(held, words, runs);
    if (Number(arg(o.args, 'checks', '3')) > 0) check(arts[0]!, index); // warm: JIT, name lexicon, reference models
    align(analyse(arts[0]!), index);
    const tAlign: number[] = [];
    const tCheck: number[] = [];
    const tSeed: number[] = [];
    const tExact: number[] = [];
    const cSeed: number[] = [];
    const cExact: number[] = [];
    const cAlign: number[] = [];
    let passages = 0;
    const checks = Number(arg(o.args, 'checks', '3'));
    if (checks === 0) tCheck.push(NaN);
    arts.forEach((a, i) => {
      const doc = analyse(a);
      let t = performance.now();
      let c = cpuMs();
      ngramSeeds(articleTerms(doc, index), index, { ...DEFAULT_ALIGN });
      tSeed.push(performance.now() - t);
      cSeed.push(cpuMs() - c);
      t = performance.now();
      c = cpuMs();
      align(doc, index, { paraphrase: false });
      tExact.push(performance.now() - t);
      cExact.push(cpuMs() - c);
      t = performance.now();
      c = cpuMs();
      passages += align(doc, index).length;
      tAlign.push(performance.now() - t);
      cAlign.push(cpuMs() - c);
      if (i >= checks) return; // full checks (every rule) are slow: a few only
      t = performance.now();
      check(a, index);
      tCheck.push(performance.now() - t);
    });
    res[`w${words}`] = {
      seedP50: pct(tSeed, 50),
      seedP95: pct(tSeed, 95),
      exactP50: pct(tExact, 50),
      exactP95: pct(tExact, 95),
      alignP50: pct(tAlign, 50),
      alignP95: pct(tAlign, 95),
      cpuSeedP50: pct(cSeed, 50),
      cpuExactP50: pct(cExact, 50),
      cpuAlignP50: pct(cAlign, 50),
      cpuAlignP95: pct(cAlign, 95),
      checkP50: pct(tCheck, 50),
      checkP95: pct(tCheck, 95),
      passagesPerArticle: passages / arts.length,
    };
  }
  return res;
}

type DolosMod = {
  FingerprintIndex: new (k: number, w: number, data?: boolean) => {
    addFiles(files: unknown[]): unknown;
    files: Map<number, { shared: Set<{ files(): { id: number }[] }> }>;
    getPair(a: unknown, b: unknown): { buildFragments(): unknown[]; similarity: number };
  };
  File: new (path: string, content: string) => { id: number };
  CharTokenizer: new (lang: unknown) => { tokenizeFile(f: unknown): { id: number; file: unknown } };
  Tokenizer: new (lang: unknown) => object;
  Language: new (name: string, ext: string[]) => unknown;
  Region: new (a: number, b: number, c: number, d: number) => unknown;
};

async function childDolos(o: Args): Promise<unknown> {
  const words = Number(arg(o.args, 'words', '1000000'));
  const mode = arg(o.args, 'mode', 'char');
  const runs = Number(arg(o.args, 'runs', '10'));
  // loaded at run time from node_modules (ESM; not bundled)
  const entry = createRequire(__filename).resolve('@dodona/dolos-lib');
  const dynImport = new Function('u', 'return import(u)') as (u: string) => Promise<DolosMod>;
  const D = await dynImport(pathToFileURL(entry).href);
  const lang = new D.Language(mode, ['.txt']);
  let tokenizer: { tokenizeFile(f: unknown): { id: number; file: unknown } };
  let k = 23;
  let w = 17;
  if (mode === 'char') tokenizer = new D.CharTokenizer(lang);
  else {
    // Dolos's Tokenizer with word tokens (lower-cased), seeds like Copydesk's: 3-grams, every one kept
    const Base = D.Tokenizer as unknown as new (l: unknown) => { newToken(t: string, r: unknown): unknown; tokenizeFile(f: unknown): { id: number; file: unknown } };
    class WordTokenizer extends Base {
      generateTokens(text: string): unknown[] {
        const out: unknown[] = [];
        const re = /[\p{L}\p{N}]+/gu;
        const lines = text.split('\n');
        lines.forEach((line, ln) => {
          re.lastIndex = 0;
          let m: RegExpExecArray | null;
          while ((m = re.exec(line)) !== null) out.push(this.newToken(m[0].toLowerCase(), new D.Region(ln, m.index, ln, m.index + m[0].length)));
        });
        return out;
      }
    }
    tokenizer = new WordTokenizer(lang);
    k = 3;
    w = 1;
  }
  const { refs, held } = split(o.evalDir);
  const docs = take(refs, words);
  const bytes = utf8Bytes(docs);
  gc();
  const before = mem();
  const t0 = performance.now();
  const c0 = cpuMs();
  const index = new D.FingerprintIndex(k, w);
  const files = docs.map((d) => tokenizer.tokenizeFile(new D.File(d.id, d.text)));
  index.addFiles(files);
  const cpu = cpuMs() - c0;
  const wall = performance.now() - t0;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const after = mem();
  const nWords = docs.reduce((s, d) => s + countWords(d.text), 0);
  // check: add the article, then its pairs (with fragments) with every file sharing a fingerprint
  const lat: number[] = [];
  const arts = articles(held, 1000, runs + 1);
  arts.forEach((a, i) => {
    const t = performance.now();
    const f = tokenizer.tokenizeFile(new D.File(`article-${i}.txt`, a));
    index.addFiles([f]);
    const entry = index.files.get(f.id)!;
    const others = new Map<number, unknown>();
    for (const s of entry.shared) for (const other of s.files()) if (other.id !== f.id) others.set(other.id, other);
    let fragments = 0;
    for (const other of others.values()) fragments += index.getPair(f.file, other).buildFragments().length;
    if (i > 0) lat.push(performance.now() - t);
    void fragments;
  });
  return {
    mode,
    k,
    w,
    docs: docs.length,
    words: nWords,
    mb: bytes / 1e6,
    buildWallMs: wall,
    buildCpuMs: cpu,
    mbPerSecCpu: bytes / 1e6 / (cpu / 1000),
    wordsPerSecCpu: nWords / (cpu / 1000),
    peakRss,
    bytesPerWord: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / nWords,
    checkP50: pct(lat, 50),
    checkP95: pct(lat, 95),
  };
}

const CHILDREN: Record<string, (o: Args) => Promise<unknown>> = {
  build: childBuild,
  cold: childCold,
  // the 1,000-word article the cold child reads, written to --out (for running that child alone)
  article: async (o: Args) => {
    const out = arg(o.args, 'out', '');
    fs.writeFileSync(out, articles(split(o.evalDir).held, 1000, 1)[0]!);
    return { out };
  },
  latency: childLatency,
  dolos: childDolos,
};

export function runChild(child: string, extra: string[], evalDir: string, maxOldMb = 8192, suite = 'index'): Promise<Record<string, unknown> | { error: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [`--max-old-space-size=${maxOldMb}`, '--expose-gc', process.argv[1]!, suite, `--child=${child}`, ...extra], {
      env: { ...process.env, COPYDESK_EVAL_DIR: evalDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (b) => (out += b));
    p.stderr.on('data', (b) => (err += b));
    p.on('close', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)));
      else resolve({ error: `exit ${code ?? signal}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
    });
  });
}

export function machine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!;
  } catch {
    /* not Linux */
  }
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  return `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, ${os.platform()} ${os.release()}; load average at start ${load}; ${new Date().toISOString()}`;
}

const f1 = (x: unknown) => (typeof x === 'number' ? x.toFixed(1) : String(x));
const f0 = (x: unknown) => (typeof x === 'number' ? x.toFixed(0) : String(x));
const mb = (x: unknown) => (typeof x === 'number' ? (x / 2 ** 20).toFixed(0) : String(x));

export default async function run(o: Args): Promise<void> {
  const child = arg(o.args, 'child', '');
  if (child) {
    const r = await CHILDREN[child]!(o);
    process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
    return;
  }
  const sizes = arg(o.args, 'sizes', '1,3,10').split(',').map(Number);
  const runs = arg(o.args, 'runs', '20');
  const dolosWords = arg(o.args, 'dolos-words', '1').split(',').map(Number).filter((m) => m > 0); // --dolos-words=0: no Dolos rows
  console.log(`machine: ${machine()}`);
  console.log('note: timings on a shared machine are noisy; CPU-time throughput (process.cpuUsage) is given beside wall time.');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-'));
  const { held } = split(o.evalDir);
  const article = path.join(tmp, 'article-1000.txt');
  fs.writeFileSync(article, articles(held, 1000, 1)[0]!);
  const rows: Record<string, Record<string, unknown>> = {};
  try {
    for (const m of sizes) {
      const words = Math.round(m * 1e6);
      const file = path.join(tmp, `index-${m}M.cdx`);
      const b = await runChild('build', [`--words=${words}`, `--out=${file}`], o.evalDir);
      if ('error' in b) {
        console.log(`${m}M build failed: ${b.error}`);
        continue;
      }
      // full check() (every rule, incl. the name lexicon over all reference texts) only up to --full-max M words
      const full = m <= Number(arg(o.args, 'full-max', '3'));
      const cold = await runChild('cold', [`--file=${file}`, `--article=${article}`, `--full=${full ? 1 : 0}`], o.evalDir);
      const lat = await runChild('latency', [`--file=${file}`, `--runs=${runs}`, `--checks=${full ? arg(o.args, 'checks', '3') : '0'}`], o.evalDir);
      rows[`${m}M`] = { ...b, cold, lat };
      const l = lat as Record<string, Record<string, number>>;
      const c = cold as Record<string, number>;
      console.log(
        `\n${m}M words: ${b.docs} docs, ${(b.words as number).toLocaleString('en')} words, ${f1(b.mb)} MB, ${(b.terms as number).toLocaleString('en')} terms\n` +
          `  build: ${f0(b.buildWallMs)} ms wall, ${f0(b.buildCpuMs)} ms CPU → ${f1(b.mbPerSecCpu)} MB/s, ${((b.wordsPerSecCpu as number) / 1e6).toFixed(2)} M words/s (CPU); ${f1(b.mbPerSecWall)} MB/s wall\n` +
          `  memory: peak RSS ${mb(b.peakRss)} MiB; retained index ${f1(b.bytesPerWordIndex)} B/word, with texts ${f1(b.bytesPerWordWithText)} B/word; file ${mb(b.fileBytes)} MiB (encode ${f0(b.encodeMs)} ms)\n` +
          ('error' in cold
            ? `  cold: ${cold.error}\n`
            : `  cold start (fresh process): open ${f0(c.decodeMs)} ms (${mb(c.openBytes)} MiB read), first alignment ${mb(c.firstAlignBytes)} MiB read of ${mb(c.fileBytes)} MiB in ${f0(c.firstAlignReads)} reads; first alignment ${f0(c.firstAlignMs)} ms, first full check ${c.firstCheckMs === null ? 'not run' : `${f0(c.firstCheckMs)} ms`} (process uptime ${f0(c.sinceProcessStartMs)} ms)\n` +
              `  cold start, CPU time: open ${f0(c.cpuDecodeMs)} ms, first alignment ${f0(c.cpuFirstAlignMs)} ms (from main())\n`) +
          ('error' in lat
            ? `  latency: ${lat.error}`
            : `  warm, 1,000 words: n-gram seeding p50 ${f1(l.w1000!.seedP50)} / p95 ${f1(l.w1000!.seedP95)} ms; align without paraphrase seeding p50 ${f1(l.w1000!.exactP50)} / p95 ${f1(l.w1000!.exactP95)} ms\n` +
              `  warm, 5,000 words: n-gram seeding p50 ${f1(l.w5000!.seedP50)} / p95 ${f1(l.w5000!.seedP95)} ms; align without paraphrase seeding p50 ${f1(l.w5000!.exactP50)} / p95 ${f1(l.w5000!.exactP95)} ms\n` +
              `  warm latency, 1,000 words: align p50 ${f1(l.w1000!.alignP50)} / p95 ${f1(l.w1000!.alignP95)} ms; check p50 ${f1(l.w1000!.checkP50)} / p95 ${f1(l.w1000!.checkP95)} ms (${f1(l.w1000!.passagesPerArticle)} passages)\n` +
              `  warm latency, 5,000 words: align p50 ${f1(l.w5000!.alignP50)} / p95 ${f1(l.w5000!.alignP95)} ms; check p50 ${f1(l.w5000!.checkP50)} / p95 ${f1(l.w5000!.checkP95)} ms\n` +
              `  warm, CPU time p50, 1,000 words: seeding ${f1(l.w1000!.cpuSeedP50)}, align without paraphrase ${f1(l.w1000!.cpuExactP50)}, full align ${f1(l.w1000!.cpuAlignP50)} (p95 ${f1(l.w1000!.cpuAlignP95)}) ms; ` +
              `5,000 words: ${f1(l.w5000!.cpuSeedP50)}, ${f1(l.w5000!.cpuExactP50)}, ${f1(l.w5000!.cpuAlignP50)} (p95 ${f1(l.w5000!.cpuAlignP95)}) ms`),
      );
    }
    for (const m of dolosWords) {
      const words = Math.round(m * 1e6);
      for (const mode of ['char', 'word']) {
        const d = await runChild('dolos', [`--words=${words}`, `--mode=${mode}`, '--runs=10'], o.evalDir);
        if ('error' in d) {
          console.log(`\nDolos ${mode} at ${m}M words: ${d.error}`);
          continue;
        }
        const ours = await runChild('build', [`--words=${words}`], o.evalDir);
        const oursLat = rows[`${m}M`]?.lat as Record<string, Record<string, number>> | undefined;
        console.log(
          `\nDolos (${mode} tokens, k=${d.k}, w=${d.w}) at ${m}M words (${f1(d.mb)} MB): build ${f0(d.buildWallMs)} ms wall, ${f0(d.buildCpuMs)} ms CPU → ${f1(d.mbPerSecCpu)} MB/s (CPU); peak RSS ${mb(d.peakRss)} MiB, ${f1(d.bytesPerWord)} B/word; check (1,000 words) p50 ${f1(d.checkP50)} / p95 ${f1(d.checkP95)} ms`,
        );
        if (!('error' in ours)) {
          console.log(
            `  Copydesk on the same text: ${f1(ours.mbPerSecCpu)} MB/s (CPU) → ${((ours.mbPerSecCpu as number) / (d.mbPerSecCpu as number)).toFixed(1)}× Dolos build throughput; ${f1(ours.bytesPerWordWithText)} B/word` +
              (oursLat && !('error' in oursLat) ? `; check p50 ${f1(oursLat.w1000!.checkP50)} ms → ${((d.checkP50 as number) / oursLat.w1000!.checkP50!).toFixed(1)}× faster (align ${((d.checkP50 as number) / oursLat.w1000!.alignP50!).toFixed(1)}×)` : ''),
          );
        }
      }
    }
    const outFile = arg(o.args, 'json', '');
    if (outFile) fs.writeFileSync(outFile, JSON.stringify({ machine: machine(), rows }, null, 2));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
