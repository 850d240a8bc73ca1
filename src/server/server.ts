/**
 * The Copydesk language server: pull diagnostics, hovers, quick fixes and a few custom requests,
 * over the pure engine in src/core. Editor-agnostic: VS Code (src/extension), Neovim, Helix…
 *
 * Checking: textDocument/diagnostic (pull). Each request waits for the document's debounce, drops
 * stale versions (ServerCancelled + retrigger) and honours cancellation. The reference index is
 * built in the background with workDoneProgress and rebuilt when watched reference files change.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, checkYielding } from '../core/engine';
import { TooComplexError } from '../core/rule';
import { CodecError } from '../core/index-codec';
import { IncrementalAligner } from '../core/incremental';
import { LineIndex } from '../core/positions';
import { RULES } from '../core/rules';
import type { CheckResult, Finding } from '../core/types';
import { DEFAULT_CONFIG, readConfig, type EditorConfig } from '../shared/config';
import { renderHover } from './hover';
import { proseView } from '../core/prose';
import { extractQuotes } from './quotes';
import * as P from '../shared/protocol';
import { createCodeActions } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { Workspace } from './workspace';
import { IndexLifecycle } from './index-lifecycle';
import { checkableUri } from './uris';

interface Checked {
  version: number;
  text: string;
  lines: LineIndex;
  result: CheckResult;
  resultId: string;
  items: Diagnostic[];
  /** index generation the check ran against */
  generation: number;
}

interface DocState {
  lastChange: number;
  checked?: Checked;
  /** next pull must re-check even in save/manual mode */
  dirtyForced: boolean;
  tooLargeNotified?: boolean;
  /** version and index generation whose check ran past CHECK_BUDGET_MS (not run again for them) */
  tooComplex?: { version: number; generation: number };
}


const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Time budget of one check. The passes are linear (docs/RELIABILITY.md), but a budget bounds what
 * no sweep found: past it the document is reported "too complex to check" and the server answers
 * other requests again. COPYDESK_CHECK_BUDGET_MS overrides it (tests).
 */
export const CHECK_BUDGET_MS = process.env.COPYDESK_CHECK_BUDGET_MS !== undefined ? Math.max(0, Number(process.env.COPYDESK_CHECK_BUDGET_MS) || 0) : 10_000;

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

const emptyResult = (): CheckResult => ({ words: 0, originality: 1, sources: [], findings: [] });

export class CopydeskServer {
  readonly documents = new TextDocuments(TextDocument);
  private readonly workspace: Workspace;
  private readonly indexes: IndexLifecycle;
  private readonly state = new Map<string, DocState>();
  private config: EditorConfig = DEFAULT_CONFIG;
  private canPullConfig = false;
  private canWatch = false;
  private canRefresh = false;
  private clientAcceptNameCommand = false;
  private initConfig: unknown;
  /** per open document: seeds of unchanged paragraphs are reused from the previous check */
  private readonly aligners = new Map<string, IncrementalAligner>();
  /** settings read (workspace/configuration answered, or failed): no answer depends on the defaults */
  private settingsReady!: Promise<void>;
  private resolveSettings!: () => void;
  /**
   * the client cannot be asked to pull again (no workspace/diagnostic/refresh, as Neovim 0.10) or
   * does not pull at all: the server pushes textDocument/publishDiagnostics instead, so a change
   * that is not an edit (an ignored finding, a rebuilt index) shows at once
   */
  private push = false;
  private readonly pushTimers = new Map<string, NodeJS.Timeout>();
  private resultCounter = 0;

  constructor(private readonly conn: Connection) {
    this.workspace = new Workspace((e) => {
      conn.console.warn(`copydesk: ${e}`);
      void conn.window.showWarningMessage(`Copydesk: ${e}`);
    });
    this.settingsReady = new Promise((r) => (this.resolveSettings = r));
    this.indexes = new IndexLifecycle({
      conn,
      workspace: this.workspace,
      config: () => this.config,
      canWatch: () => this.canWatch,
      storeChanged: () => this.workspace.reload().then(() => this.refresh()),
      refresh: () => this.refresh(),
    });
    conn.onInitialize((p) => this.initialize(p));
    conn.onInitialized(() => void this.initialized());
    conn.onDidChangeConfiguration((p) => void this.configurationChanged(p.settings));
    conn.onDidChangeWatchedFiles((p) => this.indexes.watchedFilesChanged(p.changes.map((c) => c.uri)));
    conn.languages.diagnostics.on((p, token) => this.pullDiagnostics(p.textDocument.uri, p.previousResultId, token));
    conn.onHover((p) => this.hover(p.textDocument.uri, p.position));
    const codeActions = createCodeActions({ document: (uri) => this.documents.get(uri), clientAcceptsNames: () => this.clientAcceptNameCommand });
    conn.onCodeAction((p) => codeActions(p.textDocument.uri, p.range, p.context.diagnostics));
    conn.onExecuteCommand((p) => this.executeCommand(p.command, p.arguments ?? []));
    conn.onRequest(P.Methods.report, (p: { uri: string }) => this.report(p.uri));
    conn.onRequest(P.Methods.quotes, (p: { uri: string }) => this.quotes(p.uri));
    conn.onRequest(P.Methods.indexStatus, () => this.indexes.status());
    this.documents.onDidChangeContent((e) => {
      const s = this.docState(e.document.uri);
      s.lastChange = Date.now();
      if (this.config.checkOn === 'type') this.schedulePush(e.document.uri);
    });
    this.documents.onDidOpen((e) => {
      const s = this.docState(e.document.uri);
      s.dirtyForced = true;
      this.schedulePush(e.document.uri);
    });
    this.documents.onDidSave((e) => {
      const s = this.docState(e.document.uri);
      s.dirtyForced = true;
      s.lastChange = 0;
      this.schedulePush(e.document.uri);
    });
    this.documents.onDidClose((e) => {
      this.state.delete(e.document.uri);
      this.aligners.delete(e.document.uri);
      this.workspace.closed(e.document.uri);
      if (this.push) {
        clearTimeout(this.pushTimers.get(e.document.uri));
        this.pushTimers.delete(e.document.uri);
        void this.conn.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
      }
    });
    conn.onShutdown(() => this.indexes.closeFsWatchers());
    this.documents.listen(conn);
  }

  private docState(uri: string): DocState {
    let s = this.state.get(uri);
    if (!s) this.state.set(uri, (s = { lastChange: 0, dirtyForced: true }));
    return s;
  }

  // ------------------------------------------------------------------ lifecycle

  private initialize(p: InitializeParams): InitializeResult {
    const folders = p.workspaceFolders?.length ? p.workspaceFolders : p.rootUri ? [{ uri: p.rootUri, name: 'root' } as WorkspaceFolder] : [];
    this.workspace.folders = folders.filter((f) => f.uri.startsWith('file:')).map((f) => fileURLToPath(f.uri));
    const init = (p.initializationOptions ?? {}) as P.InitializationOptions;
    this.workspace.trusted = init.trusted !== false;
    this.initConfig = init.settings;
    this.config = readConfig(init.settings);
    this.canPullConfig = !!p.capabilities.workspace?.configuration;
    this.canWatch = !!p.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.canRefresh = !!p.capabilities.workspace?.diagnostics?.refreshSupport;
    this.push = !this.canRefresh || !p.capabilities.textDocument?.diagnostic;
    this.clientAcceptNameCommand = !!(p.capabilities.experimental as Record<string, unknown> | undefined)?.copydeskAcceptNameCommand;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(this.push ? {} : { diagnosticProvider: { identifier: 'copydesk', interFileDependencies: false, workspaceDiagnostics: false } }),
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(P.ServerCommands) },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'copydesk-lsp', version: '0.1.0' },
    };
  }

  private async initialized(): Promise<void> {
    await this.pullConfig();
    this.resolveSettings();
    await this.workspace.reload();
    this.indexes.registerWatchers();
    this.indexes.startBuild();
  }

  private async pullConfig(): Promise<void> {
    if (!this.canPullConfig) return;
    try {
      const scopeUri = this.workspace.folders[0] ? pathToFileURL(this.workspace.folders[0]).toString() : undefined;
      const raw = await this.conn.workspace.getConfiguration({ section: 'copydesk', scopeUri });
      this.config = readConfig(raw ?? this.initConfig);
    } catch (e) {
      this.conn.console.warn(`copydesk: could not read settings: ${(e as Error).message}`);
    }
  }

  private async configurationChanged(settings: unknown): Promise<void> {
    const before = JSON.stringify(this.config.references);
    if (this.canPullConfig) await this.pullConfig();
    else {
      const s = (settings as { copydesk?: unknown } | undefined)?.copydesk ?? settings;
      this.config = readConfig(s);
    }
    for (const s of this.state.values()) s.dirtyForced = true;
    if (JSON.stringify(this.config.references) !== before) {
      this.indexes.registerWatchers();
      this.indexes.startBuild();
    } else {
      this.refresh();
    }
  }

  /** Ask the client to pull diagnostics again (a push client: push them again). */
  private refresh(): void {
    for (const s of this.state.values()) s.dirtyForced = true;
    if (this.push) for (const d of this.documents.all()) this.schedulePush(d.uri, 0);
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
      const r = await this.pullDiagnostics(uri, undefined, CancellationToken.None);
      if (r.kind !== DocumentDiagnosticReportKind.Full || !this.documents.get(uri)) return;
      await this.conn.sendDiagnostics({ uri, version: doc.version, diagnostics: r.items });
    } catch (e) {
      // a newer version is scheduled by its own change; a damaged index re-pushes when rebuilt
      if (!(e instanceof ResponseError)) this.conn.console.error(`copydesk: ${(e as Error).stack ?? e}`);
    }
  }

  // ------------------------------------------------------------------ references

  // ------------------------------------------------------------------ store

  // ------------------------------------------------------------------ checking

  private checkable(doc: TextDocument): boolean {
    return this.config.languages.includes(doc.languageId) && checkableUri(doc.uri);
  }

  /** What the engine needs to check the document as it is now. */
  private checkInput(doc: TextDocument) {
    const text = doc.getText();
    const settings = this.workspace.settingsFor(doc.uri, this.config);
    const index = this.indexes.state.index;
    const analysed = proseView(text, doc.languageId);
    let aligner = this.aligners.get(doc.uri);
    if (index && aligner?.index !== index) this.aligners.set(doc.uri, (aligner = new IncrementalAligner(index)));
    return { text, analysed, index, settings, env: { aligner, deadline: performance.now() + CHECK_BUDGET_MS } };
  }

  /** The engine's result as diagnostics of the document's version. */
  private checked(doc: TextDocument, text: string, generation: number, result: CheckResult): Checked {
    // findings carry the analysed (prose view) text, which their fingerprint is made of; what the
    // editor shows is read from `text` at the finding's offsets where it is displayed (shownText)
    const lines = new LineIndex(text);
    const items = result.findings.map((f) => toDiagnostic(f, lines, doc.version, doc.uri, this.indexes.state.sources.info(f)));
    return { version: doc.version, text, lines, result, resultId: `${doc.version}:${++this.resultCounter}`, items, generation };
  }

  /** Run the engine on the document as it is now. */
  private runCheck(doc: TextDocument): Checked {
    const { text, analysed, index, settings, env } = this.checkInput(doc);
    let result: CheckResult;
    try {
      result = index ? check(analysed, index, settings, env) : emptyResult();
    } catch (e) {
      if (e instanceof CodecError) this.indexes.damaged(e);
      throw e;
    }
    return this.checked(doc, text, this.indexes.state.generation, result);
  }

  /**
   * runCheck, letting the event loop run between the engine's rules: requests that arrive meanwhile
   * (a hover or a pull on another document) are answered without waiting for the whole check.
   */
  private async runCheckYielding(doc: TextDocument): Promise<Checked> {
    const { text, analysed, index, settings, env } = this.checkInput(doc);
    const generation = this.indexes.state.generation;
    let result: CheckResult;
    try {
      result = index ? await checkYielding(analysed, index, settings, env, () => new Promise<void>((r) => setImmediate(r))) : emptyResult();
    } catch (e) {
      if (e instanceof CodecError) this.indexes.damaged(e);
      throw e;
    }
    return this.checked(doc, text, generation, result);
  }

  private async pullDiagnostics(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    // a client may pull before it has answered workspace/configuration: which documents are checked
    // (copydesk.languages) and how is in the settings, so wait for them (not forever)
    await Promise.race([this.settingsReady, sleep(10000)]);
    if (token.isCancellationRequested) throw cancelled();
    const doc = this.documents.get(uri);
    if (!doc || !this.checkable(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const s = this.docState(uri);
    const version = doc.version;
    const prev = s.checked;

    if (doc.getText().length > this.config.maxDocumentSize) {
      s.checked = undefined;
      const message = `Copydesk: not checked — ${doc.getText().length.toLocaleString('en')} characters is above copydesk.maxDocumentSize (${this.config.maxDocumentSize.toLocaleString('en')}).`;
      this.conn.sendNotification(P.Methods.checked, <P.CheckedParams>{ uri, version, state: 'tooLarge', message });
      if (!s.tooLargeNotified) {
        s.tooLargeNotified = true;
        void this.conn.window.showInformationMessage(message);
      }
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    s.tooLargeNotified = false;

    // save/manual modes: re-check only when opened/saved/refreshed (save) or asked to (manual);
    // otherwise keep what was reported last
    const mode = this.config.checkOn;
    const keep = mode === 'manual' ? !this.forcedUris.has(uri) : mode === 'save' ? !s.dirtyForced : false;
    if (keep) {
      if (!prev) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return prev.resultId === previousResultId
        ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: prev.resultId }
        : { kind: DocumentDiagnosticReportKind.Full, resultId: prev.resultId, items: prev.items };
    }

    // debounce: wait until the document has been quiet for debounceMs
    if (mode === 'type') {
      for (;;) {
        if (token.isCancellationRequested) throw cancelled();
        const wait = s.lastChange + this.config.debounceMs - Date.now();
        if (wait <= 0) break;
        await sleep(Math.min(wait, 50));
      }
    }
    // the index is built off the request path; a pull waits for the first build
    if (!(await this.indexes.firstBuild(token))) throw cancelled();
    // let requests that queued up meanwhile (a hover on another document) go first
    await new Promise<void>((r) => setImmediate(r));
    if (token.isCancellationRequested) throw cancelled();
    const now = this.documents.get(uri);
    if (!now) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (now.version !== version) {
      // a newer version arrived while we waited: this answer would be stale
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
    }
    if (s.tooComplex && s.tooComplex.version === version && s.tooComplex.generation === this.indexes.state.generation && !s.dirtyForced) {
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    if (prev && prev.version === version && prev.generation === this.indexes.state.generation && !s.dirtyForced) {
      return prev.resultId === previousResultId
        ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: prev.resultId }
        : { kind: DocumentDiagnosticReportKind.Full, resultId: prev.resultId, items: prev.items };
    }
    let checked: Checked;
    try {
      checked = await this.runCheckYielding(now);
      if (this.documents.get(uri)?.version !== version || checked.generation !== this.indexes.state.generation) {
        // the document or the reference set changed while the check ran: this answer would be stale
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
      }
    } catch (e) {
      // the index is being rebuilt (indexDamaged): the client is asked to pull again when it is ready
      if (e instanceof CodecError) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'reference index damaged: rebuilding', { retriggerRequest: false });
      if (e instanceof TooComplexError) {
        s.checked = undefined;
        s.dirtyForced = false;
        s.tooComplex = { version, generation: this.indexes.state.generation };
        const message = `Copydesk: not checked — ${e.message}; the limit is ${CHECK_BUDGET_MS / 1000} s a check.`;
        this.conn.sendNotification(P.Methods.checked, <P.CheckedParams>{ uri, version, state: 'tooComplex', message });
        return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      }
      throw e;
    }
    s.checked = checked;
    s.dirtyForced = false;
    this.forcedUris.delete(uri);
    this.notifyChecked(uri, checked);
    return { kind: DocumentDiagnosticReportKind.Full, resultId: checked.resultId, items: checked.items };
  }

  private forcedUris = new Set<string>();

  private notifyChecked(uri: string, c: Checked): void {
    const noRefs = !this.indexes.state.index || this.indexes.state.index.documentCount === 0;
    this.conn.sendNotification(P.Methods.checked, <P.CheckedParams>{
      uri,
      version: c.version,
      state: noRefs ? 'noReferences' : 'ok',
      message: noRefs ? 'Copydesk: no reference documents found (see copydesk.references)' : undefined,
      originality: c.result.originality,
      words: c.result.words,
      sources: c.result.sources.length,
      findings: c.result.findings.length,
    });
  }

  /** The check for the document's current version (running it now if needed). */
  private current(uri: string): Checked | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !this.checkable(doc) || doc.getText().length > this.config.maxDocumentSize) return undefined;
    const s = this.docState(uri);
    if (s.checked && s.checked.version === doc.version && s.checked.generation === this.indexes.state.generation) return s.checked;
    return undefined;
  }

  // ------------------------------------------------------------------ hover and code actions

  private hover(uri: string, pos: { line: number; character: number }) {
    const c = this.current(uri);
    if (!c) return null;
    const off = c.lines.offset(pos);
    // the narrowest finding first: the one under the cursor, not the long passage around it
    const hits = c.result.findings.filter((f) => f.start <= off && off < f.end).sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
    if (!hits.length) return null;
    const value = hits.map((f) => renderHover(f, this.indexes.state.sources.info(f), shownText(c, f))).join('\n\n---\n\n');
    const start = Math.min(...hits.map((f) => f.start));
    const end = Math.max(...hits.map((f) => f.end));
    return { contents: { kind: 'markdown' as const, value }, range: c.lines.range(start, end) };
  }

  // ------------------------------------------------------------------ commands and custom requests

  private async executeCommand(command: string, args: unknown[]): Promise<unknown> {
    const a = (args[0] ?? {}) as { uri?: string; fingerprint?: string; sourceId?: string; name?: string; target?: string };
    try {
      switch (command) {
        case P.ServerCommands.ignoreFinding:
        case P.ServerCommands.ignoreSource: {
          if (!a.uri) throw new Error('missing uri');
          const kind = command === P.ServerCommands.ignoreFinding ? 'findings' : 'sources';
          const value = String(command === P.ServerCommands.ignoreFinding ? a.fingerprint : a.sourceId);
          const scope = await this.workspace.addIgnore(a.uri, kind, value);
          this.refresh();
          return scope === 'session' ? { ok: true, scope } : { ok: true };
        }
        case P.ServerCommands.acceptName: {
          if (!a.uri || !a.name) throw new Error('missing uri or name');
          await this.workspace.acceptName(a.uri, a.name);
          this.refresh();
          return { ok: true };
        }
        case P.ServerCommands.check: {
          if (a.uri) {
            this.docState(a.uri).dirtyForced = true;
            this.forcedUris.add(a.uri);
          }
          this.refresh();
          return { ok: true };
        }
        case P.ServerCommands.reindex: {
          this.indexes.startBuild();
          return { ok: true };
        }
      }
      throw new Error(`unknown command ${command}`);
    } catch (e) {
      const msg = `Copydesk: ${(e as Error).message}`;
      void this.conn.window.showErrorMessage(msg);
      return { ok: false, error: msg };
    }
  }

  private checkNow(uri: string): Checked | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !this.checkable(doc) || doc.getText().length > this.config.maxDocumentSize) return undefined;
    const cur = this.current(uri);
    if (cur) return cur;
    const s = this.docState(uri);
    if (s.tooComplex?.version === doc.version && s.tooComplex.generation === this.indexes.state.generation) return undefined;
    let c: Checked;
    try {
      c = this.runCheck(doc);
    } catch (e) {
      if (!(e instanceof TooComplexError)) throw e;
      s.tooComplex = { version: doc.version, generation: this.indexes.state.generation };
      return undefined;
    }
    s.checked = c;
    return c;
  }

  private async report(uri: string): Promise<P.Report | null> {
    await this.indexes.ready;
    const c = this.checkNow(uri);
    if (!c) return null;
    return {
      uri,
      version: c.version,
      words: c.result.words,
      originality: c.result.originality,
      references: this.indexes.state.index?.documentCount ?? 0,
      sources: c.result.sources.map((s) => ({ ...s, uri: pathToFileURL(this.indexes.state.sources.filePath(s.id, s.path)).toString() })),
      findings: c.result.findings.map((f) => {
        const src = this.indexes.state.sources.info(f);
        return {
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          text: shownText(c, f),
          range: c.lines.range(f.start, f.end),
          match: f.match,
          similarity: f.similarity,
          source: f.source && src
            ? { id: f.source.id, title: src.meta.title, outlet: src.meta.outlet, date: src.meta.date, uri: pathToFileURL(src.path).toString(), range: src.range, text: f.source.text }
            : undefined,
        };
      }),
      rules: RULES.map((r) => ({ id: r.id, description: r.description })),
    };
  }

  private async quotes(uri: string): Promise<P.QuotesResult> {
    const doc = this.documents.get(uri);
    if (!doc) return { available: true, quotes: [] };
    const text = doc.getText();
    // the Quotes view asks after every edit: a document too large to check is not analysed either
    if (text.length > this.config.maxDocumentSize) {
      return {
        available: false,
        quotes: [],
        message: `Quotes not listed — ${text.length.toLocaleString('en')} characters is above copydesk.maxDocumentSize (${this.config.maxDocumentSize.toLocaleString('en')}).`,
      };
    }
    const lines = new LineIndex(text);
    const q = extractQuotes(proseView(text, doc.languageId));
    return {
      available: true,
      quotes: q.map((x) => ({ text: text.slice(x.start, x.end), speaker: x.speaker, range: lines.range(x.start, x.end) })),
    };
  }

}

/** A finding's words as the editor shows them (the engine's `text` has markup blanked). */
function shownText(c: Checked, f: Finding): string {
  return c.text.slice(f.start, f.end);
}
