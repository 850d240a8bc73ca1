/**
 * The report webview: originality, a bar per source, findings grouped by rule (click to reveal),
 * export to HTML and JSON. Strict CSP with a nonce; the page builds its DOM from posted JSON with
 * textContent only (media/report.js), so nothing from the article or references is parsed as HTML.
 */
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Report } from '../shared/protocol';
import { renderReportHtml } from './report-html';

type Fetch = (uri: vscode.Uri) => Promise<Report | null>;

export class ReportPanel {
  static current: ReportPanel | undefined;
  static lastEditor: vscode.TextEditor | undefined;
  private report: Report | null = null;
  private readonly disposables: vscode.Disposable[] = [];
  private timer?: NodeJS.Timeout;

  static async show(context: vscode.ExtensionContext, doc: vscode.TextDocument, fetch: Fetch): Promise<ReportPanel> {
    if (ReportPanel.current) {
      ReportPanel.current.doc = doc;
      ReportPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel('copydesk.report', 'Copydesk Report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
        retainContextWhenHidden: false,
      });
      ReportPanel.current = new ReportPanel(panel, context, doc, fetch);
    }
    await ReportPanel.current.update();
    return ReportPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private doc: vscode.TextDocument,
    private readonly fetch: Fetch,
  ) {
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((m) => void this.onMessage(m), null, this.disposables);
    vscode.languages.onDidChangeDiagnostics(
      (e) => {
        if (e.uris.some((u) => u.toString() === this.doc.uri.toString())) {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => void this.update(), 300);
        }
      },
      null,
      this.disposables,
    );
  }

  async update(): Promise<void> {
    this.report = await this.fetch(this.doc.uri);
    this.panel.title = `Copydesk: ${path.basename(this.doc.uri.path)}`;
    await this.panel.webview.postMessage({ type: 'report', report: this.report, name: path.basename(this.doc.uri.path) });
  }

  private async onMessage(m: { type?: string; index?: number; format?: string; uri?: string }): Promise<void> {
    if (m.type === 'ready') return void this.update();
    if (m.type === 'reveal' && this.report && typeof m.index === 'number') {
      const f = this.report.findings[m.index];
      if (!f) return;
      const r = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
      const ed = await vscode.window.showTextDocument(this.doc, { viewColumn: vscode.ViewColumn.One, selection: r });
      ed.revealRange(r, vscode.TextEditorRevealType.InCenter);
      ReportPanel.lastEditor = ed;
      return;
    }
    if (m.type === 'openSource' && this.report && typeof m.index === 'number') {
      const s = this.report.sources[m.index];
      if (s) await vscode.window.showTextDocument(vscode.Uri.parse(s.uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
      return;
    }
    if (m.type === 'export' && this.report && (m.format === 'html' || m.format === 'json')) {
      const base = this.doc.uri.scheme === 'file' ? this.doc.uri.fsPath.replace(/\.[^./\\]+$/, '') : path.join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', 'article');
      const target = await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.file(`${base}.copydesk.${m.format}`),
        filters: m.format === 'html' ? { HTML: ['html'] } : { JSON: ['json'] },
      });
      if (!target) return;
      await exportReport(this.report, path.basename(this.doc.uri.path), m.format, target);
      void vscode.window.showInformationMessage(`Copydesk: report saved to ${target.fsPath}`);
    }
  }

  private html(): string {
    const w = this.panel.webview;
    const nonce = crypto.randomBytes(16).toString('base64');
    const media = (f: string) => w.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', f)).toString();
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${w.cspSource}; style-src ${w.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${media('report.css')}">
<title>Copydesk Report</title></head>
<body><main id="app"><p class="muted">Checking…</p></main>
<script nonce="${nonce}" src="${media('report.js')}"></script></body></html>`;
  }

  dispose(): void {
    ReportPanel.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

export async function exportReport(report: Report, name: string, format: 'html' | 'json', target: vscode.Uri): Promise<void> {
  const content = format === 'json' ? JSON.stringify({ article: name, ...report }, null, 2) + '\n' : renderReportHtml(report, name);
  await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
}
