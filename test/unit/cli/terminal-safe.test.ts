/**
 * Terminal escape and CI-annotation injection (issue 18, case 1): strings from references and
 * articles (titles, outlets, file names, quotes, messages) never reach a terminal or a CI log raw.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { safe } from '../../../src/cli/format/terminal-safe';
import { buildCli, copydesk } from './helpers';

/** Anything a terminal acts on or that reorders text: C0 but LF, DEL, C1, bidi and other format controls. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u2028\u2029]/u;
/** A line a problem matcher could read as a finding (gcc's matcher allows anything before it). */
const FINDING_LINE = /^(.*?):(\d+):(\d*):?\s*(?:fatal\s+)?(error|warning|info|hint|note|notice)\b/i;
/** A GitHub workflow command (the runner trims the line's indent first) or an Azure logging command. */
const WORKFLOW = /^\s*::|##\[|##vso\[/i;

const ESC = '\x1b';
const HOSTILE_TITLE =
  `${ESC}[31mRED${ESC}[0m ${ESC}]8;;http://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\ ${ESC}]52;c;cGF5bG9hZA==\x07 \u009b2J \u202eevil\u2066x\u2069 del\x7f`;

describe('terminal-safe text output (hostile references and articles)', function () {
  this.timeout(120_000);
  let dir: string;

  before(async () => {
    await buildCli();
    dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-ansi-'));
    mkdirSync(path.join(dir, 'refs'));
    // a reference whose file name forges a finding line and a workflow command, and whose front
    // matter title carries colours, an OSC 8 hyperlink, an OSC 52 clipboard write, a C1 CSI and
    // bidi controls; its quote spans two lines
    const forgedName = 'wire\n::error file=article.md::pwned\narticle.md:1:1: error forged.md';
    writeFileSync(
      path.join(dir, 'refs', forgedName),
      `---\ntitle: ${JSON.stringify(HOSTILE_TITLE)}\noutlet: "Gull\\nPost"\n---\n` +
        'The ferry company said on Monday that the two new boats would enter service on the island route before the autumn storms.\n\n' +
        'Councillor Maren Holt said: "We will widen the slipway,\nand we will pay for it this year without raising the harbour dues."\n',
    );
    // a reference that fails to load, named to forge a workflow command on stderr
    writeFileSync(path.join(dir, 'refs', 'bad\n::warning::x.md'), '---\ntitle: [unclosed\n---\nsome words here\n');
    const article =
      '# Boats\n\n' +
      'The ferry company said on Monday that the two new boats would enter service on the island route before the autumn storms.\n\n' +
      'Councillor Maren Holt said: "We will widen the slipway and we will pay for it next year without raising the harbour dues."\n\n' +
      `::error file=article.md::a line of the article that looks like a command ${ESC}[2J\n`;
    writeFileSync(path.join(dir, 'article.md'), article);
    writeFileSync(path.join(dir, 'quoted.md'), `Councillor Maren Holt said: "We will widen ${ESC}]52;c;cGF5bG9hZA==\x07 the\n::error::slipway this year."\n`);
    // an article whose own name starts like a workflow command
    writeFileSync(path.join(dir, '::notice::boats.md'), article);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('check: no control character, no forged finding line, no workflow command, in stdout or stderr', () => {
    const r = copydesk(['check', 'article.md', '::notice::boats.md', '--refs', 'refs', '--no-cache', '--fail-on', 'none'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    for (const [name, out] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
      const m = RAW_CONTROL.exec(out);
      assert.equal(m, null, `${name} holds U+${m?.[0].codePointAt(0)!.toString(16).padStart(4, '0')}`);
      for (const line of out.split('\n')) assert.doesNotMatch(line, WORKFLOW, `${name}: ${line}`);
    }
    // the findings are all there, and the only finding-like lines are Copydesk's own
    const findingLines = r.stdout.split('\n').filter((l) => FINDING_LINE.test(l));
    assert.ok(findingLines.length >= 4, r.stdout);
    for (const l of findingLines) {
      assert.match(l, /^(article\.md|\\x3a:notice::boats\.md):\d+:\d+: (warning|error|info|hint) [a-z-]+: /, l);
    }
    // the payloads are shown, escaped (not dropped)
    assert.ok(r.stdout.includes('\\x1b]52;c;cGF5bG9hZA==\\x07'), r.stdout);
    assert.ok(r.stdout.includes('\\u202eevil'), r.stdout);
    assert.ok(r.stdout.includes('refs/wire\\n::error file=article.md::pwned\\narticle.md\\x3a1\\x3a1\\x3a error forged.md'), r.stdout);
    // the two-line quote is one suggestion line
    const suggestion = r.stdout.split('\n').find((l) => l.trimStart().startsWith('suggestion:'));
    assert.ok(suggestion?.includes('widen the slipway, and we will pay for it this year'), r.stdout);
    // stderr: one warning line per bad reference, the file named (escaped)
    const errLines = r.stderr.trimEnd().split('\n');
    assert.ok(errLines.every((l) => l.startsWith('copydesk: ')), r.stderr);
    assert.ok(r.stderr.includes('refs/bad\\n::warning::x.md: invalid front matter'), r.stderr);
  });

  it('check: JSON keeps every string exact', () => {
    const r = copydesk(['check', 'article.md', '--refs', 'refs', '--no-cache', '--format', 'json', '--fail-on', 'none'], { cwd: dir });
    const j = JSON.parse(r.stdout) as { findings: Array<{ message: string; source?: { path: string } }>; errors: Array<{ path: string }> };
    assert.ok(j.findings.some((f) => f.message.includes(HOSTILE_TITLE)));
    assert.ok(j.findings.some((f) => f.source?.path.includes('\n::error file=article.md::pwned\n')));
    assert.ok(j.errors.some((e) => e.path.endsWith('bad\n::warning::x.md')));
  });

  it('quotes: the text format is neutralised too', () => {
    const r = copydesk(['quotes', 'quoted.md'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('widen \\x1b]52;c;cGF5bG9hZA==\\x07 the'), r.stdout);
    assert.equal(RAW_CONTROL.exec(r.stdout), null);
    for (const line of r.stdout.split('\n')) assert.doesNotMatch(line, WORKFLOW, line);
  });
});

describe('safe()', () => {
  it('escapes C0, DEL, C1 and format controls; keeps ZWJ/ZWNJ; folds line breaks in prose, escapes them in paths', () => {
    assert.equal(safe(`a${ESC}[31mb\x7f\u0085\u009b\u202e\u2066\ufeff`), 'a\\x1b[31mb\\x7f \\x9b\\u202e\\u2066\\ufeff');
    assert.equal(safe('one\ntwo\r\nthree\u2028four\tfive'), 'one two  three four five');
    assert.equal(safe('dir/one\ntwo', 'path'), 'dir/one\\ntwo');
    assert.equal(safe('\u0915\u094d\u200d\u0937 👩\u200d💻'), '\u0915\u094d\u200d\u0937 👩\u200d💻');
    assert.equal(safe('plain “text” — fine'), 'plain “text” — fine');
  });

  it('no string can start a workflow command or carry a finding location', () => {
    assert.equal(safe('::error file=a::b'), '\\x3a:error file=a::b');
    assert.equal(safe('   ::warning::x'), '   \\x3a:warning::x');
    assert.equal(safe('a.md:1:1: error forged'), 'a.md\\x3a1\\x3a1\\x3a error forged');
    assert.equal(safe('x.c:12: Warning: y'), 'x.c\\x3a12\\x3a Warning: y');
    assert.equal(safe('see ##[error]x and ##vso[task.logissue]'), 'see #\\x23[error]x and #\\x23vso[task.logissue]');
    // ordinary colons and times are left alone
    assert.equal(safe('At 10:30:15 the board met: a note'), 'At 10:30:15 the board met: a note');
  });
});
