import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULE_IDS } from '../../../src/core/types';
import { ruleDocsBase, ruleDocUrl } from '../../../src/node/rule-docs';

describe('node/rule-docs: one link per rule for the server and the CLI', () => {
  it('joins a base and the rule id, with or without a trailing slash', () => {
    assert.equal(ruleDocUrl('misquote', 'https://example.org/docs/rules/'), 'https://example.org/docs/rules/misquote.md');
    assert.equal(ruleDocUrl('misquote', 'https://example.org/docs/rules'), 'https://example.org/docs/rules/misquote.md');
  });

  it('links every rule to a page that exists (the checkout ships docs/rules)', () => {
    assert.match(ruleDocsBase(), /^file:\/\/.*\/docs\/rules$/);
    for (const id of RULE_IDS) {
      const url = ruleDocUrl(id);
      assert.ok(existsSync(fileURLToPath(url)), url);
    }
  });
});
