/**
 * Watching a folder and every folder under it, for a language server whose client does not watch
 * files for it. On Linux, Node 20's `fs.watch(dir, { recursive: true })` is built in JavaScript: it
 * stats and watches every file one by one, synchronously (16 k reference files: ~0.3 s of CPU before
 * the server can do anything else, and one inotify watch a file). A folder's own watcher already
 * reports changes to the files in it, so there one non-recursive watcher a folder is enough; folders
 * made later are watched when their parent reports them, and dropped when they go. Elsewhere the
 * platform's recursive watcher is native and is used as it is.
 */
import { readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import * as path from 'node:path';

export interface TreeWatcher {
  close(): void;
}

/**
 * Call `onChange` with the path of what changed (a file, or a folder) under `root`. Throws as
 * fs.watch does when `root` cannot be watched.
 */
export function watchTree(root: string, onChange: (file: string) => void, platform: NodeJS.Platform = process.platform): TreeWatcher {
  if (platform !== 'linux') {
    const w = watch(root, { recursive: true, persistent: false }, (_event, name) => onChange(name ? path.join(root, name.toString()) : root));
    w.on('error', () => w.close());
    return { close: () => w.close() };
  }
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const drop = (dir: string) => {
    for (const [d, w] of watchers) {
      if (d === dir || d.startsWith(dir + path.sep)) {
        w.close();
        watchers.delete(d);
      }
    }
  };
  /** a changed entry of a watched folder: watch it if it is a new folder, forget it if it was one and is gone */
  const entryChanged = (p: string) => {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      /* gone */
    }
    if (dir) add(p, false);
    else if (watchers.has(p)) drop(p);
  };
  const add = (dir: string, first: boolean) => {
    if (closed || watchers.has(dir)) return;
    const w = watch(dir, { persistent: false }, (_event, name) => {
      if (closed) return;
      const p = name ? path.join(dir, name.toString()) : dir;
      if (p !== dir) entryChanged(p);
      onChange(p);
    });
    w.on('error', () => drop(dir));
    watchers.set(dir, w);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const sub = path.join(dir, e.name);
      try {
        add(sub, first);
      } catch {
        /* gone, or not readable: its parent reports it if it comes back */
      }
      // a folder made after the start may have had files written before its watcher existed
      if (!first) onChange(sub);
    }
  };
  add(root, true);
  return {
    close() {
      closed = true;
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
