import type { RuleId, Severity } from './types';

/** Engine settings. Every edge (CLI flags, LSP configuration) maps onto this one shape. */
export interface Settings {
  /** shortest copied passage reported, in words */
  minWords: number;
  /** per-rule severity override, or 'off'. Rules not listed use their default severity. */
  rules: Partial<Record<RuleId, Severity | 'off'>>;
  /** house name list: accepted spellings and `wrong => right` corrections */
  houseNames: { accepted: string[]; corrections: Record<string, string> };
  /** finding fingerprints (see fingerprint()) and source ids to ignore */
  ignore: { findings: string[]; sources: string[] };
}

export const DEFAULT_SETTINGS: Settings = {
  minWords: 8,
  rules: {},
  houseNames: { accepted: [], corrections: {} },
  ignore: { findings: [], sources: [] },
};

export function resolveSettings(partial: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...partial,
    rules: { ...DEFAULT_SETTINGS.rules, ...(partial.rules ?? {}) },
    houseNames: partial.houseNames ?? DEFAULT_SETTINGS.houseNames,
    ignore: partial.ignore ?? DEFAULT_SETTINGS.ignore,
  };
}
