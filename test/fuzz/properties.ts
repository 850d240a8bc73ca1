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
