/** CheckEnv.doc: a caller that has analysed the text already (the language server, for the tag worker) passes its model. */
import * as assert from 'node:assert/strict';
import { check, makeContext } from '../../../src/core/engine';
import { proseView } from '../../../src/core/prose';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { resolveSettings } from '../../../src/core/settings';
import { analyse } from '../../../src/core/text';

const REF = 'The ferry to Gull Island was cancelled on Monday after a storm damaged the pier at Kestrel Bay.';
const index = ReferenceIndex.build([{ id: 'ref', path: 'ref.txt', text: REF, meta: {} }]);
const article = proseView(`# Ferry\n\n${REF}\n\nHarbour master Ilse Varnholt said: "We will sail again on Friday."\n`, 'markdown');

describe('a check given the text model', () => {
  it('uses that model when it is of the text checked', () => {
    const m = analyse(article);
    assert.equal(makeContext(article, index, resolveSettings({}), { doc: m }).doc, m);
  });

  it('makes its own when the model is of another text', () => {
    const m = analyse(`${article} More.`);
    const ctx = makeContext(article, index, resolveSettings({}), { doc: m });
    assert.notEqual(ctx.doc, m);
    assert.equal(ctx.doc.text, article);
  });

  it('finds the same with and without it', () => {
    const free = check(article, index);
    const given = check(article, index, {}, { doc: analyse(article) });
    assert.ok(free.findings.length > 0);
    assert.deepEqual(JSON.parse(JSON.stringify(given)), JSON.parse(JSON.stringify(free)));
  });
});
