/**
 * The `data` each rule attaches to its findings, one declared shape per rule (`RuleDataMap`), so
 * hovers, code actions and scripts read a finding's detail by its rule, not by which keys it has.
 * `finding(rule, …)` (rules/catalogue.ts) takes `RuleDataMap[rule]`; `dataOf(f, rule)` reads it back.
 * All of it is JSON: it goes out unchanged in the CLI's JSON and SARIF output.
 */
import type { DiffPart } from './attribution/compare';
import type { SlotKind } from './facts/compare';
import type { ReferenceSpelling } from './names/analysis';
import type { VariantKind } from './names/similarity';
import type { Finding, ReferenceMeta, RuleId } from './types';

/** A span of the article, [start, end) in UTF-16 code units. */
export interface Place {
  start: number;
  end: number;
}

export interface CopiedPassageData {
  /** words in the passage */
  words: number;
  /** of them, words inside attributed quotations (not counted as copying) */
  quotedWords: number;
  sourceMeta: ReferenceMeta;
  /** other references holding the same passage */
  alsoIn: Array<{ id: string; start: number; end: number; similarity: number }>;
}

/** The article's quote set against the same quote in a reference. */
export interface QuoteComparisonData {
  /** the reference's quote, markup removed */
  sourceQuote: string;
  /** who says it in the reference (null: no speaker there) */
  speaker: string | null;
  /** who says it in the article */
  articleSpeaker: string | null;
  referenceSentence: string;
  /** the reference as messages name it (source-label.ts) */
  reference: string;
  sourceMeta: ReferenceMeta;
  /** word diff of the reference's region → the article's quote */
  diff: DiffPart[];
  similarity: number;
  contextSimilarity: number;
  /** the words match and the speaker does not */
  changedSpeaker?: true;
}

/** A reference's quotation repeated in the article without quotation marks. */
export interface UnquotedQuoteData {
  unquoted: true;
  speaker: string;
  reference: string;
  sourceQuote: string;
  sourceMeta: ReferenceMeta;
}

export type MisquoteData = QuoteComparisonData | UnquotedQuoteData;

export interface UnattributedQuoteData {
  /** the speaker a reference credits the words to */
  speaker: string;
  referenceSentence: string;
  sourceMeta: ReferenceMeta;
}

export interface UnattributedClaimData {
  /** the source the reference credits */
  sourceName: string;
  /** the reference's cue ("said", "according to") */
  cue: string;
  /** the attribution as the message quotes it */
  attribution: string;
  /** share of the claim's words the article repeats (three decimals) */
  overlap: number;
  sourceMeta: ReferenceMeta;
}

export interface WeaselAttributionData {
  /** what kind of vague sourcing the words are */
  pattern: string;
}

/** A word of the house list's corrections. */
export interface HouseCorrectionData {
  house: true;
  correction: { wrong: string; right: string };
  references: ReferenceSpelling[];
}

/** A near-miss of a name the references (or the house list's accepted names) spell otherwise. */
export interface NameMissData {
  /** the spelling comes from the house list's accepted names */
  house: boolean;
  kind: VariantKind | 'substitution';
  /** name similarity, three decimals (absent for a capital I read as l) */
  similarity?: number;
  /** the references write the name beside the same neighbouring words */
  context: boolean;
  /**
   * What backs the suggestion (absent for a capital I read as l, which needs the references' company):
   * `story`, the spelling of a reference set chosen for the article or holding its story; `documents`,
   * three or more documents of other stories, in a strong match, none writing the article's spelling;
   * `thin`, anything less (one or two documents of other stories, a weak match, or references that
   * write the article's spelling too), reported as info
   */
  evidence?: NameEvidence;
  references: ReferenceSpelling[];
  /** every place of the misspelling in the article */
  places: Place[];
}

export type NameEvidence = 'story' | 'documents' | 'thin';

export type NameSpellingData = HouseCorrectionData | NameMissData;

export interface NameInconsistencyData {
  kind: VariantKind;
  similarity: number;
  /** the article's two spellings, the majority one first */
  article: Array<{ spelling: string; occurrences: number }>;
  references: ReferenceSpelling[];
  places: Place[];
}

export interface FactMismatchData {
  kind: SlotKind;
  sourceValue: string;
  articleValue: string;
  /** the article rounds the source's figure */
  rounding?: true;
  /** the references disagree among themselves */
  sourcesDiffer?: Array<{ source: string; value: string }>;
  reference: string;
  articleSentence: string;
  /** the differing words within `articleSentence` */
  articleSlot: [number, number];
  sourceSentence: string;
  /** the differing words within `sourceSentence` */
  sourceSlot: [number, number];
  sourceMeta: ReferenceMeta;
}

/** Each rule's `data` shape. A rule with no entry here would fail to compile in `FindingData`. */
export interface RuleDataMap {
  'copied-passage': CopiedPassageData;
  'unattributed-quote': UnattributedQuoteData;
  'unattributed-claim': UnattributedClaimData;
  'weasel-attribution': WeaselAttributionData;
  misquote: MisquoteData;
  'name-spelling': NameSpellingData;
  'name-inconsistency': NameInconsistencyData;
  'fact-mismatch': FactMismatchData;
}

/** The data of rule R's findings (for R = RuleId, any rule's). */
export type FindingData<R extends RuleId = RuleId> = RuleDataMap[R];

/** The finding's data typed by its rule, or undefined when the finding is another rule's or has none. */
export function dataOf<R extends RuleId>(f: Finding, rule: R): RuleDataMap[R] | undefined {
  return f.rule === rule ? (f.data as RuleDataMap[R] | undefined) : undefined;
}

/** A name-spelling finding's data from a house-list correction. */
export function isHouseCorrection(d: NameSpellingData): d is HouseCorrectionData {
  return 'correction' in d;
}

/** A misquote finding's data for words repeated without their quotation marks. */
export function isUnquoted(d: MisquoteData): d is UnquotedQuoteData {
  return 'unquoted' in d;
}
