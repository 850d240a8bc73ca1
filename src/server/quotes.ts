/**
 * Quote listing for the Quotes view (`copydesk/quotes`): every direct quotation of the article with
 * its speaker, from the core attribution analysis (the same data as `copydesk quotes`).
 */
import { extractAttributions } from '../core/attribution/extract';
import { speakerName } from '../core/attribution/types';
import { analyse } from '../core/text';

export interface QuoteItem {
  start: number;
  end: number;
  speaker?: string;
}

/** `prose` is the same-length prose view of the document, so offsets point into the document. */
export function extractQuotes(prose: string): QuoteItem[] {
  const out: QuoteItem[] = [];
  for (const a of extractAttributions(analyse(prose))) {
    if (a.scare || a.headline || a.quotes.length === 0) continue;
    for (const q of a.quotes) out.push({ start: q.start, end: q.end, speaker: speakerName(a) ?? undefined });
  }
  return out.sort((x, y) => x.start - y.start);
}
