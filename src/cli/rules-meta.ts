/** Rule metadata for --help, --rules validation and SARIF: the registered rules, by id. */
import { RULES } from '../core/rules';
import { RULE_IDS, type RuleId, type Severity } from '../core/types';

export interface RuleMeta {
  id: RuleId;
  description: string;
  defaultSeverity: Severity;
  /** false when the id is known (RULE_IDS) but no rule is registered in this build */
  registered: boolean;
}

export function ruleMeta(): RuleMeta[] {
  const byId = new Map(RULES.map((r) => [r.id, r]));
  return RULE_IDS.map((id) => {
    const r = byId.get(id);
    return r
      ? { id, description: r.description, defaultSeverity: r.defaultSeverity, registered: true }
      : { id, description: id.replace(/-/g, ' '), defaultSeverity: 'warning' as Severity, registered: false };
  });
}
