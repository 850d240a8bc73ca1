/**
 * Reading an article to check. The text is the whole decoded file (front matter and markup
 * included) so offsets are file offsets; callers check proseView(text, languageId), which blanks
 * everything that is not prose.
 */
import { promises as fsp } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS build, see references.ts
import tinyglobby = require('tinyglobby');
import { languageOf, type ProseLanguage } from '../core/prose';
import { decodeBytes } from './decode';
import { fsMessage } from './errors';
import * as path from 'node:path';
import type { InputError } from './errors';
import { DEFAULT_MAX_BYTES, expandInputs, formatBytes, NOT_REGULAR } from './references';

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
    if (!st.isFile()) return { ok: false, path: file, message: NOT_REGULAR };
    if (st.size > maxBytes) {
      return { ok: false, path: file, message: `file too large (${formatBytes(st.size)}; the limit is ${formatBytes(maxBytes)})` };
    }
    bytes = await fsp.readFile(file);
  } catch (e) {
    return { ok: false, path: file, message: fsMessage(e) };
  }
  const d = decodeBytes(bytes);
  if (!d.ok) return { ok: false, path: file, message: d.error };
  return { ok: true, article: { path: file, text: d.text, languageId: languageOf(file), encoding: d.encoding } };
}

/**
 * Article inputs as files, in the order given: a folder stands for the article files under it
 * (.md, .markdown, .txt, .text, .html, .htm; recursive), a glob for its matches. A folder or glob
 * with nothing in it, and anything else, is passed through (and fails when read, with its name).
 */
export async function expandArticles(inputs: string[], cwd: string): Promise<Array<{ path: string; error?: string }>> {
  const out: Array<{ path: string; error?: string }> = [];
  const seen = new Set<string>();
  const push = (p: string, error?: string) => {
    const key = path.resolve(cwd, p);
    if (!error && seen.has(key)) return;
    seen.add(key);
    out.push(error ? { path: p, error } : { path: p });
  };
  for (const input of inputs) {
    let isDir = false;
    let exists = true;
    try {
      isDir = (await fsp.stat(path.resolve(cwd, input))).isDirectory();
    } catch {
      exists = false;
    }
    if (isDir || (!exists && tinyglobby.isDynamicPattern(input))) {
      const errors: InputError[] = [];
      const { candidates } = await expandInputs([input], cwd, errors);
      for (const c of candidates) push(c.shown);
      for (const e of errors) if (e.severity === 'error') push(e.path, e.message);
      if (candidates.length === 0 && errors.length === 0) push(input, 'no article files in this folder');
    } else {
      push(input);
    }
  }
  return out;
}
