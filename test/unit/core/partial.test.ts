/** CheckEnv.partial: the copied-passage findings handed over before the slower rules run (the language server's first report). */
import * as assert from 'node:assert/strict';
import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { Finding } from '../../../src/core/types';

const REF =
  'The ferry to Gull Island was cancelled on Monday after a storm damaged the pier at Kestrel Bay, and the council said repairs would take a month. ' +
  'Harbour master Ilse Varnholt said: "We will sail again on Friday if the weather holds and the divers finish their survey."';
const index = ReferenceIndex.build([{ id: 'ref', path: 'ref.txt', text: REF, meta: {} }]);
const article =
  'The ferry to Gull Island was cancelled on Monday after a storm damaged the pier at Kestrel Bay, and the council said repairs would take a month.\n\n' +
  'Harbour master Ilse Varnholt said: "We will sail again on Saturday if the weather holds and the divers finish their work."\n';

const plain = (fs: Finding[]) => JSON.parse(JSON.stringify(fs));

describe('a check handing over its copied-passage findings first', function () {
  this.timeout(60000);
  it('hands them over once, in the final order, and the result holds the same findings', () => {
    const calls: Finding[][] = [];
    const result = check(article, index, {}, { partial: (fs) => calls.push(plain(fs)) });
    assert.equal(calls.length, 1);
    const copied = result.findings.filter((f) => f.rule === 'copied-passage');
    assert.ok(copied.length > 0, 'the article copies a passage');
    assert.ok(result.findings.some((f) => f.rule !== 'copied-passage'), 'and has a finding of a later rule');
    assert.deepEqual(calls[0], plain(copied));
    assert.deepEqual(plain(result.findings), plain(check(article, index).findings));
  });

  it('does not when no rule runs after the copied-passage rule, or that rule is off', () => {
    let calls = 0;
    const rest = { 'unattributed-quote': 'off', 'unattributed-claim': 'off', 'weasel-attribution': 'off', misquote: 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', 'fact-mismatch': 'off' } as const;
    check(article, index, { rules: rest }, { partial: () => calls++ });
    check(article, index, { rules: { 'copied-passage': 'off' } }, { partial: () => calls++ });
    assert.equal(calls, 0);
    check(article, index, { rules: { ...rest, misquote: 'warning' } }, { partial: () => calls++ });
    assert.equal(calls, 1, 'one later rule on is enough');
  });
});
