/**
 * The custom requests that describe a whole document: copydesk/report (originality, sources and
 * findings with their source passages, for the report webview) and copydesk/quotes (the Quotes view).
 */
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core/positions';
import { proseView } from '../core/prose';
import { RULES } from '../core/rules';
import type { Report, QuotesResult } from '../shared/protocol';
import { shownText, type Checked } from './document-state';
import type { IndexState } from './index-lifecycle';
import { extractQuotes } from './quotes';
import { languageOf } from './uris';

/** copydesk/report for a check of document `uri` against the index `idx`. */
export function buildReport(uri: string, c: Checked, idx: IndexState): Report {
  return {
    uri,
    version: c.version,
    words: c.result.words,
    originality: c.result.originality,
    references: idx.index?.documentCount ?? 0,
    sources: c.result.sources.map((s) => ({ ...s, uri: pathToFileURL(idx.sources.filePath(s.id, s.path)).toString() })),
    findings: c.result.findings.map((f) => {
      const src = idx.sources.info(f);
      return {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        text: shownText(c, f),
        range: c.lines.range(f.start, f.end),
        match: f.match,
        similarity: f.similarity,
        source: f.source && src
          ? { id: f.source.id, title: src.meta.title, outlet: src.meta.outlet, date: src.meta.date, uri: pathToFileURL(src.path).toString(), range: src.range, text: f.source.text }
          : undefined,
      };
    }),
    rules: RULES.map((r) => ({ id: r.id, description: r.description })),
  };
}

/** copydesk/quotes: every quotation of the document with its speaker. */
export function listQuotes(doc: TextDocument, maxDocumentSize: number): QuotesResult {
  const text = doc.getText();
  // the Quotes view asks after every edit: a document too large to check is not analysed either
  if (text.length > maxDocumentSize) {
    return {
      available: false,
      quotes: [],
      message: `Quotes not listed — ${text.length.toLocaleString('en')} characters is above copydesk.maxDocumentSize (${maxDocumentSize.toLocaleString('en')}).`,
    };
  }
  const lines = new LineIndex(text);
  const q = extractQuotes(proseView(text, languageOf(doc)));
  return {
    available: true,
    quotes: q.map((x) => ({ text: text.slice(x.start, x.end), speaker: x.speaker, range: lines.range(x.start, x.end) })),
  };
}
