/**
 * Reading the METER corpus (Gaizauskas et al. 2001) by path.
 *
 * - Texts are cp1252 with CRLF line ends; they are decoded with src/node/decode.ts (windows-1252
 *   for these) and passed to the engine unchanged (CRLF kept), so offsets point into the file as decoded.
 * - The reference set: every PA story under PA/rawtexts (771 .txt files; the two readme.txt are not
 *   stories). Document id = path relative to the corpus root, e.g. PA/rawtexts/courts/<date>/<catchline>/x1.txt.
 * - Labelled articles: file_index/{courts,showbiz}/{wholly,partially,non}_derived.txt (945).
 * - Word-level gold: newspapers/annotated/…/*.sgml with <Verbatim>, <Rewrite>, <New> elements (441
 *   files have Verbatim/Rewrite spans). See `wordLabels` for how they are mapped onto the raw text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffArrays } from 'diff';
import { decodeBytes } from '../../../src/node/decode';
import { tokenize, type Token } from '../../../src/core/text';

export type MeterClass = 'wholly_derived' | 'partially_derived' | 'non_derived';
export const METER_CLASSES: MeterClass[] = ['wholly_derived', 'partially_derived', 'non_derived'];

/**
 * Decode with the project's own file decoder (src/node/decode.ts: UTF-8 if valid, else detected,
 * Latin-1 read as windows-1252, line ends kept). On all 1,716 METER texts it gives exactly what
 * iconv-lite's windows-1252 gives (checked when this was written), so offsets are the file's.
 */
export function readMeterText(file: string): string {
  const r = decodeBytes(fs.readFileSync(file));
  if (!r.ok) throw new Error(`${file}: ${r.error}`);
  return r.text;
}

/** A METER article's text, or undefined after saying on stderr why it cannot be read (the run goes on). */
export function readArticleText(a: { id: string; file: string }): string | undefined {
  try {
    return readMeterText(a.file);
  } catch (e) {
    console.error(`METER: cannot read ${a.id}: ${(e as Error).message}`);
    return undefined;
  }
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** PA stories: [id relative to the corpus root, absolute path]. */
export function paFiles(meterDir: string): { id: string; file: string }[] {
  return walk(path.join(meterDir, 'PA', 'rawtexts'))
    .filter((f) => f.endsWith('.txt') && path.basename(f).toLowerCase() !== 'readme.txt')
    .map((f) => ({ id: path.relative(meterDir, f).split(path.sep).join('/'), file: f }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface MeterArticle {
  /** path relative to the corpus root: newspapers/rawtexts/<domain>/<date>/<catchline>/<name>.txt */
  id: string;
  file: string;
  domain: string;
  catchline: string;
  /** PA/rawtexts/<domain>/<date>/<catchline>/ — the PA stories of the article's own catchline */
  paDir: string;
  label: MeterClass;
  /** the span-annotated SGML, if there is one */
  sgml?: string;
}

export function meterArticles(meterDir: string): MeterArticle[] {
  const out: MeterArticle[] = [];
  for (const domain of ['courts', 'showbiz']) {
    for (const label of METER_CLASSES) {
      const list = path.join(meterDir, 'file_index', domain, `${label}.txt`);
      for (const line of fs.readFileSync(list, 'latin1').split(/\r?\n/)) {
        const t = line.trim();
        if (!t) continue;
        const id = t.replace(/^\/?meter_corpus\//, '');
        const m = /^newspapers\/rawtexts\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\.txt$/.exec(id);
        if (!m) throw new Error(`${list}: unexpected path '${t}'`);
        const sgml = path.join(meterDir, 'newspapers', 'annotated', m[1]!, m[2]!, m[3]!, `${m[4]}.sgml`);
        out.push({
          id,
          file: path.join(meterDir, id),
          domain: m[1]!,
          catchline: m[3]!,
          paDir: `PA/rawtexts/${m[1]}/${m[2]}/${m[3]}/`,
          label,
          ...(fs.existsSync(sgml) ? { sgml } : {}),
        });
      }
    }
  }
  return out;
}

export type WordLabel = 'Verbatim' | 'Rewrite' | 'New' | 'unclassified';

export interface LabelledWords {
  tokens: Token[];
  /** label per raw token, or null where the token has no SGML counterpart */
  labels: (WordLabel | null)[];
  /** SGML words that found no raw counterpart */
  unmatchedSgml: number;
  hasSpans: boolean;
}

/**
 * Word labels of the raw text from the SGML annotation.
 *
 * The SGML body is the article text cut into <Verbatim>/<Rewrite>/<New>/<unclassified> elements,
 * with SGML line breaks added between elements, and in a few files the two versions differ (the
 * raw file is cut short, or has an em dash where the SGML has '-'). Character offsets therefore do
 * not carry over. Instead both sides are cut into words with the engine's own tokenizer, each
 * SGML word keeps the name of its element, and the two word sequences are aligned by a longest
 * common subsequence of normalised words (diff's diffArrays). A raw word matched to an SGML word
 * takes its label; a raw word with no counterpart gets null and is left out of the word-level
 * scores (the counts are reported). Words are the unit of the score, so punctuation and white
 * space never count.
 */
export function wordLabels(raw: string, sgmlText: string): LabelledWords {
  const tokens = tokenize(raw);
  const start = sgmlText.indexOf('<body>');
  const end = sgmlText.lastIndexOf('</body>');
  const body = sgmlText.slice(start < 0 ? 0 : start + 6, end < 0 ? sgmlText.length : end);
  const sgWords: string[] = [];
  const sgLabels: WordLabel[] = [];
  let hasSpans = false;
  for (const m of body.matchAll(/<(Verbatim|Rewrite|New|unclassified)\b[^>]*>([\s\S]*?)<\/\1\s*>/g)) {
    const label = m[1] as WordLabel;
    if (label === 'Verbatim' || label === 'Rewrite') hasSpans = true;
    for (const t of tokenize(m[2]!)) {
      sgWords.push(t.norm);
      sgLabels.push(label);
    }
  }
  const labels: (WordLabel | null)[] = new Array(tokens.length).fill(null);
  let i = 0; // sgml word
  let j = 0; // raw word
  let unmatchedSgml = 0;
  for (const part of diffArrays(sgWords, tokens.map((t) => t.norm))) {
    const n = part.count ?? part.value.length;
    if (part.added) j += n; // raw only
    else if (part.removed) {
      i += n;
      unmatchedSgml += n;
    } else {
      for (let k = 0; k < n; k++) labels[j + k] = sgLabels[i + k]!;
      i += n;
      j += n;
    }
  }
  return { tokens, labels, unmatchedSgml, hasSpans };
}
