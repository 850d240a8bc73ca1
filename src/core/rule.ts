/**
 * The fixed shape of a rule: one file per rule under rules/, exporting a `Rule`.
 * A rule is a pure function of the RuleContext. Shared analyses (the alignment against the
 * references, quote extraction, the name lexicon) are computed once per check through
 * `ctx.use(analysis)`, memoised by the analysis function's identity.
 */
import type { AlignOptions, Passage } from './align';
import type { QuoteMatchMemo } from './attribution/analysis';
import type { CueMemo } from './attribution/cue-memo';
import type { ReferenceIndex } from './reference-index';
import type { Settings } from './settings';
import type { TextModel } from './text';
import type { RuleInfo } from './rules/catalogue';
import type { Finding, RuleId } from './types';

export interface RuleContext {
  readonly doc: TextModel;
  readonly index: ReferenceIndex;
  readonly settings: Settings;
  /**
   * An aligner that keeps state between checks of one document (the editor's IncrementalAligner:
   * unchanged paragraphs are not seeded again); its results equal align()'s. Absent: a fresh align().
   */
  readonly aligner?: Aligner;
  /**
   * The best reference quote of each article quote, kept between checks of one document (the
   * editor's session); its results equal a fresh comparison's. Absent: every quote compared afresh.
   */
  readonly quoteMemo?: QuoteMatchMemo;
  /**
   * The cues of the article's sentences, kept between checks of one document (the editor's session);
   * its results equal a fresh reading's. Absent: every sentence read afresh.
   */
  readonly cueMemo?: CueMemo;
  /** Run (once) and return a shared analysis of this check. */
  use<T>(analysis: Analysis<T>): T;
}

export interface Aligner {
  readonly index: ReferenceIndex;
  align(doc: TextModel, options: Partial<AlignOptions>): Passage[];
  /**
   * Per article token, values that depend only on the word n-gram (SEED_N words) starting there and
   * the index, one memo per `kind` (the kind names what is kept, with every parameter it depends on),
   * keeping what earlier checks of the document stored for unchanged paragraphs (`terms`: the
   * article's term ids). Absent: each check computes its own.
   */
  tokenMemo?<T>(kind: string, doc: TextModel, terms: Int32Array): TokenMemo<T>;
}

/** Values per article token (see Aligner.tokenMemo): undefined when not stored yet. */
export interface TokenMemo<T> {
  get(k: number): T | undefined;
  set(k: number, value: T): void;
}

/** A TokenMemo of one check: nothing stored before it. */
export class FreshTokenMemo<T> implements TokenMemo<T> {
  private readonly values: (T | undefined)[];
  constructor(n: number) {
    this.values = new Array(n);
  }
  get(k: number): T | undefined {
    return this.values[k];
  }
  set(k: number, value: T): void {
    this.values[k] = value;
  }
}

/** What a caller may hand a check besides text, index and settings. */
export interface CheckEnv {
  aligner?: Aligner;
  quoteMemo?: QuoteMatchMemo;
  cueMemo?: CueMemo;
  /** the text's model (analyse(text)) if the caller has made it already; used only when its text is the text checked */
  doc?: TextModel;
  /**
   * Time budget: a `performance.now()` value after which the check stops, between rules and before
   * each shared analysis, with TooComplexError (an editor is better served by "too complex to check"
   * than by a frozen server).
   */
  deadline?: number;
  /**
   * Called once, after the copied-passage rule, with its findings (sorted as a result's are) when
   * later rules are still to run: a caller can show them before the slower rules end. The final
   * result holds the same findings.
   */
  partial?: (findings: Finding[]) => void;
}

/** A check that ran past its budget (CheckEnv.deadline). */
export class TooComplexError extends Error {
  constructor(readonly elapsedMs: number) {
    super(`document too complex to check (stopped after ${Math.round(elapsedMs).toLocaleString('en')} ms)`);
    this.name = 'TooComplexError';
  }
}

export type Analysis<T> = (ctx: RuleContext) => T;

/** A rule: its catalogue row (rules/catalogue.ts) and what it finds. */
export interface Rule extends RuleInfo {
  readonly id: RuleId;
  /**
   * The rule applies the severity set for it in the settings itself (its findings have severities of their own by
   * kind), so the engine leaves its findings' severities as they come.
   */
  readonly ownsSeverity?: boolean;
  run(ctx: RuleContext): Finding[];
}
