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
 * - Deferred freshness (the language server's first open): a usable file is used as it is, with no
 *   listing or stat of the reference files (16 k stats and the per-file table's parse at 10 M words);
 *   `verify` does the check later and the caller opens again, checked, if anything changed. The
 *   manifest's head (in the index file's directory) holds what that open reports — the cached files'
 *   warnings, the failed files' errors, the documents' origins — and the per-file table is attached
 *   to the file, read only by a checked open or `verify`.
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
/** 2: DocOrigin has bodyLine; 3: the head in the directory, the per-file table attached (ManifestHead, FileTable) */
const MANIFEST_VERSION = 3;

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

/** a file that gave no document (an error) when last read: not cached, read again by every checked open */
interface FailedEntry {
  abs: string;
  shown: string;
  size: number;
  mtimeMs: number;
  errors: InputError[];
}

/**
 * The manifest's head, in the index file's directory (parsed at every open): what an open that does not
 * check the files' freshness (`deferFreshness`) needs to give what a checked one gives.
 */
interface ManifestHead {
  kind: typeof MANIFEST_KIND;
  version: number;
  key: string;
  root: string;
  maxBytes: number;
  /** cached files (rows of the attached table) */
  files: number;
  /** the cached files' warnings, in the table's order */
  warnings: InputError[];
  /** documents whose origin is not DEFAULT_ORIGIN: [id, kind, bodyStart, bodyLine] */
  origins: [string, DocOrigin['kind'], number, number][];
  failed: FailedEntry[];
}

/**
 * The per-file table, attached to the index file (FILES_ATTACHMENT, JSON, by columns: one object a file
 * cost most of parsing 16 k rows): read only to check the files' freshness. Rows sorted by `abs`; each
 * file's document ids are the next `idCount[i]` of `ids`.
 */
interface FileTable {
  abs: string[];
  shown: string[];
  size: number[];
  mtimeMs: number[];
  sha1: string[];
  idCount: number[];
  ids: string[];
  /** [row, warnings] of the rows that have any */
  warnings: [number, InputError[]][];
}

const FILES_ATTACHMENT = 'files';
const DEFAULT_ORIGIN: DocOrigin = Object.freeze({ kind: 'text', bodyStart: 0, bodyLine: 0 });
const isDefaultOrigin = (o: DocOrigin) => o.kind === 'text' && o.bodyStart === 0 && o.bodyLine === 0;

export interface CacheOpenOptions extends Omit<LoadOptions, 'onProgress'> {
  cacheDir: string;
  onProgress?: (p: { phase: 'read' | 'index'; done: number; total: number; path?: string }) => void;
  /** test seam: called between the chunks of the cache file write */
  onWriteChunk?: (written: number, total: number) => void;
  /** cache files up to this size are read and verified whole when opened; bigger ones page by page on first use (index-file.ts) */
  eagerBytes?: number;
  /**
   * Use a usable cache file as it is, without listing and stat'ing the reference files first (16 k
   * stats at 10 M words): the result's `verify` does that later (the language server: after its first
   * report) and says whether the files are still what the cache recorded; when not, the caller opens
   * again without this option, which updates the index. Without a usable cache file, the open is the
   * checked one.
   */
  deferFreshness?: boolean;
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
  /**
   * with `deferFreshness`, when the cache file was used unchecked: lists and stats the reference files
   * and resolves true when they are the files the cache recorded (same paths, sizes and mtimes), false
   * when the index may be stale (open again without `deferFreshness`)
   */
  verify?: () => Promise<boolean>;
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

/** A cache file as read: the index, its manifest head, and the attached per-file table (read when asked). */
interface ReadCache {
  index?: ReferenceIndex;
  head?: ManifestHead;
  /** the per-file table: read, verified and parsed on call; throws CodecError when damaged or malformed */
  table?: () => FileTable;
  reason?: string;
}

/** Read and decode a cache file; `reason` says why there is none usable. */
export async function readCacheFile(file: string, opts: { eagerBytes?: number } = {}): Promise<ReadCache> {
  try {
    // a big file is read lazily: pages are verified when first used, and a corrupt one removes
    // the file (the next run rebuilds it) and throws CodecError where it is used
    const { index, extra, attachment } = openIndexFile(file, { eagerBytes: opts.eagerBytes, removeOnCorrupt: true });
    const m = extra as ManifestHead | undefined;
    if (!m || m.kind !== MANIFEST_KIND || m.version !== MANIFEST_VERSION || typeof m.files !== 'number' || !Array.isArray(m.warnings) || !Array.isArray(m.origins) || !Array.isArray(m.failed)) {
      return { reason: 'not a reference-set cache' };
    }
    let table: FileTable | undefined;
    return { index, head: m, table: () => (table ??= parseTable(attachment(FILES_ATTACHMENT), m.files)) };
  } catch (e) {
    if (e instanceof CodecError) return { reason: e.message };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    if (code) return { reason: `unreadable (${code})` };
    return { reason: `undecodable (${(e as Error).message})` };
  }
}

function parseTable(bytes: Uint8Array | undefined, rows: number): FileTable {
  if (!bytes) throw new CodecError('no file table');
  let t: FileTable;
  try {
    t = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as FileTable;
  } catch (e) {
    throw new CodecError(`corrupt file table: ${(e as Error).message}`);
  }
  const cols = [t?.abs, t?.shown, t?.size, t?.mtimeMs, t?.sha1, t?.idCount];
  if (!cols.every((c) => Array.isArray(c) && c.length === rows) || !Array.isArray(t.ids) || !Array.isArray(t.warnings)) throw new CodecError('corrupt file table');
  let ids = 0;
  for (const n of t.idCount) ids += n;
  if (ids !== t.ids.length) throw new CodecError('corrupt file table (document ids)');
  return t;
}

/** The manifest of `files` (sorted by abs): its head and its attached table's bytes. */
function encodeManifest(base: Pick<ManifestHead, 'key' | 'root' | 'maxBytes'>, files: FileEntry[], failed: FailedEntry[]): { head: ManifestHead; table: Uint8Array } {
  const t: FileTable = { abs: [], shown: [], size: [], mtimeMs: [], sha1: [], idCount: [], ids: [], warnings: [] };
  const head: ManifestHead = { kind: MANIFEST_KIND, version: MANIFEST_VERSION, ...base, files: files.length, warnings: [], origins: [], failed };
  files.forEach((f, i) => {
    t.abs.push(f.abs);
    t.shown.push(f.shown);
    t.size.push(f.size);
    t.mtimeMs.push(f.mtimeMs);
    t.sha1.push(f.sha1);
    t.idCount.push(f.ids.length);
    f.ids.forEach((id, k) => {
      t.ids.push(id);
      const o = f.origins[k] ?? DEFAULT_ORIGIN;
      if (!isDefaultOrigin(o)) head.origins.push([id, o.kind, o.bodyStart, o.bodyLine]);
    });
    if (f.warnings.length) {
      t.warnings.push([i, f.warnings]);
      head.warnings.push(...f.warnings);
    }
  });
  return { head, table: new TextEncoder().encode(JSON.stringify(t)) };
}

/** by document id: the origins the head names (the rest are DEFAULT_ORIGIN) */
function headOrigins(head: ManifestHead): Map<string, DocOrigin> {
  const out = new Map<string, DocOrigin>();
  for (const [id, kind, bodyStart, bodyLine] of head.origins) out.set(id, { kind, bodyStart, bodyLine });
  return out;
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
 * With `deferFreshness`, a usable cache file is returned as it is, and `verify` checks the files later.
 */
export async function openCachedIndex(inputs: string[], opts: CacheOpenOptions): Promise<CachedOpenResult> {
  const cwd = opts.cwd ?? process.cwd();
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const { file, key } = cacheFileFor(opts.cacheDir, inputs, cwd, maxBytes);
  let pre: ReadCache | undefined;
  if (opts.deferFreshness) {
    opts.onProgress?.({ phase: 'read', done: 0, total: 0 });
    // the read below is synchronous: two turns of the event loop first, so that a language server handles
    // what its client sent with the message that started this open (`didOpen` after `initialized`: vscode-jsonrpc
    // handles one queued message an immediate) before it
    await nextTurn();
    await nextTurn();
    pre = await readCacheFile(file, { eagerBytes: opts.eagerBytes });
    traceStart('index open: directory, manifest head and term table read (files not stat\'ed)');
    const { index, head, table } = pre;
    if (index && head && table && head.key === key && head.maxBytes === maxBytes) return unchecked(index, head, table, inputs, cwd, file, opts);
  }
  return checkedOpen(inputs, opts, cwd, maxBytes, file, key, pre);
}

/** A cache file used as it is (deferFreshness): what a checked open of unchanged files gives, and `verify`. */
function unchecked(index: ReferenceIndex, head: ManifestHead, table: () => FileTable, inputs: string[], cwd: string, file: string, opts: CacheOpenOptions): CachedOpenResult {
  const errors: InputError[] = [];
  // a checked open reads the failed files again and reports their errors, then the cached files' warnings
  for (const f of head.failed) errors.push(...f.errors);
  errors.push(...head.warnings);
  const docs = index
    .liveDocuments()
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(plainDoc);
  const named = headOrigins(head);
  const origins = new Map<string, DocOrigin>();
  for (const d of docs) origins.set(d.id, named.get(d.id) ?? DEFAULT_ORIGIN);
  opts.onProgress?.({ phase: 'read', done: head.files, total: head.files });
  opts.onProgress?.({ phase: 'index', done: 0, total: 0 });
  const verify = async (): Promise<boolean> => {
    const expandErrors: InputError[] = [];
    const { candidates, root } = await expandInputs(inputs, cwd, expandErrors);
    // errors listing the inputs are reported by a checked open only
    if (expandErrors.length || root !== head.root || candidates.length !== head.files + head.failed.length) return false;
    let t: FileTable;
    try {
      t = table();
    } catch {
      return false;
    }
    const rows = new Map<string, number>();
    t.abs.forEach((a, i) => rows.set(a, i));
    const failed = new Map(head.failed.map((f) => [f.abs, f]));
    let n = 0;
    for (const c of candidates) {
      // stats in slices, so that requests are answered meanwhile
      if (++n % 1024 === 0) await nextTurn();
      let st: fs.Stats | undefined;
      try {
        st = fs.statSync(c.abs, { throwIfNoEntry: false });
      } catch {
        return false;
      }
      if (!st?.isFile()) return false;
      const row = rows.get(c.abs);
      const was = row !== undefined ? { shown: t.shown[row], size: t.size[row], mtimeMs: t.mtimeMs[row] } : failed.get(c.abs);
      if (!was || was.shown !== c.shown || was.size !== st.size || was.mtimeMs !== st.mtimeMs) return false;
    }
    return true;
  };
  return { index, docs, errors, origins, cache: { file, status: 'hit', reread: 0, removed: 0, written: false }, fileKeys: new Map(), verify };
}

async function checkedOpen(inputs: string[], opts: CacheOpenOptions, cwd: string, maxBytes: number, file: string, key: string, pre: ReadCache | undefined): Promise<CachedOpenResult> {
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
  const read = pre ?? (await readCacheFile(file, { eagerBytes: opts.eagerBytes }));
  let index = read.index;
  let head = read.head;
  let reason = read.reason;
  let table: FileTable | undefined;
  if (index && head && (head.key !== key || head.root !== root || head.maxBytes !== maxBytes)) reason = 'reference set layout changed';
  else if (index && head && read.table) {
    try {
      table = read.table();
    } catch (e) {
      reason = (e as Error).message;
    }
  }
  traceStart('index open: directory, manifest and term table read');
  if (!table) {
    index = undefined;
    head = undefined;
  }
  const had = !!index;
  if (!index || !head || !table) {
    index = new ReferenceIndex();
    head = { kind: MANIFEST_KIND, version: MANIFEST_VERSION, key, root, maxBytes, files: 0, warnings: [], origins: [], failed: [] };
    table = { abs: [], shown: [], size: [], mtimeMs: [], sha1: [], idCount: [], ids: [], warnings: [] };
  }
  const t = table;
  const rows = t.abs.length;
  /** row → its first document id in t.ids */
  const idAt = new Array<number>(rows + 1);
  idAt[0] = 0;
  for (let i = 0; i < rows; i++) idAt[i + 1] = idAt[i]! + t.idCount[i]!;
  const old = new Map<string, number>();
  t.abs.forEach((a, i) => old.set(a, i));

  // classify
  /** rows kept, and the new mtime of those touched but unchanged */
  const keep: number[] = [];
  const keepMtime = new Map<number, number>();
  const reread: typeof candidates = [];
  const hashes = new Map<string, string>();
  let touched = false;
  for (const c of candidates) {
    const st = stats.get(c.abs);
    const prev = old.get(c.abs);
    if (st && prev !== undefined && t.size[prev] === st.size && t.mtimeMs[prev] === st.mtimeMs && t.shown[prev] === c.shown) {
      keep.push(prev);
      continue;
    }
    if (st && prev !== undefined && t.size[prev] === st.size && t.shown[prev] === c.shown) {
      // touched, perhaps not changed: compare the bytes' hash
      try {
        const h = await sha1File(c.abs);
        hashes.set(c.abs, h);
        if (h === t.sha1[prev]) {
          touched = true;
          keep.push(prev);
          keepMtime.set(prev, st.mtimeMs);
          continue;
        }
      } catch {
        /* re-read reports it */
      }
    }
    reread.push(c);
  }
  const kept = new Uint8Array(rows);
  for (const r of keep) kept[r] = 1;
  const dropIds: string[] = [];
  for (let r = 0; r < rows; r++) if (!kept[r]) for (let k = idAt[r]!; k < idAt[r + 1]!; k++) dropIds.push(t.ids[k]!);
  const rowWarnings = new Map(t.warnings);

  // re-read changed and new files with the ordinary loader; ids as a fresh load of the whole set gives them
  const fresh: FileEntry[] = [];
  const failed: FailedEntry[] = [];
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
        const o = loaded.origins.get(d.id) ?? DEFAULT_ORIGIN;
        docOrigins.push(o);
        d.id = rel;
        newDocs.push(d);
      }
      const before = stats.get(c.abs);
      if (!before) continue;
      if (errs.some((e) => e.severity === 'error')) {
        // not cached: tried again next time (recorded for an open that defers the stats)
        if (docs.length === 0) failed.push({ abs: c.abs, shown: c.shown, size: before.size, mtimeMs: before.mtimeMs, errors: errs });
        continue;
      }
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
  for (const r of keep) errors.push(...(rowWarnings.get(r) ?? []));

  progress?.({ phase: 'index', done: 0, total: newDocs.length });
  if (dropIds.length) index.remove(dropIds);
  if (newDocs.length) index.add(newDocs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  progress?.({ phase: 'index', done: newDocs.length, total: newDocs.length });

  const named = headOrigins(head);
  // files that failed again (binary, unreadable: never cached, retried every run) change nothing:
  // rewriting the whole file for them cost every run ~10 s at 10 M words — unless the record of them,
  // which an open that defers the stats reports, is not what it was
  const failedChanged = JSON.stringify(failed) !== JSON.stringify(head.failed);
  const changed = !had || touched || fresh.length > 0 || dropIds.length > 0 || newDocs.length > 0 || failedChanged;
  const status: CacheStatus = !had ? (reason ? 'rebuilt' : 'built') : reread.length || dropIds.length ? 'updated' : 'hit';
  let written = false;
  if (changed) {
    const files: FileEntry[] = [...fresh];
    for (const r of keep) {
      const ids = t.ids.slice(idAt[r], idAt[r + 1]);
      files.push({ abs: t.abs[r]!, shown: t.shown[r]!, size: t.size[r]!, mtimeMs: keepMtime.get(r) ?? t.mtimeMs[r]!, sha1: t.sha1[r]!, ids, origins: ids.map((id) => named.get(id) ?? DEFAULT_ORIGIN), warnings: rowWarnings.get(r) ?? [] });
    }
    files.sort((a, b) => (a.abs < b.abs ? -1 : 1));
    const next = encodeManifest({ key, root, maxBytes }, files, failed);
    try {
      await writeFileAtomic(file, encodeIndex(index, next.head, { [FILES_ATTACHMENT]: next.table }), opts.onWriteChunk);
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
  // the cached files' documents (of files read now, those of the files that are cached)
  const origins = new Map<string, DocOrigin>();
  for (const r of keep) for (let k = idAt[r]!; k < idAt[r + 1]!; k++) origins.set(t.ids[k]!, named.get(t.ids[k]!) ?? DEFAULT_ORIGIN);
  for (const f of fresh) f.ids.forEach((id, i) => origins.set(id, f.origins[i] ?? DEFAULT_ORIGIN));
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
