/**
 * Copydesk's custom LSP messages and the shape of `Diagnostic.data`. Shared by the server and
 * the VS Code extension (and documented for other editors in README "Language server / Neovim / Emacs").
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { MatchLevel, RuleId, Severity, SourceSummary } from '../core/types';

export interface InitializationOptions {
  /** false in an untrusted workspace: reference paths outside the workspace are not read */
  trusted?: boolean;
  /** the `copydesk` settings section, for clients without workspace/configuration */
  settings?: unknown;
  /**
   * how the client counts a position's `character`, for clients that cannot declare it in
   * `general.positionEncodings` (ALE counts bytes: `utf-8`); a declared list wins
   */
  positionEncoding?: 'utf-8' | 'utf-16' | 'utf-32';
}

/** What a copydesk diagnostic carries for code actions. */
export interface DiagnosticData {
  uri: string;
  /** document version the finding (and its fix edits) were computed for */
  version: number;
  rule: RuleId;
  fingerprint: string;
  text: string;
  /**
   * the diagnostic's range as the server sent it (UTF-16): clients may echo a diagnostic back with other
   * columns (Neovim up to 0.10 sends its byte columns as characters), so code actions read this one
   */
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  sourceId?: string;
  sourceLabel?: string;
  fixes: { title: string; preferred: boolean; edits: TextEdit[] }[];
}

export function isDiagnosticData(x: unknown): x is DiagnosticData {
  const d = x as DiagnosticData;
  return !!d && typeof d === 'object' && typeof d.version === 'number' && typeof d.rule === 'string' && Array.isArray(d.fixes);
}

export const ServerCommands = {
  ignoreFinding: 'copydesk.server.ignoreFinding',
  ignoreSource: 'copydesk.server.ignoreSource',
  acceptName: 'copydesk.server.acceptName',
  check: 'copydesk.server.check',
  reindex: 'copydesk.server.reindex',
} as const;

/** Client-side commands a code action may name when the client says it has them. */
export const ClientCommands = {
  acceptName: 'copydesk.acceptName',
} as const;

export interface ReportFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  text: string;
  range: Range;
  match?: MatchLevel;
  similarity?: number;
  source?: { id: string; title?: string; outlet?: string; date?: string; uri: string; range?: Range; text: string };
}

export interface Report {
  uri: string;
  version: number;
  words: number;
  originality: number;
  references: number;
  sources: (SourceSummary & { uri: string })[];
  findings: ReportFinding[];
  rules: { id: RuleId; description: string }[];
}

export interface QuotesResult {
  available: boolean;
  quotes: { text: string; speaker?: string; range: Range }[];
  /** why the quotes are not available (e.g. the document is above copydesk.maxDocumentSize) */
  message?: string;
}

export interface IndexStatus {
  state: 'indexing' | 'ready' | 'error';
  documents: number;
  words: number;
  errors: { path: string; message: string }[];
  skipped: { input: string; reason: string }[];
  inputs?: string[];
}

export interface CheckedParams {
  uri: string;
  version: number;
  state: 'ok' | 'tooLarge' | 'tooComplex' | 'noReferences';
  message?: string;
  originality?: number;
  words?: number;
  sources?: number;
  findings?: number;
}

/** Method names (plain strings: the server and the client bundle different protocol package versions). */
export const Methods = {
  /** request {uri} → Report | null */
  report: 'copydesk/report',
  /** request {uri} → QuotesResult */
  quotes: 'copydesk/quotes',
  /** request → IndexStatus; also a server→client notification with IndexStatus */
  indexStatus: 'copydesk/indexStatus',
  /** server→client notification: CheckedParams after each check */
  checked: 'copydesk/checked',
} as const;
