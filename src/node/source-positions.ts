/**
 * Where a finding's source passage sits in its reference file. Offsets of a source passage point
 * into the document's analysed text (`ReferenceDoc.text`); the loader's `DocOrigin` says how that
 * text came from the decoded file:
 * - 'text': it is the decoded file from `bodyStart` on (Markdown front matter dropped), so offsets
 *   and positions map exactly, whatever the file's encoding, without reading the file again;
 * - 'extracted': it was extracted from HTML, so the passage is located in the decoded file by its
 *   words (whitespace- and tag-insensitively).
 * The CLI (SARIF) and the language server (related information, hovers, report) both map through here.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LineIndex, type Range } from '../core/positions';
import { escapeRegExp } from '../core/text';
import type { ReferenceDoc } from '../core/types';
import { decodeBytes } from './decode';
import type { DocOrigin } from './references';

/** Offset in the decoded file of offset `at` of a document's text; undefined when the text was extracted. */
export function fileOffset(origin: DocOrigin | undefined, at: number): number | undefined {
  return origin?.kind === 'text' ? origin.bodyStart + at : undefined;
}

/** A file's text as the loader decoded it (BOM dropped, any encoding); undefined when it cannot be read. */
export function readDecoded(file: string): string | undefined {
  try {
    const d = decodeBytes(readFileSync(file));
    return d.ok ? d.text : undefined;
  } catch {
    return undefined;
  }
}

interface View {
  lines: LineIndex;
  /** the text the lines index: the document's text ('text' origins) or the decoded file */
  raw: string;
  /** line of the document's text's first character in the file (it starts a line) */
  lineBase: number;
  /** offset of the document's text in `raw`; -1: not there as such (extracted), located by words */
  base: number;
}

export class SourcePositions {
  private readonly byId: Map<string, ReferenceDoc>;
  private readonly views = new Map<string, View>();

  constructor(
    docs: readonly ReferenceDoc[],
    private readonly origins: ReadonlyMap<string, DocOrigin>,
    private readonly read: (file: string) => string | undefined = readDecoded,
  ) {
    this.byId = new Map(docs.map((d) => [d.id, d]));
  }

  /** Range of [start, end) of document `id`'s text in its file; `passage` is that text (for extracted documents). */
  range(id: string, start: number, end: number, passage: string): Range | undefined {
    const v = this.view(id);
    if (!v) return undefined;
    if (v.base >= 0) {
      const r = v.lines.range(v.base + start, v.base + end);
      return { start: { ...r.start, line: r.start.line + v.lineBase }, end: { ...r.end, line: r.end.line + v.lineBase } };
    }
    return locatePassage(v.raw, v.lines, passage);
  }

  /** The file's text and line index for a document, built the first time one of its passages is asked for. */
  private view(id: string): View | undefined {
    const d = this.byId.get(id);
    if (!d) return undefined;
    let v = this.views.get(id);
    if (v) return v;
    const origin = this.origins.get(id);
    if (origin?.kind === 'text') {
      // the body starts a line (after the front matter's closing fence), so columns need no shift
      v = { raw: d.text, lines: new LineIndex(d.text), lineBase: origin.bodyLine, base: 0 };
    } else {
      // deleted since indexing: positions in the indexed text are the best there is
      const raw = this.read(path.resolve(d.path)) ?? d.text;
      const at = raw.endsWith(d.text) ? raw.length - d.text.length : raw.indexOf(d.text);
      v = { raw, lines: new LineIndex(raw), lineBase: 0, base: at };
    }
    this.views.set(id, v);
    return v;
  }
}

/** The passage in `raw` by its words, with any non-word characters and tags between them: its first 8 words to its last 6. */
function locatePassage(raw: string, lines: LineIndex, passage: string): Range | undefined {
  const words = passage.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return undefined;
  // between two words: a run of non-word characters and tags (a tag may follow a word directly)
  const pattern = (ws: string[]) => new RegExp(ws.map(escapeRegExp).join('(?:[^\\p{L}\\p{N}<]|<[^>]*>)+'), 'u');
  const head = pattern(words.slice(0, 8)).exec(raw);
  if (!head) return undefined;
  const tail = pattern(words.slice(-6)).exec(raw.slice(head.index));
  const e = tail ? head.index + tail.index + tail[0].length : head.index + head[0].length;
  return lines.range(head.index, e);
}
