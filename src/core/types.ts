/**
 * The one Finding shape shared by every edge (CLI JSON/SARIF, language server, extension).
 * All offsets are UTF-16 code units into the analysed string, half-open [start, end).
 * Line/character positions are added only at the edges (see positions.ts).
 */

import type { FindingData } from './finding-data';
import { RULE_CATALOGUE, type RuleId } from './rules/catalogue';

export type { RuleId };
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Every rule id, in report order (from the rule catalogue). */
export const RULE_IDS: readonly RuleId[] = RULE_CATALOGUE.map((r) => r.id);

export type MatchLevel = 'verbatim' | 'near-verbatim' | 'paraphrase';

/** A text edit on the analysed document (offsets as above). */
export interface Edit {
  start: number;
  end: number;
  newText: string;
}

/** A fix: a titled set of non-overlapping edits. `preferred` marks the best one of a finding. */
export interface Fix {
  title: string;
  edits: Edit[];
  preferred?: boolean;
}

/** A span in a reference document. */
export interface SourceSpan {
  id: string;
  path: string;
  start: number;
  end: number;
  text: string;
}

/** A finding of rule R; `Finding` alone is any rule's (its `data` then one of the rules' shapes: read it with `dataOf`). */
export interface Finding<R extends RuleId = RuleId> {
  rule: R;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** text.slice(start, end) of the analysed document */
  text: string;
  /** copied-passage only */
  match?: MatchLevel;
  similarity?: number;
  source?: SourceSpan;
  /** replacement texts, where a rule has them */
  suggestions?: string[];
  fixes?: Fix[];
  /** rule-specific detail that hovers and code actions need (JSON-serialisable), shaped per rule (finding-data.ts) */
  data?: FindingData<R>;
  /**
   * stable identity for ignore lists (fingerprint.ts), set once by the engine from the rule, the
   * analysed text and the source; edges read it and never recompute it from other text
   */
  fingerprint?: string;
}

/** Metadata of a reference document (from front matter, HTML meta or the file name). */
export interface ReferenceMeta {
  title?: string;
  outlet?: string;
  author?: string;
  url?: string;
  date?: string;
}

/** A decoded reference document. `text` is what offsets point into. */
export interface ReferenceDoc {
  /** stable id, unique within a reference set (normally the path relative to the set root) */
  id: string;
  /** path as given to / found by the loader */
  path: string;
  text: string;
  /**
   * the text the index matches on, when it differs from `text`: the same length, with markup that is
   * not prose blanked (markdown link targets, HTML tags, URLs: core/prose.ts), as articles are
   * checked. Offsets into it are offsets into `text`, which is what hovers and reports show.
   */
  matchText?: string;
  meta: ReferenceMeta;
}

export interface SourceSummary {
  id: string;
  path: string;
  title?: string;
  outlet?: string;
  url?: string;
  date?: string;
  matchedWords: number;
}

/** What the engine returns for one article. */
export interface CheckResult {
  words: number;
  /** share of article words not covered by any copied-passage finding (0..1) */
  originality: number;
  sources: SourceSummary[];
  findings: Finding[];
}
