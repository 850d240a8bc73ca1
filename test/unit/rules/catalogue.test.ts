import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../src/core/rules';
import { finding, findRuleInfo, RULE_CATALOGUE, ruleInfo } from '../../../src/core/rules/catalogue';
import { RULE_IDS } from '../../../src/core/types';

const ROOT = path.join(__dirname, '..', '..', '..');

describe('rules/catalogue: one table of rules, every list derived from it', () => {
  it('the registered rules are the catalogue, in its order, with its metadata', () => {
    assert.deepEqual(RULES.map((r) => r.id), [...RULE_IDS]);
    for (const r of RULES) {
      const row = ruleInfo(r.id);
      assert.equal(r.title, row.title, r.id);
      assert.equal(r.description, row.description, r.id);
      assert.equal(r.defaultSeverity, row.defaultSeverity, r.id);
    }
  });

  it('ids are unique, and every rule has a title, a description and a docs page', () => {
    assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
    for (const r of RULE_CATALOGUE) {
      assert.ok(r.title && r.description.endsWith('.'), r.id);
      assert.ok(existsSync(path.join(ROOT, 'docs', 'rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
    }
  });

  it("the JSON report schema's rule enum is the catalogue's ids", () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'src/cli/format/report.schema.json'), 'utf8'));
    assert.deepEqual(schema.definitions.finding.properties.rule.enum, [...RULE_IDS], 'run: npx tsx scripts/sync-generated.ts');
  });

  it('finding() stamps the id and the default severity, and keeps a severity a rule chose', () => {
    const base = { message: 'm', start: 0, end: 1, text: 'x' };
    assert.deepEqual(finding('weasel-attribution', base), { rule: 'weasel-attribution', severity: 'hint', ...base });
    assert.equal(finding('name-spelling', { ...base, severity: 'info' }).severity, 'info');
    assert.equal(finding('name-spelling', base).severity, 'warning');
    assert.equal(findRuleInfo('no-such-rule'), undefined);
  });
});
