import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_SCHEMA, DEFAULT_CONFIG, engineSettings, readConfig } from '../../../src/shared/config';
import { extensionManifest } from '../../../src/extension/contributes';
import { RULE_IDS } from '../../../src/core/types';

const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('shared/config: one source of truth for settings', () => {
  it("package.json's contributes.configuration equals CONFIG_SCHEMA", () => {
    assert.deepEqual(pkg.contributes?.configuration?.properties, JSON.parse(JSON.stringify(CONFIG_SCHEMA)),
      'run: npx tsx scripts/sync-generated.ts');
  });

  it('package.json has the generated extension manifest (contributes, activation, main, icon, capabilities)', () => {
    const m = JSON.parse(JSON.stringify(extensionManifest()));
    for (const k of Object.keys(m)) assert.deepEqual(pkg[k], m[k], `package.json "${k}" is out of date: npx tsx scripts/sync-generated.ts`);
  });

  it('every rule has a severity setting, and every setting has a default', () => {
    for (const r of RULE_IDS) assert.ok(CONFIG_SCHEMA[`copydesk.severity.${r}`], r);
    for (const [k, v] of Object.entries(CONFIG_SCHEMA)) assert.ok('default' in v, k);
  });

  it('the schema defaults read back as DEFAULT_CONFIG', () => {
    // VS Code hands the section over nested ({ severity: { rule: … } }); build it from the schema
    const nested: Record<string, unknown> = { severity: {} };
    for (const [k, v] of Object.entries(CONFIG_SCHEMA)) {
      const key = k.replace(/^copydesk\./, '');
      if (key.startsWith('severity.')) (nested.severity as Record<string, unknown>)[key.slice(9)] = v.default;
      else nested[key] = v.default;
    }
    assert.deepEqual(readConfig(nested), DEFAULT_CONFIG);
  });

  it('invalid values fall back to defaults; flat dotted keys are accepted', () => {
    const c = readConfig({ checkOn: 'sometimes', debounceMs: -5, minWords: 'x', references: 'refs', 'severity.misquote': 'off', languages: [3, 'markdown'] });
    assert.equal(c.checkOn, 'type');
    assert.equal(c.debounceMs, 0);
    assert.equal(c.minWords, DEFAULT_CONFIG.minWords);
    assert.deepEqual(c.references, ['refs']);
    assert.equal(c.severity.misquote, 'off');
    assert.deepEqual(c.languages, ['markdown']);
    assert.deepEqual(readConfig(undefined), DEFAULT_CONFIG);
  });

  it('engineSettings maps severities (default omitted, off kept)', () => {
    const c = readConfig({ severity: { 'copied-passage': 'error', misquote: 'off' }, minWords: 12 });
    assert.deepEqual(engineSettings(c), { minWords: 12, rules: { 'copied-passage': 'error', misquote: 'off' } });
  });
});
