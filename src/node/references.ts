/**
 * Loading a reference set from files, folders (recursive) and globs.
 *
 * - .txt (and .text): the decoded text.
 * - .md/.markdown: YAML front matter (title, outlet, author, url, date → meta); the doc text is the
 *   body after the front matter. Invalid front matter is a warning; the body is still used.
 * - .html/.htm: the article extracted by Readability (see html.ts), metadata from the page.
 * - Folders are walked recursively (hidden entries and node_modules skipped); files of other
 *   extensions are skipped there. A file named explicitly (or by a glob with a literal
 *   extension) is read as text whatever its extension, if it decodes as text.
 *
 * Nothing here throws for a bad file: each problem is an InputError naming the file, and the rest
 * still loads. Symbolic links are followed, but never into a directory already being walked.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
// required (not imported) so that bundling picks tinyglobby's CommonJS build: its ES build (and
// fdir's) reads import.meta.url, which a CommonJS bundle does not have
import tinyglobby = require('tinyglobby');
import type { ReferenceDoc } from '../core/types';
import { proseView } from '../core/prose';
import { LineIndex } from '../core/positions';
import { decodeBytes } from './decode';
import { fsMessage, type InputError } from './errors';
import { metaFrom, readFrontMatter } from './front-matter';
import { extractHtml } from './html';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const NOT_REGULAR = 'not a regular file (a pipe, socket or device): not read';
export const REFERENCE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm'];

export interface LoadProgress {
  /** files read so far, and the number to read */
  done: number;
  total: number;
  path?: string;
}

export interface LoadOptions {
  /** base for relative inputs (default process.cwd()) */
  cwd?: string;
  /** files larger than this are an error (default 20 MB) */
  maxBytes?: number;
  /** files read in parallel (default 8) */
  concurrency?: number;
  onProgress?: (p: LoadProgress) => void;
}

/** Where a document's text comes from in its file. */
export interface DocOrigin {
  /** 'text': doc.text is the file (from bodyStart on); 'extracted': it was extracted from HTML */
  kind: 'text' | 'extracted';
  /** offset of doc.text in the decoded file (after markdown front matter) */
  bodyStart: number;
  /** line (0-based) of bodyStart in the decoded file; bodyStart always starts a line */
  bodyLine: number;
}

export interface LoadResult {
  docs: ReferenceDoc[];
  errors: InputError[];
  /** by doc id: how offsets into doc.text map back to the file */
  origins: Map<string, DocOrigin>;
}

interface Candidate {
  abs: string;
  /** the path to show: as given, or as found under a given folder */
  shown: string;
  /** named by the user (read whatever its extension) */
  explicit: boolean;
}

export async function loadReferences(inputs: string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const cwd = opts.cwd ?? process.cwd();
  const errors: InputError[] = [];
  const { candidates, root } = await expandInputs(inputs, cwd, errors);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const docs: Array<ReferenceDoc | undefined> = new Array(candidates.length);
  const originOf = new Map<ReferenceDoc, DocOrigin>();
  let done = 0;
  opts.onProgress?.({ done, total: candidates.length });
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const i = next++;
      const c = candidates[i]!;
      const r = await loadOne(c, root, maxBytes);
      if (r.doc) {
        docs[i] = r.doc;
        originOf.set(r.doc, r.origin!);
      }
      errors.push(...r.errors);
      done++;
      opts.onProgress?.({ done, total: candidates.length, path: c.shown });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 8, candidates.length)) }, worker));
  const out = docs.filter((d): d is ReferenceDoc => !!d);
  // ids must be unique within a set
  const seen = new Map<string, number>();
  for (const d of out) {
    const n = seen.get(d.id) ?? 0;
    seen.set(d.id, n + 1);
    if (n > 0) d.id = `${d.id}#${n + 1}`;
  }
  out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // errors in a stable order (reads finish in any order)
  errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const origins = new Map<string, DocOrigin>();
  for (const d of out) origins.set(d.id, originOf.get(d)!);
  return { docs: out, errors, origins };
}

/** Turn files, folders and globs into a de-duplicated list of files, and their common root. */
export async function expandInputs(
  inputs: string[],
  cwd: string,
  errors: InputError[],
): Promise<{ candidates: Candidate[]; root: string }> {
  const candidates: Candidate[] = [];
  const bases: string[] = [];
  const seen = new Set<string>();
  /** `real`: the file's real path when the caller knows it (walk: a plain file in a folder whose real path it has) */
  const add = async (c: Candidate, real?: string) => {
    let key = real ?? c.abs;
    if (real === undefined) {
      try {
        key = await fsp.realpath(c.abs);
      } catch {
        /* reported when read */
      }
    }
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push(c);
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: import('node:fs').Stats | undefined;
    let statError: unknown;
    try {
      st = await fsp.stat(abs);
    } catch (e) {
      statError = e;
    }
    if (st?.isDirectory()) {
      bases.push(abs);
      await walk(abs, input, new Set(), errors, add);
    } else if (st) {
      bases.push(path.dirname(abs));
      await add({ abs, shown: input, explicit: true });
    } else if ((statError as NodeJS.ErrnoException)?.code === 'ENOENT' && tinyglobby.isDynamicPattern(input)) {
      const base = globBase(abs, true);
      bases.push(base);
      let matches: string[] = [];
      try {
        matches = await tinyglobby.glob(toPosix(input), {
          cwd,
          absolute: true,
          onlyFiles: true,
          dot: false,
          followSymbolicLinks: true,
          ignore: ['**/node_modules/**'],
        });
      } catch (e) {
        errors.push({ path: input, message: `bad glob: ${(e as Error).message}`, severity: 'error' });
        continue;
      }
      if (matches.length === 0) {
        errors.push({ path: input, message: 'no files match this pattern', severity: 'error' });
        continue;
      }
      const literalExt = /\.[A-Za-z0-9]+$/.test(input) && !/[*?[\]{}]/.test(path.extname(input));
      matches.sort();
      for (const m of matches) {
        const explicit = literalExt || REFERENCE_EXTENSIONS.includes(path.extname(m).toLowerCase());
        if (!explicit) continue;
        const rel = path.relative(cwd, m);
        await add({ abs: path.normalize(m), shown: rel.startsWith('..') ? m : rel, explicit: literalExt });
      }
    } else {
      errors.push({ path: input, message: fsMessage(statError), severity: 'error' });
    }
  }
  return { candidates, root: commonRoot(bases.length ? bases : [cwd]) };
}

async function walk(
  dirAbs: string,
  dirShown: string,
  ancestors: Set<string>,
  errors: InputError[],
  add: (c: Candidate, real?: string) => Promise<void>,
): Promise<void> {
  let real: string;
  try {
    real = await fsp.realpath(dirAbs);
  } catch (e) {
    errors.push({ path: dirShown, message: fsMessage(e), severity: 'error' });
    return;
  }
  if (ancestors.has(real)) {
    errors.push({ path: dirShown, message: 'symbolic link cycle: not followed', severity: 'warning' });
    return;
  }
  const here = new Set(ancestors).add(real);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fsp.readdir(dirAbs, { withFileTypes: true });
  } catch (e) {
    errors.push({ path: dirShown, message: fsMessage(e), severity: 'error' });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // path.join(dir, name) for a directory entry's name (never "." or "..", no separator) is the joined
  // directory's prefix plus the name: one join a folder instead of three a file (16 k files: 0.1 s)
  const absAt = prefixOf(dirAbs);
  const shownAt = prefixOf(dirShown);
  const realAt = prefixOf(real);
  for (const ent of entries) {
    if (ent.name.startsWith('.') || ent.name === 'node_modules') continue;
    const abs = absAt + ent.name;
    const shown = shownAt + ent.name;
    let isDir = ent.isDirectory();
    let isFile = ent.isFile();
    const link = ent.isSymbolicLink();
    if (link) {
      try {
        const st = await fsp.stat(abs);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (e) {
        // a dangling link or a link to itself: name it only if it looked like a reference file
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP' || REFERENCE_EXTENSIONS.includes(path.extname(ent.name).toLowerCase())) {
          errors.push({ path: shown, message: fsMessage(e), severity: 'error' });
        }
        continue;
      }
    }
    if (isDir) await walk(abs, shown, here, errors, add);
    else if (isFile && REFERENCE_EXTENSIONS.includes(path.extname(ent.name).toLowerCase())) {
      // a plain file's real path is its real folder's plus its name: no realpath per file
      // (16 k sequential realpaths were 0.6 s of a cached CLI run)
      await add({ abs, shown, explicit: false }, link ? undefined : realAt + ent.name);
    }
  }
}

/** What path.join(dir, name) puts before a plain name (no separator, not "." or ".."). */
function prefixOf(dir: string): string {
  return path.join(dir, 'x').slice(0, -1);
}

async function loadOne(
  c: Candidate,
  root: string,
  maxBytes: number,
): Promise<{ doc?: ReferenceDoc; origin?: DocOrigin; errors: InputError[] }> {
  const errors: InputError[] = [];
  const fail = (message: string) => ({ errors: [{ path: c.shown, message, severity: 'error' as const }] });
  let bytes: Buffer;
  try {
    const st = await fsp.stat(c.abs);
    if (st.isDirectory()) return fail('is a directory');
    // a FIFO or device (/dev/zero, a named pipe) would block or never end: never read one
    if (!st.isFile()) return fail(NOT_REGULAR);
    if (st.size > maxBytes) return fail(`file too large (${formatBytes(st.size)}; the limit is ${formatBytes(maxBytes)})`);
    bytes = await fsp.readFile(c.abs);
  } catch (e) {
    return fail(fsMessage(e));
  }
  if (bytes.length > maxBytes) return fail(`file too large (${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)})`);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return fail(decoded.error);
  const parsed = parseReference(decoded.text, c.abs);
  if (parsed.warning) errors.push({ path: c.shown, message: parsed.warning, severity: 'warning' });
  if (!/[\p{L}\p{N}]/u.test(parsed.text)) {
    errors.push({ path: c.shown, message: 'empty file (no words): skipped', severity: 'warning' });
    return { errors };
  }
  const id = toPosix(path.relative(root, c.abs)) || path.basename(c.abs);
  const origin: DocOrigin = {
    kind: parsed.extracted ? 'extracted' : 'text',
    bodyStart: parsed.bodyStart,
    bodyLine: parsed.bodyStart ? new LineIndex(decoded.text.slice(0, parsed.bodyStart)).lineCount - 1 : 0,
  };
  // matched as articles are checked: markup that is not prose blanked (same length, same offsets)
  const view = proseView(parsed.text, parsed.extracted ? 'plaintext' : parsed.markdown ? 'markdown' : 'plaintext');
  const doc: ReferenceDoc = { id, path: c.shown, text: parsed.text, meta: parsed.meta };
  if (view !== parsed.text) doc.matchText = view;
  return { doc, origin, errors };
}

/** Text and metadata of a decoded reference file, by its extension. */
export function parseReference(
  text: string,
  fileName: string,
): { text: string; meta: ReferenceDoc['meta']; warning?: string; bodyStart: number; extracted: boolean; markdown?: boolean } {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.md' || ext === '.markdown') {
    const fm = readFrontMatter(text);
    return {
      text: text.slice(fm.bodyStart),
      meta: fm.error ? {} : metaFrom(fm.data),
      warning: fm.error,
      bodyStart: fm.bodyStart,
      extracted: false,
      markdown: true,
    };
  }
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') {
    try {
      const page = extractHtml(text);
      return { text: page.text, meta: page.meta, bodyStart: 0, extracted: true };
    } catch (e) {
      return { text: '', meta: {}, warning: `could not parse HTML: ${(e as Error).message}`, bodyStart: 0, extracted: true };
    }
  }
  return { text, meta: {}, bodyStart: 0, extracted: false };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** A native path with '/' separators (ids, globs and watcher patterns use these). */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

const GLOB_CHARS = /[*?[\]{}]/;
const EXTGLOB_CHARS = /[*?[\]{}!()]/;

/**
 * Where a glob stops being literal: the segments before the first one holding a wildcard, joined
 * with '/' (`refs/wire/**\/*.md` → `refs/wire`); the whole path when no segment holds one.
 * `extglob` also counts `!` and parentheses as wildcards (as the loader's glob library does for a
 * path that does not exist); without it a folder such as `refs (old)` stays literal. An empty
 * base is the root for an absolute path, else '.'.
 */
export function globBase(p: string, extglob = false): string {
  const magic = extglob ? EXTGLOB_CHARS : GLOB_CHARS;
  const parts = p.split(/[\\/]/);
  const out: string[] = [];
  for (const part of parts) {
    if (magic.test(part)) break;
    out.push(part);
  }
  return out.join('/') || (parts[0] === '' && parts.length > 1 ? '/' : '.');
}

/** Deepest folder containing every given folder. */
export function commonRoot(dirs: string[]): string {
  const split = dirs.map((d) => path.resolve(d).split(path.sep));
  const first = split[0]!;
  let n = first.length;
  for (const s of split.slice(1)) {
    let k = 0;
    while (k < n && k < s.length && s[k] === first[k]) k++;
    n = k;
  }
  const joined = first.slice(0, n).join(path.sep);
  return joined || path.sep;
}
