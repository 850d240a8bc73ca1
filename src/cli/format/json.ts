/**
 * The JSON contract (documented in README.md, "JSON output"): version 1.
 *
 *   { version: 1, document: { path, words }, originality, sources, findings, errors }
 *
 * `json`: one object for one article, an array for several; `jsonl`: one object per line.
 * Findings carry every field of the core Finding plus `range` (zero-based line/character,
 * UTF-16) and `fingerprint` (for .copydesk/ignore.json). `originality` is null and `findings`
 * empty for an article that could not be read (`errors` says why).
 */
import type { Range } from '../../core/positions';
import type { Finding, SourceSummary } from '../../core/types';
import { articleErrors, findingFingerprint, findingRange, type ArticleReport, type RunReport } from '../report';

export const JSON_VERSION = 1;

export interface JsonFinding extends Finding {
  range: Range;
  fingerprint: string;
}

export interface JsonError {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface JsonDocument {
  version: 1;
  document: { path: string; words: number };
  originality: number | null;
  sources: SourceSummary[];
  findings: JsonFinding[];
  errors: JsonError[];
}

export function toJsonDocument(run: RunReport, a: ArticleReport): JsonDocument {
  const r = a.result;
  return {
    version: JSON_VERSION,
    document: { path: toSlash(a.path), words: r?.words ?? 0 },
    originality: r ? r.originality : null,
    sources: r?.sources ?? [],
    findings: (r?.findings ?? []).map(({ fingerprint: _fp, ...f }) => ({ ...f, range: findingRange(a, f), fingerprint: findingFingerprint({ ...f, fingerprint: _fp }) })),
    errors: articleErrors(run, a).map((e) => ({ path: toSlash(e.path), message: e.message, severity: e.severity })),
  };
}

export function formatJson(run: RunReport): string {
  const docs = run.articles.map((a) => toJsonDocument(run, a));
  return JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + '\n';
}

export function formatJsonl(run: RunReport): string {
  return run.articles.map((a) => JSON.stringify(toJsonDocument(run, a)) + '\n').join('');
}

function toSlash(p: string): string {
  return p.replace(/\\/g, '/');
}
