// Tests of src/core/prose.ts (pure; kept here with the adapters that feed it).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { frontMatterEnd, languageOf, proseView } from '../../../src/core/prose';
import { tokenize } from '../../../src/core/text';

/** Words of the view, as the engine tokenises them. */
const words = (s: string) => tokenize(s).map((t) => t.norm);

function sameShape(original: string, view: string): void {
  assert.equal(view.length, original.length);
  for (let i = 0; i < original.length; i++) {
    const o = original[i];
    if (o === '\n' || o === '\r') assert.equal(view[i], o, `line break at ${i} must be kept`);
  }
}

describe('proseView', () => {
  it('markdown: blanks front matter, keeps offsets and line breaks', () => {
    const md = '---\ntitle: "Harbour: strike"\nauthor: Jo\n---\nDockers walked out.\n';
    const v = proseView(md, 'markdown');
    sameShape(md, v);
    assert.deepEqual(words(v), ['dockers', 'walked', 'out']);
    assert.equal(v.indexOf('Dockers'), md.indexOf('Dockers'));
  });

  it('markdown: front matter with CRLF and a BOM', () => {
    const md = '\ufeff---\r\ntitle: A\r\n---\r\nBody here.';
    assert.equal(frontMatterEnd(md), md.indexOf('Body'));
    assert.deepEqual(words(proseView(md, 'markdown')), ['body', 'here']);
  });

  it('markdown: a thematic break later in the text is not front matter', () => {
    const md = 'Intro line.\n\n---\n\nMore text.\n';
    assert.equal(frontMatterEnd(md), 0);
    assert.deepEqual(words(proseView(md, 'markdown')), ['intro', 'line', 'more', 'text']);
  });

  it('markdown: unclosed front matter is left as text', () => {
    const md = '---\ntitle: never closed\nThe story starts here.';
    assert.equal(frontMatterEnd(md), 0);
  });

  it('markdown: fenced code (``` and ~~~, longer fences, unclosed) and inline code', () => {
    const md = [
      'Before `inline code here` after.',
      '```js',
      'const secret = "copied wire text";',
      '````', // a longer fence closes
      'Between.',
      '~~~~',
      'tilde code',
      '~~~', // a shorter fence does not close
      'still tilde code',
      '~~~~',
      'Double ``code with ` tick`` done.',
      '```',
      'unclosed fence runs to the end',
    ].join('\n');
    const v = proseView(md, 'markdown');
    sameShape(md, v);
    assert.deepEqual(words(v), ['before', 'after', 'between', 'double', 'done']);
  });

  it('markdown: link text kept, targets and titles blanked; images and reference definitions dropped', () => {
    const md =
      'See [the board statement](https://harbour.example.org/a_(b) "Board") and [the wire][cpa].\n' +
      '![Crane at dawn](img/crane.jpg) Pickets <https://union.example.org> gathered.\n\n' +
      '[cpa]: https://wire.example.org/story "CPA"\n';
    const v = proseView(md, 'markdown');
    sameShape(md, v);
    assert.deepEqual(words(v), ['see', 'the', 'board', 'statement', 'and', 'the', 'wire', 'pickets', 'gathered']);
    // the link text stays at its offset
    assert.equal(v.indexOf('the board statement'), md.indexOf('the board statement'));
  });

  it('markdown: bare URLs, HTML tags, comments and script contents blanked; emphasis kept as prose', () => {
    const md = 'Read www.example.org/x or https://a.example/b?c=d. <span class="x">Kept</span> <!-- desk note: copied? -->\n<script>var quote = "not prose";</script>\n**Bold** and _italic_ words.';
    const v = proseView(md, 'markdown');
    sameShape(md, v);
    assert.deepEqual(words(v), ['read', 'or', 'kept', 'bold', 'and', 'italic', 'words']);
  });

  it('markdown: brackets that are not links stay prose', () => {
    const md = 'The union [sic] said "no" (twice).';
    assert.equal(proseView(md, 'markdown'), md);
  });

  it('html: tags, comments, doctype, script/style blanked; entities decoded in place; blocks separate', () => {
    const html =
      '<!DOCTYPE html><html><head><title>T</title><style>p { color: red }</style></head>' +
      '<body><h1>Strike</h1><p>Don&rsquo;t go, caf&eacute;s &amp; bars said &ldquo;no&rdquo;.</p><!-- hidden --><script>alert("x")</script><p>Next&nbsp;para</p></body></html>';
    const v = proseView(html, 'html');
    assert.equal(v.length, html.length);
    assert.deepEqual(words(v), ['t', 'strike', "don't", 'go', 'cafes', 'bars', 'said', 'no', 'next', 'para']);
    assert.ok(v.includes('“no”'), v);
    // block tags become line breaks so sentences and paragraphs stay apart
    assert.ok(/Strike\s*\n/.test(v), JSON.stringify(v));
    assert.equal(v.indexOf('Strike'), html.indexOf('Strike'));
  });

  it('html: a > inside an attribute value does not end the tag', () => {
    const html = '<p title="a > b">Text</p>';
    assert.deepEqual(words(proseView(html, 'html')), ['text']);
  });

  it('plaintext: only URLs are blanked', () => {
    const t = 'Call 0800 123 or see https://example.org/path, then stop.';
    const v = proseView(t, 'plaintext');
    assert.deepEqual(words(v), ['call', '0800', '123', 'or', 'see', 'then', 'stop']);
    assert.ok(v.includes(', then stop.'));
  });

  it('keeps length and line breaks for any input, in every language (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '`', '~', '-', '[', ']', '(', ')', '<', '>', '!', '&', ';', '#', '"', 'h', 't', 'p', ':', '/', '.', 'é', '’') , maxLength: 200 }),
        fc.constantFrom('plaintext', 'markdown', 'html'),
        (s, lang) => {
          const v = proseView(s, lang);
          sameShape(s, v);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });

  it('languageOf maps extensions', () => {
    assert.equal(languageOf('a/b/story.MD'), 'markdown');
    assert.equal(languageOf('x.markdown'), 'markdown');
    assert.equal(languageOf('x.htm'), 'html');
    assert.equal(languageOf('x.txt'), 'plaintext');
    assert.equal(languageOf('README'), 'plaintext');
  });
});
