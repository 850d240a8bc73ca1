/**
 * SARIF 2.1.0 (validated against the official schema in test/unit/cli). One run for all articles.
 * Regions are 1-based lines/columns counted in UTF-16 code units (run.columnKind), plus
 * charOffset/charLength; endColumn is exclusive. Artifact URIs are relative to the working
 * directory (uriBaseId %SRCROOT%). The source passage of a copied passage is a relatedLocation
 * (with a region where the reference text is the file itself; HTML references are extracted, so
 * only the file and a snippet are given). Input errors are toolExecutionNotifications.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Finding, Severity } from '../../core/types';
import { findingFingerprint, findingRange, type ArticleReport, type RunReport } from '../report';
import { RULE_CATALOGUE } from '../../core/rules/catalogue';
import { ruleDocUrl } from '../../node/rule-docs';
import { fileOffset } from '../../node/source-positions';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  version: string;
  /** base for rule help links (ruleDocUrl): `${helpBase}/<rule-id>.md` */
  helpBase: string;
  informationUri?: string;
  /** exit status of the run (0/1 successful, 2 not) */
  successful: boolean;
}

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(run: RunReport, opts: SarifOptions): string {
  const rules = RULE_CATALOGUE;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = [];
  for (const a of run.articles) {
    if (!a.result) continue;
    for (const f of a.result.findings) results.push(result(run, a, f, ruleIndex.get(f.rule) ?? -1));
  }
  const notifications: Sarif.Notification[] = [];
  for (const e of run.referenceErrors) notifications.push(notification(run, e.path, e.message, e.severity));
  for (const a of run.articles) for (const e of a.errors) notifications.push(notification(run, e.path, e.message, e.severity));

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'copydesk',
            version: opts.version,
            semanticVersion: opts.version,
            ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              name: camel(r.id),
              shortDescription: { text: r.description },
              helpUri: ruleDocUrl(r.id, opts.helpBase),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity], enabled: true },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: dirUri(run.cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: opts.successful,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(run: RunReport, a: ArticleReport, f: Finding, ruleIndex: number): Sarif.Result {
  const r = findingRange(a, f);
  const uri = relUri(run.cwd, a.path);
  const res: Sarif.Result = {
    ruleId: f.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: {
            startLine: r.start.line + 1,
            startColumn: r.start.character + 1,
            endLine: r.end.line + 1,
            endColumn: r.end.character + 1,
            charOffset: f.start,
            charLength: f.end - f.start,
            snippet: { text: a.text!.slice(f.start, f.end) },
          },
        },
      },
    ],
    partialFingerprints: { 'copydeskFingerprint/v1': findingFingerprint(f) },
  };
  if (f.source) {
    const offset = fileOffset(run.origins.get(f.source.id), f.source.start);
    const loc: Sarif.Location = {
      id: 1,
      message: { text: `source passage in ${f.source.path}` },
      physicalLocation: {
        artifactLocation: { uri: relUri(run.cwd, f.source.path), uriBaseId: '%SRCROOT%' },
        ...(offset !== undefined
          ? {
              region: {
                charOffset: offset,
                charLength: f.source.end - f.source.start,
                snippet: { text: f.source.text },
              },
            }
          : {}),
      },
    };
    res.relatedLocations = [loc];
    res.message = { text: `${f.message} ([source](1))` };
  }
  const fixes = (f.fixes ?? []).filter((x) => x.edits.length > 0);
  if (fixes.length) {
    res.fixes = fixes.map((x) => ({
      description: { text: x.title },
      artifactChanges: [
        {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          replacements: x.edits.map((e) => ({
            deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
            insertedContent: { text: e.newText },
          })),
        },
      ],
    }));
  }
  const props: Record<string, unknown> = {};
  if (f.match) props.match = f.match;
  if (f.similarity !== undefined) props.similarity = f.similarity;
  if (f.source) props.source = { id: f.source.id, path: f.source.path, start: f.source.start, end: f.source.end };
  if (f.suggestions?.length) props.suggestions = f.suggestions;
  if (f.data) props.data = f.data;
  props.severity = f.severity;
  res.properties = props;
  return res;
}

function notification(run: RunReport, file: string, message: string, severity: 'error' | 'warning'): Sarif.Notification {
  return {
    level: severity,
    message: { text: `${file}: ${message}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: relUri(run.cwd, file), uriBaseId: '%SRCROOT%' } } }],
  };
}

/** A URI reference for a file: relative to cwd (posix, percent-encoded) when inside it, else a file: URI. */
export function relUri(cwd: string, file: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
    return rel.split(path.sep).map(encodeURIComponent).join('/');
  }
  return pathToFileURL(abs).href;
}

function dirUri(dir: string): string {
  const href = pathToFileURL(path.resolve(dir)).href;
  return href.endsWith('/') ? href : href + '/';
}

function camel(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase());
}
