/**
 * The one typed source of truth for Copydesk's editor settings (`copydesk.*`).
 *
 * `CONFIG_SCHEMA` is what package.json's `contributes.configuration.properties` must contain
 * (test/unit/shared/config.test.ts compares them); `readConfig` turns a raw `copydesk` section
 * (from workspace/configuration or initializationOptions) into a validated `EditorConfig`.
 * Pure: imported by both the language server and the extension.
 */
import { RULE_CATALOGUE } from '../core/rules/catalogue';
import { RULE_IDS, type RuleId, type Severity } from '../core/types';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';

export type CheckOn = 'type' | 'save' | 'manual';
export type RuleLevel = 'default' | Severity | 'off';

export interface EditorConfig {
  references: string[];
  checkOn: CheckOn;
  debounceMs: number;
  minWords: number;
  maxDocumentSize: number;
  languages: string[];
  houseNames: string[];
  severity: Record<RuleId, RuleLevel>;
}

export const RULE_LEVELS: RuleLevel[] = ['default', 'error', 'warning', 'info', 'hint', 'off'];

export const DEFAULT_CONFIG: EditorConfig = {
  references: ['references/'],
  checkOn: 'type',
  debounceMs: 400,
  minWords: DEFAULT_SETTINGS.minWords,
  maxDocumentSize: 500_000,
  languages: ['plaintext', 'markdown', 'html'],
  houseNames: [],
  severity: Object.fromEntries(RULE_IDS.map((r) => [r, 'default'])) as Record<RuleId, RuleLevel>,
};

type JsonSchema = Record<string, unknown>;

function ruleProperties(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const { id: r, description } of RULE_CATALOGUE) {
    out[`copydesk.severity.${r}`] = {
      type: 'string',
      enum: RULE_LEVELS,
      default: 'default',
      scope: 'resource',
      markdownDescription: `Severity of \`${r}\` findings: ${description} \`default\` keeps the rule's own, \`off\` disables it. See [docs/rules/${r}.md](https://github.com/copydesk/copydesk/blob/main/docs/rules/${r}.md).`,
    };
  }
  return out;
}

/** package.json `contributes.configuration.properties`, exactly. */
export const CONFIG_SCHEMA: Record<string, JsonSchema> = {
  'copydesk.references': {
    type: 'array',
    items: { type: 'string' },
    default: DEFAULT_CONFIG.references,
    scope: 'resource',
    markdownDescription:
      'Reference set: folders, files or glob patterns (wire copy, press releases, other outlets\' versions). Relative paths are resolved against the workspace folder. In an untrusted workspace only paths inside the workspace are read.',
  },
  'copydesk.checkOn': {
    type: 'string',
    enum: ['type', 'save', 'manual'],
    enumDescriptions: ['Check as you type (debounced).', 'Check when the document is opened or saved.', 'Only when you run "Copydesk: Check Document".'],
    default: DEFAULT_CONFIG.checkOn,
    scope: 'resource',
    description: 'When to check articles.',
  },
  'copydesk.debounceMs': {
    type: 'number',
    minimum: 0,
    maximum: 10000,
    default: DEFAULT_CONFIG.debounceMs,
    scope: 'resource',
    description: 'Milliseconds to wait after the last keystroke before checking (checkOn: type).',
  },
  'copydesk.minWords': {
    type: 'number',
    minimum: 3,
    maximum: 200,
    default: DEFAULT_CONFIG.minWords,
    scope: 'resource',
    description: 'Shortest copied passage reported, in words.',
  },
  'copydesk.maxDocumentSize': {
    type: 'number',
    minimum: 1000,
    default: DEFAULT_CONFIG.maxDocumentSize,
    scope: 'resource',
    description: 'Documents longer than this many characters are not checked (their diagnostics are cleared and the status bar says why).',
  },
  'copydesk.languages': {
    type: 'array',
    items: { type: 'string' },
    default: DEFAULT_CONFIG.languages,
    scope: 'window',
    description: 'Language ids of the documents Copydesk checks (plain text, Markdown and HTML are supported). Changing it restarts the language server.',
  },
  'copydesk.houseNames': {
    type: 'array',
    items: { type: 'string' },
    default: DEFAULT_CONFIG.houseNames,
    scope: 'application',
    markdownDescription:
      'Your own accepted spellings of proper names (user level). The workspace list lives in `.copydesk/names.txt`; "Accept spelling" quick fixes write to either.',
  },
  ...ruleProperties(),
  'copydesk.trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    scope: 'window',
    description: 'Trace the communication between VS Code and the Copydesk language server (Output panel).',
  },
};

function num(v: unknown, def: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : def;
}

function strings(v: unknown, def: string[]): string[] {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return def;
  return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
}

/**
 * Read a raw `copydesk` configuration section. Accepts both the nested shape VS Code returns
 * (`{ severity: { 'copied-passage': 'off' } }`) and flat dotted keys (`{ 'severity.copied-passage': 'off' }`).
 * Unknown or invalid values fall back to the defaults.
 */
export function readConfig(raw: unknown): EditorConfig {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const sev = (r.severity && typeof r.severity === 'object' ? r.severity : {}) as Record<string, unknown>;
  const severity = { ...DEFAULT_CONFIG.severity };
  for (const id of RULE_IDS) {
    const v = sev[id] ?? r[`severity.${id}`];
    if (typeof v === 'string' && (RULE_LEVELS as string[]).includes(v)) severity[id] = v as RuleLevel;
  }
  const checkOn = r.checkOn === 'save' || r.checkOn === 'manual' || r.checkOn === 'type' ? r.checkOn : DEFAULT_CONFIG.checkOn;
  const references = strings(r.references, DEFAULT_CONFIG.references);
  return {
    references,
    checkOn,
    debounceMs: num(r.debounceMs, DEFAULT_CONFIG.debounceMs, 0, 10000),
    minWords: Math.round(num(r.minWords, DEFAULT_CONFIG.minWords, 3, 200)),
    maxDocumentSize: num(r.maxDocumentSize, DEFAULT_CONFIG.maxDocumentSize, 1000),
    languages: strings(r.languages, DEFAULT_CONFIG.languages),
    houseNames: strings(r.houseNames, DEFAULT_CONFIG.houseNames),
    severity,
  };
}

/** The engine settings part of an editor configuration. */
export function engineSettings(c: EditorConfig): Pick<Settings, 'minWords' | 'rules'> {
  const rules: Settings['rules'] = {};
  for (const id of RULE_IDS) {
    const l = c.severity[id];
    if (l !== 'default') rules[id] = l;
  }
  return { minWords: c.minWords, rules };
}
