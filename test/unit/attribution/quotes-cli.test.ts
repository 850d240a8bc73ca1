import { strict as assert } from 'node:assert';
import { quotesReport } from '../../../src/cli/quotes';

describe('copydesk quotes: report shape', () => {
  it('gives version, path and attributions with offsets into the file text', () => {
    const text = '# Ferry news\n\n“We will rebuild the harbour by spring,” Mayor Elena Voss said. She added: “Nobody will be left behind.”\n';
    const r = quotesReport('story.md', text, 'markdown');
    assert.equal(r.version, 1);
    assert.deepEqual(r.document, { path: 'story.md' });
    assert.equal(r.attributions.length, 2);
    for (const a of r.attributions) {
      for (const s of [a.cue, a.source, a.content]) if (s) assert.equal(text.slice(s.start, s.end), s.text);
    }
    const [first, second] = r.attributions;
    assert.equal(first!.kind, 'direct');
    assert.equal(first!.source!.text, 'Mayor Elena Voss');
    assert.equal(second!.source!.text, 'She');
    assert.match(second!.source!.resolved!.text, /Elena Voss$/);
  });
  it('an article with no quotes has an empty list', () => {
    assert.deepEqual(quotesReport('a.txt', 'The tide came in.', 'plaintext').attributions, []);
  });
});
