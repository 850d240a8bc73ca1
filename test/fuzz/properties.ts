/**
 * The properties every check must keep, whatever the input: no exception, spans inside the text,
 * `text` equal to the slice, fixes' edits inside the text and non-overlapping, deterministic results.
 */
import { strict as assert } from 'node:assert';
import { check } from '../../src/core/engine';
import { ReferenceIndex } from '../../src/core/reference-index';
import type { CheckResult } from '../../src/core/types';

export function checkProperties(article: string, refs: string[]): CheckResult {
  const docs = refs.map((text, k) => ({ id: `r${k}.txt`, path: `/refs/r${k}.txt`, text, meta: {} }));
  const index = ReferenceIndex.build(docs);
  const r = check(article, index);
  assert.ok(r.originality >= 0 && r.originality <= 1, `originality ${r.originality}`);
  for (const f of r.findings) {
    assert.ok(0 <= f.start && f.start <= f.end && f.end <= article.length, `${f.rule} span ${f.start}-${f.end}`);
    assert.equal(f.text, article.slice(f.start, f.end), `${f.rule} text`);
    if (f.source) {
      const d = docs.find((x) => x.id === f.source!.id)!;
      assert.ok(d, `${f.rule} source id`);
      assert.ok(0 <= f.source.start && f.source.start <= f.source.end && f.source.end <= d.text.length);
      assert.equal(f.source.text, d.text.slice(f.source.start, f.source.end));
    }
    for (const fix of f.fixes ?? []) {
      const edits = [...fix.edits].sort((a, b) => a.start - b.start);
      for (let k = 0; k < edits.length; k++) {
        const e = edits[k]!;
        assert.ok(0 <= e.start && e.start <= e.end && e.end <= article.length, `${f.rule} fix edit range`);
        if (k > 0) assert.ok(edits[k - 1]!.end <= e.start, `${f.rule} fix edits overlap`);
      }
    }
  }
  // deterministic: a second run on a fresh index gives the same JSON
  const again = check(article, ReferenceIndex.build(docs));
  assert.equal(JSON.stringify(again), JSON.stringify(r), 'non-deterministic result');
  return r;
}

/**
 * proseView keeps the shape of any text in every language: same length (offsets are file offsets),
 * every CR and LF where it was, and no line break where there was none (except over HTML block
 * tags, which become line breaks by design: only inside a tag).
 */
export function proseProperties(text: string, view: (t: string, lang: string) => string): void {
  for (const lang of ['plaintext', 'markdown', 'html']) {
    const v = view(text, lang);
    assert.equal(v.length, text.length, `${lang}: proseView changed the length`);
    for (let i = 0; i < text.length; i++) {
      const o = text.charCodeAt(i);
      const c = v.charCodeAt(i);
      if (o === 10 || o === 13) assert.equal(c, o, `${lang}: line break at ${i} lost`);
      // HTML block tags (<p>, </div>) become line breaks by design, never prose characters
      else if (c === 10 || c === 13) {
        const inTag = text.lastIndexOf('<', i) > (i > 0 ? text.lastIndexOf('>', i - 1) : -1);
        assert.ok(lang === 'html' && inTag, `${lang}: line break invented at ${i} over ${JSON.stringify(text[i])}, outside a tag`);
      }
    }
    // idempotent on the blanks: checking the view again must not move anything either
    assert.equal(view(v, lang).length, v.length, `${lang}: second pass changed the length`);
  }
}

/**
 * The LineIndex round trip: offset → position → offset is the identity for every offset that is
 * not between the CR and LF of a CRLF; every position maps into the text; lines split on CR, LF
 * and CRLF only (LSP), never on U+2028/U+2029 or a lone surrogate.
 */
export function lineIndexProperties(text: string, LineIndexCtor: new (t: string) => {
  position(o: number): { line: number; character: number };
  offset(p: { line: number; character: number }): number;
  lineCount: number;
}): void {
  const li = new LineIndexCtor(text);
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  assert.equal(li.lineCount, breaks + 1, 'line count');
  let line = 0;
  let col = 0;
  for (let o = 0; o <= text.length; o++) {
    const p = li.position(o);
    const insideCrlf = o > 0 && text[o - 1] === '\r' && text[o] === '\n';
    if (!insideCrlf) {
      assert.deepEqual(p, { line, character: col }, `position(${o})`);
      assert.equal(li.offset(p), o, `offset(position(${o}))`);
    }
    const ch = text[o];
    if (ch === '\n' || (ch === '\r' && text[o + 1] !== '\n')) {
      line++;
      col = 0;
    } else if (ch !== '\r') col++;
    else col++; // the CR of a CRLF: the LF that follows ends the line
  }
  // positions beyond the text or a line clamp into it
  assert.equal(li.offset({ line: -1, character: 5 }), 0);
  assert.equal(li.offset({ line: li.lineCount + 3, character: 0 }), text.length);
  const o = li.offset({ line: 0, character: 1e9 });
  assert.ok(o >= 0 && o <= text.length && !/[\r\n]/.test(text.slice(0, o)), 'character past the line end clamps to it');
}
