/**
 * Load a reference set and index it. The one seam between files and the engine's ReferenceIndex:
 * a persisted cache can be added inside openIndex without changing its callers.
 */
import { ReferenceIndex } from '../core/reference-index';
import type { ReferenceDoc } from '../core/types';
import { cacheDisabledByEnv, defaultCacheDir, openCachedIndex } from './cache';
import type { InputError } from './errors';
import { loadReferences, type DocOrigin, type LoadOptions, type LoadProgress } from './references';

export interface OpenIndexProgress extends LoadProgress {
  phase: 'read' | 'index';
}

export interface OpenIndexOptions extends Omit<LoadOptions, 'onProgress'> {
  onProgress?: (p: OpenIndexProgress) => void;
  /** where the persisted index lives (default: the user cache folder, see cache.ts); false: no cache */
  cacheDir?: string | false;
  /** use a persisted index without checking the files first; `verify` checks them later (cache.ts) */
  deferFreshness?: boolean;
}

export interface OpenIndexResult {
  index: ReferenceIndex;
  docs: ReferenceDoc[];
  errors: InputError[];
  /** by doc id: how offsets into doc.text map back to the file (see references.ts) */
  origins: Map<string, DocOrigin>;
  /** through the cache: "device:inode" of each reference file by its path (see cache.ts) */
  fileKeys?: Map<string, string>;
  /** with deferFreshness, when the persisted index was used unchecked: are the files still those it was made of (cache.ts) */
  verify?: () => Promise<boolean>;
}

export async function openIndex(inputs: string[], opts: OpenIndexOptions = {}): Promise<OpenIndexResult> {
  const { onProgress, cacheDir, deferFreshness, ...load } = opts;
  if (cacheDir !== false && !cacheDisabledByEnv()) {
    const r = await openCachedIndex(inputs, { ...load, onProgress, deferFreshness, cacheDir: cacheDir ?? defaultCacheDir(), eagerBytes: eagerBytesFromEnv() });
    return { index: r.index, docs: r.docs, errors: r.errors, origins: r.origins, fileKeys: r.fileKeys, verify: r.verify };
  }
  const { docs, errors, origins } = await loadReferences(inputs, {
    ...load,
    onProgress: onProgress ? (p) => onProgress({ ...p, phase: 'read' }) : undefined,
  });
  onProgress?.({ phase: 'index', done: 0, total: docs.length });
  const index = ReferenceIndex.build(docs);
  onProgress?.({ phase: 'index', done: docs.length, total: docs.length });
  return { index, docs, errors, origins };
}

/**
 * $COPYDESK_CACHE_EAGER_BYTES: cache files up to this size are read and verified whole when opened,
 * bigger ones page by page as used (default 32 MiB, see index-file.ts; 0: always page by page).
 */
function eagerBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.COPYDESK_CACHE_EAGER_BYTES;
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}
