/**
 * `npm run bench -- editor [--sizes=1,10] [--runs=10] [--edits=50] [--lsp=1] [--cli=1] [--seed=13] [--json=FILE]`
 *
 * What an editor waits for, at 1 and 10 M reference words of real news text (corpus.ts):
 *   check    — in-process check() with every rule against a persisted index (decoded from the file
 *              the index bench's build child writes): the first check after opening the index (cold),
 *              then distinct articles (warm p50/p95), then one article re-checked after one-word edits at
 *              random paragraphs (seeded) with the editor's per-document state (incremental aligner and
 *              article analyses), for 1,000- and 5,000-word articles;
 *   lsp      — the built language server (dist/server.js --stdio) driven over JSON-RPC like an editor
 *              (debounce 0): a workspace whose references/ folder holds the reference documents as files,
 *              the article opened, then `--edits` one-word edits at random paragraphs, each timed from
 *              didChange to the full textDocument/diagnostic report (p50/p95); a second server started
 *              on the persisted index: process start → first full report;
 *              (`--child=first --ws=… --cache=…`: only that, on a kept workspace, for one or several server builds);
 *   cli      — `copydesk --version` (median of 5), and `copydesk check` from process start to exit on
 *              the persisted index (first findings, program load included).
 * Sizes are a flag because writing and indexing 10 M words takes a while on a shared machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { check } from '../../src/core/engine';
import { decodeIndex } from '../../src/core/index-codec';
import { EditorSession } from '../../src/core/session';
import { arg, articles, machine, pct, runChild, split, take } from './index-bench';
import { rng } from '../lib/rng';

interface Args {
  evalDir: string;
  args: string[];
}

const REPO = path.resolve(__dirname, '..');

const SWAPS = ['harbour', 'council', 'yesterday', 'workers', 'minister', 'record', 'Tuesday', 'statement'];

/** The text with one word of a random paragraph replaced by another word. */
export function oneWordEdit(text: string, rand: () => number): string {
  const paras: [number, number][] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (/\p{L}/u.test(m[0])) paras.push([m.index, m.index + m[0].length]);
  const [ps, pe] = paras[Math.floor(rand() * paras.length)]!;
  const words: [number, number][] = [];
  const wre = /\p{L}+/gu;
  const para = text.slice(ps, pe);
  while ((m = wre.exec(para)) !== null) words.push([ps + m.index, ps + m.index + m[0].length]);
  const [ws, we] = words[Math.floor(rand() * words.length)]!;
  let w = SWAPS[Math.floor(rand() * SWAPS.length)]!;
  if (w === text.slice(ws, we)) w += 's';
  return text.slice(0, ws) + w + text.slice(we);
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

// ---- child: in-process check() ---------------------------------------------------------------------

async function childCheck(o: Args): Promise<unknown> {
  const file = arg(o.args, 'file', '');
  const runs = Number(arg(o.args, 'runs', '10'));
  const edits = Number(arg(o.args, 'edits', '50'));
  const seed = Number(arg(o.args, 'seed', '13'));
  const lengths = arg(o.args, 'words', '1000,5000').split(',').map(Number);
  const { held } = split(o.evalDir);
  const bytes = fs.readFileSync(file);
  const t0 = performance.now();
  const { index } = decodeIndex(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const res: Record<string, unknown> = { decodeMs: performance.now() - t0 };
  for (const words of lengths) {
    const arts = articles(held, words, runs + 1);
    let t = performance.now();
    let c = cpuMs();
    const first = check(arts[0]!, index);
    const cold = performance.now() - t;
    const coldCpu = cpuMs() - c;
    const warm: number[] = [];
    const warmCpu: number[] = [];
    for (const a of arts.slice(1)) {
      t = performance.now();
      c = cpuMs();
      check(a, index);
      warm.push(performance.now() - t);
      warmCpu.push(cpuMs() - c);
    }
    // one document edited: the editor's per-document state between checks
    const session = new EditorSession(index);
    const rand = rng(seed);
    let text = arts[1]!;
    t = performance.now();
    session.check(text, {});
    const opened = performance.now() - t;
    const edit: number[] = [];
    const editCpu: number[] = [];
    for (let i = 0; i < edits; i++) {
      text = oneWordEdit(text, rand);
      t = performance.now();
      c = cpuMs();
      session.check(text, {});
      edit.push(performance.now() - t);
      editCpu.push(cpuMs() - c);
    }
    res[`w${words}`] = {
      coldMs: cold,
      coldCpuMs: coldCpu,
      findings: first.findings.length,
      warmP50: pct(warm, 50),
      warmP95: pct(warm, 95),
      warmCpuP50: pct(warmCpu, 50),
      openedMs: opened,
      editP50: pct(edit, 50),
      editP95: pct(edit, 95),
      editCpuP50: pct(editCpu, 50),
    };
  }
  return res;
}

// ---- the language server over JSON-RPC ---------------------------------------------------------------

interface Lsp {
  conn: ProtocolConnection;
  proc: ReturnType<typeof spawn>;
  stderr: () => string;
}

function startServer(folder: string, env: Record<string, string>, settings: Record<string, unknown>, server = path.join(REPO, 'dist', 'server.js')): Lsp {
  const proc = spawn(process.execPath, [server, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  // a server that has exited closes its pipe: late writes are dropped, not thrown
  proc.stdin!.on('error', () => undefined);
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  for (const m of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'window/showMessageRequest', 'workspace/diagnostic/refresh']) conn.onRequest(m, () => null);
  conn.listen();
  return { conn, proc, stderr: () => err };
}

async function initialize(s: Lsp, folder: string, settings: Record<string, unknown>): Promise<void> {
  await s.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).toString(),
    workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'ws' }],
    initializationOptions: { trusted: true, settings },
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { dataSupport: true } },
    },
  });
  await s.conn.sendNotification('initialized', {});
}

/** Pull until a full report for the current version arrives (a pull may be cancelled by a newer version or a rebuild). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function pullFull(s: Lsp, uri: string): Promise<any> {
  for (let i = 0; i < 2000; i++) {
    try {
      const r = await s.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      if ((r as { kind: string }).kind === 'full') return r;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  throw new Error(`no full report\n${s.stderr()}`);
}

async function stopServer(s: Lsp): Promise<void> {
  try {
    await Promise.race([s.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
    void s.conn.sendNotification('exit');
  } catch {
    /* gone */
  }
  // let the server exit on its own before closing the connection (a write into a destroyed pipe throws)
  if (s.proc.exitCode === null) await Promise.race([new Promise((r) => s.proc.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
  if (s.proc.exitCode === null) s.proc.kill();
  s.conn.dispose();
}

/** CPU ms of a running process so far (user + system, clock ticks of 10 ms): its main thread's and all its threads'; NaN off Linux. */
function procCpu(pid: number | undefined): { mainCpuMs: number; cpuMs: number } {
  const ticks = (file: string) => {
    try {
      const f = fs.readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      return NaN;
    }
  };
  return { mainCpuMs: ticks(`/proc/${pid}/task/${pid}/stat`), cpuMs: ticks(`/proc/${pid}/stat`) };
}

async function lspRun(folder: string, cacheDir: string, article: string, name: string, edits: number, seed: number, server?: string): Promise<Record<string, number>> {
  const settings = { references: ['references/'], debounceMs: 0, checkOn: 'type' };
  const env = { COPYDESK_CACHE_DIR: cacheDir };
  const t0 = performance.now();
  const s = startServer(folder, env, settings, server);
  try {
    await initialize(s, folder, settings);
    const tInit = performance.now() - t0;
    const uri = pathToFileURL(path.join(folder, name)).toString();
    let version = 1;
    void s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text: article } });
    // a large index's first check may answer with the copied-passage findings first (a result id ending in
    // ':partial', src/server/pull.ts): pulled again, the full report comes when the check ends
    let first = await pullFull(s, uri);
    const tDiagnostics = performance.now() - t0;
    const cpuDiagnostics = procCpu(s.proc.pid);
    const partialItems = String(first.resultId ?? '').endsWith(':partial') ? first.items.length : NaN;
    while (String(first.resultId ?? '').endsWith(':partial')) first = await pullFull(s, uri);
    const tFirst = performance.now() - t0;
    const cpu = procCpu(s.proc.pid);
    const rand = rng(seed);
    let text = article;
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      text = oneWordEdit(text, rand);
      const t = performance.now();
      void s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
      await pullFull(s, uri);
      times.push(performance.now() - t);
    }
    return { initializeMs: tInit, firstDiagnosticsMs: tDiagnostics, diagnosticsMainCpuMs: cpuDiagnostics.mainCpuMs, partialItems, firstReportMs: tFirst, firstMainCpuMs: cpu.mainCpuMs, firstCpuMs: cpu.cpuMs, firstItems: first.items.length, editP50: times.length ? pct(times, 50) : NaN, editP95: times.length ? pct(times, 95) : NaN };
  } finally {
    await stopServer(s);
  }
}

function timeProcess(args: string[], env: Record<string, string> = {}): { ms: number; status: number | null; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { ms: performance.now() - t, status: r.status, stdout: r.stdout };
}

const f1 = (x: unknown) => (typeof x === 'number' ? x.toFixed(1) : String(x));
const f0 = (x: unknown) => (typeof x === 'number' ? x.toFixed(0) : String(x));
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');

/**
 * `editor --child=first --ws=DIR --cache=DIR [--runs=5] [--server=A.js,B.js]`: only the server's first report
 * from a persisted index, on a workspace kept by `editor --keep=1` (its ws-NM folder and cache-NM): process start →
 * first full report of article-1000.txt, with the server's CPU by then (its main thread, and all its threads);
 * several servers (another build's dist/server.js) are run in turn, alternating, for an A/B.
 */
async function firstReports(o: Args): Promise<void> {
  const ws = arg(o.args, 'ws', '');
  const cache = arg(o.args, 'cache', '');
  const runs = Number(arg(o.args, 'runs', '5'));
  const servers = arg(o.args, 'server', path.join(REPO, 'dist', 'server.js')).split(',');
  const article = fs.readFileSync(path.join(ws, 'article-1000.txt'), 'utf8');
  const rows = new Map<string, Record<string, number>[]>(servers.map((s) => [s, []]));
  for (let r = 0; r < runs; r++) {
    for (const server of r % 2 ? [...servers].reverse() : servers) {
      const x = await lspRun(ws, cache, article, 'article-1000.txt', 0, 13, server);
      rows.get(server)!.push(x);
      const partial = Number.isNaN(x.partialItems) ? 'no partial report' : `partial report ${f0(x.firstDiagnosticsMs)} ms (main-thread CPU ${f0(x.diagnosticsMainCpuMs)}, ${x.partialItems} items)`;
      console.log(`${server}: first full report ${f0(x.firstReportMs)} ms (initialize ${f0(x.initializeMs)}; ${partial}), CPU by then ${f0(x.firstMainCpuMs)} ms main thread / ${f0(x.firstCpuMs)} ms all threads, ${x.firstItems} items (load ${load()})`);
    }
  }
  for (const [server, xs] of rows) {
    const med = (k: string) => f0(pct(xs.map((x) => x[k]!), 50));
    console.log(`${server}: median of ${xs.length}: first diagnostics ${med('firstDiagnosticsMs')} ms (main-thread CPU ${med('diagnosticsMainCpuMs')} ms); first full report ${med('firstReportMs')} ms, main-thread CPU ${med('firstMainCpuMs')} ms, all threads ${med('firstCpuMs')} ms`);
  }
}

export default async function run(o: Args): Promise<void> {
  const child = arg(o.args, 'child', '');
  if (child === 'check') {
    process.stdout.write(`RESULT ${JSON.stringify(await childCheck(o))}\n`);
    return;
  }
  if (child === 'first') {
    await firstReports(o);
    return;
  }
  const sizes = arg(o.args, 'sizes', '1,10').split(',').map(Number);
  const runs = arg(o.args, 'runs', '10');
  const edits = Number(arg(o.args, 'edits', '50'));
  const seed = Number(arg(o.args, 'seed', '13'));
  const doLsp = arg(o.args, 'lsp', '1') === '1';
  const doCli = arg(o.args, 'cli', '1') === '1';
  // keep the workspaces and caches (for profiling the CLI or the server on them afterwards)
  const keep = arg(o.args, 'keep', '0') === '1';
  console.log(`machine: ${machine()}`);
  const rows: Record<string, unknown> = {};
  const cli = path.join(REPO, 'bin', 'copydesk.js');
  const v: number[] = [];
  for (let i = 0; i < 5; i++) v.push(timeProcess([cli, '--version']).ms);
  // node itself starting and exiting, for scale on a loaded machine
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) bare.push(timeProcess(['-e', '0']).ms);
  rows.version = { p50: pct(v, 50), nodeP50: pct(bare, 50), load: load() };
  console.log(`copydesk --version: median ${f0(pct(v, 50))} ms of 5; node -e 0: median ${f0(pct(bare, 50))} ms (load ${load()})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-editor-bench-'));
  try {
    const { refs, held } = split(o.evalDir);
    for (const m of sizes) {
      const words = Math.round(m * 1e6);
      const file = path.join(tmp, `index-${m}M.cdx`);
      const b = await runChild('build', [`--words=${words}`, `--out=${file}`], o.evalDir, 8192, 'index');
      if ('error' in b) {
        console.log(`${m}M build failed: ${b.error}`);
        continue;
      }
      const c = await runChild('check', [`--file=${file}`, `--runs=${runs}`, `--edits=${edits}`, `--seed=${seed}`], o.evalDir, 8192, 'editor');
      fs.rmSync(file, { force: true });
      const row: Record<string, unknown> = { check: c, loadAfterCheck: load() };
      console.log(`\n${m}M reference words (${b.docs} docs), load ${load()}`);
      if ('error' in c) console.log(`  check: ${c.error}`);
      else {
        for (const w of ['w1000', 'w5000']) {
          const r = c[w] as Record<string, number>;
          console.log(
            `  check() every rule, ${w.slice(1)} words: cold ${f0(r.coldMs)} ms; warm p50 ${f1(r.warmP50)} / p95 ${f1(r.warmP95)} ms (CPU p50 ${f1(r.warmCpuP50)}); ` +
              `after a one-word edit p50 ${f1(r.editP50)} / p95 ${f1(r.editP95)} ms (CPU p50 ${f1(r.editCpuP50)}); ${r.findings} findings`,
          );
        }
      }
      if (doLsp || doCli) {
        const ws = path.join(tmp, `ws-${m}M`);
        const cacheDir = path.join(tmp, `cache-${m}M`);
        fs.mkdirSync(path.join(ws, 'references'), { recursive: true });
        take(refs, words).forEach((d, i) => fs.writeFileSync(path.join(ws, 'references', `${String(i).padStart(6, '0')}.txt`), d.text));
        const art = { 1000: articles(held, 1000, 1)[0]!, 5000: articles(held, 5000, 1)[0]! };
        fs.writeFileSync(path.join(ws, 'article-1000.txt'), art[1000]);
        fs.writeFileSync(path.join(ws, 'article-5000.txt'), art[5000]);
        if (doLsp) {
          // the first server builds and persists the index; the next ones open the persisted file
          const build = await lspRun(ws, cacheDir, art[1000], 'article-1000.txt', 0, seed);
          const l1 = await lspRun(ws, cacheDir, art[1000], 'article-1000.txt', edits, seed);
          const l5 = await lspRun(ws, cacheDir, art[5000], 'article-5000.txt', edits, seed);
          row.lsp = { build, w1000: l1, w5000: l5, load: load() };
          console.log(`  server: first report while building the index ${f0(build.firstReportMs)} ms; from the persisted index: initialize ${f0(l1.initializeMs)} ms, first diagnostics ${f0(l1.firstDiagnosticsMs)} ms, first full report ${f0(l1.firstReportMs)} ms from process start, CPU by then ${f0(l1.firstMainCpuMs)} ms main thread / ${f0(l1.firstCpuMs)} ms all threads (load ${load()})`);
          console.log(`  server edit → full report (debounce 0, ${edits} one-word edits): 1,000 words p50 ${f1(l1.editP50)} / p95 ${f1(l1.editP95)} ms; 5,000 words p50 ${f1(l5.editP50)} / p95 ${f1(l5.editP95)} ms`);
        }
        if (doCli) {
          const args = [cli, 'check', path.join(ws, 'article-1000.txt'), '--refs', path.join(ws, 'references'), '--format', 'json', '--fail-on', 'none', '--no-progress', '--cache', cacheDir];
          timeProcess(args); // make sure the index is persisted
          const t: number[] = [];
          for (let i = 0; i < 3; i++) t.push(timeProcess(args).ms);
          row.cli = { firstFindingsP50: pct(t, 50), load: load() };
          console.log(`  copydesk check, 1,000 words, persisted index: process start → exit median ${f0(pct(t, 50))} ms of 3 (load ${load()})`);
        }
        if (keep) console.log(`  kept: ${ws} (cache ${cacheDir})`);
        else {
          fs.rmSync(ws, { recursive: true, force: true });
          fs.rmSync(cacheDir, { recursive: true, force: true });
        }
      }
      rows[`${m}M`] = row;
    }
    const out = arg(o.args, 'json', '');
    if (out) fs.writeFileSync(out, JSON.stringify({ machine: machine(), rows }, null, 2));
  } finally {
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
