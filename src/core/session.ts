/**
 * The state an editor keeps for one open document between checks: the incremental aligner (seeds of
 * unchanged paragraphs reused), the best reference quote of each article quote (compared again
 * only when the quote, its sentence, speaker or candidate documents change) and the cues of each
 * sentence (read again only when its paragraph changes). `check()` through a
 * session returns what a fresh `check()` of the same text returns.
 */
import { QuoteMatchMemo } from './attribution/analysis';
import { CueMemo } from './attribution/cue-memo';
import { clearSentenceTags } from './attribution/tagger';
import { check } from './engine';
import { clearNameMemo } from './names/memo';
import { IncrementalAligner } from './incremental';
import type { ReferenceIndex } from './reference-index';
import type { Settings } from './settings';
import type { CheckResult } from './types';
import { clearWordDiffMemo } from './word-diff';

export class EditorSession {
  readonly aligner: IncrementalAligner;
  /** the best reference quote of each article quote, by the quote's words, sentence, speaker and candidates */
  readonly quotes = new QuoteMatchMemo();
  /** the cues of each sentence, by its paragraph's text, quotes and place */
  readonly cues = new CueMemo();

  constructor(readonly index: ReferenceIndex) {
    this.aligner = new IncrementalAligner(index);
  }

  check(text: string, settings: Partial<Settings> = {}): CheckResult {
    return check(text, this.index, settings, { aligner: this.aligner, quoteMemo: this.quotes, cueMemo: this.cues });
  }
}

/** Drop the analyses kept across checks (sentence tags, name comparisons, word diffs): the next check computes everything. */
export function clearCheckCaches(): void {
  clearSentenceTags();
  clearNameMemo();
  clearWordDiffMemo();
}
