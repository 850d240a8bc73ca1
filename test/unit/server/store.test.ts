import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { addIgnore, addName, ignoresFor, readIgnore, readNames } from '../../../src/server/store';
import { resolveInputs } from '../../../src/server/references';
import { escapeMd, PLAINTEXT, renderHover, sideBySide } from '../../../src/server/hover';
import { escapeHtml, renderReportHtml } from '../../../src/extension/report-html';

describe('server/store: .copydesk files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'copydesk-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds per-article ignores atomically and reads them back', async () => {
    await addIgnore(dir, 'stories/a.md', 'findings', 'copied-passage:abc');
    await addIgnore(dir, 'stories/a.md', 'sources', 'wire.md');
    await addIgnore(dir, 'stories/a.md', 'sources', 'wire.md');
    const { data, error } = await readIgnore(dir);
    assert.equal(error, undefined);
    assert.deepEqual(ignoresFor(data, 'stories/a.md'), { findings: ['copied-passage:abc'], sources: ['wire.md'] });
    assert.deepEqual(ignoresFor(data, 'stories/b.md'), { findings: [], sources: [] });
    assert.deepEqual(readdirSync(path.join(dir, '.copydesk')), ['ignore.json'], 'no temp files left behind');
  });

  it('refuses to overwrite a malformed ignore.json, and reports it on read', async () => {
    mkdirSync(path.join(dir, '.copydesk'));
    writeFileSync(path.join(dir, '.copydesk', 'ignore.json'), '{ not json');
    await assert.rejects(addIgnore(dir, 'a.md', 'findings', 'x'), /not updating .*ignore\.json/);
    assert.equal(readFileSync(path.join(dir, '.copydesk', 'ignore.json'), 'utf8'), '{ not json');
    const r = await readIgnore(dir);
    assert.match(r.error ?? '', /ignore\.json/);
  });

  it('appends accepted names, keeping comments and corrections', async () => {
    mkdirSync(path.join(dir, '.copydesk'));
    writeFileSync(path.join(dir, '.copydesk', 'names.txt'), '# ours\nMaren Oduya\nOdouya => Oduya');
    assert.equal(await addName(dir, 'Petra  Vanslow'), true);
    assert.equal(await addName(dir, 'Maren Oduya'), false);
    const text = readFileSync(path.join(dir, '.copydesk', 'names.txt'), 'utf8');
    assert.equal(text, '# ours\nMaren Oduya\nOdouya => Oduya\nPetra Vanslow\n');
    const { data } = await readNames(dir);
    assert.deepEqual(data.corrections, { Odouya: 'Oduya' });
    assert.ok(data.accepted.includes('Petra Vanslow'));
  });
});

describe('server/references: workspace trust', () => {
  it('drops inputs outside the workspace when untrusted, keeps them when trusted', () => {
    const ws = path.join(tmpdir(), 'ws');
    const untrusted = resolveInputs(['references/', '/etc/secrets', '../other/*.md'], { folders: [ws], trusted: false });
    assert.deepEqual(untrusted.inputs, [path.join(ws, 'references/')]);
    assert.equal(untrusted.skipped.length, 2);
    const trusted = resolveInputs(['references/', '/etc/secrets'], { folders: [ws], trusted: true });
    assert.deepEqual(trusted.inputs, [path.join(ws, 'references/'), '/etc/secrets']);
  });
});

describe('server/hover: untrusted text is escaped', () => {
  it('escapes markdown, links, html and command URIs', () => {
    const evil = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **b** `c`';
    const e = escapeMd(evil);
    assert.ok(!/(^|[^\\])\[/.test(e), e);
    assert.ok(!/(^|[^\\])</.test(e), e);
    assert.ok(!/(^|[^\\])\*/.test(e), e);
    assert.ok(!/(^|[^\\])`/.test(e), e);
    assert.ok(!/\]\(/.test(e.replace(/\\\]/g, '')), e);
  });

  it('escapes only what Markdown reads as markup (Neovim shows every backslash)', () => {
    assert.equal(escapeMd('White House Press Secretary: 10.30, file_name (Monday) "yes" 2026-10-02 50% = !'), 'White House Press Secretary: 10.30, file_name (Monday) "yes" 2026-10-02 50% = !');
    assert.equal(escapeMd('_emph_ *b* `c` | ~s~ &amp; a & b'), '\\_emph\\_ \\*b\\* \\`c\\` \\| \\~s\\~ \\&amp; a & b');
    // what a renderer would auto-link
    assert.equal(escapeMd('see https://x.example/a and www.x.example or javascript:alert(1)'), 'see https\\://x.example/a and www\\.x.example or javascript\\:alert(1)');
    // block markers only where the text opens a line
    assert.equal(escapeMd('1. first - # x'), '1. first - # x');
    assert.equal(escapeMd('1. first', 100, true), '1\\. first');
    assert.equal(escapeMd('# title', 100, true), '\\# title');
  });

  it('a long passage is cut in the side-by-side table, with the counts of the whole', () => {
    const src = Array.from({ length: 150 }, (_, i) => `w${i}`).join(' ');
    const art = src.replace('w3 ', 'x3 ');
    const d = sideBySide(art, src, 60);
    assert.ok(d.cut);
    assert.ok(d.article.split(/\s+/).length <= 62, d.article);
    assert.ok(d.article.endsWith(' …') && d.source.endsWith(' …'));
    assert.equal(d.same, 149);
    assert.equal(d.changed, 1);
    assert.ok(!/\*\*\s*\*\*|~~\s*~~/.test(d.article + d.source), 'no empty marks');
    assert.equal(sideBySide('a b c', 'a b d', 60).cut, false);
  });

  it('word diff marks changed words in the article and missing words in the source', () => {
    const d = sideBySide('the dock workers walked out Monday', 'the harbour workers walked out on Monday');
    assert.match(d.article, /\*\*dock\*\*/);
    assert.match(d.source, /~~harbour~~/);
    assert.match(d.source, /~~on~~/);
    assert.equal(d.changed, 1);
    assert.equal(d.missing, 2);
  });

  it('renders source title, outlet, date and a file link at the passage', () => {
    const md = renderHover(
      { rule: 'copied-passage', severity: 'warning', message: 'copied', start: 0, end: 5, text: 'a b c', source: { id: 'w', path: '/r/w.md', start: 0, end: 5, text: 'a b c' } },
      { meta: { title: 'T [x](command:y)', outlet: 'Coastline Wire', date: '2026-10-02' }, path: '/r/w (1).md', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } } },
    );
    assert.match(md, /Coastline Wire/);
    assert.match(md, /2026-10-02/);
    assert.match(md, /\(file:\/\/\/r\/w%20%281%29\.md#L5,1\)/);
    assert.ok(!md.includes('](command:'), md);
  });
});

describe('server/hover: rule data', () => {
  it('name findings list the reference spellings with counts; quote findings the source quote and speaker', () => {
    const md = renderHover({
      rule: 'name-spelling', severity: 'warning', message: 'm', start: 0, end: 6, text: 'Odouya',
      data: { house: false, kind: 'misspelling', similarity: 0.9, context: true, references: [{ spelling: 'Oduya', sources: 2, occurrences: 5, sourceIds: ['a', 'b'] }], places: [{ start: 0, end: 6 }] },
    });
    assert.match(md, /reference spellings: Oduya \(5× in 2 sources\)/);
    assert.ok(!/context|house|places/.test(md), md);
    const q = renderHover({
      rule: 'misquote', severity: 'warning', message: 'm', start: 0, end: 3, text: 'abc',
      data: { sourceQuote: 'We will not *let*', speaker: 'Maren Oduya', articleSpeaker: null, referenceSentence: 's', reference: 'Wire', sourceMeta: { title: 'x' }, diff: [], similarity: 0.8, contextSimilarity: 0.5 },
    });
    assert.match(q, /source quote: We will not \\\*let\\\*/);
    assert.match(q, /speaker: Maren Oduya/);
    assert.ok(!/source meta/.test(q));
  });

  it('an inconsistent name lists the article\'s spellings and the references\' under their own labels', () => {
    const md = renderHover({
      rule: 'name-inconsistency', severity: 'info', message: 'm', start: 0, end: 6, text: 'Odouya',
      data: {
        kind: 'misspelling', similarity: 0.9,
        article: [{ spelling: 'Oduya', occurrences: 3 }, { spelling: 'Odouya', occurrences: 1 }],
        references: [{ spelling: 'Oduya', sources: 1, occurrences: 2, sourceIds: ['a'] }],
        places: [{ start: 0, end: 6 }],
      },
    });
    assert.match(md, /- article spellings: Oduya \(3×\), Odouya \(1×\)/);
    assert.match(md, /- reference spellings: Oduya \(2× in 1 source\)/);
  });

  it('a fact mismatch shows both sentences with the differing words in bold, read by its rule', () => {
    const data = {
      kind: 'number' as const, sourceValue: '40', articleValue: '14', reference: 'Wire',
      articleSentence: 'Some 14 voted.', articleSlot: [5, 7] as [number, number],
      sourceSentence: 'Some 40 voted.', sourceSlot: [5, 7] as [number, number], sourceMeta: {},
    };
    const md = renderHover({ rule: 'fact-mismatch', severity: 'warning', message: 'm', start: 5, end: 7, text: '14', data });
    assert.match(md, /\| Some \*\*14\*\* voted\. \| Some \*\*40\*\* voted\. \|/);
    // the same keys on another rule's finding are not read as a fact mismatch's sentences
    const other = renderHover({ rule: 'weasel-attribution', severity: 'hint', message: 'm', start: 5, end: 7, text: '14', data: data as never });
    assert.ok(!/\*\*14\*\*/.test(other), other);
  });
});

describe('server/hover: plain text, for a client that takes no Markdown (ALE)', () => {
  it('a passage: no Markdown marks or escapes, the two sides on their own lines, changed words marked as a word diff', () => {
    const text = renderHover(
      { rule: 'copied-passage', severity: 'warning', message: 'copied *a* [b]', start: 0, end: 5, text: 'the dock workers walked out Monday', similarity: 0.9, source: { id: 'w', path: '/r/w.md', start: 0, end: 5, text: 'the harbour workers walked out on Monday' } },
      { meta: { title: 'T_x', outlet: 'Coastline Wire' }, path: '/r/w.md', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } } },
      'the dock workers walked out Monday',
      PLAINTEXT,
    );
    assert.match(text, /^Copydesk · Copied passage \(90% similar\)\n\ncopied \*a\* \[b\]\n/);
    assert.match(text, /\nIn the article: the \{\+dock\+\} workers walked out Monday\nIn the source: the \[-harbour-\] workers walked out \[-on-\] Monday\n/);
    assert.match(text, /\n5 words the same · \{\+words\+\} = changed in the article \(1\) · \[-words-\] = in the source, missing from the article \(2\)\n/);
    assert.match(text, /\nSource: T_x — Coastline Wire · Open source at line 5: file:\/\/\/r\/w\.md#L5,1$/);
    assert.ok(!/\*\*|\\|\|/.test(text), text);
  });

  it('a fact mismatch: both sentences, the differing words marked', () => {
    const data = {
      kind: 'number' as const, sourceValue: '40', articleValue: '14', reference: 'Wire',
      articleSentence: 'Some 14 voted.', articleSlot: [5, 7] as [number, number],
      sourceSentence: 'Some 40 voted.', sourceSlot: [5, 7] as [number, number], sourceMeta: {},
    };
    const text = renderHover({ rule: 'fact-mismatch', severity: 'warning', message: 'm', start: 5, end: 7, text: '14', data }, undefined, '14', PLAINTEXT);
    assert.match(text, /\nIn the article: Some \{\+14\+\} voted\.\nIn the source: Some \{\+40\+\} voted\./);
  });
});

describe('extension/report-html: export escapes everything', () => {
  it('no raw markup from findings or sources', () => {
    const html = renderReportHtml(
      {
        uri: 'file:///a.md', version: 1, words: 10, originality: 0.7, references: 2,
        sources: [{ id: 's', path: '/s', title: '<script>alert(1)</script>', matchedWords: 3, uri: 'file:///s' }],
        findings: [{ rule: 'copied-passage', severity: 'warning', message: '<b>m</b>', text: '"><img src=x>', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
        rules: [],
      },
      'a<b>.md',
    );
    assert.ok(!html.includes('<script>alert'));
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('70% original'));
    assert.equal(escapeHtml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
  });
});
