import { strict as assert } from 'node:assert';
import { analyse } from '../../../src/core/text';
import type { Finding } from '../../../src/core/types';
import { DOC_FEATURES, docFeatures } from '../../../scripts/eval/lib/meter-doc-features';
import { quotedMask } from '../../../scripts/eval/lib/shared-runs';

const WIRE =
  'A lighthouse keeper from Carrow Point was cleared yesterday of stealing brass fittings from the tower he tended for nineteen years. ' +
  'Defending, Ms Ilse Marrow said: "He polished those fittings every morning and never once took one home." ' +
  'The jury took forty minutes to reach its verdict.';

const ARTICLE =
  'A lighthouse keeper was cleared yesterday of stealing brass fittings from the tower he tended for nineteen years. ' +
  'Outside court he said: "I am going straight back up those stairs to light the lamp tonight." ' +
  'His barrister had told the jury: "He polished those fittings every morning and never once took one home." ' +
  'Neighbours cheered as he left, one shouting: "We never doubted him for a single minute."';

describe('eval lib/meter-doc-features', () => {
  it("counts the article's quotations its cited reference lacks, and the share it holds", () => {
    const wire = analyse(WIRE);
    const article = analyse(ARTICLE);
    const end = ARTICLE.indexOf(' Outside');
    const finding = { rule: 'copied-passage', start: 0, end, similarity: 0.9, data: { words: 18 }, source: { id: 'wire', start: 0, end: 100 } } as unknown as Finding;
    const x = docFeatures(article, [finding], () => ({ model: wire, quoted: quotedMask(wire) }));
    const f = (name: (typeof DOC_FEATURES)[number]) => x[DOC_FEATURES.indexOf(name)];
    assert.equal(f('own quotations'), 2); // the keeper's and the neighbour's words; the barrister's are the wire's
    assert.ok(Math.abs(f('quotations held')! - 1 / 3) < 1e-9);
    assert.equal(f('has quotations'), 1);
    assert.equal(f('log exact run'), Math.log1p(15)); // "was cleared … nineteen years": 15 words outside quotes
    assert.equal(f('log findings'), Math.log1p(1));
  });
});
