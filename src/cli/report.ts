/**
 * What a `copydesk check` run produced, before formatting: one ArticleReport per article given,
 * in order, plus the run's input errors. Formatters (format/*.ts) only read this.
 */
import { fingerprint } from '../core/fingerprint';
import { LineIndex, type Range } from '../core/positions';
import type { CheckResult, Finding, ReferenceDoc, Severity } from '../core/types';
import type { InputError } from '../node/errors';
import type { DocOrigin } from '../node/references';

export interface ArticleReport {
  /** the path as given on the command line */
  path: string;
  /** the decoded file (offsets of findings point into it); undefined when it could not be read */
  text?: string;
  lines?: LineIndex;
  result?: CheckResult;
  /** errors of this article: reading it, its .copydesk files */
  errors: InputError[];
}

export interface RunReport {
  articles: ArticleReport[];
  /** problems with the reference set (each file named); shared by every article */
  referenceErrors: InputError[];
  references: ReferenceDoc[];
  origins: Map<string, DocOrigin>;
  cwd: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export function findingRange(a: ArticleReport, f: Finding): Range {
  return (a.lines ??= new LineIndex(a.text ?? '')).range(f.start, f.end);
}

/** The engine's fingerprint (computed here only for a finding that did not come from check()). */
export function findingFingerprint(f: Finding): string {
  return f.fingerprint ?? fingerprint(f);
}

/** Every input error relevant to an article: the reference set's and its own. */
export function articleErrors(run: RunReport, a: ArticleReport): InputError[] {
  return [...run.referenceErrors, ...a.errors];
}
