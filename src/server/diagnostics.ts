/**
 * A finding as an LSP Diagnostic: range and severity from the engine's offsets and severity, the
 * rule's documentation link, the source passage as related information, and `data` (the engine's
 * fingerprint and fixes as edits) for code actions. The finding's fields are read, never rewritten.
 */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { fingerprint } from '../core/fingerprint';
import type { LineIndex } from '../core/positions';
import type { Finding, Severity } from '../core/types';
import { ruleDocUrl } from '../node/rule-docs';
import type { DiagnosticData } from '../shared/protocol';
import type { SourceInfo } from './hover';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `f` as a diagnostic of document `uri` at `version`; `lines` indexes the text the finding's
 * offsets are in, `src` is where its source passage sits in the reference file (if it has one).
 */
export function toDiagnostic(f: Finding, lines: LineIndex, version: number, uri: string, src: SourceInfo | undefined): Diagnostic {
  const d: Diagnostic = {
    range: lines.range(f.start, f.end),
    severity: SEVERITY[f.severity],
    source: 'copydesk',
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    message: f.message,
  };
  if (src?.range && f.source) {
    const m = src.meta;
    d.relatedInformation = [
      {
        location: { uri: pathToFileURL(src.path).toString(), range: src.range },
        message: `Source: ${[m.title ?? f.source.id, m.outlet, m.date].filter(Boolean).join(' — ')}`,
      },
    ];
  }
  const data: DiagnosticData = {
    uri,
    version,
    rule: f.rule,
    fingerprint: f.fingerprint ?? fingerprint(f),
    text: f.text,
    range: d.range,
    sourceId: f.source?.id,
    sourceLabel: f.source ? (src?.meta.outlet ?? src?.meta.title ?? f.source.id) : undefined,
    fixes: (f.fixes ?? []).map((x) => ({
      title: x.title,
      preferred: !!x.preferred,
      edits: x.edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText })),
    })),
  };
  d.data = data;
  return d;
}
