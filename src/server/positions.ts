/**
 * The unit of a Position's `character` as the client counts it. The server works in UTF-16 code units
 * (LSP's default, and TextDocument's); a client that counts Unicode code points (UTF-32) or bytes of the
 * line in UTF-8 has its positions converted at the edge: incoming ones (edits, the cursor, a code action's
 * range) to UTF-16, outgoing ones (diagnostics, hover and edit ranges) back. In UTF-32 only a line with
 * characters outside the Basic Multilingual Plane (emoji, some CJK) differs; in UTF-8 any character past
 * ASCII does (£, é, curly quotes).
 */
import type { InitializeParams, Position } from 'vscode-languageserver/node';

export type PositionEncoding = 'utf-8' | 'utf-16' | 'utf-32';

/**
 * The encoding used with this client: the first of `general.positionEncodings` the server negotiates
 * (UTF-16 or UTF-32), in the client's order; with none declared, the one the client names in its
 * initialization options (`positionEncoding`: ALE 3.3.0 counts bytes and declares nothing, so the README's
 * vimrc says `utf-8` there), else UTF-16 (the protocol's default), except for lsp-mode (clientInfo
 * name `emacs`), which counts Emacs characters, i.e. code points, in every position it sends or reads
 * (lsp-mode 8.0: `lsp--cur-position`, `lsp--line-character-to-point`).
 */
export function positionEncoding(
  p: Pick<InitializeParams, 'capabilities' | 'clientInfo'> & { initializationOptions?: unknown },
): { encoding: PositionEncoding; declared: boolean } {
  const offered = (p.capabilities.general as { positionEncodings?: string[] } | undefined)?.positionEncodings;
  if (offered?.length) {
    const known = offered.find((e): e is PositionEncoding => e === 'utf-16' || e === 'utf-32');
    return { encoding: known ?? 'utf-16', declared: true };
  }
  const named = (p.initializationOptions as { positionEncoding?: unknown } | null | undefined)?.positionEncoding;
  if (named === 'utf-8' || named === 'utf-16' || named === 'utf-32') return { encoding: named, declared: false };
  return { encoding: p.clientInfo?.name === 'emacs' ? 'utf-32' : 'utf-16', declared: false };
}

/** A document's lines, for converting positions on them. */
export interface LineSource {
  lineText(line: number): string;
}

/** `text` as a LineSource. */
export function linesOf(text: string): LineSource {
  let lines: string[] | undefined;
  return {
    lineText: (line) => (lines ??= text.split(/\r\n|\r|\n/))[line] ?? '',
  };
}

/** How many of the client's units code point `c` takes. */
function width(c: number, encoding: ClientEncoding): number {
  if (encoding === 'utf-32') return 1;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** The encodings that differ from the server's UTF-16. */
export type ClientEncoding = Exclude<PositionEncoding, 'utf-16'>;

/** A position counted in the client's units (code points, or UTF-8 bytes) on its line, in UTF-16 code units. */
export function toUtf16(lines: LineSource, pos: Position, encoding: ClientEncoding = 'utf-32'): Position {
  const text = lines.lineText(pos.line);
  let units = 0;
  let client = 0;
  while (client < pos.character && units < text.length) {
    const c = text.codePointAt(units)!;
    units += c > 0xffff ? 2 : 1;
    client += width(c, encoding);
  }
  return { line: pos.line, character: units + Math.max(0, pos.character - client) };
}

/** A position in UTF-16 code units, counted in the client's units (code points, or UTF-8 bytes) on its line. */
export function fromUtf16(lines: LineSource, pos: Position, encoding: ClientEncoding = 'utf-32'): Position {
  const text = lines.lineText(pos.line);
  let units = 0;
  let client = 0;
  while (units < pos.character && units < text.length) {
    const c = text.codePointAt(units)!;
    units += c > 0xffff ? 2 : 1;
    client += width(c, encoding);
  }
  return { line: pos.line, character: client + Math.max(0, pos.character - units) };
}

const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';

/**
 * A copy of `value` with every position in it converted by `convert`, except under `data` (the server's
 * own, which the client sends back as it got it: kept in the server's units) and in a location of another
 * file than `uri` (a related source passage: its positions count that file's line, not this document's).
 */
export function convertPositions<T>(value: T, convert: (p: Position) => Position, uri?: string): T {
  if (Array.isArray(value)) return value.map((v) => convertPositions(v, convert, uri)) as T;
  if (isPosition(value)) return { ...value, ...convert(value) };
  if (typeof value !== 'object' || value === null) return value;
  const other = (value as { uri?: unknown }).uri;
  if (uri !== undefined && typeof other === 'string' && other !== uri) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === 'data' ? v : convertPositions(v, convert, uri);
  return out as T;
}
