/**
 * Where findings' source passages sit in the reference files, for related information, hovers and
 * the report. One per index generation: it holds the generation's documents by id and caches each
 * file's text and line index the first time a passage in it is asked for.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LineIndex, type Range } from '../core/positions';
import { escapeRegExp } from '../core/text';
import type { Finding, ReferenceDoc } from '../core/types';
import type { SourceInfo } from './hover';

interface FileView {
  raw: string;
  lines: LineIndex;
  /** offset of the document's text in the file; -1: not found as such (extracted from HTML) */
  base: number;
}

export class ReferenceSources {
  private readonly byId: Map<string, ReferenceDoc>;
  private readonly files = new Map<string, FileView>();

  constructor(docs: readonly ReferenceDoc[] = []) {
    this.byId = new Map(docs.map((d) => [d.id, d]));
  }

  /** The reference file of document `id` (absolute); `fallback` when the document is not indexed. */
  filePath(id: string, fallback: string): string {
    return path.resolve(this.byId.get(id)?.path ?? fallback);
  }

  /** A finding's source: the document's metadata, its file, and the passage's range there. */
  info(f: Finding): SourceInfo | undefined {
    if (!f.source) return undefined;
    const d = this.byId.get(f.source.id);
    return { meta: d?.meta ?? {}, path: this.filePath(f.source.id, f.source.path), range: this.range(f.source.id, f.source.start, f.source.end, f.source.text) };
  }

  /**
   * Where a reference document's analysed text sits in its file: the loader drops Markdown front
   * matter and extracts HTML, so offsets into `doc.text` are mapped back by locating the text in the
   * file (a suffix for Markdown; the passage itself, whitespace-insensitively, for HTML).
   */
  private fileView(id: string): FileView | undefined {
    const d = this.byId.get(id);
    if (!d) return undefined;
    let v = this.files.get(id);
    if (v === undefined) {
      let raw = d.text;
      try {
        raw = readFileSync(path.resolve(d.path), 'utf8').replace(/^\ufeff/, '');
      } catch {
        /* deleted since indexing: fall back to the indexed text */
      }
      const at = raw.endsWith(d.text) ? raw.length - d.text.length : raw.indexOf(d.text);
      v = { raw, lines: new LineIndex(raw), base: at };
      this.files.set(id, v);
    }
    return v;
  }

  /** Range of [start, end) of a reference document's text in the reference file. */
  private range(id: string, start: number, end: number, text: string): Range | undefined {
    const v = this.fileView(id);
    if (!v) return undefined;
    if (v.base >= 0) return v.lines.range(v.base + start, v.base + end);
    const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!words.length) return undefined;
    const pattern = (ws: string[]) => new RegExp(ws.map(escapeRegExp).join('[^\\p{L}\\p{N}]+(?:<[^>]*>[^\\p{L}\\p{N}]*)*'), 'u');
    const head = pattern(words.slice(0, 8)).exec(v.raw);
    if (!head) return undefined;
    const tail = pattern(words.slice(-6)).exec(v.raw.slice(head.index));
    const e = tail ? head.index + tail.index + tail[0].length : head.index + head[0].length;
    return v.lines.range(head.index, e);
  }
}
