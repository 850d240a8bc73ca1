/**
 * A persisted index file opened through positioned reads (index-codec.ts openIndexSource): the
 * header, page table, directory, term dictionary and line table are read at once; documents' tokens,
 * texts and the postings on first use. Small files are read and verified whole at once.
 *
 * The file descriptor stays open until every page has been read (index.materialize() reads the
 * rest), or until the index is garbage-collected. Replacing the file meanwhile (cache.ts renames a
 * new file over it) does not disturb the reader on POSIX systems: it keeps reading the old inode.
 */
import * as fs from 'node:fs';
import { traceStart } from './start-trace';
import { openIndexSource, type ByteSource, type DecodedIndex } from '../core/index-codec';

/** files up to this size are read and verified whole when opened */
export const DEFAULT_EAGER_BYTES = 32 * 2 ** 20;

export interface IndexFileOptions {
  /** read and verify the whole file at once when it is at most this many bytes (default 32 MiB) */
  eagerBytes?: number;
  /**
   * when a page read later fails its checksum or cannot be read: remove the file (if it is still
   * the one opened), so that the next open rebuilds it; CodecError is thrown either way
   */
  removeOnCorrupt?: boolean;
}

export interface IndexFileStats {
  /** positioned reads done, bytes read and time spent reading (ms) so far */
  reads: number;
  bytes: number;
  readMs: number;
  /** was the file read whole at open */
  eager: boolean;
}

export interface OpenedIndexFile extends DecodedIndex {
  stats: IndexFileStats;
}

const closer = new FinalizationRegistry<() => void>((close) => close());

/** Open an index file. Throws CodecError for a file that is not a valid index, and fs errors (ENOENT, …) as they are. */
export function openIndexFile(file: string, opts: IndexFileOptions = {}): OpenedIndexFile {
  const fd = fs.openSync(file, 'r');
  const state = { open: true };
  const close = () => {
    if (!state.open) return;
    state.open = false;
    try {
      fs.closeSync(fd);
    } catch {
      /* already gone */
    }
  };
  try {
    const st = fs.fstatSync(fd);
    const eager = st.size <= (opts.eagerBytes ?? DEFAULT_EAGER_BYTES);
    const stats: IndexFileStats = { reads: 0, bytes: 0, readMs: 0, eager };
    const src: ByteSource = {
      size: st.size,
      read(offset, into) {
        if (!state.open) throw new Error('index file closed');
        const t0 = performance.now();
        for (let done = 0; done < into.length; ) {
          const n = fs.readSync(fd, into, done, into.length - done, offset + done);
          if (n === 0) throw new Error('unexpected end of file');
          done += n;
          stats.reads++;
          stats.bytes += n;
        }
        stats.readMs += performance.now() - t0;
      },
      close,
    };
    const onCorrupt = opts.removeOnCorrupt
      ? () => {
          try {
            const now = fs.statSync(file);
            if (now.ino === st.ino && now.dev === st.dev) fs.rmSync(file, { force: true });
          } catch {
            /* gone already */
          }
        }
      : undefined;
    const r = openIndexSource(src, { eager, onCorrupt, onStep: traceStart });
    if (state.open) closer.register(r.index, close);
    return { ...r, stats };
  } catch (e) {
    close();
    throw e;
  }
}
