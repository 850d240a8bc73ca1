import assert from 'node:assert/strict';
import { convertPositions, fromUtf16, linesOf, positionEncoding, toUtf16 } from '../../../src/server/positions';

describe('server: positions counted in code points (lsp-mode) and in UTF-16', () => {
  const lines = linesOf('plain line\nsaid 🚢🚢 Maren Odouya\r\nlast');
  it('converts either way on a line with astral characters, and not elsewhere', () => {
    // "said 🚢🚢 " is 8 code points, 10 UTF-16 code units
    assert.deepEqual(toUtf16(lines, { line: 1, character: 8 }), { line: 1, character: 10 });
    assert.deepEqual(fromUtf16(lines, { line: 1, character: 10 }), { line: 1, character: 8 });
    assert.deepEqual(toUtf16(lines, { line: 0, character: 5 }), { line: 0, character: 5 });
    assert.deepEqual(toUtf16(lines, { line: 2, character: 2 }), { line: 2, character: 2 });
    // past the line's end: kept past it by as much (the client's own clamping decides)
    assert.deepEqual(toUtf16(lines, { line: 1, character: 30 }), { line: 1, character: 32 });
    assert.deepEqual(fromUtf16(lines, { line: 1, character: 32 }), { line: 1, character: 30 });
  });
  it('converts to and from bytes of the line in UTF-8 (ALE), for every character past ASCII', () => {
    const u8 = linesOf('cost £14,000\nsaid 🚢 “We” Odouya');
    // "cost £" is 6 UTF-16 code units, 7 bytes; "said 🚢 “We”" 12 units, 18 bytes
    assert.deepEqual(toUtf16(u8, { line: 0, character: 7 }, 'utf-8'), { line: 0, character: 6 });
    assert.deepEqual(fromUtf16(u8, { line: 0, character: 12 }, 'utf-8'), { line: 0, character: 13 });
    assert.deepEqual(toUtf16(u8, { line: 1, character: 18 }, 'utf-8'), { line: 1, character: 12 });
    assert.deepEqual(fromUtf16(u8, { line: 1, character: 12 }, 'utf-8'), { line: 1, character: 18 });
    assert.deepEqual(fromUtf16(u8, { line: 1, character: 18 }, 'utf-8'), { line: 1, character: 24 });
  });
  it('utf-8 when the client names it in its initialization options and declares nothing (ALE); a declared list wins', () => {
    assert.deepEqual(positionEncoding({ capabilities: {}, initializationOptions: { positionEncoding: 'utf-8' } }), { encoding: 'utf-8', declared: false });
    assert.deepEqual(positionEncoding({ capabilities: {}, clientInfo: { name: 'emacs' }, initializationOptions: { positionEncoding: 'utf-16' } }), { encoding: 'utf-16', declared: false });
    assert.deepEqual(positionEncoding({ capabilities: {}, initializationOptions: { positionEncoding: 'latin-1' } }), { encoding: 'utf-16', declared: false });
    assert.deepEqual(positionEncoding({ capabilities: { general: { positionEncodings: ['utf-32'] } }, initializationOptions: { positionEncoding: 'utf-8' } }), { encoding: 'utf-32', declared: true });
  });
  it('converts every position of a value but those under `data`', () => {
    const range = { start: { line: 1, character: 10 }, end: { line: 1, character: 22 } };
    const out = convertPositions({ range, data: { range }, message: 'x' }, (p) => fromUtf16(lines, p));
    assert.deepEqual(out, { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 20 } }, data: { range }, message: 'x' });
  });
  it('utf-32 for lsp-mode (clientInfo emacs, nothing declared) or when offered first; utf-16 otherwise', () => {
    assert.deepEqual(positionEncoding({ capabilities: {}, clientInfo: { name: 'emacs' } }), { encoding: 'utf-32', declared: false });
    assert.deepEqual(positionEncoding({ capabilities: {}, clientInfo: { name: 'Neovim' } }), { encoding: 'utf-16', declared: false });
    assert.deepEqual(positionEncoding({ capabilities: { general: { positionEncodings: ['utf-8', 'utf-32'] } } }), { encoding: 'utf-32', declared: true });
    assert.deepEqual(positionEncoding({ capabilities: { general: { positionEncodings: ['utf-8'] } } }), { encoding: 'utf-16', declared: true });
    assert.deepEqual(positionEncoding({ capabilities: { general: { positionEncodings: ['utf-16', 'utf-32'] } }, clientInfo: { name: 'emacs' } }), { encoding: 'utf-16', declared: true });
  });
  it('leaves a location in another file as it is (a related source passage counts its own lines)', () => {
    const shift = (p: { line: number; character: number }) => ({ line: p.line, character: p.character + 5 });
    const art = 'file:///w/article.md';
    const diagnostic = {
      range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } },
      relatedInformation: [{ location: { uri: 'file:///w/refs/wire.txt', range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } } }, message: 'Source' }],
      edit: { documentChanges: [{ textDocument: { uri: art, version: 3 }, edits: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: 'x' }] }] },
    };
    const out = convertPositions(diagnostic, shift, art);
    assert.deepEqual(out.range.start, { line: 0, character: 6 });
    assert.deepEqual(out.relatedInformation[0]!.location.range, diagnostic.relatedInformation[0]!.location.range);
    assert.deepEqual(out.edit.documentChanges[0]!.edits[0]!.range.start, { line: 0, character: 6 });
  });
});
