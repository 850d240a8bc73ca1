/**
 * The Copydesk language server: pull diagnostics, hovers, quick fixes and a few custom requests,
 * over the pure engine in src/core. Editor-agnostic: VS Code (src/extension), Neovim, Helix…
 *
 * This file wires the connection to the parts: workspace.ts (folders, .copydesk/ lists),
 * index-lifecycle.ts (builds, watchers, damage recovery), document-state.ts (debounce, staleness,
 * the one "force re-check" flag), pull.ts (answering a pull), checker.ts (the engine run),
 * diagnostics.ts, code-actions.ts, commands.ts, report.ts and hover.ts.
 *
 * Checking: textDocument/diagnostic (pull). Each request waits for the document's debounce, drops
 * stale versions (ServerCancelled + retrigger) and honours cancellation. Clients that cannot be
 * asked to pull again get textDocument/publishDiagnostics (push) instead.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationToken,
  CodeActionKind,
  DocumentDiagnosticReportKind,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type DidChangeTextDocumentParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TooComplexError } from '../core/rule';
import { DEFAULT_CONFIG, readConfig, type EditorConfig } from '../shared/config';
import * as P from '../shared/protocol';
import { Checker } from './checker';
import { createCodeActions } from './code-actions';
import { createCommands } from './commands';
import { DocumentStates, type Checked } from './document-state';
import { hoverAt, MARKDOWN, type Markup, PLAINTEXT } from './hover';
import { IndexLifecycle } from './index-lifecycle';
import { type ClientEncoding, convertPositions, fromUtf16, linesOf, positionEncoding, toUtf16 } from './positions';
import { DiagnosticPull, checksDocument } from './pull';
import { buildReport, listQuotes } from './report';
import { languageOf } from './uris';
import { Workspace } from './workspace';
import { analyse } from '../core/text';
import { tagJobs } from '../core/attribution/tagger';
import { proseView } from '../core/prose';
import type { TagWorker } from '../node/tag-worker';
import { traceStart } from '../node/start-trace';

export class CopydeskServer {
  readonly documents = new TextDocuments(TextDocument);
  private config: EditorConfig = DEFAULT_CONFIG;
  private initConfig: unknown;
  private canPullConfig = false;
  private canWatch = false;
  private relativePatterns = false;
  private canRefresh = false;
  private clientAcceptsNames = false;
  /**
   * the client takes copydesk/checked and copydesk/indexStatus (experimental `copydeskNotifications`,
   * as the VS Code extension declares): lsp-mode shows a warning for every notification it has no
   * handler for, which would be one per check
   */
  private customNotifications = false;
  /** the client counts a position's `character` in code points (lsp-mode), not UTF-16 code units */
  /** Markdown hovers, or plain text for a client whose hover `contentFormat` leaves Markdown out (ALE) */
  private hoverMarkup: Markup = MARKDOWN;
  /** the client's position units, when they are not the server's UTF-16 */
  private clientUnits: ClientEncoding | undefined;
  /**
   * the client cannot be asked to pull again (no workspace/diagnostic/refresh, as Neovim 0.10) or
   * does not pull at all: the server pushes textDocument/publishDiagnostics instead, so a change
   * that is not an edit (an ignored finding, a rebuilt index) shows at once
   */
  private push = false;
  private readonly pushTimers = new Map<string, NodeJS.Timeout>();
  /** settings read (workspace/configuration answered, or failed): no answer depends on the defaults */
  private readonly settingsReady: Promise<void>;
  private resolveSettings!: () => void;
  private readonly workspace: Workspace;
  private readonly indexes: IndexLifecycle;
  private readonly states = new DocumentStates(() => this.config.checkOn);
  private readonly checker: Checker;
  private readonly diagnostics: DiagnosticPull;

  /** @param tags compromise in a worker thread (src/node/tag-worker.ts), given each opened document's sentences */
  constructor(
    private readonly conn: Connection,
    private readonly tags?: TagWorker,
  ) {
    this.settingsReady = new Promise((r) => (this.resolveSettings = r));
    this.workspace = new Workspace((e) => {
      conn.console.warn(`copydesk: ${e}`);
      void conn.window.showWarningMessage(`Copydesk: ${e}`);
    });
    this.indexes = new IndexLifecycle({
      conn,
      workspace: this.workspace,
      config: () => this.config,
      canWatch: () => this.canWatch,
      relativePatterns: () => this.relativePatterns,
      storeChanged: () => this.workspace.reload().then(() => this.refresh()),
      refresh: () => this.refresh(),
      notify: (method, params) => this.notify(method, params),
    });
    this.checker = new Checker({ workspace: this.workspace, indexes: this.indexes, config: () => this.config });
    this.diagnostics = new DiagnosticPull({
      conn,
      documents: this.documents,
      states: this.states,
      indexes: this.indexes,
      checker: this.checker,
      config: () => this.config,
      settingsReady: this.settingsReady,
      notify: (method, params) => this.notify(method, params),
      redeliver: (uri) => this.redeliver(uri),
    });
    const codeActions = createCodeActions({
      document: (uri) => this.documents.get(uri),
      clientAcceptsNames: () => this.clientAcceptsNames,
      diagnostics: (uri) => this.shown(uri)?.items,
    });
    const commands = createCommands({
      workspace: this.workspace,
      checkAsked: (uri) => this.states.force(uri, 'asked'),
      refresh: () => this.refresh(),
      reindex: () => this.indexes.startBuild(),
      showError: (msg) => void conn.window.showErrorMessage(msg),
    });
    conn.onInitialize((p) => this.initialize(p));
    conn.onInitialized(() => void this.initialized());
    conn.onDidChangeConfiguration((p) => void this.configurationChanged(p.settings));
    conn.onDidChangeWatchedFiles((p) => this.indexes.watchedFilesChanged(p.changes.map((c) => c.uri)));
    conn.languages.diagnostics.on(async (p, token) => this.toClient(p.textDocument.uri, await this.diagnostics.pull(p.textDocument.uri, p.previousResultId, token)));
    conn.onHover((p) => {
      const uri = p.textDocument.uri;
      const c = this.shown(uri);
      return c ? this.toClient(uri, hoverAt(c, this.fromClient(uri, p.position), (f) => this.indexes.state.sources.info(f), this.hoverMarkup)) : null;
    });
    conn.onCodeAction((p) => {
      const uri = p.textDocument.uri;
      return this.toClient(uri, codeActions(uri, this.fromClient(uri, p.range), this.fromClient(uri, p.context.diagnostics)));
    });
    conn.onExecuteCommand((p) => commands(p.command, p.arguments ?? []));
    conn.onRequest(P.Methods.report, (p: { uri: string }) => this.report(p.uri));
    conn.onRequest(P.Methods.quotes, (p: { uri: string }): P.QuotesResult => {
      const doc = this.documents.get(p.uri);
      return doc ? listQuotes(doc, this.config.maxDocumentSize) : { available: true, quotes: [] };
    });
    conn.onRequest(P.Methods.indexStatus, () => this.indexes.status());
    this.documents.onDidChangeContent((e) => {
      this.states.edited(e.document.uri);
      if (this.config.checkOn === 'type') this.schedulePush(e.document.uri);
    });
    this.documents.onDidOpen((e) => {
      const doc = e.document;
      traceStart('didOpen');
      if (this.tags && checksDocument(doc, this.config) && doc.getText().length <= this.config.maxDocumentSize) {
        // the document's first check takes this model rather than analysing the text again
        const model = analyse(proseView(doc.getText(), languageOf(doc)));
        this.checker.opened(doc.uri, model);
        this.tags.prefetch(tagJobs(model));
      }
      this.states.force(e.document.uri, 'changed');
      this.schedulePush(e.document.uri);
      traceStart('didOpen done');
    });
    this.documents.onDidSave((e) => {
      this.states.saved(e.document.uri);
      this.schedulePush(e.document.uri);
    });
    this.documents.onDidClose((e) => {
      this.states.delete(e.document.uri);
      this.checker.closed(e.document.uri);
      this.workspace.closed(e.document.uri);
      if (this.push) {
        clearTimeout(this.pushTimers.get(e.document.uri));
        this.pushTimers.delete(e.document.uri);
        void this.conn.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
      }
    });
    conn.onShutdown(() => this.indexes.closeFsWatchers());
    // edits come in the client's position units: each change's range in UTF-16 before TextDocuments applies it
    this.documents.listen(
      new Proxy(conn, {
        get: (target, key) =>
          key === 'onDidChangeTextDocument'
            ? (handler: (p: DidChangeTextDocumentParams) => void) => target.onDidChangeTextDocument((p) => handler(this.changeFromClient(p)))
            : Reflect.get(target, key),
      }),
    );
  }

  // ------------------------------------------------------------------ the client's position units

  /** `value` (a result about `uri`) with its positions in the client's units. */
  private toClient<T>(uri: string, value: T): T {
    const units = this.clientUnits;
    const doc = units ? this.documents.get(uri) : undefined;
    if (!doc) return value;
    const lines = linesOf(doc.getText());
    return convertPositions(value, (p) => fromUtf16(lines, p, units), uri);
  }

  /** `value` (from the client, about `uri`) with its positions in UTF-16 code units. */
  private fromClient<T>(uri: string, value: T): T {
    const units = this.clientUnits;
    const doc = units ? this.documents.get(uri) : undefined;
    if (!doc) return value;
    const lines = linesOf(doc.getText());
    return convertPositions(value, (p) => toUtf16(lines, p, units), uri);
  }

  /** A didChange's ranges in UTF-16, each against the text the changes before it left. */
  private changeFromClient(p: DidChangeTextDocumentParams): DidChangeTextDocumentParams {
    const units = this.clientUnits;
    const doc = units ? this.documents.get(p.textDocument.uri) : undefined;
    if (!doc) return p;
    const text = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
    const contentChanges = p.contentChanges.map((change) => {
      if (!('range' in change)) return change;
      const lines = linesOf(text.getText());
      const range = { start: toUtf16(lines, change.range.start, units), end: toUtf16(lines, change.range.end, units) };
      TextDocument.update(text, [{ range, text: change.text }], text.version + 1);
      return { range, text: change.text };
    });
    return { ...p, contentChanges };
  }

  // ------------------------------------------------------------------ lifecycle and settings

  /** the client gave its settings at `initialize`: the references are read from `initialized` on, before its settings' round trip */
  private preloadWanted = false;

  private initialize(p: InitializeParams): InitializeResult {
    traceStart('initialize');
    const folders = p.workspaceFolders?.length ? p.workspaceFolders : p.rootUri ? [{ uri: p.rootUri, name: 'root' } as WorkspaceFolder] : [];
    this.workspace.folders = folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    const init = (p.initializationOptions ?? {}) as P.InitializationOptions;
    this.workspace.trusted = init.trusted !== false;
    this.initConfig = init.settings;
    this.config = readConfig(init.settings);
    this.canPullConfig = !!p.capabilities.workspace?.configuration;
    this.canWatch = !!p.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.relativePatterns = !!p.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    this.canRefresh = !!p.capabilities.workspace?.diagnostics?.refreshSupport;
    this.push = !this.canRefresh || !p.capabilities.textDocument?.diagnostic;
    const experimental = p.capabilities.experimental as Record<string, unknown> | undefined;
    this.clientAcceptsNames = !!experimental?.copydeskAcceptNameCommand;
    this.customNotifications = !!experimental?.copydeskNotifications;
    const formats = p.capabilities.textDocument?.hover?.contentFormat;
    this.hoverMarkup = formats?.length && !formats.includes('markdown') ? PLAINTEXT : MARKDOWN;
    const encoding = positionEncoding(p);
    this.clientUnits = encoding.encoding === 'utf-16' ? undefined : encoding.encoding;
    // the references are read from `initialized` on if the client gave its settings here (VS Code does)
    this.preloadWanted = init.settings !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(this.push ? {} : { diagnosticProvider: { identifier: 'copydesk', interFileDependencies: false, workspaceDiagnostics: false } }),
        ...(encoding.declared ? { positionEncoding: encoding.encoding } : {}),
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(P.ServerCommands) },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'copydesk-lsp', version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    traceStart('initialized');
    // not at `initialize`: the persisted index's open is synchronous from its first step, and the answer to
    // `initialize` (and then the client's `didOpen`, whose sentences the tag worker waits for) would wait for it
    if (this.preloadWanted) this.indexes.preload();
    await this.pullConfig();
    traceStart('configuration read');
    this.resolveSettings();
    await this.workspace.reload();
    this.indexes.registerWatchers();
    this.indexes.startBuild();
  }

  private async pullConfig(): Promise<void> {
    if (!this.canPullConfig) return;
    try {
      const scopeUri = this.workspace.folders[0] ? pathToFileURL(this.workspace.folders[0]).toString() : undefined;
      const raw: unknown = await this.conn.workspace.getConfiguration({ section: 'copydesk', scopeUri });
      // the settings the client answers win; what it leaves out comes from initializationOptions (lsp-mode
      // answers `{}` for a section nothing was registered for, eglot null)
      const init = this.initConfig && typeof this.initConfig === 'object' ? (this.initConfig as Record<string, unknown>) : {};
      this.config = readConfig(raw && typeof raw === 'object' ? { ...init, ...(raw as Record<string, unknown>) } : this.initConfig);
    } catch (e) {
      this.conn.console.warn(`copydesk: could not read settings: ${(e as Error).message}`);
    }
  }

  private async configurationChanged(settings: unknown): Promise<void> {
    const before = JSON.stringify(this.config.references);
    if (this.canPullConfig) await this.pullConfig();
    else this.config = readConfig((settings as { copydesk?: unknown } | undefined)?.copydesk ?? settings);
    this.states.forceAll();
    if (JSON.stringify(this.config.references) !== before) {
      this.indexes.registerWatchers();
      this.indexes.startBuild();
    } else {
      this.refresh();
    }
  }

  /** A copydesk/* notification, to a client that declared it takes them. */
  private notify(method: string, params: unknown): void {
    if (this.customNotifications) void this.conn.sendNotification(method, params);
  }

  // ------------------------------------------------------------------ delivering diagnostics

  /** Ask the client to pull diagnostics again (a push client: push them again). */
  private refresh(): void {
    this.states.forceAll();
    if (this.push) for (const d of this.documents.all()) this.schedulePush(d.uri, 0);
    else if (this.canRefresh) this.conn.languages.diagnostics.refresh().catch(() => {});
  }

  /** The document's diagnostics changed with no change of the client's: it pulls them again (push mode: they are pushed). */
  private redeliver(uri: string): void {
    if (this.push) this.schedulePush(uri, 0);
    else if (this.canRefresh) this.conn.languages.diagnostics.refresh().catch(() => {});
  }

  /** Push mode: check the document after its debounce and publish the diagnostics. */
  private schedulePush(uri: string, delay = this.config.checkOn === 'type' ? this.config.debounceMs : 0): void {
    if (!this.push) return;
    clearTimeout(this.pushTimers.get(uri));
    this.pushTimers.set(uri, setTimeout(() => {
      this.pushTimers.delete(uri);
      void this.pushNow(uri);
    }, delay));
  }

  private async pushNow(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    try {
      const r = await this.diagnostics.pull(uri, undefined, CancellationToken.None);
      if (r.kind !== DocumentDiagnosticReportKind.Full || !this.documents.get(uri)) return;
      await this.conn.sendDiagnostics({ uri, version: doc.version, diagnostics: this.toClient(uri, r.items) });
    } catch (e) {
      // a newer version is scheduled by its own change; a damaged index re-pushes when rebuilt
      if (!(e instanceof ResponseError)) this.conn.console.error(`copydesk: ${(e as Error).stack ?? e}`);
    }
  }

  // ------------------------------------------------------------------ checking

  /** The open document, if the server checks it (language, URI, size). */
  private checkable(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !checksDocument(doc, this.config)) return undefined;
    return doc.getText().length > this.config.maxDocumentSize ? undefined : doc;
  }

  /** The check of the document's current version against the current index, if there is one. */
  private current(uri: string): Checked | undefined {
    const doc = this.checkable(uri);
    return doc && this.states.current(this.states.get(uri), doc.version, this.indexes.state.generation);
  }

  /** What the client shows of the document's current version: its check, or the partial report of a check still running. */
  private shown(uri: string): Checked | undefined {
    const doc = this.checkable(uri);
    if (!doc) return undefined;
    const s = this.states.get(uri);
    const generation = this.indexes.state.generation;
    return this.states.current(s, doc.version, generation) ?? this.states.partial(s, doc.version, generation);
  }

  private async report(uri: string): Promise<P.Report | null> {
    await this.indexes.ready;
    const doc = this.checkable(uri);
    if (!doc) return null;
    const s = this.states.get(uri);
    let c = this.current(uri);
    if (!c) {
      const generation = this.indexes.state.generation;
      if (this.states.gaveUp(s, doc.version, generation, false)) return null;
      try {
        // kept for hovers and the next report; the next pull still checks if it was forced
        s.checked = c = await this.checker.run(doc, false);
      } catch (e) {
        if (!(e instanceof TooComplexError)) throw e;
        s.tooComplex = { version: doc.version, generation };
        return null;
      }
    }
    return buildReport(uri, c, this.indexes.state);
  }
}
