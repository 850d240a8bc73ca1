/**
 * The rule catalogue: one row per rule — id, title, one-line description and default severity.
 * Every other list of rules is derived from it: `RULE_IDS` and `RuleId` (types.ts), each rule's own
 * metadata (`ruleInfo`), the settings schema and package.json (shared/config.ts, extension/contributes.ts),
 * hover titles, the CLI's `--rules`, SARIF rule descriptors and the report schema's rule enum
 * (checked by test/unit/rules/catalogue.test.ts). A new rule adds its row here, its file beside this
 * one (registered in rules/index.ts), its test and its page in docs/rules/.
 */
import type { Finding, Severity } from '../types';

export interface RuleInfo {
  readonly id: string;
  /** short title for hovers and reports ("Copied passage") */
  readonly title: string;
  /** one sentence for --help, SARIF, docs and the settings UI */
  readonly description: string;
  /** severity of the rule's ordinary findings; settings may override it */
  readonly defaultSeverity: Severity;
}

export const RULE_CATALOGUE = [
  {
    id: 'copied-passage',
    title: 'Copied passage',
    description: 'Verbatim, near-verbatim or close-paraphrase reuse of a reference passage.',
    defaultSeverity: 'warning',
  },
  {
    id: 'unattributed-quote',
    title: 'Unattributed quote',
    description: 'A direct quote with no speaker in its sentence, paragraph or the paragraph before.',
    // info until hand judgement on real copy finds it right at least 80 % of the time (docs/EVALUATION.md)
    defaultSeverity: 'info',
  },
  {
    id: 'unattributed-claim',
    title: 'Unattributed claim',
    description: 'A claim that a reference attributes to a source, stated in the article without attribution.',
    // info until hand judgement on real copy finds it right at least 80 % of the time (docs/EVALUATION.md)
    defaultSeverity: 'info',
  },
  {
    id: 'weasel-attribution',
    title: 'Weasel attribution',
    description: 'Vague sourcing with no named source: "observers say", "it is believed", "many hope".',
    defaultSeverity: 'hint',
  },
  {
    id: 'misquote',
    title: 'Misquote',
    description: 'A quotation that differs from the same quote in a reference (changed words, speaker or a misleading ellipsis).',
    // every kind info until hand judgement on real copy finds it right at least 80 % of the time (rules/misquote.ts)
    defaultSeverity: 'info',
  },
  {
    id: 'name-spelling',
    title: 'Name spelling',
    description: 'Proper names spelt differently from the references or the house list (Vovshansk for Vovchansk).',
    // a warning when the article's story or three documents back the spelling; thinner evidence is an info (names/analysis.ts)
    defaultSeverity: 'warning',
  },
  {
    id: 'name-inconsistency',
    title: 'Inconsistent name',
    description: 'One name spelt two ways in the article where the references do not settle it.',
    defaultSeverity: 'info',
  },
  {
    id: 'fact-mismatch',
    title: 'Fact mismatch',
    description: 'A fact (number, date, name, title, negation, quantifier) that differs from the source sentence the article follows.',
    // info until hand judgement on real copy finds it right at least 80 % of the time (docs/EVALUATION.md)
    defaultSeverity: 'info',
  },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULE_CATALOGUE)[number]['id'];

const BY_ID = new Map<string, RuleInfo>(RULE_CATALOGUE.map((r) => [r.id, r]));

/** The catalogue row of a rule. */
export function ruleInfo<Id extends RuleId>(id: Id): RuleInfo & { readonly id: Id } {
  return BY_ID.get(id) as RuleInfo & { readonly id: Id };
}

/** The catalogue row of an id, or undefined for an id no rule has (an old ignore file, a typo). */
export function findRuleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

/**
 * The fields of a finding of rule R that the rule computes; `rule` and (by default) `severity` come from
 * the catalogue, and `data` has the rule's shape (finding-data.ts).
 */
export type FindingFields<R extends RuleId = RuleId> = Omit<Finding<R>, 'rule' | 'severity'> & { severity?: Severity };

/** A finding of rule `id`, stamped with the rule's id and, unless given, its default severity. */
export function finding<R extends RuleId>(id: R, fields: FindingFields<R>): Finding<R> {
  const { severity, ...rest } = fields;
  return { rule: id, severity: severity ?? ruleInfo(id).defaultSeverity, ...rest };
}
