import fc from 'fast-check';
import { articleAndRefs, hostileText, longLine } from '../../fuzz/generators';
import { checkProperties } from '../../fuzz/properties';

// A short, seeded run inside the test suite; `npm run fuzz` runs a million inputs.
describe('engine fuzz (seeded)', () => {
  it('keeps its properties on hostile articles and references', () => {
    fc.assert(fc.property(articleAndRefs, ({ article, refs }) => void checkProperties(article, refs)), {
      seed: 20261122,
      numRuns: 300,
    });
  });

  it('survives empty, whitespace-only and huge single-line texts', () => {
    for (const t of ['', ' ', '\r\n\r\n', '\u0000\u0000', '“', '"""']) checkProperties(t, [t, 'some reference text here']);
    fc.assert(fc.property(longLine, hostileText(50), (line, other) => void checkProperties(line, [line.slice(0, 5000), other])), {
      seed: 7,
      numRuns: 3,
    });
  });

  it('handles reference sets of 0, 1 and 1,000 files', () => {
    checkProperties('The mayor said the harbour strike would end on Monday.', []);
    checkProperties('The mayor said the harbour strike would end on Monday.', ['The mayor said the harbour strike would end on Monday.']);
    const many = Array.from({ length: 1000 }, (_, k) => `Report ${k}: the mayor said the harbour strike would end on day ${k}.`);
    checkProperties('The mayor said the harbour strike would end on day 12 or so, officials said.', many);
  });
});
