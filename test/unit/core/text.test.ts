import { strict as assert } from 'node:assert';
import { analyse, escapeRegExp, normalizeWord, paragraphs, sentenceSpans, tokenize, tokenizeRange, type Token } from '../../../src/core/text';
import { LineIndex } from '../../../src/core/positions';

describe('text model', () => {
  it('keeps UTF-16 offsets across CRLF, emoji and curly quotes', () => {
    const text = 'Mayor 👩‍⚖️ Ana Ruiz said:\r\n“We won’t close the pier.”';
    const toks = tokenize(text);
    for (const t of toks) assert.equal(text.slice(t.start, t.end), t.text);
    assert.deepEqual(
      toks.map((t) => t.text),
      ['Mayor', 'Ana', 'Ruiz', 'said', 'We', 'won’t', 'close', 'the', 'pier'],
    );
    // astral characters count two code units each
    const ana = toks[1]!;
    assert.equal(ana.start, text.indexOf('Ana'));
  });

  it('tokenizeRange: the tokens starting in a range, scanned from after white space, are tokenize()\'s there', () => {
    const text = 'The pier’s 3.5 m gate (see http://pier.example/a-b) won’t open: 1,000 people, O’Neill said.\n\nA new\tline';
    const whole = tokenize(text);
    // cut at every white space: the pieces' tokens, appended in order, are the whole text's
    const cuts = [0];
    for (let i = 0; i < text.length; i++) if (/\s/.test(text[i]!)) cuts.push(i + 1);
    cuts.push(text.length);
    const out: Token[] = [];
    for (let c = 0; c + 1 < cuts.length; c++) tokenizeRange(text, cuts[c]!, cuts[c + 1]!, out);
    assert.deepEqual(out, whole);
    // a token starting before `to` is taken whole; one starting at `to` is not
    const gate = text.indexOf('gate');
    assert.deepEqual(tokenizeRange(text, gate, gate + 1, []).map((t) => t.text), ['gate']);
    assert.deepEqual(tokenizeRange(text, gate, gate, []), []);
  });

  it('normalises case, diacritics, apostrophes and possessives', () => {
    assert.equal(normalizeWord('Zürich’s'), 'zurich');
    assert.equal(normalizeWord("BOSS'"), 'boss');
    assert.equal(normalizeWord('won’t'), "won't");
    assert.equal(normalizeWord('1,000'), '1000');
    assert.equal(normalizeWord('1,000,000,000,000'), '1000000000000');
    const long = '1,'.repeat(40) + '1'; // 81 characters: not a number anyone writes, left as it is
    assert.equal(normalizeWord(long), long);
    assert.equal(normalizeWord('Łódź'), 'lodz');
    assert.equal(normalizeWord('Straße'), 'strasse');
  });

  it('joins inner apostrophes and number separators but splits hyphens and dashes', () => {
    const words = tokenize('A 3.5% rise—the son-in-law’s 1,200 jobs').map((t) => t.text);
    assert.deepEqual(words, ['A', '3.5', 'rise', 'the', 'son', 'in', 'law’s', '1,200', 'jobs']);
  });

  it('splits sentences but not at abbreviations, initials or inside quotes', () => {
    const text = 'Mr. Hale met J. K. Rowe at 5 p.m. in the U.S. capital. “It went well,” he said. Did it? Yes!';
    const spans = sentenceSpans(text, 0, text.length).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(spans, [
      'Mr. Hale met J. K. Rowe at 5 p.m. in the U.S. capital.',
      '“It went well,” he said.',
      'Did it?',
      'Yes!',
    ]);
  });

  it('finds paragraphs by blank lines, or by lines when there are none', () => {
    const blank = 'One line\nwraps here.\n\n  Second para.\r\n\r\nThird.';
    assert.deepEqual(
      paragraphs(blank).map((p) => blank.slice(p.start, p.end)),
      ['One line\nwraps here.', 'Second para.', 'Third.'],
    );
    const wire = 'First graf.\r\nSecond graf.\r\n';
    assert.deepEqual(
      paragraphs(wire).map((p) => wire.slice(p.start, p.end)),
      ['First graf.', 'Second graf.'],
    );
  });

  it('links tokens to sentences and sentences to paragraphs', () => {
    const m = analyse('Alpha beta. Gamma delta.\n\nEpsilon.');
    assert.equal(m.sentences.length, 3);
    assert.deepEqual(
      m.sentences.map((s) => [s.paragraph, s.tokenEnd - s.tokenStart]),
      [[0, 2], [0, 2], [1, 1]],
    );
    assert.deepEqual(m.tokens.map((t) => t.sentence), [0, 0, 1, 1, 2]);
  });

  it('handles empty and whitespace-only text', () => {
    for (const t of ['', '   ', '\r\n\r\n']) {
      const m = analyse(t);
      assert.equal(m.tokens.length, 0);
      assert.equal(m.sentences.length, 0);
    }
  });
});

describe('positions', () => {
  it('converts offsets to line/character and back with CRLF, CR and LF', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const li = new LineIndex(text);
    assert.equal(li.lineCount, 4);
    assert.deepEqual(li.position(text.indexOf('d')), { line: 1, character: 1 });
    assert.deepEqual(li.position(text.indexOf('f')), { line: 2, character: 1 });
    assert.deepEqual(li.position(text.length), { line: 3, character: 2 });
    for (let o = 0; o <= text.length; o++) {
      const p = li.position(o);
      // positions inside a CRLF pair map back to the line end
      if (text[o - 1] === '\r' && text[o] === '\n') continue;
      assert.equal(li.offset(p), o, `offset ${o}`);
    }
    assert.equal(li.offset({ line: 0, character: 99 }), 2);
  });

  it('counts astral characters as two UTF-16 units', () => {
    const text = '😀x\n😀😀y';
    const li = new LineIndex(text);
    assert.deepEqual(li.position(text.indexOf('y')), { line: 1, character: 4 });
  });

  it('escapeRegExp makes a pattern that matches the string literally', () => {
    for (const lit of ['St. John (the Elder)', 'a+b*c?', '$5^2 [x] {y} | z \\ w', 'plain']) {
      const re = new RegExp(`^${escapeRegExp(lit)}$`, 'u');
      assert.ok(re.test(lit), lit);
    }
    assert.ok(!new RegExp(escapeRegExp('a.c')).test('abc'));
  });
});
