/** Validators for the CLI's outputs: the JSON report schema (ours) and the official SARIF 2.1.0 schema. */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

function compile(file: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
}

export const validateReport = compile(path.join(ROOT, 'src/cli/format/report.schema.json'));
export const validateSarif = compile(path.join(ROOT, 'test/fixtures/cli/sarif-schema-2.1.0.json'));

export function assertValid(validate: ReturnType<typeof compile>, data: unknown): void {
  if (!validate(data)) {
    throw new Error(`schema errors:\n${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
  }
}
