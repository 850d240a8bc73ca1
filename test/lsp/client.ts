/**
 * A minimal LSP client for the tests: spawns the bundled server (`node dist/server.js --stdio`)
 * and speaks JSON-RPC with vscode-languageserver-protocol. No VS Code involved.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const REPO = path.join(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');

export interface Progress {
  token: string | number;
  value: { kind: string; title?: string; message?: string; percentage?: number };
}

/**
 * What the client can do. The default is VS Code's set; `NEOVIM_0_10` is Neovim 0.10's built-in
 * client as the server sees it on Linux: no dynamic didChangeWatchedFiles, no
 * workspace/diagnostic/refresh, and workspace/configuration answered only after its first pull.
 */
export interface ClientKind {
  watchedFiles: boolean;
  refresh: boolean;
  /** ms before workspace/configuration is answered (a client that pulls before its settings are read) */
  configurationDelayMs: number;
  /** send the settings in initializationOptions too */
  settingsInInit: boolean;
  /** watchers may be `{ baseUri, pattern }` (relativePatternSupport); default: as `watchedFiles` */
  relativePatterns?: boolean;
  /** declares experimental `copydeskNotifications` (copydesk/checked, copydesk/indexStatus), as the VS Code extension does; default true */
  notifications?: boolean;
  /** initialize's clientInfo */
  clientInfo?: { name: string; version?: string };
  /** general.positionEncodings offered */
  positionEncodings?: string[];
  /** the answer to workspace/configuration, whatever the settings (default: the settings) */
  configuration?: unknown;
  /** declares workspace/configuration; default true */
  pullsConfiguration?: boolean;
  /** textDocument.hover.contentFormat; default Markdown and plain text */
  hoverFormats?: string[];
  /** more initializationOptions */
  initializationOptions?: Record<string, unknown>;
}
export const VSCODE: ClientKind = { watchedFiles: true, refresh: true, configurationDelayMs: 0, settingsInInit: true };
export const NEOVIM_0_10: ClientKind = { watchedFiles: false, refresh: false, configurationDelayMs: 400, settingsInInit: false };
/** eglot 1.9 (Emacs): dynamic didChangeWatchedFiles with string globs only, push diagnostics only */
export const EGLOT_1_9: ClientKind = { watchedFiles: true, refresh: false, configurationDelayMs: 0, settingsInInit: true, relativePatterns: false };
/** lsp-mode 8.0 (Emacs): as eglot 1.9, and a warning shown for every notification it has no handler for */
export const LSP_MODE_8: ClientKind = {
  watchedFiles: true,
  refresh: false,
  configurationDelayMs: 0,
  settingsInInit: true,
  relativePatterns: false,
  notifications: false,
  // lsp-mode names itself `emacs` and declares no position encoding, yet counts code points
  clientInfo: { name: 'emacs', version: 'GNU Emacs 28.2' },
};

/**
 * ALE 3.3.0 (Vim) as the README's vimrc configures it: no workspace/configuration, no file watching, no
 * diagnostic refresh, hovers as plain text only, no clientInfo, and positions in UTF-8 bytes, which it
 * names in its initialization options
 */
export const ALE_3_3: ClientKind = {
  watchedFiles: false,
  refresh: false,
  configurationDelayMs: 0,
  settingsInInit: true,
  notifications: false,
  pullsConfiguration: false,
  hoverFormats: ['plaintext'],
  initializationOptions: { positionEncoding: 'utf-8' },
};

export class TestClient {
  readonly conn: ProtocolConnection;
  readonly proc: ChildProcess;
  settings: Record<string, unknown>;
  readonly progress: Progress[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** textDocument/publishDiagnostics received, in order */
  readonly published: { uri: string; version?: number; diagnostics: any[] }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  kind: ClientKind = VSCODE;
  refreshes = 0;
  /** answer client/registerCapability with an error (as eglot 1.9 does for a glob it cannot read) */
  refuseRegistrations = false;
  stderr = '';
  private versions = new Map<string, number>();

  constructor(readonly folder: string, settings: Record<string, unknown> = {}, env?: Record<string, string>) {
    this.settings = settings;
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', async (p: { items: { section?: string }[] }) => {
      if (this.kind.configurationDelayMs) await new Promise((r) => setTimeout(r, this.kind.configurationDelayMs));
      return p.items.map(() => ('configuration' in this.kind ? this.kind.configuration : this.settings));
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => void this.published.push(p));
    this.conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      if (this.refuseRegistrations) throw new Error('Internal error');
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
    this.conn.onNotification('$/progress', (p: unknown) => void this.progress.push(p as Progress));
    for (const method of ['copydesk/checked', 'copydesk/indexStatus', 'window/showMessage', 'window/logMessage']) {
      this.conn.onNotification(method, (params: unknown) => void this.notifications.push({ method, params }));
    }
    this.conn.listen();
  }

  uri(rel: string): string {
    return pathToFileURL(path.join(this.folder, rel)).toString();
  }

  async start(trusted = true, kind: ClientKind = VSCODE): Promise<unknown> {
    this.kind = kind;
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      ...(kind.clientInfo ? { clientInfo: kind.clientInfo } : {}),
      rootUri: pathToFileURL(this.folder).toString(),
      workspaceFolders: [{ uri: pathToFileURL(this.folder).toString(), name: 'ws' }],
      initializationOptions: { ...(kind.settingsInInit ? { trusted, settings: this.settings } : { trusted }), ...kind.initializationOptions },
      capabilities: {
        window: { workDoneProgress: true },
        workspace: {
          configuration: kind.pullsConfiguration ?? true,
          didChangeWatchedFiles: { dynamicRegistration: kind.watchedFiles, relativePatternSupport: kind.relativePatterns ?? kind.watchedFiles },
          diagnostics: { refreshSupport: kind.refresh },
        },
        textDocument: {
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          hover: { contentFormat: kind.hoverFormats ?? ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, disabledSupport: true, isPreferredSupport: true, dataSupport: true },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        },
        ...(kind.notifications === false ? {} : { experimental: { copydeskNotifications: true } }),
        ...(kind.positionEncodings ? { general: { positionEncodings: kind.positionEncodings } } : {}),
      },
    });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  open(rel: string, text: string, languageId = rel.endsWith('.md') ? 'markdown' : rel.endsWith('.html') ? 'html' : 'plaintext'): string {
    const uri = this.uri(rel);
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri: string, text: string): number {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return v;
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  pull(uri: string, token?: CancellationTokenSource): Promise<any> {
    const params = { textDocument: { uri } };
    return token ? this.conn.sendRequest('textDocument/diagnostic', params, token.token) : this.conn.sendRequest('textDocument/diagnostic', params);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request(method: string, params: unknown): Promise<any> {
    return this.conn.sendRequest(method, params);
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  async until<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 15000, what = 'condition'): Promise<T> {
    const t0 = Date.now();
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
    // the pipes to the server are this process's handles: close them whatever state the server is in
    this.proc.stdin?.destroy();
    this.proc.stdout?.destroy();
    this.proc.stderr?.destroy();
  }
}

export { CancellationTokenSource };
