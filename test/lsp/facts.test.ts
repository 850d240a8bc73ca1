import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, SERVER, TestClient } from './client';

// The e2e fixture story: article.md writes "£14,000" where the wire (references/wire-ferry.md) has "£40,000".
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'e2e');

describe('language server: fact-mismatch', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  let article: string;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js missing: run node esbuild.js first');
  });
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'copydesk-lsp-facts-'));
    cpSync(FIXTURES, dir, { recursive: true });
    article = readFileSync(path.join(dir, 'article.md'), 'utf8');
    c = new TestClient(dir, { debounceMs: 30 });
    await c.start();
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('diagnostic on the changed figure, related information at the source sentence, data with kind and both values', async () => {
    const uri = c.open('article.md', article);
    const report = await c.pull(uri);
    const d = report.items.find((x: { code: string }) => x.code === 'fact-mismatch');
    assert.ok(d, 'a fact-mismatch diagnostic');
    assert.equal(d.severity, 3, 'information');
    assert.match(d.message, /^Source says “£40,000”; the article says “£14,000” \(figure; Coastline Wire/);
    const line = article.split('\n')[d.range.start.line]!;
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '£14,000');
    assert.equal(d.relatedInformation?.length, 1);
    assert.match(d.relatedInformation[0].location.uri, /wire-ferry\.md$/);
    const wire = readFileSync(path.join(dir, 'references', 'wire-ferry.md'), 'utf8').split('\n');
    assert.match(wire[d.relatedInformation[0].location.range.start.line]!, /^Repairs to the slipway will cost £40,000\./);
    assert.equal(d.data.rule, 'fact-mismatch');
    assert.equal(d.data.fixes.length, 1);
  });

  it('hover shows both sentences with the differing slots in bold', async () => {
    const uri = c.open('article.md', article);
    const report = await c.pull(uri);
    const d = report.items.find((x: { code: string }) => x.code === 'fact-mismatch');
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: d.range.start });
    const md: string = h.contents.value;
    assert.match(md, /Copydesk · Fact mismatch/);
    assert.match(md, /\| Article \| Source \|/);
    assert.match(md, /Repairs to the slipway will cost \*\*£14,000\*\*\. \| Repairs to the slipway will cost \*\*£40,000\*\*\. \|/);
    assert.match(md, /- kind: number/);
    assert.match(md, /Suggested: “£40,000”/);
    assert.ok(!/command:/.test(md));
  });

  it('code action replaces the figure with the source value, and the diagnostic goes', async () => {
    const uri = c.open('article.md', article);
    const report = await c.pull(uri);
    const d = report.items.find((x: { code: string }) => x.code === 'fact-mismatch');
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const a = actions.find((x: { title: string }) => x.title === 'Use the source\'s value: “£40,000”');
    assert.ok(a, actions.map((x: { title: string }) => x.title).join(' | '));
    assert.equal(a.isPreferred, true);
    const edits = a.edit.documentChanges[0].edits as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
    const lines = article.split('\n');
    for (const e of edits) {
      const l = lines[e.range.start.line]!;
      lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
    }
    const fixed = lines.join('\n');
    assert.ok(fixed.includes('Repairs to the slipway will cost £40,000.'));
    c.change(uri, fixed);
    const after = await c.pull(uri);
    assert.equal(after.items.filter((x: { code: string }) => x.code === 'fact-mismatch').length, 0);
  });
});
