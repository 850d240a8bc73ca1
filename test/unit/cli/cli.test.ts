/** End to end: `node bin/copydesk.js` after building dist/cli.js. */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex } from '../../../src/core/positions';
import { proseView } from '../../../src/core/prose';
import { RULE_IDS } from '../../../src/core/types';
import { articleFrom, referenceSet } from '../cache/helpers';
import { buildCli, copydesk as run, copydeskCached as copydesk, ROOT } from './helpers';
import { assertValid, validateReport, validateSarif } from './schemas';

const DEMO = 'examples/harbour-strike/article.md';
const DEMO_REFS = 'examples/harbour-strike/references';
const CLI_FIX = path.join(ROOT, 'test/fixtures/cli');

interface Report {
  version: number;
  document: { path: string; words: number };
  originality: number | null;
  sources: Array<{ id: string; matchedWords: number }>;
  findings: Array<{ rule: string; severity: string; start: number; end: number; text: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fingerprint: string; source?: { id: string; start: number; end: number; text: string } }>;
  errors: Array<{ path: string; message: string; severity: string }>;
}

function json<T = Report>(s: string): T {
  return JSON.parse(s) as T;
}

describe('copydesk CLI (end to end)', function () {
  this.timeout(120_000);
  before(async () => {
    await buildCli();
  });

  it('--version prints the package version; --help lists check; no arguments is a usage error', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const v = copydesk(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), pkg.version);
    const h = copydesk(['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /check \[options\] <article\.\.\.>/);
    const ch = copydesk(['check', '--help']);
    assert.equal(ch.status, 0);
    for (const opt of ['--refs', '--format', '--min-words', '--rules', '--fail-on', '--names', '--no-color']) assert.ok(ch.stdout.includes(opt), opt);
    assert.equal(copydesk([]).status, 2);
    assert.equal(copydesk(['bogus-command']).status, 2);
    assert.equal(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'xml']).status, 2);
  });

  it('the demo prints compiler-style findings and a summary, exit 1', () => {
    const r = copydesk(['check', DEMO, '--refs', DEMO_REFS]);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n');
    const heads = lines.filter((l) => /^examples\/harbour-strike\/article\.md:\d+:\d+: (error|warning|info|hint) [a-z-]+: /.test(l));
    assert.ok(heads.length >= 3, r.stdout);
    assert.ok(heads.some((l) => l.includes(' copied-passage: ')));
    assert.match(r.stdout, /^examples\/harbour-strike\/article\.md: originality \d+% · \d+ sources? · \d+ findings? \(/m);
    assert.ok(!r.stdout.includes('\x1b['), 'no colour when stdout is not a TTY');
    // each heading's line:col points at the flagged text
    const doc = json(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'json']).stdout);
    for (const f of doc.findings) {
      assert.ok(heads.some((l) => l.startsWith(`${DEMO}:${f.range.start.line + 1}:${f.range.start.character + 1}: `)), JSON.stringify(f));
    }
  });

  it('FORCE_COLOR colours text output; --no-color and NO_COLOR turn it off', () => {
    assert.ok(copydesk(['check', DEMO, '--refs', DEMO_REFS], { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b['));
    assert.ok(!copydesk(['check', DEMO, '--refs', DEMO_REFS, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout.includes('\x1b['));
    assert.ok(!copydesk(['check', DEMO, '--refs', DEMO_REFS], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes('\x1b['));
  });

  it('JSON: schema-valid, ranges agree with offsets, text is the checked prose, sources carry metadata', () => {
    const r = copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const doc = json(r.stdout);
    assertValid(validateReport, doc);
    assert.equal(doc.version, 1);
    assert.equal(doc.document.path, DEMO);
    assert.ok(doc.document.words > 100);
    assert.ok(doc.originality! > 0 && doc.originality! < 1);
    assert.ok(doc.sources.length >= 1);
    const article = readFileSync(path.join(ROOT, DEMO), 'utf8');
    const view = proseView(article, 'markdown');
    const lines = new LineIndex(article);
    assert.ok(doc.findings.length >= 3);
    for (const f of doc.findings) {
      assert.deepEqual(f.range, lines.range(f.start, f.end));
      assert.equal(f.text, view.slice(f.start, f.end));
      // nothing is reported inside the front matter
      assert.ok(f.start > article.indexOf('\n---\n', 3));
    }
    const copied = doc.findings.filter((f) => f.rule === 'copied-passage');
    assert.ok(copied.length >= 1);
    const refs = new Map(
      ['cpa-wire.md', 'harbour-board-release.md', 'union-statement.md'].map((f) => {
        const t = readFileSync(path.join(ROOT, DEMO_REFS, f), 'utf8');
        return [f, t.slice(t.indexOf('\n---\n', 3) + 5)];
      }),
    );
    for (const f of copied) {
      const body = refs.get(f.source!.id);
      if (body !== undefined) assert.equal(body.slice(f.source!.start, f.source!.end), f.source!.text);
    }
    assert.deepEqual(doc.errors, []);
  });

  it('json for several articles is an array; jsonl is one object per line', () => {
    const args = ['check', 'project/copied.md', 'project/original.txt', '--refs', 'refs'];
    const arr = json<Report[]>(copydesk([...args, '--format', 'json'], { cwd: CLI_FIX }).stdout);
    assertValid(validateReport, arr);
    assert.ok(Array.isArray(arr));
    assert.deepEqual(arr.map((d) => d.document.path), ['project/copied.md', 'project/original.txt']);
    const jl = copydesk([...args, '--format', 'jsonl'], { cwd: CLI_FIX }).stdout.trimEnd().split('\n');
    assert.equal(jl.length, 2);
    assert.deepEqual(jl.map((l) => json(l)), arr);
  });

  it('--fail-on decides exit 0/1 from the findings severities', () => {
    const doc = json(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'json']).stdout);
    const has = (levels: string[]) => doc.findings.some((f) => levels.includes(f.severity));
    assert.ok(has(['error', 'warning']));
    assert.equal(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--fail-on', 'none']).status, 0);
    assert.equal(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--fail-on', 'warning']).status, 1);
    assert.equal(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--fail-on', 'error']).status, has(['error']) ? 1 : 0);
    assert.equal(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--fail-on', 'info']).status, 1);
    // an original article: nothing to report, exit 0
    const clean = copydesk(['check', 'project/original.txt', '--refs', 'refs'], { cwd: CLI_FIX });
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /originality 100% · 0 sources · no findings/);
  });

  it('--rules limits the rules; an unknown rule is a usage error naming the valid ones', () => {
    const only = json(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'json', '--rules', 'copied-passage']).stdout);
    assert.ok(only.findings.length >= 1);
    assert.ok(only.findings.every((f) => f.rule === 'copied-passage'));
    const all = json(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'json']).stdout);
    const others = all.findings.filter((f) => f.rule !== 'copied-passage');
    assert.ok(others.length >= 1, 'the demo has findings of other rules');
    const otherRule = others[0]!.rule;
    const just = json(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'json', '--rules', otherRule]).stdout);
    assert.ok(just.findings.length >= 1 && just.findings.every((f) => f.rule === otherRule));
    const bad = copydesk(['check', DEMO, '--refs', DEMO_REFS, '--rules', 'copied-passage,plagiarism']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown rule 'plagiarism'/);
    for (const id of RULE_IDS) assert.ok(bad.stderr.includes(id), id);
    assert.equal(bad.stdout, '');
  });

  it('--min-words: a high threshold drops shorter passages; 0 is a usage error', () => {
    const base = json(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'json', '--rules', 'copied-passage']).stdout);
    const words = (f: Report['findings'][number]) => f.text.split(/\s+/).filter(Boolean).length;
    const short = base.findings.filter((f) => words(f) < 30);
    assert.ok(short.length >= 1, 'the demo has a passage under 30 words');
    const high = json(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'json', '--rules', 'copied-passage', '--min-words', '30']).stdout);
    assert.ok(high.findings.length < base.findings.length);
    assert.equal(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--min-words', '0']).status, 2);
    assert.equal(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--min-words', 'ten']).status, 2);
  });

  it('one unreadable article among good ones: the others are still checked and printed, exit 2', () => {
    const r = copydesk(['check', 'project/copied.md', 'project/broken.md', 'project/missing.md', 'project/original.txt', '--refs', 'refs', '--format', 'json'], { cwd: CLI_FIX });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /project\/broken\.md: binary file/);
    assert.match(r.stderr, /project\/missing\.md: no such file or directory/);
    const arr = json<Report[]>(r.stdout);
    assertValid(validateReport, arr);
    assert.deepEqual(arr.map((d) => d.document.path), ['project/copied.md', 'project/broken.md', 'project/missing.md', 'project/original.txt']);
    assert.equal(arr[1]!.originality, null);
    assert.deepEqual(arr[1]!.errors, [{ path: 'project/broken.md', message: 'binary file', severity: 'error' }]);
    assert.ok(arr[0]!.findings.some((f) => f.rule === 'copied-passage'), 'the good article is still checked');
    assert.equal(arr[3]!.originality, 1);
    // text format too
    const t = copydesk(['check', 'project/copied.md', 'project/broken.md', '--refs', 'refs'], { cwd: CLI_FIX });
    assert.equal(t.status, 2);
    assert.match(t.stdout, /project\/copied\.md:\d+:\d+: warning copied-passage/);
    assert.match(t.stdout, /1 of 2 articles checked/);
  });

  it('a bad reference file is a warning (in stderr and JSON errors); no loadable references at all is exit 2', () => {
    const r = copydesk(['check', 'project/copied.md', '--refs', 'refs', 'project/broken.md', 'nowhere/', '--format', 'json'], { cwd: CLI_FIX });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /warning: project\/broken\.md: binary file \(reference skipped\)/);
    const doc = json(r.stdout);
    assert.deepEqual(
      doc.errors.map((e) => [e.path, e.message]),
      [
        ['nowhere/', 'no such file or directory'],
        ['project/broken.md', 'binary file'],
      ],
    );
    assert.ok(doc.findings.length >= 1);
    const none = copydesk(['check', 'project/copied.md', '--refs', 'project/broken.md', '--format', 'json'], { cwd: CLI_FIX });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no reference documents could be loaded/);
    assertValid(validateReport, json(none.stdout));
  });

  it('an article that is also a reference is not compared with itself', () => {
    const r = copydesk(['check', 'refs/wire.md', 'project/copied.md', '--refs', 'refs', 'project/copied.md', '--format', 'json'], { cwd: CLI_FIX });
    const [wire, copied] = json<Report[]>(r.stdout);
    assert.ok(wire!.findings.length >= 1);
    for (const f of wire!.findings) assert.notEqual(f.source?.id, 'refs/wire.md', 'wire.md matched itself');
    assert.ok(wire!.findings.some((f) => f.source?.id === 'project/copied.md'));
    assert.ok(copied!.findings.some((f) => f.source?.id === 'refs/wire.md'));
    for (const f of copied!.findings) assert.notEqual(f.source?.id, 'project/copied.md', 'copied.md matched itself');
  });

  it('an article that is a reference through a symlink (or a second path) is not compared with itself, with and without the cache', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-self-'));
    try {
      cpSync(path.join(CLI_FIX, 'refs'), path.join(tmp, 'refs'), { recursive: true });
      cpSync(path.join(CLI_FIX, 'project', 'copied.md'), path.join(tmp, 'refs', 'copied.md'));
      symlinkSync(path.join(tmp, 'refs', 'copied.md'), path.join(tmp, 'article.md'));
      for (const cache of [['--cache', path.join(tmp, 'cache')], ['--cache', path.join(tmp, 'cache')], ['--no-cache']]) {
        const r = run(['check', 'article.md', '--refs', 'refs', '--format', 'json', ...cache], { cwd: tmp });
        const report = json<Report>(r.stdout);
        assert.ok(report.findings.some((f) => f.source?.id === 'wire.md'), `${cache.join(' ')}: finds the real source`);
        for (const f of report.findings) assert.notEqual(f.source?.id, 'copied.md', `${cache.join(' ')}: matched itself`);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('a cache page found damaged mid-run (file read page by page): the run starts again on a rebuilt cache and gives the same report', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'copydesk-damaged-'));
    try {
      // enough text that the texts span pages of their own, read only when used
      const refs = referenceSet(4, 120);
      mkdirSync(path.join(tmp, 'refs'));
      refs.forEach((d, i) => writeFileSync(path.join(tmp, 'refs', `story-${i}.txt`), d.text));
      writeFileSync(path.join(tmp, 'article.md'), articleFrom(refs, 3));
      const args = ['check', 'article.md', '--refs', 'refs', '--format', 'json', '--cache', path.join(tmp, 'cache')];
      const first = run(args, { cwd: tmp });
      const [file] = readdirSync(path.join(tmp, 'cache')).filter((n) => n.endsWith('.cdx'));
      const cacheFile = path.join(tmp, 'cache', file!);
      const bytes = readFileSync(cacheFile);
      // flip a byte inside the persisted name lexicon (read by the name rules on every first check)
      const dirOffset = bytes.readUInt32LE(40);
      const dir = JSON.parse(bytes.subarray(40 + dirOffset, 40 + dirOffset + bytes.readUInt32LE(44)).toString('utf8'));
      const texts = dir.arrays.find((a: { name: string }) => a.name === 'names');
      bytes[40 + texts.offset + Math.floor(texts.length / 2)]! ^= 0x08;
      writeFileSync(cacheFile, bytes);
      const second = run(args, { cwd: tmp, env: { COPYDESK_CACHE_EAGER_BYTES: '0' } });
      assert.match(second.stderr, /reference index cache is damaged .*checksum mismatch.*rebuilding it/);
      assert.equal(second.status, first.status);
      assert.deepEqual(json<Report>(second.stdout).findings, json<Report>(first.stdout).findings);
      const third = run(args, { cwd: tmp, env: { COPYDESK_CACHE_EAGER_BYTES: '0' } });
      assert.doesNotMatch(third.stderr, /damaged/);
      assert.deepEqual(json<Report>(third.stdout).findings, json<Report>(first.stdout).findings);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('SARIF output validates against the official 2.1.0 schema and points at the right places', () => {
    const r = copydesk(['check', DEMO, '--refs', DEMO_REFS, 'examples/harbour-strike/missing.md', '--format', 'sarif']);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assertValid(validateSarif, log);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), [...RULE_IDS]);
    for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
    const doc = json(copydesk(['check', DEMO, '--refs', DEMO_REFS, '--format', 'json']).stdout);
    assert.equal(run.results.length, doc.findings.length);
    run.results.forEach((res: any, i: number) => {
      const f = doc.findings[i]!;
      const reg = res.locations[0].physicalLocation.region;
      assert.equal(res.ruleId, f.rule);
      assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, DEMO);
      assert.deepEqual([reg.startLine, reg.startColumn, reg.endLine, reg.endColumn], [f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1]);
      assert.equal(res.partialFingerprints['copydeskFingerprint/v1'], f.fingerprint);
      if (f.source) assert.ok(res.relatedLocations[0].physicalLocation.artifactLocation.uri.startsWith(DEMO_REFS + '/'));
    });
    assert.equal(run.invocations[0].executionSuccessful, true);
    assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /missing\.md: no such file/);
  });

  it('picks up .copydesk/ignore.json next to the article, and --names must exist', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-cli-'));
    try {
      cpSync(CLI_FIX, dir, { recursive: true });
      const args = ['check', 'project/copied.md', '--refs', 'refs', '--format', 'json'];
      const before = json(run(args, { cwd: dir }).stdout);
      assert.ok(before.findings.length >= 1);
      const gone = before.findings[0]!;
      writeFileSync(path.join(dir, 'project/.copydesk/ignore.json'), JSON.stringify({ findings: [gone.fingerprint] }));
      const after = json(run(args, { cwd: dir }).stdout);
      assert.equal(after.findings.length, before.findings.length - 1);
      assert.ok(!after.findings.some((f) => f.fingerprint === gone.fingerprint));
      // a malformed ignore file is reported, not fatal
      writeFileSync(path.join(dir, 'project/.copydesk/ignore.json'), '{ nope');
      const broken = run(args, { cwd: dir });
      assert.match(broken.stderr, /ignore\.json: invalid ignore file/);
      assert.equal(json(broken.stdout).findings.length, before.findings.length);
      const names = run([...args, '--names', 'no-such-names.txt'], { cwd: dir });
      assert.equal(names.status, 2);
      assert.match(names.stderr, /no-such-names\.txt/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the shared eval story pair gives schema-valid JSON', function () {
    const a = path.resolve(ROOT, '../shared/eval/story/002_ac05ff67ba5d1a5b.txt');
    const b = path.resolve(ROOT, '../shared/eval/story/001_5c859c4456b90ecb.txt');
    if (!existsSync(a) || !existsSync(b)) this.skip();
    const r = copydesk(['check', '../shared/eval/story/002_ac05ff67ba5d1a5b.txt', '--refs', '../shared/eval/story/001_5c859c4456b90ecb.txt', '--format', 'json']);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const doc = json(r.stdout);
    assertValid(validateReport, doc);
    assert.ok(doc.document.words > 100);
  });
});
