import * as assert from 'node:assert/strict';
import { wordLabels } from '../../../scripts/eval/lib/meter-data';
import { CharMap, parseTruthXml } from '../../../scripts/eval/lib/pan13-data';
import { flag, prf } from '../../../scripts/eval/lib/report';

describe('eval data readers', () => {
  it('parses a PAN truth XML into cases, ignoring other features', () => {
    const xml = `<document reference="susp-7.txt">
<feature name="about" authors="x" />
<feature name="plagiarism" obfuscation="none" source_length="40" source_offset="12" source_reference="src-3.txt" this_length="41" this_offset="100" type="artificial" />
<feature name="plagiarism" obfuscation="random" source_length="5" source_offset="0" source_reference="src-3.txt" this_length="6" this_offset="7" />
</document>`;
    const { reference, cases } = parseTruthXml(xml);
    assert.equal(reference, 'susp-7.txt');
    assert.deepEqual(cases, [
      { susp: 'susp-7.txt', suspOffset: 100, suspLength: 41, src: 'src-3.txt', srcOffset: 12, srcLength: 40 },
      { susp: 'susp-7.txt', suspOffset: 7, suspLength: 6, src: 'src-3.txt', srcOffset: 0, srcLength: 5 },
    ]);
    assert.deepEqual(parseTruthXml('<document reference="a.txt">\n</document>').cases, []);
    assert.throws(() => parseTruthXml('<nothing/>', 'x.xml'), /x\.xml/);
  });

  it('maps code point offsets to UTF-16 only when the text has astral characters', () => {
    assert.equal(new CharMap('plain text').identity, true);
    const t = 'a😀b😀c';
    const m = new CharMap(t);
    assert.equal(m.identity, false);
    // code points: a=0 😀=1 b=2 😀=3 c=4
    assert.equal(m.toUtf16(2), 3);
    assert.equal(t.slice(m.toUtf16(4), m.toUtf16(5)), 'c');
    assert.equal(m.toCodePoint(3), 2);
    assert.equal(m.toCodePoint(6), 4);
  });

  it('maps SGML element labels onto the raw text word by word', () => {
    const raw = 'THE mayor opened\r\nthe new bridge — on Monday, aides said.\r\n\r\nLocals cheered.';
    const sgml = `<!DOCTYPE x>
<meterdocument><body>
<Verbatim PAsource="" >THE mayor </Verbatim>
<Rewrite PAsource="" >opened\r\nthe new bridge </Rewrite>
<New PAsource="" >- on Monday, </New>
<Verbatim PAsource="" >aides said.</Verbatim>
<New PAsource="" >\r\n\r\nLocals cheered and cheered.</New>
</body></meterdocument>`;
    const lw = wordLabels(raw, sgml);
    assert.equal(lw.hasSpans, true);
    const got = lw.tokens.map((t, k) => `${t.text}:${lw.labels[k]}`);
    assert.deepEqual(got, [
      'THE:Verbatim',
      'mayor:Verbatim',
      'opened:Rewrite',
      'the:Rewrite',
      'new:Rewrite',
      'bridge:Rewrite',
      'on:New',
      'Monday:New',
      'aides:Verbatim',
      'said:Verbatim',
      'Locals:New',
      'cheered:New',
    ]);
    // "and cheered" exists only in the SGML
    assert.equal(lw.unmatchedSgml, 2);
    // offsets are the raw text's
    assert.equal(raw.slice(lw.tokens[8]!.start, lw.tokens[8]!.end), 'aides');
  });

  it('leaves raw words without an SGML counterpart unlabelled', () => {
    const lw = wordLabels('One two three four.', '<body><New>One two </New><Verbatim>four.</Verbatim></body>');
    assert.deepEqual(lw.labels, ['New', 'New', null, 'Verbatim']);
    assert.equal(lw.hasSpans, true);
    assert.equal(wordLabels('a b', '<body><New>a b</New></body>').hasSpans, false);
  });

  it('computes P/R/F1 and reads flags in both forms', () => {
    const x = prf(3, 1, 2);
    assert.equal(x.precision, 0.75);
    assert.equal(x.recall, 0.6);
    assert.ok(Math.abs(x.f1 - (2 * 0.75 * 0.6) / 1.35) < 1e-12);
    assert.equal(flag(['--corpus', 'train'], 'corpus'), 'train');
    assert.equal(flag(['--corpus=test'], 'corpus'), 'test');
    assert.equal(flag(['--sweep', '--limit', '5'], 'sweep'), true);
    assert.equal(flag([], 'corpus'), undefined);
  });
});
