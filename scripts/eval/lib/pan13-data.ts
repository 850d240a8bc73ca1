/**
 * Reading the PAN 2013 text-alignment corpora (train_corpus / test_corpus) by path.
 *
 * Texts: PAN offsets are character offsets into the file decoded as UTF-8 (the reference tools
 * read with Python's errors='replace'). TextDecoder (non-fatal) replaces invalid bytes the same
 * way (one U+FFFD per maximal invalid subsequence). JavaScript strings count UTF-16 code units, so
 * a text with characters beyond the BMP would need its offsets converted: `CharMap` does that
 * (identity, and free, for the PAN13 texts, which have none — checked by `pan13.ts`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lowerBound } from '../../../src/core/search';
import type { Annotation } from '../plagdet';

export const PAN_FOLDERS = [
  '01-no-plagiarism',
  '02-no-obfuscation',
  '03-random-obfuscation',
  '04-translation-obfuscation',
  '05-summary-obfuscation',
] as const;
export type PanFolder = (typeof PAN_FOLDERS)[number];

export function readPanText(file: string): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(fs.readFileSync(file));
}

/** Code point offsets (PAN) ↔ UTF-16 offsets (JavaScript, the engine). */
export class CharMap {
  /** UTF-16 offset of each code point index, only when the text has surrogate pairs */
  private readonly u16: Uint32Array | null;
  constructor(text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.u16 = null;
      return;
    }
    const offs: number[] = [];
    let k = 0;
    for (const ch of text) {
      offs.push(k);
      k += ch.length;
    }
    offs.push(k);
    this.u16 = Uint32Array.from(offs);
  }
  get identity(): boolean {
    return this.u16 === null;
  }
  toUtf16(cp: number): number {
    return this.u16 ? this.u16[Math.min(cp, this.u16.length - 1)]! : cp;
  }
  toCodePoint(u: number): number {
    const u16 = this.u16;
    if (!u16) return u;
    // the last code point starting at or before u
    return Math.max(0, lowerBound(u16.length, (i) => u16[i]! <= u) - 1);
  }
}

/** `susp src` lines of a folder's `pairs` file. */
export function readPairs(folderDir: string): [string, string][] {
  const file = path.join(folderDir, 'pairs');
  const out: [string, string][] = [];
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const t = line.trim();
    if (!t) continue;
    const parts = t.split(/\s+/);
    if (parts.length !== 2) throw new Error(`${file}: bad pairs line '${t}'`);
    out.push([parts[0]!, parts[1]!]);
  }
  return out;
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

/**
 * The plagiarism cases of one truth XML (`<document reference=…>` with `<feature name="plagiarism" …/>`),
 * as the PAN script reads them: features whose name is "plagiarism" with this_offset/this_length
 * and source_reference/source_offset/source_length.
 */
export function parseTruthXml(xml: string, file = 'truth XML'): { reference: string; cases: Annotation[] } {
  const doc = /<document\b[^>]*>/.exec(xml);
  if (!doc) throw new Error(`${file}: no <document> element`);
  const reference = attrs(doc[0]).reference;
  if (!reference) throw new Error(`${file}: <document> has no reference`);
  const cases: Annotation[] = [];
  for (const m of xml.matchAll(/<feature\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.name !== 'plagiarism' || a.this_offset === undefined || a.this_length === undefined) continue;
    if (a.source_reference === undefined || a.source_offset === undefined || a.source_length === undefined) continue;
    const nums = [a.this_offset, a.this_length, a.source_offset, a.source_length].map(Number);
    if (nums.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`${file}: bad offsets in ${m[0]}`);
    cases.push({
      susp: reference,
      suspOffset: nums[0]!,
      suspLength: nums[1]!,
      src: a.source_reference,
      srcOffset: nums[2]!,
      srcLength: nums[3]!,
    });
  }
  return { reference, cases };
}

export interface PanPair {
  folder: PanFolder;
  susp: string;
  src: string;
  cases: Annotation[];
}

/** Every listed pair of a corpus with its cases. A pair whose XML is missing is an error naming the file. */
export function readCorpusPairs(corpusDir: string): PanPair[] {
  const out: PanPair[] = [];
  for (const folder of PAN_FOLDERS) {
    const dir = path.join(corpusDir, folder);
    if (!fs.existsSync(dir)) throw new Error(`PAN13: folder not found: ${dir}`);
    for (const [susp, src] of readPairs(dir)) {
      const xmlFile = path.join(dir, `${susp.replace(/\.txt$/, '')}-${src.replace(/\.txt$/, '')}.xml`);
      const { reference, cases } = parseTruthXml(fs.readFileSync(xmlFile, 'utf8'), xmlFile);
      if (reference !== susp) throw new Error(`${xmlFile}: reference ${reference} is not ${susp}`);
      // all features count, as in the PAN script (every case in these files names the pair's source)
      out.push({ folder, susp, src, cases });
    }
  }
  return out;
}
