import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex, type Range } from '../../../src/core/positions';
import type { Finding, ReferenceDoc } from '../../../src/core/types';
import { loadReferences, type DocOrigin } from '../../../src/node/references';
import { fileOffset } from '../../../src/node/source-positions';
import { ReferenceSources } from '../../../src/server/sources';

/** A finding whose source is `passage` in document `doc` (its first occurrence in the analysed text). */
function findingFrom(doc: ReferenceDoc, passage: string): Finding {
  const start = doc.text.indexOf(passage);
  assert.ok(start >= 0, `passage in the analysed text of ${doc.id}`);
  return {
    rule: 'copied-passage',
    severity: 'warning',
    message: 'copied',
    start: 0,
    end: passage.length,
    text: passage,
    source: { id: doc.id, path: doc.path, start, end: start + passage.length, text: passage },
  };
}

/** Where `passage` is in `file` (the file's text as written, before encoding). */
function expected(file: string, passage: string): Range {
  const at = file.indexOf(passage);
  return new LineIndex(file).range(at, at + passage.length);
}

describe('ReferenceSources: source passages in reference files, through the loader origins', () => {
  let dir: string;
  let docs: ReferenceDoc[];
  let origins: Map<string, DocOrigin>;
  let sources: ReferenceSources;
  const doc = (id: string) => docs.find((d) => d.id === id)!;

  // front matter (CRLF line ends) before a body whose passage is on its third line
  const MD = '---\r\ntitle: Harbour report\r\noutlet: Wire\r\n---\r\nFirst line of the body.\r\n\r\nThe harbour authority confirmed the closure on Monday.\r\n';
  // accented words before the passage and in it: one byte a character in Latin-1, two in UTF-8
  const LATIN =
    'Le comité a décidé, après une réunion très animée, de reporter la décision à plus tard.\n' +
    'Les élus réclament une étude détaillée.\n' +
    'Selon le préfet, la rénovation du théâtre coûtera près de deux millions.\n';
  const HTML =
    '<!doctype html><html><head><title>Council</title></head><body><article>' +
    '<p>The council met on Tuesday evening to discuss the budget for the coming year and its many items.</p>\n' +
    '<p>Members agreed that <em>the new library</em> would open\n in the spring, after long delays and much debate about its cost to residents.</p>' +
    '</article></body></html>\n';

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'copydesk-sources-'));
    writeFileSync(path.join(dir, 'wire.md'), MD);
    writeFileSync(path.join(dir, 'latin.txt'), Buffer.from(LATIN, 'latin1'));
    writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LATIN, 'utf16le')]));
    writeFileSync(path.join(dir, 'page.html'), HTML);
    ({ docs, origins } = await loadReferences([dir]));
    sources = new ReferenceSources(docs, origins);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the loader records where the body starts: offset and line', () => {
    assert.deepEqual(origins.get('wire.md'), { kind: 'text', bodyStart: MD.indexOf('First'), bodyLine: 4 });
    assert.deepEqual(origins.get('latin.txt'), { kind: 'text', bodyStart: 0, bodyLine: 0 });
    assert.equal(origins.get('page.html')?.kind, 'extracted');
  });

  it('Markdown with front matter: the passage lines count the front matter', () => {
    const passage = 'harbour authority confirmed the closure';
    const info = sources.info(findingFrom(doc('wire.md'), passage))!;
    assert.equal(info.path, path.join(dir, 'wire.md'));
    assert.equal(info.meta.title, 'Harbour report');
    assert.deepEqual(info.range, expected(MD, passage));
    assert.deepEqual(info.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 4 + passage.length } });
  });

  it('Latin-1 and UTF-16 references: positions in the decoded text, accents before and in the passage', () => {
    const passage = 'la rénovation du théâtre coûtera';
    for (const id of ['latin.txt', 'utf16.txt']) {
      assert.equal(doc(id).text, LATIN, `${id} decoded`);
      const info = sources.info(findingFrom(doc(id), passage))!;
      assert.deepEqual(info.range, expected(LATIN, passage), id);
      assert.deepEqual(info.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 17 + passage.length } }, id);
    }
  });

  it('HTML: the extracted passage is located in the page, across tags and line breaks', () => {
    const d = doc('page.html');
    const passage = 'agreed that the new library would open in the spring';
    const info = sources.info(findingFrom(d, passage))!;
    const start = HTML.indexOf('agreed');
    const end = HTML.indexOf('spring') + 'spring'.length;
    assert.deepEqual(info.range, new LineIndex(HTML).range(start, end));
    assert.equal(info.range!.end.line, 2);
  });

  it('a reference deleted since indexing: positions in the indexed text', () => {
    const d = doc('page.html');
    const passage = 'the new library would open';
    const f = findingFrom(d, passage);
    unlinkSync(path.join(dir, 'page.html'));
    const fresh = new ReferenceSources(docs, origins);
    assert.deepEqual(fresh.info(f)!.range, new LineIndex(d.text).range(f.source!.start, f.source!.end));
  });

  it('a document not in this generation has no range', () => {
    const f = findingFrom(doc('wire.md'), 'harbour');
    assert.equal(new ReferenceSources([], origins).info(f)!.range, undefined);
  });

  it('fileOffset (SARIF): offsets of text documents only', () => {
    assert.equal(fileOffset(origins.get('wire.md'), 3), MD.indexOf('First') + 3);
    assert.equal(fileOffset(origins.get('page.html'), 3), undefined);
    assert.equal(fileOffset(undefined, 3), undefined);
  });
});
