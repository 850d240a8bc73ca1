// Nothing lost: the house names list and the ignore list (.copydesk/names.txt, .copydesk/ignore.json)
// are replaced atomically (temp file + rename). A writer SIGKILLed at any moment leaves either the
// old or the new complete file, and a failing write (disk full) leaves the old file untouched.
// (The persisted index cache has its own kill-mid-write test in test/unit/cache/cache.test.ts.)
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addIgnore, addName, parseIgnore, parseNames } from '../../../src/server/store';

const ROOT = path.resolve(__dirname, '../../..');

describe('robustness: .copydesk files are never truncated', function () {
  this.timeout(120_000);
  let dir: string;
  const original = ['# House spellings', 'Odouya => Oduya', ...Array.from({ length: 20_000 }, (_, k) => `Person Number${k} Surname${k}`)].join('\n') + '\n';
  const ignore = { version: 1, findings: Array.from({ length: 5_000 }, (_, k) => `name-spelling:${k.toString(16).padStart(12, '0')}`), sources: [], articles: {} };
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-atomic-'));
    mkdirSync(path.join(dir, '.copydesk'));
    writeFileSync(path.join(dir, '.copydesk', 'names.txt'), original);
    writeFileSync(path.join(dir, '.copydesk', 'ignore.json'), JSON.stringify(ignore, null, 2) + '\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function assertWhole(): { names: number; findings: number } {
    const names = readFileSync(path.join(dir, '.copydesk', 'names.txt'), 'utf8');
    assert.ok(names.startsWith(original), 'names.txt keeps every original line');
    assert.ok(names.endsWith('\n'), 'names.txt ends with a complete line');
    for (const l of names.slice(original.length).split('\n').filter(Boolean)) assert.match(l, /^Added Name\d+$/);
    const parsed = parseNames(names);
    assert.equal(parsed.corrections['Odouya'], 'Oduya');
    const ig = parseIgnore(readFileSync(path.join(dir, '.copydesk', 'ignore.json'), 'utf8'));
    assert.deepEqual(ig.findings, ignore.findings, 'ignore.json keeps every finding');
    return { names: parsed.accepted.length, findings: ig.articles['stories/a.md']?.findings.length ?? 0 };
  }

  it('a writer SIGKILLed mid-write (8 times, at varying moments) leaves complete files', async () => {
    const kills = 8;
    let grew = 0;
    for (let k = 0; k < kills; k++) {
      const before = assertWhole();
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'store-writer.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
        child.on('exit', () => reject(new Error(`writer exited early: ${err}`)));
      });
      await new Promise((r) => setTimeout(r, 5 + k * 37));
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGKILL');
      await exited;
      const after = assertWhole();
      assert.ok(after.names >= before.names && after.findings >= before.findings);
      if (after.names > before.names) grew++;
    }
    assert.ok(grew >= 1, 'the writer got some writes done between kills');
    // a killed writer may leave a temp file behind, never a partial names.txt / ignore.json; the
    // temp files are dot-files the readers never look at
    const left = readdirSync(path.join(dir, '.copydesk')).filter((f) => f !== 'names.txt' && f !== 'ignore.json');
    for (const f of left) assert.match(f, /^\.(names\.txt|ignore\.json)\.\d+\..*\.tmp$/);
  });

  it('a failing write (disk full half-way) keeps the old file whole, leaves no temp file and reports the error', async () => {
    const real = fs.promises.writeFile;
    (fs.promises as { writeFile: unknown }).writeFile = async (file: fs.PathLike, data: string) => {
      await real(file, data.slice(0, data.length >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    try {
      await assert.rejects(addName(dir, 'New Person'), /ENOSPC/);
      await assert.rejects(addIgnore(dir, 'stories/a.md', 'sources', 'wire.txt'), /ENOSPC/);
    } finally {
      (fs.promises as { writeFile: unknown }).writeFile = real;
    }
    assertWhole();
    assert.deepEqual(readdirSync(path.join(dir, '.copydesk')).sort(), ['ignore.json', 'names.txt'], 'no temp file left');
    // and once the disk has room again the write goes through
    assert.equal(await addName(dir, 'New Person'), true);
    assert.ok(readFileSync(path.join(dir, '.copydesk', 'names.txt'), 'utf8').endsWith('New Person\n'));
  });
});
