/**
 * Quick fixes for copydesk diagnostics, built from what the diagnostic's `data` carries (the engine's
 * fixes as versioned edits, its fingerprint, its source) and from explicit dependencies, so that they
 * can be built and tested without a server or a connection.
 *
 * Every rewrite of the article is a core fix (`Finding.fixes`, e.g. copied-passage's "Quote it and
 * credit …"); the server adds only what needs the workspace: accept a name, ignore a finding or a source.
 */
import { CodeAction, CodeActionKind, TextDocumentEdit, type Diagnostic } from 'vscode-languageserver/node';
import type { Range } from '../core/positions';
import { ClientCommands, isDiagnosticData, ServerCommands, type DiagnosticData } from '../shared/protocol';
import { isFileUri } from './uris';

/** What building code actions needs from its host. */
export interface CodeActionDeps {
  /** the open document's version and text (undefined: not open) */
  document(uri: string): { version: number; getText(range?: Range): string } | undefined;
  /** the client has its own "accept name" command, which asks where to keep the name */
  clientAcceptsNames(): boolean;
  /** the server's own diagnostics of the document's current version (undefined: not checked at that version) */
  diagnostics?(uri: string): Diagnostic[] | undefined;
}

export type CodeActionProvider = (uri: string, range: Range, diagnostics: Diagnostic[]) => CodeAction[];

export function createCodeActions(deps: CodeActionDeps): CodeActionProvider {
  return (uri, range, diagnostics) => {
    const doc = deps.document(uri);
    if (!doc) return [];
    const out: CodeAction[] = [];
    const action = (title: string, d: Diagnostic, more: Partial<CodeAction>): void => {
      out.push({ ...CodeAction.create(title, CodeActionKind.QuickFix), diagnostics: [d], ...more });
    };
    for (const d of atRange(diagnostics, deps.diagnostics?.(uri), range)) {
      const data = d.data as DiagnosticData;
      if (data.version !== doc.version) {
        action('Copydesk: the document changed since this check — fixes are recomputed', d, {
          disabled: { reason: `computed for version ${data.version}, the document is at version ${doc.version}` },
        });
        continue;
      }
      for (const fix of data.fixes) {
        // versioned edit: the client refuses it if the document moved on
        action(fix.title, d, { isPreferred: fix.preferred, edit: { documentChanges: [TextDocumentEdit.create({ uri, version: data.version }, fix.edits)] } });
      }
      if (data.rule === 'name-spelling' || data.rule === 'name-inconsistency') {
        const name = data.text.trim();
        // the client's command asks where to keep it (hence "…"); the server's writes .copydesk/names.txt
        const client = deps.clientAcceptsNames();
        const title = client ? `Accept “${name}” as a house spelling…` : `Accept “${name}” as a house spelling (.copydesk/names.txt)`;
        action(title, d, {
          command: client
            ? { title, command: ClientCommands.acceptName, arguments: [{ uri, name }] }
            : { title, command: ServerCommands.acceptName, arguments: [{ uri, name, target: 'workspace' }] },
        });
      }
      const ignore = `Ignore this ${findingLabel(data.rule, data.text)} (${isFileUri(uri) ? '.copydesk/ignore.json' : 'this session'})`;
      action(ignore, d, { command: { title: ignore, command: ServerCommands.ignoreFinding, arguments: [{ uri, fingerprint: data.fingerprint }] } });
      if (data.sourceId) {
        const title = `Ignore source “${data.sourceLabel ?? data.sourceId}” for this article${isFileUri(uri) ? '' : ' (this session)'}`;
        action(title, d, { command: { title, command: ServerCommands.ignoreSource, arguments: [{ uri, sourceId: data.sourceId }] } });
      }
    }
    return out;
  };
}

/**
 * The copydesk diagnostics a code action request is about: those the client sent that touch `range`, then
 * the server's own current ones that touch it and the client left out. Ranges are the server's (`data.range`):
 * Neovim up to 0.10 echoes a diagnostic with its byte columns as characters, so on a line with curly quotes
 * or accents the echoed range misses the cursor; and it sends only the diagnostics that start on the
 * cursor's line, so a passage running over several lines had no actions below its first line.
 */
function atRange(sent: Diagnostic[], own: Diagnostic[] | undefined, range: Range): (Diagnostic & { data: DiagnosticData })[] {
  const key = (d: Diagnostic & { data: DiagnosticData }) => {
    const r = d.data.range ?? d.range;
    return `${d.data.fingerprint} ${r.start.line}:${r.start.character}`;
  };
  const ours = (d: Diagnostic): d is Diagnostic & { data: DiagnosticData } => d.source === 'copydesk' && isDiagnosticData(d.data);
  const touches = (d: Diagnostic & { data: DiagnosticData }) => intersects(d.data.range ?? d.range, range);
  const out = sent.filter(ours).filter(touches);
  const seen = new Set(out.map(key));
  for (const d of (own ?? []).filter(ours).filter(touches)) if (!seen.has(key(d))) out.push(d);
  return out;
}

/** Does the diagnostic range touch the requested one (a cursor is an empty range)? */
export function intersects(a: Range, b: Range): boolean {
  const before = (x: { line: number; character: number }, y: { line: number; character: number }) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

const RULE_NOUNS: Record<string, string> = {
  'copied-passage': 'copied passage',
  'unattributed-quote': 'unattributed quote',
  'unattributed-claim': 'unattributed claim',
  'weasel-attribution': 'vague attribution',
  misquote: 'misquote',
  'name-spelling': 'spelling',
  'name-inconsistency': 'spelling',
};

/** "copied passage “Ferry crews on the…”": which finding a code action is about, in a title. */
export function findingLabel(rule: string, text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().replace(/^[“”"]+|[“”"]+$/g, '').split(' ');
  const excerpt = words.length > 6 ? `${words.slice(0, 5).join(' ')}…` : words.join(' ');
  return `${RULE_NOUNS[rule] ?? rule} “${excerpt}”`;
}
