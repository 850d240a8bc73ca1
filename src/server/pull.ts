/**
 * Answering textDocument/diagnostic: wait for the settings, the document's debounce and the first
 * index build; keep what was reported last where the checkOn mode says so; drop an answer that a
 * newer version or index made stale (ServerCancelled + retrigger); honour cancellation; reuse the
 * last check while nothing forces a new one; report documents too large or too complex to check.
 */
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TooComplexError } from '../core/rule';
import type { EditorConfig } from '../shared/config';
import * as P from '../shared/protocol';
import { CHECK_BUDGET_MS, type Checker } from './checker';
import type { Checked, DocState, DocumentStates } from './document-state';
import type { IndexLifecycle } from './index-lifecycle';
import { checkableUri, languageOf } from './uris';
import { traceStart } from '../node/start-trace';

export interface PullDeps {
  conn: Connection;
  documents: TextDocuments<TextDocument>;
  states: DocumentStates;
  indexes: IndexLifecycle;
  checker: Checker;
  config(): EditorConfig;
  /** settles when the client's settings have been read (or could not be) */
  settingsReady: Promise<void>;
  /** a copydesk/* notification, sent to clients that declared they take them */
  notify(method: string, params: unknown): void;
  /**
   * the document's diagnostics changed after its pull was answered (a partial report completed): ask
   * the client to pull again (workspace/diagnostic/refresh), or push them again (push mode)
   */
  redeliver(uri: string): void;
}

/**
 * The first check against an index of at least this many words (Checker.cold) answers its pull with the
 * copied-passage findings as soon as that rule has run (a partial report), and has the client pull
 * the full report when the slower rules end (redeliver). On a large index the first check's cold costs
 * (reference records decoded, the name lexicon, quote matching) make the rules after the copy check
 * about half of its time; later checks, and small indexes, are quick enough to answer once. A partial
 * report's result id ends in `:partial` (Checker.run). COPYDESK_PARTIAL_MIN_WORDS overrides the
 * threshold (tests; a huge value turns partial reports off).
 */
export const PARTIAL_MIN_WORDS =
  partialMinWords(process.env.COPYDESK_PARTIAL_MIN_WORDS);

/** The threshold from its variable: a number of words, else (unset or not a number) 1 M. */
export function partialMinWords(value: string | undefined): number {
  const n = value === undefined || value.trim() === '' ? NaN : Number(value);
  return Number.isNaN(n) ? 1_000_000 : Math.max(0, n);
}

/** The server checks documents of the configured languages that are files or unsaved editors. */
export function checksDocument(doc: TextDocument, config: EditorConfig): boolean {
  return (config.languages.includes(doc.languageId) || config.languages.includes(languageOf(doc))) && checkableUri(doc.uri);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
const stale = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
const full = (items: Checked['items'] = [], resultId?: string): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, resultId, items });

export class DiagnosticPull {
  constructor(private readonly deps: PullDeps) {}

  /** textDocument/diagnostic for `uri` (also what push mode publishes). */
  async pull(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    traceStart('pull');
    // a client may pull before it has answered workspace/configuration: which documents are checked
    // (copydesk.languages) and how is in the settings, so wait for them (not forever)
    await Promise.race([this.deps.settingsReady, sleep(10000)]);
    if (token.isCancellationRequested) throw cancelled();
    const doc = this.deps.documents.get(uri);
    if (!doc || !checksDocument(doc, this.deps.config())) return full();
    const s = this.deps.states.get(uri);
    const version = doc.version;
    const answer = (c: Checked | undefined): DocumentDiagnosticReport =>
      !c ? full() : c.resultId === previousResultId ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: c.resultId } : full(c.items, c.resultId);

    const length = doc.getText().length;
    if (length > this.deps.config().maxDocumentSize) {
      s.checked = undefined;
      const message = `Copydesk: not checked — ${length.toLocaleString('en')} characters is above copydesk.maxDocumentSize (${this.deps.config().maxDocumentSize.toLocaleString('en')}).`;
      this.deps.notify(P.Methods.checked, <P.CheckedParams>{ uri, version, state: 'tooLarge', message });
      if (!s.tooLargeNotified) void this.deps.conn.window.showInformationMessage(message);
      s.tooLargeNotified = true;
      return full();
    }
    s.tooLargeNotified = false;
    // save/manual modes: re-check only when opened/saved/refreshed (save) or asked to (manual);
    // otherwise keep what was reported last
    if (this.deps.states.keepsLast(s)) return answer(s.checked);
    if (this.deps.config().checkOn === 'type' && !(await this.deps.states.quiet(s, this.deps.config().debounceMs, token))) throw cancelled();
    if (!(await this.deps.indexes.firstBuild(token))) throw cancelled();
    // let requests that queued up meanwhile (a hover on another document) go first
    await new Promise<void>((r) => setImmediate(r));
    if (token.isCancellationRequested) throw cancelled();
    const now = this.deps.documents.get(uri);
    if (!now) return full();
    // a newer version arrived while we waited: this answer would be stale
    if (now.version !== version) throw stale();
    const generation = this.deps.indexes.state.generation;
    if (this.deps.states.gaveUp(s, version, generation)) return full();
    // a partial report of this version was answered and its check is still running: wait for its end
    const finishing = s.finishing;
    if (finishing && finishing.version === version && finishing.generation === generation) {
      await finishing.done.catch(() => undefined);
      if (token.isCancellationRequested) throw cancelled();
      // a newer version, or an index rebuilt meanwhile: the newer version's pull or the index's refresh answers
      if (this.deps.documents.get(uri)?.version !== version || this.deps.indexes.state.generation !== generation) throw stale();
      if (this.deps.states.gaveUp(s, version, generation)) return full();
      const ended = this.deps.states.reusable(s, version, generation);
      if (ended) return answer(ended);
    }
    const reuse = this.deps.states.reusable(s, version, generation);
    if (reuse) return answer(reuse);
    const index = this.deps.indexes.state.index;
    if (index && index.wordCount >= PARTIAL_MIN_WORDS && this.deps.checker.cold()) return this.partialFirst(uri, now, s, version, generation);
    return this.complete(uri, now, s, version, generation);
  }

  /**
   * The index's first check, answered with the copied-passage findings as soon as they are known
   * (PARTIAL_MIN_WORDS): the check goes on, records the full report when it ends and has the client
   * pull it (or pushes it). A check that ends without a partial (the copied-passage rule off, or
   * nothing after it) answers as complete() does.
   */
  private async partialFirst(uri: string, doc: TextDocument, s: DocState, version: number, generation: number): Promise<DocumentDiagnosticReport> {
    let answered = false;
    let first!: (r: DocumentDiagnosticReport) => void;
    const partial = new Promise<DocumentDiagnosticReport>((r) => (first = r));
    const done = this.complete(uri, doc, s, version, generation, (c) => {
      answered = true;
      if (s.finishing?.done === done) s.finishing.partial = c;
      first(full(c.items, c.resultId));
    });
    s.finishing = { version, generation, done };
    const clear = () => {
      if (s.finishing?.done === done) s.finishing = undefined;
    };
    done.then(
      () => {
        clear();
        if (answered) this.deps.redeliver(uri);
      },
      // a stale or damaged check: the newer version's pull, or the rebuilt index's refresh, delivers
      clear,
    );
    return Promise.race([partial, done]);
  }

  /** Check the document now, record and answer the result (stale: a newer version or index came meanwhile). */
  private async complete(
    uri: string,
    now: TextDocument,
    s: DocState,
    version: number,
    generation: number,
    partial?: (c: Checked) => void,
  ): Promise<DocumentDiagnosticReport> {
    let checked: Checked;
    try {
      checked = await this.deps.checker.run(now, true, partial);
    } catch (e) {
      if (!(e instanceof TooComplexError)) throw e;
      this.deps.states.tooComplex(s, version, generation);
      const message = `Copydesk: not checked — ${e.message}; the limit is ${CHECK_BUDGET_MS / 1000} s a check.`;
      this.deps.notify(P.Methods.checked, <P.CheckedParams>{ uri, version, state: 'tooComplex', message });
      return full();
    }
    // the document or the reference set changed while the check ran: this answer would be stale
    if (this.deps.documents.get(uri)?.version !== version || checked.generation !== this.deps.indexes.state.generation) throw stale();
    this.deps.states.recorded(s, checked);
    this.notifyChecked(uri, checked);
    return full(checked.items, checked.resultId);
  }

  private notifyChecked(uri: string, c: Checked): void {
    const index = this.deps.indexes.state.index;
    const noRefs = !index || index.documentCount === 0;
    this.deps.notify(P.Methods.checked, <P.CheckedParams>{
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
}
