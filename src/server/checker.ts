/**
 * Runs the engine on an open document: its prose view, its folder's settings and ignores, the
 * current index and the document's incremental aligner, within the time budget. One path for every
 * caller (a pull lets the event loop run between the engine's rules; the report does not), and
 * one place where a damaged persisted index is noticed.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkYielding } from '../core/engine';
import { CodecError } from '../core/index-codec';
import { QuoteMatchMemo } from '../core/attribution/analysis';
import { CueMemo } from '../core/attribution/cue-memo';
import { IncrementalAligner } from '../core/incremental';
import { LineIndex } from '../core/positions';
import { proseView } from '../core/prose';
import type { TextModel } from '../core/text';
import type { ReferenceIndex } from '../core/reference-index';
import type { CheckResult } from '../core/types';
import type { EditorConfig } from '../shared/config';
import { toDiagnostic } from './diagnostics';
import type { Checked } from './document-state';
import type { IndexLifecycle } from './index-lifecycle';
import { languageOf } from './uris';
import type { Workspace } from './workspace';
import { traceStart } from '../node/start-trace';

/**
 * Time budget of one check. The passes are linear (docs/RELIABILITY.md), but a budget bounds what
 * no sweep found: past it the document is reported "too complex to check" and the server answers
 * other requests again. COPYDESK_CHECK_BUDGET_MS overrides it (tests).
 */
export const CHECK_BUDGET_MS = process.env.COPYDESK_CHECK_BUDGET_MS !== undefined ? Math.max(0, Number(process.env.COPYDESK_CHECK_BUDGET_MS) || 0) : 10_000;

export interface CheckerDeps {
  workspace: Workspace;
  indexes: IndexLifecycle;
  config(): EditorConfig;
}

const emptyResult = (): CheckResult => ({ words: 0, originality: 1, sources: [], findings: [] });
/** between two rules: let queued requests (a hover on another document) be answered */
const nextTurn = () => new Promise<void>((r) => setImmediate(r));
/** between two rules: go on at once */
const sameTurn = () => Promise.resolve();

export class Checker {
  /** per open document: seeds of unchanged paragraphs are reused from the previous check */
  private readonly aligners = new Map<string, IncrementalAligner>();
  /** per open document: the best reference quote of each unchanged article quote */
  private readonly quoteMemos = new Map<string, QuoteMatchMemo>();
  /** per open document: the cues of the sentences of unchanged paragraphs */
  private readonly cueMemos = new Map<string, CueMemo>();
  /** per document opened and not checked yet: the model its tags were asked for with (server.ts), for its first check */
  private readonly openedModels = new Map<string, TextModel>();
  private resultCounter = 0;

  constructor(private readonly deps: CheckerDeps) {}

  /**
   * Check the document as it is now, as diagnostics of its version. `yielding`: let the event loop
   * run between the engine's rules. Throws TooComplexError past CHECK_BUDGET_MS, and ServerCancelled
   * (not retriggered) when a page of the persisted index fails its checksum: the index is rebuilt
   * once for its generation, and the rebuilt index asks the client to pull again.
   */
  /** The document was opened and `model` made of its prose view: its first check uses it, not a model of its own. */
  opened(uri: string, model: TextModel): void {
    this.openedModels.set(uri, model);
  }

  /** the index a check last ended against: its first use's costs (records decoded, tables made) are paid */
  private warmIndex?: ReferenceIndex;

  /** No check has ended against the current index yet: the next one pays its cold costs (see DiagnosticPull). */
  cold(): boolean {
    const index = this.deps.indexes.state.index;
    return !!index && index !== this.warmIndex;
  }

  /**
   * `partial`: given the copied-passage rule's findings and diagnostics, with a result id of their own,
   * when it has run and slower rules are still to run (CheckEnv.partial).
   */
  async run(doc: TextDocument, yielding: boolean, partial?: (c: Checked) => void): Promise<Checked> {
    traceStart('check');
    // the document object is updated in place by later didChange notifications: its version is read with its text
    const text = doc.getText();
    const version = doc.version;
    const { index, generation, sources } = this.deps.indexes.state;
    const settings = this.deps.workspace.settingsFor(doc.uri, this.deps.config());
    const analysed = proseView(text, languageOf(doc));
    let aligner = this.aligners.get(doc.uri);
    if (index && aligner?.index !== index) this.aligners.set(doc.uri, (aligner = new IncrementalAligner(index)));
    let quoteMemo = this.quoteMemos.get(doc.uri);
    if (!quoteMemo) this.quoteMemos.set(doc.uri, (quoteMemo = new QuoteMatchMemo()));
    let cueMemo = this.cueMemos.get(doc.uri);
    if (!cueMemo) this.cueMemos.set(doc.uri, (cueMemo = new CueMemo()));
    const opened = this.openedModels.get(doc.uri);
    this.openedModels.delete(doc.uri);
    // the text's line starts: the partial report's diagnostics and the full report's
    const lines = new LineIndex(text);
    const onPartial = partial
      ? (findings: CheckResult['findings']) => {
          // the document changed while the copy check ran: these findings are of an older text
          if (doc.version !== version) return;
          traceStart('partial');
          const items = findings.map((f) => toDiagnostic(f, lines, version, doc.uri, sources.info(f)));
          // the copied passages alone (no summary: words, originality and sources come with the full result)
          const result: CheckResult = { words: 0, originality: 1, sources: [], findings };
          partial({ version, text, lines, result, resultId: `${version}:${++this.resultCounter}:partial`, items, generation });
        }
      : undefined;
    const env = { aligner, quoteMemo, cueMemo, doc: opened, deadline: performance.now() + CHECK_BUDGET_MS, partial: onPartial };
    let result: CheckResult;
    this.deps.indexes.checkStarted();
    try {
      result = index ? await checkYielding(analysed, index, settings, env, yielding ? nextTurn : sameTurn) : emptyResult();
    } catch (e) {
      if (!(e instanceof CodecError)) throw e;
      this.deps.indexes.damaged(e);
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'reference index damaged: rebuilding', { retriggerRequest: false });
    } finally {
      this.deps.indexes.checkEnded();
      // a check that ended (also past its budget) has paid the index's first-use costs
      if (index) this.warmIndex = index;
    }
    // findings carry the analysed (prose view) text, which their fingerprint is made of; what the
    // editor shows is read from `text` at the finding's offsets where it is displayed
    traceStart('checked');
    const items = result.findings.map((f) => toDiagnostic(f, lines, version, doc.uri, sources.info(f)));
    return { version, text, lines, result, resultId: `${version}:${++this.resultCounter}`, items, generation };
  }

  /** The document is closed: drop its aligner, quote matches and cues. */
  closed(uri: string): void {
    this.aligners.delete(uri);
    this.quoteMemos.delete(uri);
    this.cueMemos.delete(uri);
    this.openedModels.delete(uri);
  }
}
