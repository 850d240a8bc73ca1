/** The Quotes view: every quotation in the active article with its speaker (click to reveal). */
import * as vscode from 'vscode';
import type { QuotesResult } from '../shared/protocol';

type Item = { label: string; description?: string; uri?: string; range?: QuotesResult['quotes'][number]['range']; info?: boolean };

export class QuotesProvider implements vscode.TreeDataProvider<Item> {
  private readonly emitter = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private timer?: NodeJS.Timeout;

  constructor(private readonly fetch: (uri: vscode.Uri) => Promise<QuotesResult>) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 600);
  }

  getTreeItem(e: Item): vscode.TreeItem {
    const t = new vscode.TreeItem(e.label, vscode.TreeItemCollapsibleState.None);
    t.description = e.description;
    t.tooltip = e.info ? e.label : `${e.label}\n— ${e.description ?? 'no speaker found'}`;
    if (e.info) t.iconPath = new vscode.ThemeIcon('info');
    else t.iconPath = new vscode.ThemeIcon(e.description ? 'quote' : 'warning');
    if (e.uri && e.range) {
      const r = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
      t.command = { command: 'copydesk.revealRange', title: 'Reveal', arguments: [e.uri, r] };
    }
    return t;
  }

  async getChildren(): Promise<Item[]> {
    const ed = vscode.window.activeTextEditor;
    if (!ed) return [{ label: 'Open an article to list its quotes.', info: true }];
    let res: QuotesResult;
    try {
      res = await this.fetch(ed.document.uri);
    } catch (e) {
      return [{ label: `Quotes unavailable: ${(e as Error).message}`, info: true }];
    }
    if (!res.available) return [{ label: res.message ?? 'Quote extraction is not available in this build.', info: true }];
    if (!res.quotes.length) return [{ label: 'No quotations in this document.', info: true }];
    return res.quotes.map((q) => ({
      label: q.text.length > 90 ? `${q.text.slice(0, 88)}…` : q.text,
      description: q.speaker ?? 'no speaker',
      uri: ed.document.uri.toString(),
      range: q.range,
    }));
  }
}
