/**
 * `npm run bench -- same --base=DIR [--meter=20] [--polnear=20]`
 *
 * Findings identical before and after: runs the previous engine (DIR/dist/cli.js, e.g. a build of an
 * earlier commit into a temp folder: `git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci &&
 * node esbuild.js)`, or just its dist/cli.js copied to DIR/dist) and this one (dist/cli.js) on the same
 * inputs with `copydesk check --format json`, and compares the JSON reports field by field:
 *   demo     — examples/harbour-strike (article against its references);
 *   e2e      — the e2e fixtures (test/fixtures/e2e: article.md, wire-scrape.md, notes.txt against references/);
 *   meter    — the first --meter METER newspaper stories of meter/DERIVED_pairs_index.tsv, each against its PA copy;
 *   polnear  — the first --polnear PolNeAR dev articles, against the dev split's first 60 texts (attribution rules
 *              run on every article; the reference set gives the copy and quote rules something to match).
 * Evaluation data is read by path from the shared folder at run time, never copied. Each engine gets
 * its own index cache folder. Several articles go through one process, so caches that live across
 * checks (sentence tags, name comparisons, reference analyses) are exercised as in an editor session.
 * Exit code 1 when any report differs; the differing paths are printed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { arg } from './index-bench';

interface Args {
  evalDir: string;
  args: string[];
}

const REPO = path.resolve(__dirname, '..');

interface Case {
  name: string;
  articles: string[];
  refs: string[];
}

function cases(evalDir: string, nMeter: number, nPolnear: number): Case[] {
  const out: Case[] = [];
  const ex = path.join(REPO, 'examples', 'harbour-strike');
  out.push({ name: 'demo', articles: [path.join(ex, 'article.md')], refs: [path.join(ex, 'references')] });
  const e2e = path.join(REPO, 'test', 'fixtures', 'e2e');
  out.push({ name: 'e2e', articles: ['article.md', 'wire-scrape.md', 'notes.txt'].map((f) => path.join(e2e, f)), refs: [path.join(e2e, 'references')] });
  const meter = path.join(evalDir, 'meter');
  const tsv = path.join(meter, 'DERIVED_pairs_index.tsv');
  if (fs.existsSync(tsv)) {
    const rows = fs.readFileSync(tsv, 'utf8').split('\n').slice(1).filter(Boolean).slice(0, nMeter);
    for (const r of rows) {
      const c = r.split('\t');
      out.push({ name: `meter:${c[0]}`, articles: [path.join(meter, c[0]!)], refs: c[6]!.split(';').map((p) => path.join(meter, p)) });
    }
  }
  const dev = path.join(evalDir, 'polnear', 'data', 'dev', 'text');
  if (fs.existsSync(dev)) {
    const files = fs.readdirSync(dev).filter((f) => f.endsWith('.txt')).sort();
    out.push({ name: 'polnear-dev', articles: files.slice(0, nPolnear).map((f) => path.join(dev, f)), refs: files.slice(0, 60).map((f) => path.join(dev, f)) });
  }
  return out;
}

function runEngine(cli: string, c: Case, cache: string): { status: number | null; json: unknown; stderr: string } {
  const r = spawnSync(process.execPath, [cli, 'check', ...c.articles, '--refs', ...c.refs, '--format', 'json', '--fail-on', 'none', '--no-progress', '--no-color', '--cache', cache], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  let json: unknown = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = r.stdout;
  }
  return { status: r.status, json, stderr: r.stderr };
}

/** Paths at which two JSON values differ (first `max`). */
export function diffJson(a: unknown, b: unknown, at = '$', out: string[] = [], max = 20): string[] {
  if (out.length >= max) return out;
  if (a === b) return out;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    out.push(`${at}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`);
    return out;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${at}: array vs object`);
    return out;
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  for (const k of new Set([...ka, ...kb])) diffJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out, max);
  return out;
}

export default async function run(o: Args): Promise<void> {
  const base = arg(o.args, 'base', '');
  if (!base || !fs.existsSync(path.join(base, 'dist', 'cli.js'))) {
    console.error('bench same: --base=DIR must hold the previous engine\'s dist/cli.js');
    process.exitCode = 2;
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-same-'));
  let differ = 0;
  let articles = 0;
  try {
    for (const c of cases(o.evalDir, Number(arg(o.args, 'meter', '20')), Number(arg(o.args, 'polnear', '20')))) {
      const before = runEngine(path.join(base, 'dist', 'cli.js'), c, path.join(tmp, 'base'));
      const after = runEngine(path.join(REPO, 'dist', 'cli.js'), c, path.join(tmp, 'new'));
      const d = diffJson(before.json, after.json);
      if (before.status !== after.status) d.unshift(`exit status ${before.status} ≠ ${after.status}`);
      if (before.stderr !== after.stderr) d.push(`stderr differs: ${before.stderr.slice(0, 200)} ≠ ${after.stderr.slice(0, 200)}`);
      articles += c.articles.length;
      // one article: one report object; several: an array of them
      const findings = (j: unknown) => (Array.isArray(j) ? j : [j]).reduce((n: number, r: { findings?: unknown[] } | null) => n + (r?.findings?.length ?? 0), 0);
      if (d.length) {
        differ++;
        console.log(`DIFF ${c.name} (${c.articles.length} articles):\n  ${d.join('\n  ')}`);
      } else console.log(`same ${c.name}: ${c.articles.length} article(s), ${findings(after.json)} findings`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\n${articles} articles compared; ${differ} case(s) differ`);
  if (differ) process.exitCode = 1;
}
