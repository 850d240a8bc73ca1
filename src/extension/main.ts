/**
 * The VS Code extension: starts the Copydesk language server (dist/server.js) with
 * vscode-languageclient and adds only what is VS Code-specific: commands, the status bar, the
 * report webview, the Quotes view, "compare with source", and the user/workspace choice when
 * accepting a spelling.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
  type StaticFeature,
} from 'vscode-languageclient/node';
import { readConfig } from '../shared/config';
import { ClientCommands, Methods, ServerCommands, type CheckedParams, type IndexStatus, type QuotesResult, type Report } from '../shared/protocol';
import { ReportPanel } from './report';
import { QuotesProvider } from './quotes';

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;
const checked = new Map<string, CheckedParams>();
let indexStatus: IndexStatus | undefined;
let status: vscode.StatusBarItem;
let output: vscode.LogOutputChannel;
const sourceHighlight = vscode.window.createTextEditorDecorationType({
  backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
  border: '1px solid',
  borderColor: new vscode.ThemeColor('editorWarning.foreground'),
});

/** What tests and other extensions can use. */
export interface CopydeskApi {
  client(): LanguageClient | undefined;
  ready(): Promise<void>;
  lastChecked(uri: vscode.Uri): CheckedParams | undefined;
  indexStatus(): IndexStatus | undefined;
  report(uri: vscode.Uri): Promise<Report | null>;
  quotes(uri: vscode.Uri): Promise<QuotesResult>;
}

function config() {
  return readConfig(vscode.workspace.getConfiguration('copydesk'));
}

/** The copydesk settings section as a plain object, for initializationOptions. */
function rawSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('copydesk');
  return JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
}

// the server sends copydesk/checked and copydesk/indexStatus (the status bar) only to clients that ask
const copydeskCapabilities: StaticFeature = {
  fillClientCapabilities(caps) {
    caps.experimental = { ...(caps.experimental ?? {}), copydeskAcceptNameCommand: true, copydeskNotifications: true };
  },
  initialize() {},
  getState: () => ({ kind: 'static' }),
  clear() {},
};

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const cfg = config();
  const selector = cfg.languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    synchronize: { configurationSection: 'copydesk' },
    initializationOptions: { trusted: vscode.workspace.isTrusted, settings: rawSettings() },
    diagnosticPullOptions: { onChange: cfg.checkOn === 'type', onSave: cfg.checkOn !== 'manual' },
    // hover text quotes article and reference text: untrusted, no HTML, no command links
    markdown: { isTrusted: false, supportHtml: false },
  };
  const c = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);
  c.registerFeature(copydeskCapabilities);
  c.onNotification(Methods.checked, (p: CheckedParams) => {
    checked.set(p.uri, p);
    updateStatus();
  });
  c.onNotification(Methods.indexStatus, (p: IndexStatus) => {
    indexStatus = p;
    updateStatus();
  });
  client = c;
  await c.start();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  checked.clear();
  if (old) await old.stop().catch(() => {});
  starting = startClient(context);
  await starting;
}

function updateStatus(): void {
  const ed = vscode.window.activeTextEditor;
  const cfg = config();
  if (!ed || !cfg.languages.includes(ed.document.languageId)) {
    status.hide();
    return;
  }
  const c = checked.get(ed.document.uri.toString());
  status.command = 'copydesk.showReport';
  if (indexStatus?.state === 'indexing') {
    status.text = '$(sync~spin) Copydesk: indexing references…';
    status.tooltip = 'Building the reference index';
  } else if (!c) {
    status.text = '$(book) Copydesk';
    status.tooltip = cfg.checkOn === 'manual' ? 'Not checked yet: run "Copydesk: Check Document"' : 'Not checked yet';
    status.command = 'copydesk.checkDocument';
  } else if (c.state === 'tooLarge' || c.state === 'tooComplex') {
    status.text = `$(warning) Copydesk: not checked (${c.state === 'tooLarge' ? 'too large' : 'too complex'})`;
    status.tooltip = c.message;
  } else if (c.state === 'noReferences') {
    status.text = '$(warning) Copydesk: no references';
    status.tooltip = `${c.message ?? ''}\nClick to choose a reference folder.`;
    status.command = 'copydesk.chooseReferenceFolder';
  } else {
    const n = c.sources ?? 0;
    status.text = `Copydesk: ${Math.round((c.originality ?? 1) * 100)}% original · ${n} source${n === 1 ? '' : 's'}`;
    const errs = indexStatus?.errors.length ? `\n${indexStatus.errors.length} reference file(s) could not be read (see Output › Copydesk)` : '';
    status.tooltip = `${c.words ?? 0} words, ${c.findings ?? 0} findings, ${indexStatus?.documents ?? 0} reference documents${errs}\nClick for the report.`;
  }
  status.show();
}

function client_(): LanguageClient {
  if (!client) throw new Error('Copydesk language server is not running');
  return client;
}

async function report(uri: vscode.Uri): Promise<Report | null> {
  await starting;
  return client_().sendRequest<Report | null>(Methods.report, { uri: uri.toString() });
}

async function quotes(uri: vscode.Uri): Promise<QuotesResult> {
  await starting;
  return client_().sendRequest<QuotesResult>(Methods.quotes, { uri: uri.toString() });
}

/** Open the source of the finding under the cursor beside the article, passage selected. */
async function compareWithSource(arg?: { uri?: string; range?: vscode.Range } | vscode.Uri): Promise<void> {
  const ed = vscode.window.activeTextEditor;
  if (!ed) return void vscode.window.showInformationMessage('Copydesk: open an article first.');
  const pos = ed.selection.active;
  const diags = vscode.languages
    .getDiagnostics(ed.document.uri)
    .filter((d) => d.source === 'copydesk' && d.relatedInformation?.length);
  const d = diags.find((x) => x.range.contains(pos)) ?? (diags.length === 1 ? diags[0] : undefined);
  let target = d;
  if (!target && diags.length > 1) {
    const pick = await vscode.window.showQuickPick(
      diags.map((x) => ({ label: x.message, description: `line ${x.range.start.line + 1}`, d: x })),
      { placeHolder: 'Which passage?' },
    );
    target = pick?.d;
  }
  void arg;
  if (!target) return void vscode.window.showInformationMessage('Copydesk: no copied passage here to compare.');
  const rel = target.relatedInformation![0]!;
  const srcDoc = await vscode.workspace.openTextDocument(rel.location.uri);
  const srcEd = await vscode.window.showTextDocument(srcDoc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, selection: rel.location.range });
  srcEd.setDecorations(sourceHighlight, [rel.location.range]);
  srcEd.revealRange(rel.location.range, vscode.TextEditorRevealType.InCenter);
  ed.setDecorations(sourceHighlight, [target.range]);
  ed.revealRange(target.range, vscode.TextEditorRevealType.InCenter);
}

async function chooseReferenceFolder(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: true,
    canSelectMany: true,
    openLabel: 'Use as references',
    title: 'Copydesk: choose the reference set (folders or files)',
  });
  if (!picked?.length) return;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const values = picked.map((u) => {
    if (folder && u.fsPath.startsWith(folder.uri.fsPath + path.sep)) return path.relative(folder.uri.fsPath, u.fsPath).split(path.sep).join('/');
    return u.fsPath;
  });
  const target = folder ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('copydesk').update('references', values, target);
  void vscode.window.showInformationMessage(`Copydesk: references set to ${values.join(', ')}`);
}

async function acceptName(arg: { uri: string; name: string }): Promise<void> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'Workspace', description: '.copydesk/names.txt (shared with the CLI and the team)', target: 'workspace' as const },
      { label: 'User', description: 'your copydesk.houseNames setting (all workspaces)', target: 'user' as const },
    ],
    { placeHolder: `Accept “${arg.name}” as a house spelling in…` },
  );
  if (!pick) return;
  if (pick.target === 'user') {
    const cfg = vscode.workspace.getConfiguration('copydesk');
    const cur = cfg.inspect<string[]>('houseNames')?.globalValue ?? [];
    if (!cur.includes(arg.name)) await cfg.update('houseNames', [...cur, arg.name], vscode.ConfigurationTarget.Global);
  } else {
    await client_().sendRequest('workspace/executeCommand', { command: ServerCommands.acceptName, arguments: [{ ...arg, target: 'workspace' }] });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<CopydeskApi> {
  output = vscode.window.createOutputChannel('Copydesk', { log: true });
  status = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Copydesk';
  context.subscriptions.push(output, status, sourceHighlight);

  const quotesView = new QuotesProvider(quotes);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('copydesk.quotes', quotesView),
    vscode.commands.registerCommand('copydesk.checkDocument', async () => {
      const ed = vscode.window.activeTextEditor;
      if (!ed) return;
      await starting;
      await client_().sendRequest('workspace/executeCommand', { command: ServerCommands.check, arguments: [{ uri: ed.document.uri.toString() }] });
    }),
    vscode.commands.registerCommand('copydesk.reindex', async () => {
      await client_().sendRequest('workspace/executeCommand', { command: ServerCommands.reindex, arguments: [] });
    }),
    vscode.commands.registerCommand('copydesk.chooseReferenceFolder', chooseReferenceFolder),
    vscode.commands.registerCommand('copydesk.compareWithSource', compareWithSource),
    vscode.commands.registerCommand('copydesk.showReport', async () => {
      const ed = vscode.window.activeTextEditor ?? ReportPanel.lastEditor;
      if (!ed) return void vscode.window.showInformationMessage('Copydesk: open an article first.');
      await ReportPanel.show(context, ed.document, report);
    }),
    vscode.commands.registerCommand(ClientCommands.acceptName, acceptName),
    vscode.commands.registerCommand('copydesk.quotes.refresh', () => quotesView.refresh()),
    vscode.commands.registerCommand('copydesk.revealRange', async (uri: string, range: vscode.Range) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const ed = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: range });
      ed.revealRange(range, vscode.TextEditorRevealType.InCenter);
    }),
    vscode.commands.registerCommand('copydesk.showOutput', () => output.show()),
    vscode.window.onDidChangeActiveTextEditor(() => {
      updateStatus();
      quotesView.refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) quotesView.refreshSoon();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // the document selector and pull triggers are fixed per client: restart for those
      if (e.affectsConfiguration('copydesk.languages') || e.affectsConfiguration('copydesk.checkOn')) void restart(context);
      else updateStatus();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart(context)),
    { dispose: () => void client?.stop() },
  );
  starting = startClient(context).catch((e) => {
    output.appendLine(`Copydesk: the language server failed to start: ${(e as Error).stack ?? e}`);
    void vscode.window.showErrorMessage('Copydesk: the language server failed to start (see Output › Copydesk).');
  });
  updateStatus();
  return {
    client: () => client,
    ready: async () => {
      await starting;
    },
    lastChecked: (uri) => checked.get(uri.toString()),
    indexStatus: () => indexStatus,
    report,
    quotes,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
