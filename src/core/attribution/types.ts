/**
 * Attribution records: who said what, found in one text. Offsets are UTF-16 code units into the
 * analysed string, half-open, like every other span of the engine.
 */

/** A span with its text (text === model.text.slice(start, end)). */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export type AttributionKind = 'direct' | 'indirect' | 'mixed';

export interface SourceSpan extends TextSpan {
  /** for a pronoun ("she", "they", "it"): the nearest preceding named source it refers to */
  resolved?: TextSpan;
}

export interface Attribution {
  kind: AttributionKind;
  /** the speech or attribution cue (said, told, according to, a colon introduction …); null for a quote with no speaker */
  cue: TextSpan | null;
  /** who is credited (as written; pronouns carry `resolved`); null when nobody is */
  source: SourceSpan | null;
  /** what is attributed: the quote's words (direct) or the reported clause (indirect, mixed) */
  content: TextSpan;
  /** direct quotes inside the content: the words between the quotation marks */
  quotes: TextSpan[];
  /** index of the sentence holding the cue (or the quote's first sentence) */
  sentence: number;
  paragraph: number;
  /** one or two words in quotation marks with no speech cue: "so-called" use, not a quotation */
  scare: boolean;
  /** the speaker was carried over from an earlier sentence or paragraph (continuing quotes) */
  inherited: boolean;
  /** the quote sits in a headline (first short paragraph without final punctuation, or a markdown heading) */
  headline: boolean;
  /** the cue reports a stance, belief, intention or evidence ("opposes", "polls show"), not speech */
  stance?: boolean;
}

/** The speaker's name as it should be printed (the resolved name for a pronoun). */
export function speakerName(a: Attribution): string | null {
  if (!a.source) return null;
  return (a.source.resolved ?? a.source).text;
}
