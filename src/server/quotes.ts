/**
 * Quote listing for the Quotes view. Uses the core attribution analysis when present.
 * Returns undefined when no quote extractor is available in this build.
 */
export interface QuoteItem {
  start: number;
  end: number;
  speaker?: string;
}

export function extractQuotes(_text: string): QuoteItem[] | undefined {
  return undefined;
}
