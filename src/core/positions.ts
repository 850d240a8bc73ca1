/**
 * The one place where UTF-16 offsets become line/character positions and back (LSP and SARIF
 * conventions: zero-based lines, character = UTF-16 code units from the line start).
 * Line breaks are \r\n, \n and \r.
 */

import { lowerBound } from './search';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    // the last line starting at or before o (line 0 starts at 0, so there is one)
    const starts = this.starts;
    const line = lowerBound(starts.length, (i) => starts[i]! <= o) - 1;
    return { line, character: o - starts[line]! };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** Offset of a position; a character past the line's end is clamped to the end of that line. */
  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[pos.line]!;
    let lineEnd = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1]! : this.text.length;
    while (lineEnd > lineStart && (this.text[lineEnd - 1] === '\n' || this.text[lineEnd - 1] === '\r')) lineEnd--;
    return Math.min(lineStart + Math.max(0, pos.character), lineEnd);
  }
}
