import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../../src/node/decode';

const FIX = path.resolve(__dirname, '../../fixtures/node');
const read = (f: string) => readFileSync(path.join(FIX, f));

function ok(r: ReturnType<typeof decodeBytes>): { text: string; encoding: string } {
  assert.ok(r.ok, `expected text, got ${JSON.stringify(r)}`);
  return r as { text: string; encoding: string };
}

describe('decodeBytes', () => {
  it('keeps valid UTF-8 as UTF-8', () => {
    const r = ok(decodeBytes(Buffer.from('Café “quotes” — £5', 'utf8')));
    assert.equal(r.text, 'Café “quotes” — £5');
    assert.equal(r.encoding, 'utf-8');
  });

  it('strips a UTF-8 BOM so offsets count after it', () => {
    const r = ok(decodeBytes(read('utf8-bom.md')));
    assert.ok(r.text.startsWith('---\ntitle: BOM story'));
    assert.equal(r.text.charCodeAt(0), 0x2d);
  });

  it('decodes a cp1252 file with CRLF: pound sign, curly quotes, dash, é; line ends kept', () => {
    const r = ok(decodeBytes(read('cp1252-crlf.txt')));
    assert.equal(r.encoding, 'windows-1252');
    assert.equal(
      r.text,
      'Harbour fees rose to £120 a berth, the board’s report said.\r\n“We cannot pay that,” said one skipper — and the café agreed.\r\n',
    );
  });

  it('reads ISO-8859-1-looking bytes as windows-1252 (C1 range is punctuation)', () => {
    const bytes = iconv.encode('He said \u201cno\u201d to the \u20ac5 fee, and left the caf\u00e9 at once, quite cross about it all.', 'win1252');
    const r = ok(decodeBytes(bytes));
    assert.ok(r.text.includes('“no”'), r.text);
    assert.ok(r.text.includes('€5'), r.text);
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    assert.equal(ok(decodeBytes(read('utf16le-bom.txt'))).text, 'Tide tables for Kestrel Bay — spring edition.\n');
    assert.equal(ok(decodeBytes(read('utf16be-bom.txt'))).text, 'Ferry times été.\n');
  });

  it('decodes UTF-16 LE without a BOM (zero high bytes)', () => {
    const r = ok(decodeBytes(Buffer.from('Plain old text in UTF-16 without any byte order mark.', 'utf16le')));
    assert.equal(r.text, 'Plain old text in UTF-16 without any byte order mark.');
  });

  it('rejects binary data instead of returning garbage', () => {
    assert.deepEqual(decodeBytes(read('binary.txt')), { ok: false, error: 'binary file' });
    assert.deepEqual(decodeBytes(read('control-chars.txt')), { ok: false, error: 'binary file' });
    assert.deepEqual(decodeBytes(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 1, 0, 1, 0x80, 0])), {
      ok: false,
      error: 'binary file',
    });
  });

  it('keeps a long text file with a stray NUL byte as text', () => {
    const text = 'The harbour board met on Tuesday to discuss the new cranes. '.repeat(40);
    const bytes = Buffer.concat([Buffer.from(text.slice(0, 100)), Buffer.from([0]), Buffer.from(text.slice(100))]);
    const r = ok(decodeBytes(bytes));
    assert.equal(r.text.length, text.length + 1);
    assert.equal(r.text.charCodeAt(100), 0);
  });

  it('decodes an empty file to an empty string', () => {
    assert.deepEqual(decodeBytes(read('empty.txt')), { ok: true, text: '', encoding: 'utf-8' });
  });
});
