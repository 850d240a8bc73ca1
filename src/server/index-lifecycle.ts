/**
 * The reference index's life: built in the background with workDoneProgress, rebuilt when watched
 * reference files change or when a lazily read page of the persisted index fails its checksum, and
 * each build a new generation, so that a check knows which index it ran against.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { statSync, watch } from 'node:fs';
import { CancellationToken, DidChangeWatchedFilesNotification, type Connection, type FileSystemWatcher } from 'vscode-languageserver/node';
import type { CodecError } from '../core/index-codec';
import type { ReferenceIndex } from '../core/reference-index';
import type { ReferenceDoc } from '../core/types';
import { globBase, toPosix } from '../node/references';
import { watchTree, type TreeWatcher } from '../node/watch-tree';
import { traceStart } from '../node/start-trace';
import type { EditorConfig } from '../shared/config';
import * as P from '../shared/protocol';
import { isInside, loadReferences, resolveInputs, type LoadProgress } from './references';
import { ReferenceSources } from './sources';
import { STORE_DIR } from './store';
import type { Workspace } from './workspace';

export interface IndexState {
  /** counts builds (failed ones too): a check's result belongs to the generation it ran against */
  generation: number;
  index?: ReferenceIndex;
  docs: ReferenceDoc[];
  sources: ReferenceSources;
  errors: { path: string; message: string }[];
  skipped: { input: string; reason: string }[];
  inputs: string[];
  building?: Promise<void>;
}

export interface IndexDeps {
  conn: Connection;
  workspace: Workspace;
  config(): EditorConfig;
  /** the client registers file watchers for us (didChangeWatchedFiles with dynamic registration) */
  canWatch(): boolean;
  /** the client's watchers take `{ baseUri, pattern }` (relativePatternSupport); else string globs only */
  relativePatterns(): boolean;
  /** .copydesk/ changed on disk: reload its lists */
  storeChanged(): Promise<void>;
  /** a build ended (or failed): documents are to be checked again */
  refresh(): void;
  /** a copydesk/* notification, sent to clients that declared they take them */
  notify(method: string, params: unknown): void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The first build uses the persisted index without stat'ing every reference file first (cache.ts
 * deferFreshness); the files are checked when the first check has ended, or this long after the
 * index opened if no check is running then, and the index is rebuilt if they changed.
 */
export const VERIFY_AFTER_MS = 1000;

export class IndexLifecycle {
  state: IndexState = { generation: 0, docs: [], sources: new ReferenceSources(), errors: [], skipped: [], inputs: [] };
  /** settles when the first build has ended */
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  private watcherDisposable?: { dispose(): void };
  private rebuildTimer?: NodeJS.Timeout;
  private storeTimer?: NodeJS.Timeout;
  /** fs.watch watchers on the reference folders, for clients without didChangeWatchedFiles */
  private fsWatchers: TreeWatcher[] = [];
  /** the generation whose damaged index was last rebuilt (once per generation) */
  private damagedGeneration = -1;
  /** references being read since `initialize` (preload), for the first build if its inputs are the same */
  /** the first build's index, used unchecked: its check of the reference files, waiting to run (see VERIFY_AFTER_MS) */
  private verifyPending?: { generation: number; verify: () => Promise<boolean> };
  /** checks running now */
  private checksRunning = 0;
  private early?: { key: string; loading: Promise<Awaited<ReturnType<typeof loadReferences>>>; progress?: (p: LoadProgress & { phase: 'read' | 'index' }) => void; last?: LoadProgress & { phase: 'read' | 'index' } };

  constructor(private readonly deps: IndexDeps) {
    this.ready = new Promise((r) => (this.resolveReady = r));
  }

  /** Wait for the first build (the index is built off the request path); false if cancelled meanwhile. */
  async firstBuild(token: CancellationToken): Promise<boolean> {
    while (!this.state.index && this.state.generation === 0) {
      if (token.isCancellationRequested) return false;
      await Promise.race([this.ready, sleep(50)]);
    }
    return true;
  }

  /** Watch the reference inputs and each folder's .copydesk/ (through the client, or fs.watch). */
  registerWatchers(): void {
    if (!this.deps.canWatch()) return this.watchFolders();
    const bases: { base: string; pattern: string }[] = [];
    for (const f of this.deps.workspace.folders) bases.push({ base: f, pattern: `${STORE_DIR}/*` });
    const { inputs } = resolveInputs(this.deps.config().references, this.deps.workspace);
    for (const input of inputs) {
      const base = path.resolve(globBase(input));
      const pattern = base === path.resolve(input) ? '**/*' : toPosix(path.relative(base, input));
      // a file input: watch its directory for that name
      bases.push({ base, pattern });
      bases.push({ base: path.dirname(base), pattern: path.basename(base) });
    }
    // a client without relativePatternSupport (eglot 1.9) takes string globs only, matched against
    // absolute paths; a path with glob characters cannot be one, so the server watches itself
    const relative = this.deps.relativePatterns();
    if (!relative && bases.some((b) => /[*?[\]{},\\]/.test(toPosix(b.base)))) return this.watchFolders();
    const watchers: FileSystemWatcher[] = bases.map(({ base, pattern }) =>
      relative
        ? { globPattern: { baseUri: pathToFileURL(base).toString(), pattern } }
        : { globPattern: `${toPosix(base).replace(/\/$/, '')}/${pattern}` },
    );
    const old = this.watcherDisposable;
    this.watcherDisposable = undefined;
    void (async () => {
      old?.dispose();
      try {
        this.watcherDisposable = await this.deps.conn.client.register(DidChangeWatchedFilesNotification.type, { watchers });
        this.closeFsWatchers();
      } catch (e) {
        // refused: the server watches the folders itself, as for a client without file watching
        this.deps.conn.console.warn(`copydesk: the client refused file watchers (${(e as Error).message}); watching the reference folders itself`);
        this.watchFolders();
      }
    })();
  }

  /** Stop fs.watch watching (shutdown). */
  closeFsWatchers(): void {
    for (const w of this.fsWatchers) w.close();
    this.fsWatchers = [];
  }

  /**
   * The client does not watch files for us (Neovim has no didChangeWatchedFiles on Linux): watch
   * the reference folders (recursively) and each workspace's .copydesk/ with fs.watch, and feed the
   * changes through the same path, debounced there.
   */
  private watchFolders(): void {
    traceStart('watch folders');
    this.closeFsWatchers();
    const { inputs } = resolveInputs(this.deps.config().references, this.deps.workspace);
    const dirs = new Map<string, boolean>();
    for (const f of this.deps.workspace.folders) dirs.set(path.join(f, STORE_DIR), false);
    for (const input of inputs) {
      const base = path.resolve(globBase(input));
      let dir = base;
      try {
        if (!statSync(base).isDirectory()) dir = path.dirname(base);
      } catch {
        dir = path.dirname(base); // not there yet: its parent sees it appear
      }
      dirs.set(dir, dir === base || !!dirs.get(dir));
    }
    for (const [dir, recursive] of dirs) {
      const changed = (file: string) => this.watchedFilesChanged([pathToFileURL(file).toString()]);
      try {
        if (recursive) {
          this.fsWatchers.push(watchTree(dir, changed));
          continue;
        }
        const w = watch(dir, { persistent: false }, (_event, name) => changed(name ? path.join(dir, name.toString()) : dir));
        w.on('error', () => w.close());
        this.fsWatchers.push(w);
      } catch {
        /* a folder that does not exist (yet): nothing to watch */
      }
    }
  }

  /** Watched files changed: reload .copydesk/ lists, or rebuild the index, debounced. */
  watchedFilesChanged(uris: string[]): void {
    let store = false;
    let refs = false;
    const inputs = this.state.inputs.map((i) => path.resolve(globBase(i)));
    for (const u of uris) {
      if (!u.startsWith('file:')) continue;
      const p = fileURLToPath(u);
      if (path.basename(path.dirname(p)) === STORE_DIR) store = true;
      else if (inputs.some((i) => isInside(p, i) || p === i)) refs = true;
    }
    if (store) {
      clearTimeout(this.storeTimer);
      this.storeTimer = setTimeout(() => void this.deps.storeChanged(), 100);
    }
    if (refs) {
      clearTimeout(this.rebuildTimer);
      this.rebuildTimer = setTimeout(() => this.startBuild(), 250);
    }
  }

  /** what reading `inputs` depends on besides them: the workspace's trust (and then its folders) */
  private loadKey(inputs: string[]): string {
    return JSON.stringify([inputs, this.deps.workspace.trusted ? null : this.deps.workspace.folders]);
  }

  /**
   * Start reading the references (the persisted index, for a known set) at `initialize`, from the
   * settings the client gave there: the server may send the client nothing before `initialized`, and
   * the first build waits for the client's settings (workspace/configuration), its watchers and its
   * progress bar. The first build takes this load if its inputs turn out the same, else reads its own.
   */
  preload(): void {
    const { inputs } = resolveInputs(this.deps.config().references, this.deps.workspace);
    if (inputs.length === 0) return;
    traceStart('index open (at initialize)');
    // its progress goes to the first build's progress bar once there is one (the latest step at once)
    const early: NonNullable<IndexLifecycle['early']> = { key: this.loadKey(inputs), loading: Promise.resolve() as never };
    early.loading = loadReferences(inputs, this.deps.workspace.folders[0], (p) => {
      early.last = p;
      early.progress?.(p);
    }, this.deps.workspace.trusted ? undefined : this.deps.workspace.folders, true);
    // a failure is the first build's to report
    early.loading.catch(() => undefined);
    this.early = early;
  }

  /** A check starts (checker.ts): the reference files' check waits until none is running. */
  checkStarted(): void {
    this.checksRunning++;
  }

  /** A check ended: the first one's end runs the reference files' check, if one is waiting. */
  checkEnded(): void {
    this.checksRunning = Math.max(0, this.checksRunning - 1);
    if (this.checksRunning === 0) this.runVerify();
  }

  /** Check the reference files of an index used unchecked; rebuild it if they changed. */
  private runVerify(): void {
    const pending = this.verifyPending;
    if (!pending) return;
    this.verifyPending = undefined;
    void pending.verify().then(
      (fresh) => {
        traceStart(`references checked: ${fresh ? 'as persisted' : 'changed'}`);
        if (fresh || pending.generation !== this.state.generation) return;
        this.deps.conn.console.info('copydesk: reference files changed since the index was saved; updating it');
        this.startBuild();
      },
      (e) => {
        this.deps.conn.console.warn(`copydesk: checking the reference files failed (${(e as Error).message}); updating the index`);
        if (pending.generation === this.state.generation) this.startBuild();
      },
    );
  }

  /** Build (or rebuild) the reference index in the background, with progress. */
  startBuild(): void {
    // the first build may use the persisted index unchecked (its files checked after the first check); later builds check them
    const first = this.state.generation === 0 && !this.state.building;
    const run = async () => {
      const progress = await this.deps.conn.window.createWorkDoneProgress().catch(() => undefined);
      const { inputs, skipped } = resolveInputs(this.deps.config().references, this.deps.workspace);
      const early = this.early;
      this.early = undefined;
      progress?.begin('Copydesk', 0, 'Indexing references…', false);
      this.deps.notify(P.Methods.indexStatus, <P.IndexStatus>{ state: 'indexing', documents: 0, words: 0, errors: [], skipped });
      const t0 = Date.now();
      traceStart('index open');
      const onProgress = ({ phase, done, total, path: p }: LoadProgress & { phase: 'read' | 'index' }) => {
        const pct = total ? done / total : 0;
        progress?.report(Math.round(phase === 'read' ? pct * 90 : 90 + pct * 10),
          phase === 'read'
            ? `Reading references: ${done}/${total}${p ? ` ${path.basename(p)}` : ''}`
            : total
              ? `Indexing ${total} new or changed reference${total === 1 ? '' : 's'}…`
              : 'Reference index up to date');
      };
      try {
        let loaded: Awaited<ReturnType<typeof loadReferences>>;
        if (early && early.key === this.loadKey(inputs)) {
          early.progress = onProgress;
          // where it is by now
          if (early.last) onProgress(early.last);
          loaded = await early.loading;
        } else {
          loaded = await loadReferences(inputs, this.deps.workspace.folders[0], onProgress, this.deps.workspace.trusted ? undefined : this.deps.workspace.folders, first);
        }
        const idx: IndexState = {
          generation: this.state.generation + 1,
          index: loaded.index,
          docs: loaded.docs,
          sources: new ReferenceSources(loaded.docs, loaded.origins),
          errors: loaded.errors,
          skipped,
          inputs,
        };
        this.state = idx;
        this.verifyPending = undefined;
        if (loaded.verify) {
          this.verifyPending = { generation: idx.generation, verify: loaded.verify };
          setTimeout(() => {
            if (this.checksRunning === 0) this.runVerify();
          }, VERIFY_AFTER_MS).unref();
        }
        traceStart('index opened');
        const stats = loaded.index.stats();
        this.deps.conn.console.info(`copydesk: indexed ${stats.documents} reference documents (${stats.words} words) in ${Date.now() - t0} ms from ${inputs.join(', ') || '(no inputs)'}`);
        for (const e of loaded.errors) this.deps.conn.console.warn(`copydesk: ${e.path}: ${e.message}`);
        for (const s of skipped) this.deps.conn.console.warn(`copydesk: reference path ${s.input} ignored: ${s.reason}`);
        if (skipped.length) {
          void this.deps.conn.window.showWarningMessage(`Copydesk: ${skipped.length} reference path(s) outside the workspace were not read because the workspace is not trusted.`);
        }
        this.deps.notify(P.Methods.indexStatus, <P.IndexStatus>{
          state: 'ready',
          documents: stats.documents,
          words: stats.words,
          errors: loaded.errors,
          skipped,
        });
      } catch (e) {
        this.deps.conn.console.error(`copydesk: indexing failed: ${(e as Error).stack ?? e}`);
        this.state = { ...this.state, generation: this.state.generation + 1, errors: [{ path: inputs.join(', '), message: (e as Error).message }] };
        this.deps.notify(P.Methods.indexStatus, <P.IndexStatus>{ state: 'error', documents: 0, words: 0, errors: this.state.errors, skipped });
      } finally {
        progress?.done();
      }
    };
    const prev = this.state.building ?? Promise.resolve();
    const building = prev.then(run, run);
    this.state.building = building;
    void building.then(() => {
      if (this.state.building === building || !this.state.building) this.state.building = undefined;
      this.resolveReady();
      this.deps.refresh();
    });
  }

  /**
   * A page of the persisted index, read lazily, failed its checksum (the cache file has been removed
   * by then): rebuild the index once for this generation; the rebuilt index asks the client to pull again.
   */
  damaged(e: CodecError): void {
    if (this.damagedGeneration === this.state.generation) return;
    this.damagedGeneration = this.state.generation;
    this.verifyPending = undefined;
    this.deps.conn.console.warn(`copydesk: the persisted reference index is damaged (${e.message}); rebuilding it`);
    this.startBuild();
  }

  /** copydesk/indexStatus */
  status(): P.IndexStatus {
    const s = this.state.index?.stats();
    return {
      state: this.state.building ? 'indexing' : this.state.index ? 'ready' : 'indexing',
      documents: s?.documents ?? 0,
      words: s?.words ?? 0,
      errors: this.state.errors,
      skipped: this.state.skipped,
      inputs: this.state.inputs,
    };
  }
}
