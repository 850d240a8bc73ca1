/**
 * The engine's entry point: check(text, index, settings) → CheckResult. Pure.
 */
import { TooComplexError, type Analysis, type CheckEnv, type RuleContext } from './rule';
import { RULES } from './rules';
import { resolveSettings, type Settings } from './settings';
import { analyse } from './text';
import type { ReferenceIndex } from './reference-index';
import type { CheckResult, Finding, SourceSummary } from './types';
import { fingerprint } from './fingerprint';
import { quotedTokens } from './quoting';
import { lowerBound } from './search';

export function makeContext(text: string, index: ReferenceIndex, settings: Settings, env: CheckEnv = {}): RuleContext {
  const memo = new Map<Analysis<unknown>, unknown>();
  const started = env.deadline !== undefined ? performance.now() : 0;
  const budget = () => {
    if (env.deadline !== undefined && performance.now() > env.deadline) throw new TooComplexError(performance.now() - started);
  };
  const ctx: RuleContext = {
    doc: env.doc && env.doc.text === text ? env.doc : analyse(text),
    index,
    settings,
    // an aligner built for another index (the reference set changed) is not used
    aligner: env.aligner && env.aligner.index === index ? env.aligner : undefined,
    quoteMemo: env.quoteMemo,
    cueMemo: env.cueMemo,
    use<T>(a: Analysis<T>): T {
      if (!memo.has(a)) {
        budget();
        memo.set(a, a(ctx));
      }
      return memo.get(a) as T;
    },
  };
  return ctx;
}

/**
 * The check as steps: one rule a step (a rule's first use of a shared analysis runs inside its step).
 * `check` runs them back to back; `checkYielding` lets its caller's event loop run between them.
 */
function* checkSteps(text: string, index: ReferenceIndex, partial: Partial<Settings>, env: CheckEnv): Generator<void, CheckResult> {
  const settings = resolveSettings(partial);
  const ctx = makeContext(text, index, settings, env);
  const started = performance.now();
  const ignoredFindings = new Set(settings.ignore.findings);
  const ignoredSources = new Set(settings.ignore.sources);
  const findings: Finding[] = [];
  const enabled = RULES.filter((rule) => settings.rules[rule.id] !== 'off');
  for (const rule of enabled) {
    const level = settings.rules[rule.id];
    if (level === 'off') continue;
    yield;
    if (env.deadline !== undefined && performance.now() > env.deadline) throw new TooComplexError(performance.now() - started);
    for (const f of rule.run(ctx)) {
      if (f.source && ignoredSources.has(f.source.id)) continue;
      f.fingerprint = fingerprint(f);
      if (ignoredFindings.has(f.fingerprint)) continue;
      // a settings override replaces the rule's ordinary severity; findings a rule deliberately
      // lowered (e.g. a spelling-variant misquote as info) keep theirs
      if (level && !rule.ownsSeverity && f.severity === rule.defaultSeverity) f.severity = level;
      findings.push(f);
    }
    if (env.partial && rule.id === 'copied-passage' && rule !== enabled[enabled.length - 1]) env.partial([...findings].sort(byPosition));
  }
  findings.sort(byPosition);
  return summarise(ctx, findings);
}

/** A result's order of findings: by start, end, then rule. */
function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);
}

export function check(text: string, index: ReferenceIndex, partial: Partial<Settings> = {}, env: CheckEnv = {}): CheckResult {
  const steps = checkSteps(text, index, partial, env);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * check(), awaiting `pause()` between rules, so that a host with other work (a language server
 * answering a hover on another document) is never held for a whole check. Same result as check().
 */
export async function checkYielding(
  text: string,
  index: ReferenceIndex,
  partial: Partial<Settings>,
  env: CheckEnv,
  pause: () => Promise<void>,
): Promise<CheckResult> {
  const steps = checkSteps(text, index, partial, env);
  let step = steps.next();
  while (!step.done) {
    await pause();
    step = steps.next();
  }
  return step.value;
}

/** Originality and per-source matched words, from the copied-passage findings. */
function summarise(ctx: RuleContext, findings: Finding[]): CheckResult {
  const tokens = ctx.doc.tokens;
  const covered = new Uint8Array(tokens.length);
  const quoted = findings.some((f) => f.rule === 'copied-passage') ? ctx.use(quotedTokens) : new Uint8Array(0);
  const perSource = new Map<string, Set<number>>();
  for (const f of findings) {
    if (f.rule !== 'copied-passage') continue;
    let set = f.source ? perSource.get(f.source.id) : undefined;
    if (f.source && !set) perSource.set(f.source.id, (set = new Set()));
    for (let i = lowerBound(tokens.length, (k) => tokens[k]!.end <= f.start); i < tokens.length && tokens[i]!.start < f.end; i++) {
      if (quoted[i]) continue; // attributed quotation: quoting, not copying
      covered[i] = 1;
      set?.add(i);
    }
  }
  const words = tokens.length;
  let copied = 0;
  for (const c of covered) copied += c;
  const sources: SourceSummary[] = [];
  for (const [id, set] of perSource) {
    const d = ctx.index.byId(id);
    sources.push({
      id,
      path: d?.path ?? id,
      title: d?.meta.title,
      outlet: d?.meta.outlet,
      url: d?.meta.url,
      date: d?.meta.date,
      matchedWords: set.size,
    });
  }
  sources.sort((a, b) => b.matchedWords - a.matchedWords || a.id.localeCompare(b.id));
  return { words, originality: words === 0 ? 1 : round((words - copied) / words), sources, findings };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
