import { strict as assert } from 'node:assert';
import { analyse } from '../../../src/core/text';
import { longestSharedRuns, quotedMask } from '../../../scripts/eval/lib/shared-runs';

const WIRE =
  'The ferry operator Brindlewick Lines was fined forty thousand pounds yesterday after a gangway collapsed at Port Avalé in March. ' +
  'Judge Omara Finch told the court: "Passengers were put at risk by a company that ignored its own inspection schedule for two years." ' +
  'Nine people were treated in hospital after the fall into shallow water beside the quay.';

function runs(article: string, reference: string, o: { bothOutside?: boolean } = {}) {
  const a = analyse(article);
  const b = analyse(reference);
  const r = longestSharedRuns(a, quotedMask(a), b, quotedMask(b), o);
  const slice = (text: string, s: { start: number; end: number } | undefined) => (s ? text.slice(s.start, s.end) : '');
  return { ...r, exactText: slice(article, r.exact?.a), nearText: slice(article, r.near?.a), exactSource: slice(reference, r.exact?.b) };
}

describe('eval meter-ceiling: longest shared runs outside quotation marks', () => {
  it('finds the longest verbatim run, with its spans in both texts', () => {
    const article =
      'Brindlewick Lines, the ferry company, will appeal. It was fined forty thousand pounds yesterday after a gangway collapsed at Port Avalé in March, a hearing was told.';
    const r = runs(article, WIRE);
    assert.equal(r.exact?.words, 15);
    assert.equal(r.exactText, 'was fined forty thousand pounds yesterday after a gangway collapsed at Port Avalé in March');
    assert.equal(r.exactSource, 'was fined forty thousand pounds yesterday after a gangway collapsed at Port Avalé in March');
  });

  it('does not count words the article puts inside quotation marks', () => {
    const article =
      'The judge was scathing. "Passengers were put at risk by a company that ignored its own inspection schedule for two years," she said.';
    const r = runs(article, WIRE);
    // the 19-word quotation is shared, but only the unquoted words around it can make a run
    assert.ok((r.exact?.words ?? 0) <= 2, `exact ${r.exact?.words}`);
  });

  it('with bothOutside, does not count words the reference quotes either', () => {
    const article = 'Passengers were put at risk by a company that ignored its own inspection schedule, the inspectors found.';
    assert.equal(runs(article, WIRE).exact?.words, 14);
    assert.ok((runs(article, WIRE, { bothOutside: true }).exact?.words ?? 0) <= 1);
  });

  it('chains runs over a changed word into a near run, but not over a long gap', () => {
    const article =
      'Nine people were taken to hospital after the fall into shallow water beside the quay, and the firm said little.';
    const r = runs(article, WIRE);
    assert.equal(r.exact?.words, 10); // hospital … quay
    assert.equal(r.nearText, 'Nine people were taken to hospital after the fall into shallow water beside the quay');
    assert.equal(r.near?.words, 15);
    assert.equal(r.near?.matched, 13);
    const apart = runs('Nine people were, according to the council and the harbour master, in hospital after the fall into shallow water beside the quay.', WIRE);
    assert.equal(apart.near?.words, apart.exact?.words);
  });
});
