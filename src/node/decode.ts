/**
 * Bytes → string for reference and article files.
 *
 * - A UTF-8 BOM is stripped (offsets count from after it); UTF-16 LE/BE with a BOM decode.
 * - Valid UTF-8 stays UTF-8.
 * - Anything else is detected with chardet and decoded with iconv-lite. ISO-8859-1 is read as
 *   windows-1252 (its superset for printable text, as browsers do), so cp1252 curly quotes and
 *   the pound sign survive.
 * - Binary data (more than a stray NUL byte or two, or many control characters) is an error, never
 *   garbage text.
 * Line ends are kept as they are (CRLF stays CRLF): offsets point into the file as decoded.
 */
import type chardetMod from 'chardet';
import type iconvMod from 'iconv-lite';

// loaded on first use: most input is UTF-8 and never needs them, and `copydesk --version` should not load them
let iconvLoaded: typeof iconvMod | undefined;
let chardetLoaded: typeof chardetMod | undefined;
const iconv = {
  decode: (buf: Buffer, enc: string): string => lazyIconv().decode(buf, enc),
  encodingExists: (enc: string): boolean => lazyIconv().encodingExists(enc),
};
const chardet = {
  detect: (buf: Buffer): string | null => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    chardetLoaded ??= require('chardet') as typeof chardetMod;
    return chardetLoaded.detect(buf);
  },
};
function lazyIconv(): typeof iconvMod {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  iconvLoaded ??= require('iconv-lite') as typeof iconvMod;
  return iconvLoaded;
}

export type DecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; error: string };

/** Share of control characters (other than tab, CR, LF, FF, VT, ESC) above which a text is binary. */
const MAX_CONTROL_SHARE = 0.05;
/** Share of NUL bytes above which a file is binary. */
const MAX_NUL_SHARE = 0.001;

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length === 0) return { ok: true, text: '', encoding: 'utf-8' };

  // byte order marks
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return checked(utf8(buf.subarray(3)) ?? iconv.decode(buf.subarray(3), 'utf-8'), 'utf-8');
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return checked(iconv.decode(buf.subarray(2), 'utf-16le'), 'utf-16le');
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return checked(iconv.decode(buf.subarray(2), 'utf-16be'), 'utf-16be');
  }

  if (buf.includes(0)) {
    // UTF-16 without a BOM: ASCII-range text has a zero in every other byte
    const u16 = utf16WithoutBom(buf);
    if (u16) return checked(iconv.decode(buf, u16), u16);
    // a stray NUL or two in a text file (seen in scraped corpora) is not a binary file; many are
    let zeros = 0;
    for (let i = 0; i < buf.length; i++) if (buf[i] === 0) zeros++;
    if (zeros / buf.length > MAX_NUL_SHARE) return { ok: false, error: 'binary file' };
  }

  const asUtf8 = utf8(buf);
  if (asUtf8 !== undefined) return checked(asUtf8, 'utf-8');

  let enc = chardet.detect(buf) ?? 'windows-1252';
  if (/^(iso-8859-1|latin1|ascii|us-ascii)$/i.test(enc)) enc = 'windows-1252';
  if (/^utf-?8$/i.test(enc) || !iconv.encodingExists(enc)) enc = 'windows-1252';
  return checked(iconv.decode(buf, enc), enc.toLowerCase());
}

function utf8(buf: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.6 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.6 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** Reject decoded text that is mostly control characters (a binary file that happens to decode). */
function checked(text: string, encoding: string): DecodeResult {
  if (text.length === 0) return { ok: true, text, encoding };
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11 && c !== 27) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) {
      control++;
    }
  }
  if (control / sample.length > MAX_CONTROL_SHARE) return { ok: false, error: 'binary file' };
  return { ok: true, text, encoding };
}
