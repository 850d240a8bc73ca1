/**
 * Writes the files derived from the code: package.json's extension manifest (contributes, settings
 * schema, activation; src/extension/contributes.ts) and the JSON report schema's rule enum (from the
 * rule catalogue, src/core/rules/catalogue.ts). test/unit/shared/config.test.ts and
 * test/unit/rules/catalogue.test.ts fail, naming this command, when either is out of date.
 *
 *   npx tsx scripts/sync-generated.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { extensionManifest } from '../src/extension/contributes';
import { RULE_IDS } from '../src/core/types';

const root = path.join(__dirname, '..');

function update(file: string, edit: (json: Record<string, any>) => void): void {
  const p = path.join(root, file);
  const json = JSON.parse(readFileSync(p, 'utf8')) as Record<string, any>;
  edit(json);
  writeFileSync(p, JSON.stringify(json, null, 2) + '\n');
  console.log(`updated ${file}`);
}

update('package.json', (pkg) => Object.assign(pkg, extensionManifest()));
// the schema is hand-formatted: only its one rule enum line is rewritten
const schemaFile = path.join(root, 'src/cli/format/report.schema.json');
const schema = readFileSync(schemaFile, 'utf8');
const ruleEnum = /("rule": \{\s*"enum": )\[[^\]]*\]/;
if (!ruleEnum.test(schema)) throw new Error(`${schemaFile}: no "rule": { "enum": [...] } to update`);
writeFileSync(schemaFile, schema.replace(ruleEnum, (_, head: string) => head + JSON.stringify(RULE_IDS).replace(/,/g, ', ')));
console.log('updated src/cli/format/report.schema.json');
