// Hostile text in the report: the HTML export (src/extension/report-html.ts) and the webview script
// (media/report.js, run here in linkedom) must show article and reference text as text, never as
// markup: no element, attribute, link or image comes from the content.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { renderReportHtml } from '../../../src/extension/report-html';
import type { Report } from '../../../src/shared/protocol';
import { hostileText } from '../../fuzz/generators';

const ROOT = path.resolve(__dirname, '../../..');
const PAYLOAD = fc.oneof(
  hostileText(20),
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>', "'><a href='javascript:x'>", '![x](http://127.0.0.1:9/b)', '</textarea></style></title>', '&lt;b&gt;', '`${x}`'),
);

const reportOf = (s: string[]): Report =>
  ({
    uri: 'file:///a.md', version: 1, words: 40, originality: 0.5, references: 1,
    sources: [{ id: s[0]!, path: s[0]!, title: s[1], outlet: s[2], date: s[3], matchedWords: 20, passages: 1, uri: 'file:///refs/w.md' }],
    findings: [
      {
        rule: 'copied-passage', severity: 'warning', message: s[4]!, text: s[5]!,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
        source: { id: s[0]!, title: s[1], outlet: s[2], date: s[3], uri: 'file:///refs/w.md', text: s[6]! },
      },
    ],
    rules: [],
  }) as unknown as Report;

/** The little of the DOM the tests use (tsconfig has no DOM lib). */
interface El {
  tagName: string;
  textContent: string | null;
  getAttributeNames(): string[];
  getAttribute(n: string): string | null;
  querySelectorAll(s: string): El[] & { length: number };
}
interface Doc {
  body: El;
  querySelectorAll(s: string): El[];
  querySelector(s: string): El | null;
  getElementById(id: string): El | null;
}

/** Tags the export template itself uses. */
const EXPORT_TAGS = new Set(['HTML', 'HEAD', 'META', 'TITLE', 'STYLE', 'BODY', 'H1', 'H2', 'H3', 'P', 'SMALL', 'TABLE', 'TR', 'TH', 'TD', 'DIV', 'OL', 'LI', 'SPAN', 'BLOCKQUOTE', 'BR']);

describe('robustness: the report shows hostile text as text', () => {
  it('HTML export: only the template’s own elements, no scripts/handlers/links/images, text round-trips (300 inputs)', () => {
    fc.assert(
      fc.property(fc.array(PAYLOAD, { minLength: 8, maxLength: 8 }), (s) => {
        const html = renderReportHtml(reportOf(s), s[7]!, new Date(0));
        const { document } = parseHTML(html) as unknown as { document: Doc };
        for (const el of document.querySelectorAll('*')) {
          assert.ok(EXPORT_TAGS.has(el.tagName), `element <${el.tagName}> from content`);
          for (const a of el.getAttributeNames()) assert.ok(['class', 'style', 'lang', 'charset', 'http-equiv', 'content'].includes(a), `attribute ${a}`);
        }
        assert.match(document.querySelector('meta[http-equiv]')!.getAttribute('content')!, /default-src 'none'/);
        const text = document.body.textContent ?? '';
        // what the reader sees contains the message and passages verbatim (whitespace aside)
        const norm = (x: string) => x.replace(/\s+/g, ' ').trim();
        for (const v of [s[4]!, s[5]!, s[6]!]) {
          const want = norm(v.replace(/\u0000/g, '\ufffd'));
          if (want) assert.ok(norm(text).includes(want) || norm(text.replace(/\u0000/g, '\ufffd')).includes(want), `shown verbatim: ${JSON.stringify(v)}`);
        }
      }),
      { seed: 77, numRuns: 300 },
    );
  });

  it('webview (media/report.js): the DOM is built with textContent; hostile values create no element or attribute', () => {
    const src = readFileSync(path.join(ROOT, 'media', 'report.js'), 'utf8');
    const hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', 'Wire <b>bold</b>', 'x" onclick="alert(3)', '<a href="command:copydesk.reindex">c</a>', 'passage <iframe src=//evil>', 'src <svg onload=alert(4)>', 'name.md'];
    const { document } = parseHTML('<!doctype html><html><body><main id="app"></main></body></html>') as unknown as { document: Doc };
    const posted: unknown[] = [];
    let onMessage: ((ev: { data: unknown }) => void) | undefined;
    const win = { addEventListener: (t: string, f: (ev: { data: unknown }) => void) => t === 'message' && (onMessage = f) };
    new Function('acquireVsCodeApi', 'document', 'window', src)(() => ({ postMessage: (m: unknown) => posted.push(m) }), document, win);
    assert.deepEqual(posted, [{ type: 'ready' }]);
    assert.ok(onMessage, 'listens for the report');
    onMessage!({ data: { type: 'report', report: reportOf(hostile), name: hostile[7] } });
    const app = document.getElementById('app')!;
    const allowed = new Set(['MAIN', 'HEADER', 'DIV', 'BUTTON', 'H2', 'P', 'A', 'SPAN', 'DETAILS', 'SUMMARY', 'BLOCKQUOTE']);
    for (const el of app.querySelectorAll('*')) {
      assert.ok(allowed.has(el.tagName), `<${el.tagName}> from content`);
      for (const a of el.getAttributeNames()) {
        assert.ok(['class', 'id', 'href', 'style', 'data-index', 'data-rule', 'open'].includes(a), `attribute ${a}`);
        if (a === 'href') assert.equal(el.getAttribute(a), '#');
      }
    }
    const text = app.textContent ?? '';
    for (const h of hostile.slice(1, 7)) assert.ok(text.includes(h), `shown as text: ${h}`);
    assert.equal(app.querySelectorAll('script, img, iframe, svg').length, 0);
  });

  it('the webview page has a strict CSP with a nonce and loads only its own script (review of src/extension/report.ts)', () => {
    const ts = readFileSync(path.join(ROOT, 'src', 'extension', 'report.ts'), 'utf8');
    assert.match(ts, /default-src 'none'; img-src \$\{w\.cspSource\}; style-src \$\{w\.cspSource\}; script-src 'nonce-\$\{nonce\}';/);
    assert.match(ts, /crypto\.randomBytes\(16\)/);
    assert.match(ts, /localResourceRoots: \[vscode\.Uri\.joinPath\(context\.extensionUri, 'media'\)\]/);
    const js = readFileSync(path.join(ROOT, 'media', 'report.js'), 'utf8');
    assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/.test(js), 'no HTML sinks in report.js');
  });
});
