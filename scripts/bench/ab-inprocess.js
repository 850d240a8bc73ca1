/**
 * In-process A/B of two engines on warm checks (issue 13's runs 30 and 36):
 *
 *   COPYDESK_EVAL_DIR=/work/shared/eval node --expose-gc scripts/bench/ab-inprocess.js --base=DIR --file=INDEX.cdx
 *       [--only=check|align|edit] [--words=1000] [--articles=40] [--edits=100] [--first=base|this] [--profile=OUT.cpuprofile]
 *
 * Bundles DIR's sources and this checkout's (engine, index codec, the bench's corpus) with esbuild into a temp folder,
 * loads both into one process, and has each decode INDEX and make one cold check. Then every bench article (the editor
 * bench's: articles(held, words, …)) goes through both, the order alternating per article; CPU time per call
 * (process.cpuUsage) and wall time are collected, and the results (check: the findings; align: the passages) compared
 * as JSON. On a shared machine the CPU columns of one such session are what to compare.
 * Not a fair A/B for small differences: "this" has run 1–18 % faster at p50 against builds doing the same work, loaded
 * first or second (docs/PERFORMANCE.md run 46; cause not found). --first=this loads this checkout first (default: base
 * first). Decide on separate bench children (`bench editor --child=check`), one build per process.
 * --only=edit: the editor's loop instead — each side opens the same article in an EditorSession (the language
 * server's per-document state), then --edits one-word edits at random paragraphs (the editor bench's oneWordEdit,
 * seed 13) are re-checked, the sides alternating per edit; CPU per edit and the findings compared as above.
 * With --profile, no A/B: this checkout alone, one cold call, then the inspector's CPU profile (200 µs) of --articles
 * warm calls, written to OUT; with --alloc=OUT.heapprofile also the sampling heap profile of those calls (freed objects
 * included: the allocations that make the garbage collector's work). --keep: the bundles' folder is left in place (a
 * profile's line numbers point into it).
 */
const esbuild = require('esbuild');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, ...v]) => [k, v.join('=')]));
const here = path.resolve(__dirname, '../..');
const only = args.only || 'check';
const words = Number(args.words || 1000);
const count = Number(args.articles || 40);
const evalDir = process.env.COPYDESK_EVAL_DIR || path.resolve(here, '../shared/eval');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-ab-'));

async function bundle(dir, name) {
  const entry = path.join(tmp, `${name}-entry.ts`);
  fs.writeFileSync(
    entry,
    [
      `export { check } from '${dir}/src/core/engine';`,
      `export { decodeIndex } from '${dir}/src/core/index-codec';`,
      `export { align } from '${dir}/src/core/align';`,
      `export { analyse } from '${dir}/src/core/text';`,
      `export { split, articles } from '${dir}/scripts/bench/index-bench';`,
      `export { EditorSession } from '${dir}/src/core/session';`,
      `export { oneWordEdit } from '${dir}/scripts/bench/editor-bench';`,
      `export { rng } from '${dir}/scripts/lib/rng';`,
    ].join('\n'),
  );
  const out = path.join(tmp, `${name}.js`);
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: out,
    external: ['vscode'],
    logLevel: 'warning',
    nodePaths: [path.join(here, 'node_modules')],
    plugins: [
      {
        name: 'ignore-canvas',
        setup(b) {
          b.onResolve({ filter: /^canvas$/ }, () => ({ path: 'canvas', namespace: 'empty' }));
          b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {}' }));
        },
      },
    ],
  });
  return require(out);
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pct = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((p / 100) * a.length))];

async function main() {
  if (!args.file) throw new Error('--file=INDEX.cdx is required');
  const bytes = fs.readFileSync(args.file);
  const u8 = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const load = async (dir, name) => {
    const m = await bundle(dir, name);
    return { name, m, index: m.decodeIndex(u8).index, cpu: [], wall: [], out: [] };
  };
  const call = (s, a) =>
    only === 'align' ? s.m.align(s.m.analyse(a), s.index) : only === 'edit' ? s.session.check(a).findings : s.m.check(a, s.index).findings;
  /** The texts to check after the first (cold) one: new articles, or one article after each of --edits one-word edits. */
  const workload = (m, arts, opened) => {
    if (only !== 'edit') return arts.slice(1);
    const rand = m.rng(13);
    const out = [];
    let text = opened;
    for (let i = 0; i < Number(args.edits || 100); i++) out.push((text = m.oneWordEdit(text, rand)));
    return out;
  };
  const open = (s, arts) => {
    if (only !== 'edit') return call(s, arts[0]);
    // the article is opened after a cold check of another one, as a server's second document
    s.m.check(arts[0], s.index);
    s.session = new s.m.EditorSession(s.index);
    return s.session.check(arts[1]);
  };
  if (args.profile) {
    const s = await load(here, 'this');
    const { held } = s.m.split(evalDir);
    const arts = s.m.articles(held, words, count + 1);
    open(s, arts);
    const texts = workload(s.m, arts, arts[1]);
    const inspector = require('node:inspector');
    const session = new inspector.Session();
    session.connect();
    const post = (m, p) => new Promise((res, rej) => session.post(m, p || {}, (e, r) => (e ? rej(e) : res(r))));
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    if (args.alloc) {
      // every allocation sampled, also of objects the garbage collector has since freed (what drives GC)
      await post('HeapProfiler.enable');
      await post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    }
    await post('Profiler.start');
    const c0 = cpu();
    for (const a of texts) call(s, a);
    const c = cpu() - c0;
    const { profile } = await post('Profiler.stop');
    fs.writeFileSync(args.profile, JSON.stringify(profile));
    if (args.alloc) {
      const { profile: heap } = await post('HeapProfiler.stopSampling');
      fs.writeFileSync(args.alloc, JSON.stringify(heap));
    }
    console.log(`${only}: ${(c / texts.length).toFixed(1)} CPU ms per call while profiled; profile in ${args.profile}`);
    return;
  }
  if (!args.base) throw new Error('--base=DIR is required');
  const loadBase = () => load(path.resolve(args.base), 'base');
  const loadThis = () => load(here, 'this');
  // loaded in this order; reported base first either way
  const sides = args.first === 'this' ? [await loadThis(), await loadBase()].reverse() : [await loadBase(), await loadThis()];
  const { held } = sides[0].m.split(evalDir);
  const arts = sides[0].m.articles(held, words, count + 1);
  for (const s of sides) {
    const c0 = cpu();
    open(s, arts);
    s.cold = cpu() - c0;
  }
  let differ = 0;
  const texts = workload(sides[0].m, arts, arts[1]);
  texts.forEach((a, i) => {
    for (const s of i % 2 ? [...sides].reverse() : sides) {
      const t0 = performance.now();
      const c0 = cpu();
      const r = call(s, a);
      s.cpu.push(cpu() - c0);
      s.wall.push(performance.now() - t0);
      s.out[i] = JSON.stringify(r);
    }
    if (sides[0].out[i] !== sides[1].out[i]) differ++;
  });
  const mean = (a) => a.reduce((x, y) => x + y, 0) / a.length;
  for (const s of sides) {
    console.log(`${s.name}: ${only} ${words} words, CPU ms p50 ${pct(s.cpu, 50).toFixed(1)} mean ${mean(s.cpu).toFixed(1)}; wall p50 ${pct(s.wall, 50).toFixed(1)}; cold CPU ${s.cold.toFixed(0)}`);
  }
  console.log(`${texts.length} ${only === 'edit' ? 'edits' : 'articles'}; ${differ} differ; loaded first: ${args.first === 'this' ? 'this' : 'base'}`);
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => (args.keep === undefined ? fs.rmSync(tmp, { recursive: true, force: true }) : console.log(`bundles kept in ${tmp}`)));
