/**
 * Reading an article to check. The text is the whole decoded file (front matter and markup
 * included) so offsets are file offsets; callers check proseView(text, languageId), which blanks
 * everything that is not prose.
 */
import { promises as fsp } from 'node:fs';
import { languageOf, type ProseLanguage } from '../core/prose';
import { decodeBytes } from './decode';
import { fsMessage } from './errors';
import { DEFAULT_MAX_BYTES } from './references';

export interface Article {
  path: string;
  text: string;
  languageId: ProseLanguage;
  encoding: string;
}

export type ReadArticleResult = { ok: true; article: Article } | { ok: false; path: string; message: string };

export async function readArticle(file: string, opts: { maxBytes?: number } = {}): Promise<ReadArticleResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Buffer;
  try {
    const st = await fsp.stat(file);
    if (st.isDirectory()) return { ok: false, path: file, message: 'is a directory' };
    if (st.size > maxBytes) return { ok: false, path: file, message: `file too large (the limit is ${maxBytes} bytes)` };
    bytes = await fsp.readFile(file);
  } catch (e) {
    return { ok: false, path: file, message: fsMessage(e) };
  }
  const d = decodeBytes(bytes);
  if (!d.ok) return { ok: false, path: file, message: d.error };
  return { ok: true, article: { path: file, text: d.text, languageId: languageOf(file), encoding: d.encoding } };
}
