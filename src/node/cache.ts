/**
 * The persisted reference index: one file per reference set in the user's cache directory, so
 * that re-opening VS Code or re-running the CLI on an unchanged set does not re-read or
 * re-tokenise it, and a changed set is updated incrementally.
 *
 * - Key: the reference set (its inputs as resolved against cwd, and the loader options) names the
 *   file; inside it, a manifest records every file's absolute path, size, mtime, SHA-1 of its
 *   bytes, the document ids it produced and the warnings it gave.
 * - Freshness: a file whose size and mtime are unchanged is trusted; otherwise its bytes are hashed,
 *   and only if the hash differs is it re-read (a `touch` costs a hash, not a re-index). Changed and
 *   added files are loaded with the ordinary loader and added as a new segment; removed and
 *   changed files' documents are removed (tombstones, merged away by the index's policy).
 * - Safety: the file is written to a temp file in the same folder, fsynced and renamed over the old
 *   one, so a reader sees the old file or the new one, never half of one (concurrent runs sharing a
 *   cache each write their own temp file; the last rename wins and both are complete). The codec
 *   checks magic, version, engine signature, lengths and checksums: a corrupt, truncated, foreign or
 *   version-mismatched file is reported and rebuilt, never trusted. A cache that cannot be written
 *   (read-only, disk full) is a warning; the index is still returned.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodecError, encodeIndex } from '../core/index-codec';
import { ReferenceIndex, type IndexedDoc } from '../core/reference-index';
import type { ReferenceDoc } from '../core/types';
import type { InputError } from './errors';
import { openIndexFile } from './index-file';
import { traceStart } from './start-trace';
import { DEFAULT_MAX_BYTES, expandInputs, loadReferences, toPosix, type DocOrigin, type LoadOptions } from './references';

export const CACHE_FILE_EXT = '.cdx';
const MANIFEST_KIND = 'copydesk-reference-cache';
/** 2: DocOrigin has bodyLine */
const MANIFEST_VERSION = 2;

/** The cache folder: $COPYDESK_CACHE_DIR, else the OS user cache folder (XDG_CACHE_HOME or ~/.cache on Linux). */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.COPYDESK_CACHE_DIR) return path.resolve(env.COPYDESK_CACHE_DIR);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'copydesk', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'copydesk');
  return path.join(env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache'), 'copydesk');
}

/** Is the cache turned off by the environment ($COPYDESK_CACHE=off|0|false)? */
export function cacheDisabledByEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(off|0|false|no)$/i.test(env.COPYDESK_CACHE ?? '');
}

interface FileEntry {
  abs: string;
  shown: string;
  size: number;
  mtimeMs: number;
  sha1: string;
  ids: string[];
  /** how each document's offsets map back to the file, parallel to ids */
  origins: DocOrigin[];
  warnings: InputError[];
}

interface Manifest {
  kind: typeof MANIFEST_KIND;
  version: number;
  key: string;
  root: string;
  maxBytes: number;
  files: FileEntry[];
}

export interface CacheOpenOptions extends Omit<LoadOptions, 'onProgress'> {
  cacheDir: string;
  onProgress?: (p: { phase: 'read' | 'index'; done: number; total: number; path?: string }) => void;
  /** test seam: called between the chunks of the cache file write */
  onWriteChunk?: (written: number, total: number) => void;
  /** cache files up to this size are read and verified whole when opened; bigger ones page by page on first use (index-file.ts) */
  eagerBytes?: number;
}

export type CacheStatus = 'hit' | 'updated' | 'built' | 'rebuilt';

export interface CacheReport {
  file: string;
  status: CacheStatus;
  /** why the cache was rebuilt (corrupt, version, …) */
  reason?: string;
  /** files re-read this time, and documents removed */
  reread: number;
  removed: number;
  written: boolean;
}

export interface CachedOpenResult {
  index: ReferenceIndex;
  docs: ReferenceDoc[];
  errors: InputError[];
  /** by doc id: how offsets into doc.text map back to the file (see references.ts) */
  origins: Map<string, DocOrigin>;
  cache: CacheReport;
  /**
   * by reference file (its path as in ReferenceDoc.path): "device:inode" of the file, from the stat
   * every run does anyway — so that a caller can tell whether a file is one of the references
   * without a realpath per reference (check-run.ts)
   */
  fileKeys: Map<string, string>;
}

/** The cache file of a reference set. */
export function cacheFileFor(cacheDir: string, inputs: string[], cwd: string, maxBytes: number): { file: string; key: string } {
  const resolved = inputs.map((i) => path.resolve(cwd, i));
  const key = createHash('sha1')
    .update(JSON.stringify({ v: MANIFEST_VERSION, inputs: resolved, maxBytes }))
    .digest('hex')
    .slice(0, 20);
  return { file: path.join(cacheDir, `refs-${key}${CACHE_FILE_EXT}`), key };
}

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

async function sha1File(file: string): Promise<string> {
  return createHash('sha1').update(await fsp.readFile(file)).digest('hex');
}

/** Read and decode a cache file; `reason` says why there is none usable. */
export async function readCacheFile(file: string, opts: { eagerBytes?: number } = {}): Promise<{ index?: ReferenceIndex; manifest?: Manifest; reason?: string }> {
  try {
    // a big file is read lazily: pages are verified when first used, and a corrupt one removes
    // the file (the next run rebuilds it) and throws CodecError where it is used
    const { index, extra } = openIndexFile(file, { eagerBytes: opts.eagerBytes, removeOnCorrupt: true });
    const m = extra as Manifest | undefined;
    if (!m || m.kind !== MANIFEST_KIND || m.version !== MANIFEST_VERSION || !Array.isArray(m.files)) return { reason: 'not a reference-set cache' };
    return { index, manifest: m };
  } catch (e) {
    if (e instanceof CodecError) return { reason: e.message };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    if (code) return { reason: `unreadable (${code})` };
    return { reason: `undecodable (${(e as Error).message})` };
  }
}

/**
 * Write bytes atomically: temp file in the same folder, fsync, rename over `file`, fsync the folder.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, onChunk?: (written: number, total: number) => void): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fh = await fsp.open(tmp, 'wx', 0o644);
  let ok = false;
  try {
    const CHUNK = 8 * 1024 * 1024;
    for (let at = 0; at < bytes.length; ) {
      const { bytesWritten } = await fh.write(bytes, at, Math.min(CHUNK, bytes.length - at), at);
      at += bytesWritten;
      onChunk?.(at, bytes.length);
    }
    await fh.sync();
    ok = true;
  } finally {
    await fh.close();
    if (!ok) await fsp.rm(tmp, { force: true });
  }
  try {
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
  try {
    const dir = await fsp.open(path.dirname(file), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    /* not supported everywhere (Windows); the rename is still atomic */
  }
}

/** Remove temp files left by killed writers (older than `ageMs`), and cache files unused for `maxAgeMs`. */
export async function pruneCacheDir(cacheDir: string, ageMs = 10 * 60_000, maxAgeMs = 60 * 24 * 3600_000): Promise<void> {
  let names: string[];
  try {
    names = await fsp.readdir(cacheDir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const n of names) {
    const isTmp = /\.cdx\.tmp-\d+-[0-9a-f]+$/.test(n);
    const isCache = /^refs-[0-9a-f]+\.cdx$/.test(n);
    if (!isTmp && !isCache) continue;
    try {
      const st = await fsp.stat(path.join(cacheDir, n));
      if (now - st.mtimeMs > (isTmp ? ageMs : maxAgeMs)) await fsp.rm(path.join(cacheDir, n), { force: true });
    } catch {
      /* raced with another run */
    }
  }
}

/**
 * Open a reference set through its cache: load the persisted index, bring it up to date with the
 * files as they are now, save it if anything changed, and return it with the load errors (the
 * stored warnings of unchanged files are reported again, so a cached run says what a fresh one says).
 */
export async function openCachedIndex(inputs: string[], opts: CacheOpenOptions): Promise<CachedOpenResult> {
  const cwd = opts.cwd ?? process.cwd();
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const { file, key } = cacheFileFor(opts.cacheDir, inputs, cwd, maxBytes);
  const errors: InputError[] = [];
  const { candidates, root } = await expandInputs(inputs, cwd, errors);
  const progress = opts.onProgress;

  // what the files are now
  const stats = new Map<string, { size: number; mtimeMs: number } | null>();
  /** shown path → device:inode of the file it names (symlinks followed), for fileKeys */
  const fileKeys = new Map<string, string>();
  let statted = 0;
  progress?.({ phase: 'read', done: 0, total: candidates.length });
  // the stats and the file's directory are read synchronously (a few hundred ms at 16 k files): a turn of
  // the event loop before each, so that a language server reads what its client sent meanwhile (the
  // opened document, whose sentences its tag worker is waiting for) first
  await nextTurn();
  // synchronous stats: for 16 k files, promise stats cost several times the CPU of the system calls
  // (about 0.2 s against 0.05 s) and blocked nothing useful meanwhile
  for (const c of candidates) {
    try {
      const st = fs.statSync(c.abs, { throwIfNoEntry: false });
      stats.set(c.abs, st?.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null);
      if (st) fileKeys.set(c.shown, `${st.dev}:${st.ino}`);
    } catch {
      stats.set(c.abs, null);
    }
    statted++;
  }
  progress?.({ phase: 'read', done: statted, total: candidates.length });
  traceStart(`index open: ${candidates.length} files listed and stat'ed`);
  await nextTurn();

  // what the cache says
  const read = await readCacheFile(file, { eagerBytes: opts.eagerBytes });
  traceStart('index open: directory, manifest and term table read');
  let index = read.index;
  let manifest = read.manifest;
  let reason = read.reason;
  if (index && manifest && (manifest.key !== key || manifest.root !== root || manifest.maxBytes !== maxBytes)) {
    reason = 'reference set layout changed';
    index = undefined;
    manifest = undefined;
  }
  const had = !!index;
  if (!index || !manifest) {
    index = new ReferenceIndex();
    manifest = { kind: MANIFEST_KIND, version: MANIFEST_VERSION, key, root, maxBytes, files: [] };
  }
  const old = new Map(manifest.files.map((f) => [f.abs, f]));

  // classify
  const keep: FileEntry[] = [];
  const reread: typeof candidates = [];
  const hashes = new Map<string, string>();
  let touched = false;
  for (const c of candidates) {
    const st = stats.get(c.abs);
    const prev = old.get(c.abs);
    if (st && prev && prev.size === st.size && prev.mtimeMs === st.mtimeMs && prev.shown === c.shown) {
      keep.push(prev);
      continue;
    }
    if (st && prev && prev.size === st.size && prev.shown === c.shown) {
      // touched, perhaps not changed: compare the bytes' hash
      try {
        const h = await sha1File(c.abs);
        hashes.set(c.abs, h);
        if (h === prev.sha1) {
          touched = true;
          keep.push({ ...prev, mtimeMs: st.mtimeMs });
          continue;
        }
      } catch {
        /* re-read reports it */
      }
    }
    reread.push(c);
  }
  const keptAbs = new Set(keep.map((f) => f.abs));
  const dropIds: string[] = [];
  for (const f of manifest.files) if (!keptAbs.has(f.abs)) dropIds.push(...f.ids);

  // re-read changed and new files with the ordinary loader; ids as a fresh load of the whole set gives them
  const fresh: FileEntry[] = [];
  const newDocs: ReferenceDoc[] = [];
  if (reread.length) {
    const loaded = await loadReferences(
      reread.map((c) => c.shown),
      {
        cwd,
        maxBytes,
        concurrency: opts.concurrency,
        onProgress: progress ? (p) => progress({ phase: 'read', done: p.done, total: p.total, path: p.path }) : undefined,
      },
    );
    const byShown = new Map<string, ReferenceDoc[]>();
    for (const d of loaded.docs) {
      const list = byShown.get(d.path) ?? [];
      list.push(d);
      byShown.set(d.path, list);
    }
    const errorsByShown = new Map<string, InputError[]>();
    for (const e of loaded.errors) {
      const list = errorsByShown.get(e.path) ?? [];
      list.push(e);
      errorsByShown.set(e.path, list);
    }
    for (const c of reread) {
      const docs = byShown.get(c.shown) ?? [];
      const errs = errorsByShown.get(c.shown) ?? [];
      errorsByShown.delete(c.shown);
      errors.push(...errs);
      const rel = toPosix(path.relative(root, c.abs)) || path.basename(c.abs);
      const docOrigins: DocOrigin[] = [];
      for (const d of docs) {
        docOrigins.push(loaded.origins.get(d.id) ?? { kind: 'text', bodyStart: 0, bodyLine: 0 });
        d.id = rel;
        newDocs.push(d);
      }
      const before = stats.get(c.abs);
      if (!before || errs.some((e) => e.severity === 'error')) continue; // not cached: tried again next time
      let after: { size: number; mtimeMs: number } | null = null;
      let sha1 = hashes.get(c.abs);
      try {
        const st = await fsp.stat(c.abs);
        after = { size: st.size, mtimeMs: st.mtimeMs };
        sha1 ??= await sha1File(c.abs);
      } catch {
        continue;
      }
      // changed while being read: record it as stale so that the next run reads it again
      const stable = after.size === before.size && after.mtimeMs === before.mtimeMs;
      fresh.push({ abs: c.abs, shown: c.shown, size: before.size, mtimeMs: stable ? before.mtimeMs : -1, sha1: stable ? sha1 : '', ids: docs.map((d) => d.id), origins: docOrigins, warnings: errs });
    }
    for (const rest of errorsByShown.values()) errors.push(...rest);
  }
  for (const f of keep) errors.push(...f.warnings);

  progress?.({ phase: 'index', done: 0, total: newDocs.length });
  if (dropIds.length) index.remove(dropIds);
  if (newDocs.length) index.add(newDocs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  progress?.({ phase: 'index', done: newDocs.length, total: newDocs.length });

  const files = [...keep, ...fresh].sort((a, b) => (a.abs < b.abs ? -1 : 1));
  // files that failed again (binary, unreadable: never cached, retried every run) change nothing:
  // rewriting the whole file for them cost every run ~10 s at 10 M words
  const changed = !had || touched || fresh.length > 0 || dropIds.length > 0 || newDocs.length > 0;
  const status: CacheStatus = !had ? (reason ? 'rebuilt' : 'built') : reread.length || dropIds.length ? 'updated' : 'hit';
  let written = false;
  if (changed) {
    const next: Manifest = { ...manifest, key, root, maxBytes, files };
    try {
      await writeFileAtomic(file, encodeIndex(index, next), opts.onWriteChunk);
      written = true;
    } catch (e) {
      errors.push({ path: file, message: `could not save the reference index cache: ${(e as Error).message}`, severity: 'warning' });
    }
    void pruneCacheDir(opts.cacheDir).catch(() => undefined);
  }
  const docs = index
    .liveDocuments()
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(plainDoc);
  const origins = new Map<string, DocOrigin>();
  for (const f of files) f.ids.forEach((id, i) => origins.set(id, f.origins?.[i] ?? { kind: 'text', bodyStart: 0, bodyLine: 0 }));
  return { index, docs, errors, origins, cache: { file, status, reason, reread: reread.length, removed: dropIds.length, written }, fileKeys };
}

/**
 * The ReferenceDoc view of an indexed document, as the loader gives it (id, path, meta, text and any
 * other loader fields; not the token arrays). The text stays lazy: an enumerable getter.
 */
function plainDoc(d: IndexedDoc): ReferenceDoc {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(d)) {
    if (k === 'tokens' || k === 'lines' || k === 'deleted' || k === 'text' || k === 'matchText') continue;
    out[k] = (d as unknown as Record<string, unknown>)[k];
  }
  Object.defineProperty(out, 'text', { enumerable: true, configurable: true, get: () => d.text });
  if ('matchText' in d) Object.defineProperty(out, 'matchText', { enumerable: true, configurable: true, get: () => d.matchText });
  return out as unknown as ReferenceDoc;
}
