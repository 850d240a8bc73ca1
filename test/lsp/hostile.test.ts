// Hostile reference content over the real server (dist/server.js): script tags, javascript: and
// command: links, raw HTML and markdown image beacons in a reference's text, front matter and file
// name. The hover is Markdown shown with isTrusted false / supportHtml false; on top of that the
// server escapes everything, so nothing live (link, image, HTML, command) may survive in it.
// Diagnostics, related information and code action titles are plain text; code actions only ever
// run copydesk's own commands.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, SERVER, TestClient } from './client';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '[click](javascript:alert(2))',
  '[run](command:workbench.action.terminal.new)',
  '<a href="command:copydesk.reindex">x</a>',
  '![x](http://127.0.0.1:9/beacon)',
  '<img src=x onerror=alert(3)>',
  '<iframe src="https://evil.example/"></iframe>',
  '[ref]: http://127.0.0.1:9/ref-beacon',
  '`code` **bold** | table | ~~strike~~ $x$ &lt; &#60;',
];

const BODY =
  `The harbour master said the northern slipway would close for urgent repairs ${PAYLOADS[0]} before the first winter storms ` +
  `${PAYLOADS[1]} and crews were told ${PAYLOADS[2]} to move ${PAYLOADS[3]} their boats ${PAYLOADS[4]} to the outer moorings ` +
  `${PAYLOADS[5]} by Friday ${PAYLOADS[6]} evening at the latest ${PAYLOADS[7]} according to the notice ${PAYLOADS[8]} pinned at the gate.`;

/** The hover with every backslash-escaped character removed: what would render as markup. */
function live(md: string): string {
  return md.replace(/\\[\s\S]/g, '');
}

function assertInert(md: string, where: string): void {
  // the only links are the file links the server builds itself (percent-encoded file URLs)
  for (const m of live(md).matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1]!, /^file:\/\/\/[^\s<>()[\]"']*$/, `${where}: link to ${m[1]}`);
  const rest = live(md).replace(/\]\(file:\/\/\/[^)]*\)/g, ']()');
  assert.ok(!/</.test(rest), `${where}: raw HTML survives:\n${md}`);
  assert.ok(!/!\[/.test(rest), `${where}: an image survives:\n${md}`);
  assert.ok(!/javascript:|command:|data:|vscode:/i.test(rest), `${where}: a live scheme survives:\n${md}`);
  assert.ok(!/https?:\/\//i.test(rest), `${where}: an http link survives:\n${md}`);
  assert.ok(!/^\s*\[[^\]]*\]:/m.test(rest), `${where}: a link reference definition survives`);
}

describe('language server: hostile reference content', function () {
  this.timeout(60000);
  let dir: string;
  let c: TestClient;
  const article = `Notice. The harbour master said the northern slipway would close for urgent repairs ${PAYLOADS[0]} before the first winter storms ${PAYLOADS[1]} and crews were told ${PAYLOADS[2]} to move ${PAYLOADS[3]} their boats ${PAYLOADS[4]} to the outer moorings ${PAYLOADS[5]} by Friday.\n`;

  before(function () {
    if (!existsSync(SERVER)) throw new Error('dist/server.js missing: run node esbuild.js first');
  });
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'copydesk-hostile-'));
    mkdirSync(path.join(dir, 'references'));
    const fm =
      '---\n' +
      `title: "Slipway ${PAYLOADS[0]} [t](command:workbench.action.openSettings) ![b](http://127.0.0.1:9/t.png)"\n` +
      `outlet: "<img src=x onerror=alert(4)> Wire [o](javascript:alert(5))"\n` +
      `author: "[a](command:copydesk.reindex)"\n` +
      `date: "2026-10-02 <b>bold</b>"\n` +
      '---\n';
    // a hostile file name too: brackets, parentheses and a command: look-alike
    writeFileSync(path.join(dir, 'references', 'notice](command:x) <b>.md'), fm + BODY + '\n');
    c = new TestClient(dir, { debounceMs: 0 });
    await c.start();
  });
  afterEach(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hover: every payload escaped, no live link, image, HTML or command', async () => {
    const uri = c.open('article.txt', article);
    const report = await c.pull(uri);
    const copied = report.items.filter((d: { code: string }) => d.code === 'copied-passage');
    assert.ok(copied.length >= 1, `the copied passage is found: ${JSON.stringify(report.items.map((d: { code: string }) => d.code))}`);
    let hovers = 0;
    for (const d of report.items) {
      const h = await c.request('textDocument/hover', { textDocument: { uri }, position: d.range.start });
      assert.ok(h, 'a hover');
      assert.equal(h.contents.kind, 'markdown');
      assertInert(h.contents.value, `hover of ${d.code}`);
      hovers++;
    }
    const h = await c.request('textDocument/hover', { textDocument: { uri }, position: copied[0].range.start });
    const md: string = h.contents.value;
    // the payloads are shown (escaped), not dropped: a copy editor must see what the source says
    assert.match(md, /\\<script>alert\(1\)\\<\/script>/);
    assert.match(md, /Wire/);
    assert.match(md, /\(file:\/\/\/[^)\s]*notice%5D%28command:x%29%20%3Cb%3E\.md#L\d+,\d+\)/, 'the file link is percent-encoded');
    assert.ok(hovers >= 1);
  });

  it('diagnostics, related information and code actions carry the payloads only as plain text; commands are copydesk’s own', async () => {
    const uri = c.open('article.txt', article);
    const report = await c.pull(uri);
    for (const d of report.items) {
      assert.equal(typeof d.message, 'string');
      assert.ok(!('markdown' in d) && typeof d.message === 'string', 'diagnostic messages are plain strings');
      for (const r of d.relatedInformation ?? []) {
        assert.equal(typeof r.message, 'string');
        assert.match(r.location.uri, /^file:\/\/\//);
      }
      assert.ok(!d.codeDescription || /^(file|https):\/\//.test(d.codeDescription.href));
      const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      for (const a of actions) {
        assert.equal(typeof a.title, 'string');
        if (a.command) assert.match(a.command.command, /^copydesk\./, `action "${a.title}" runs ${a.command.command}`);
        for (const ch of a.edit?.documentChanges ?? []) {
          assert.equal(ch.textDocument.uri, uri, 'edits only touch the article');
          for (const e of ch.edits) assert.equal(typeof e.newText, 'string');
        }
      }
    }
    // core's credit fix names the hostile outlet as plain text inside the article
    const copied = report.items.find((d: { code: string }) => d.code === 'copied-passage');
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri }, range: copied.range, context: { diagnostics: [copied] } });
    assert.ok(actions.some((a: { title: string }) => /^(Quote it and credit|Credit) <img src=x onerror=alert\(4\)> Wire/.test(a.title)), actions.map((a: { title: string }) => a.title).join(' | '));
    assert.ok(!actions.some((a: { title: string }) => /^Turn into a quote/.test(a.title)), 'one quote fix: core\'s');
  });

  it('copydesk/report returns the raw text for the webview to escape (it builds the DOM with textContent)', async () => {
    const uri = c.open('article.txt', article);
    await c.pull(uri);
    const r = await c.request('copydesk/report', { uri });
    assert.ok(r.findings.length >= 1);
    const f = r.findings.find((x: { source?: unknown }) => x.source);
    assert.ok(f.source.text.includes('<script>alert(1)</script>'), 'raw for textContent, escaped by the page');
    for (const s of r.sources) assert.match(s.uri, /^file:\/\/\//);
  });
});

describe('language server: untrusted workspace and symbolic links', function () {
  this.timeout(60000);
  it('a references/ folder (or a file in it) that links outside an untrusted workspace is not used; trusted, it is', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'copydesk-untrusted-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'copydesk-outside-'));
    const fixtures = path.join(REPO, 'test', 'fixtures', 'e2e');
    cpSync(path.join(fixtures, 'references'), outside, { recursive: true });
    const refFiles = readdirSync(outside).length; // every fixture reference (.md, .txt, .html) is indexed when trusted
    const article = readFileSync(path.join(fixtures, 'article.md'), 'utf8');
    symlinkSync(outside, path.join(ws, 'references'));
    try {
      for (const trusted of [false, true]) {
        const c = new TestClient(ws, { debounceMs: 0 });
        await c.start(trusted);
        try {
          const uri = c.open('article.md', article);
          const r = await c.pull(uri);
          const st = await c.request('copydesk/indexStatus', null);
          const sourced = r.items.filter((d: { relatedInformation?: unknown[] }) => d.relatedInformation);
          if (trusted) {
            assert.equal(st.documents, refFiles);
            assert.ok(sourced.length > 0);
          } else {
            assert.equal(st.documents, 0, JSON.stringify(st));
            assert.deepEqual(sourced, [], 'nothing matched against files outside the workspace');
            assert.ok(st.errors.some((e: { message: string }) => /outside the workspace/.test(e.message)), JSON.stringify(st.errors));
          }
        } finally {
          await c.stop();
        }
      }
    } finally {
      rmSync(ws, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
