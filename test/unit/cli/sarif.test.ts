import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LineIndex } from '../../../src/core/positions';
import type { Finding } from '../../../src/core/types';
import { formatJson } from '../../../src/cli/format/json';
import { formatSarif, relUri } from '../../../src/cli/format/sarif';
import { formatText } from '../../../src/cli/format/text';
import type { RunReport } from '../../../src/cli/report';
import { assertValid, validateReport, validateSarif } from './schemas';

// a synthetic run: every kind of finding field, a non-BMP character before a finding (UTF-16 columns),
// a markdown reference (region) and an HTML one (no region), input errors
const text = 'Title 😀 line\r\nThe Harbour Board said “no” to Ravelstock today.\n';
const at = (s: string) => text.indexOf(s);
const findings: Finding[] = [
  {
    rule: 'copied-passage',
    severity: 'warning',
    message: '9 words copied verbatim from CPA',
    start: at('The Harbour'),
    end: at(' today'),
    text: 'The Harbour Board said “no” to Ravelstock',
    match: 'verbatim',
    similarity: 1,
    source: { id: 'wire.md', path: 'refs/wire.md', start: 4, end: 40, text: 'The Harbour Board said “no” to Ravelstoke' },
    data: { words: 9, quotedWords: 0, sourceMeta: {}, alsoIn: [] },
  },
  {
    rule: 'name-spelling',
    severity: 'hint',
    message: '"Ravelstock": references spell it "Ravelstoke"',
    start: at('Ravelstock'),
    end: at('Ravelstock') + 10,
    text: 'Ravelstock',
    suggestions: ['Ravelstoke'],
    fixes: [{ title: 'Change to "Ravelstoke"', edits: [{ start: at('Ravelstock'), end: at('Ravelstock') + 10, newText: 'Ravelstoke' }], preferred: true }],
  },
  {
    rule: 'misquote',
    severity: 'error',
    message: 'quote differs from the source',
    start: at('“no”'),
    end: at('“no”') + 4,
    text: '“no”',
    source: { id: 'page.html', path: 'refs/page.html', start: 10, end: 14, text: '“No”' },
  },
];
const run: RunReport = {
  articles: [{ path: 'desk/story.md', text, result: { words: 11, originality: 0.1818, sources: [{ id: 'wire.md', path: 'refs/wire.md', title: 'T', matchedWords: 9 }], findings }, errors: [] }],
  referenceErrors: [{ path: 'refs/bad.txt', message: 'binary file', severity: 'error' }],
  references: [],
  origins: new Map([
    ['wire.md', { kind: 'text' as const, bodyStart: 50, bodyLine: 3 }],
    ['page.html', { kind: 'extracted' as const, bodyStart: 0, bodyLine: 0 }],
  ]),
  cwd: path.resolve('/work/newsroom'),
};

describe('SARIF formatter', () => {
  const log = JSON.parse(formatSarif(run, { version: '9.9.9', helpBase: 'https://example.org/docs/rules', successful: true }));

  it('validates against the official SARIF 2.1.0 schema', () => {
    assertValid(validateSarif, log);
  });

  it('the schema check can fail (a broken log is rejected)', () => {
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = 'fatal';
    delete broken.version;
    assert.equal(validateSarif(broken), false);
  });

  it('describes every rule with help links and default levels', () => {
    const rules = log.runs[0].tool.driver.rules;
    assert.ok(rules.length >= 7);
    for (const r of rules) {
      assert.equal(r.helpUri, `https://example.org/docs/rules/${r.id}.md`);
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
      assert.ok(r.shortDescription.text.length > 0);
    }
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.equal(log.runs[0].tool.driver.version, '9.9.9');
  });

  it('maps severities, 1-based UTF-16 regions, fingerprints, related source locations and fixes', () => {
    const [copied, name, misquote] = log.runs[0].results;
    assert.deepEqual([copied.level, name.level, misquote.level], ['warning', 'note', 'error']);
    const lines = new LineIndex(text);
    const r = lines.range(findings[0]!.start, findings[0]!.end);
    const region = copied.locations[0].physicalLocation.region;
    assert.deepEqual(
      [region.startLine, region.startColumn, region.endLine, region.endColumn],
      [r.start.line + 1, r.start.character + 1, r.end.line + 1, r.end.character + 1],
    );
    assert.equal(region.startLine, 2);
    assert.equal(region.startColumn, 1);
    assert.equal(copied.locations[0].physicalLocation.artifactLocation.uri, 'desk/story.md');
    assert.match(copied.partialFingerprints['copydeskFingerprint/v1'], /^copied-passage:[0-9a-f]{16}$/);
    // markdown reference: offsets shifted past its front matter
    const rel = copied.relatedLocations[0].physicalLocation;
    assert.equal(rel.artifactLocation.uri, 'refs/wire.md');
    assert.deepEqual([rel.region.charOffset, rel.region.charLength], [54, 36]);
    // HTML reference: extracted text, so no region
    assert.equal(misquote.relatedLocations[0].physicalLocation.region, undefined);
    // fix
    const rep = name.fixes[0].artifactChanges[0].replacements[0];
    assert.deepEqual(rep, { deletedRegion: { charOffset: findings[1]!.start, charLength: 10 }, insertedContent: { text: 'Ravelstoke' } });
    assert.deepEqual(name.properties.suggestions, ['Ravelstoke']);
  });

  it('reports input errors as tool execution notifications', () => {
    const n = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(n.length, 1);
    assert.equal(n[0].level, 'error');
    assert.match(n[0].message.text, /refs\/bad\.txt: binary file/);
  });

  it('makes URIs relative to the working directory, file: URIs outside it', () => {
    assert.equal(relUri('/work/newsroom', 'desk/a b.md'), 'desk/a%20b.md');
    assert.equal(relUri('/work/newsroom', '/elsewhere/x.md'), 'file:///elsewhere/x.md');
  });
});

describe('JSON and text formatters', () => {
  it('JSON keeps every Finding field and adds range and fingerprint', () => {
    const doc = JSON.parse(formatJson(run));
    assertValid(validateReport, doc);
    const f = doc.findings[1];
    assert.deepEqual(f.fixes, findings[1]!.fixes);
    assert.deepEqual(f.suggestions, ['Ravelstoke']);
    assert.deepEqual(f.range, new LineIndex(text).range(findings[1]!.start, findings[1]!.end));
    assert.deepEqual(doc.findings[0].source, findings[0]!.source);
    assert.deepEqual(doc.errors, [{ path: 'refs/bad.txt', message: 'binary file', severity: 'error' }]);
  });

  it('the report schema can fail (missing fields, wrong version)', () => {
    const doc = JSON.parse(formatJson(run));
    delete doc.findings[0].range;
    doc.version = 2;
    assert.equal(validateReport(doc), false);
  });

  it('text: path:line:col with 1-based UTF-16 columns, excerpt with carets, summary', () => {
    const out = formatText(run, { color: false });
    const lines = out.split('\n');
    const col = text.indexOf('Ravelstock') - text.indexOf('The') + 1;
    assert.ok(lines.includes(`desk/story.md:2:${col}: hint name-spelling: "Ravelstock": references spell it "Ravelstoke"`), out);
    const i = lines.findIndex((l) => l.startsWith('desk/story.md:2:1: warning copied-passage'));
    assert.ok(i >= 0, out);
    assert.equal(lines[i + 1], '    The Harbour Board said “no” to Ravelstock today.');
    assert.equal(lines[i + 2], '    ' + '^'.repeat('The Harbour Board said “no” to Ravelstock'.length));
    assert.ok(lines.includes('desk/story.md: originality 18% · 1 source · 3 findings (1 error, 1 warning, 1 hint)'), out);
    assert.ok(!out.includes('\x1b['));
    assert.ok(formatText(run, { color: true }).includes('\x1b['));
  });
});
