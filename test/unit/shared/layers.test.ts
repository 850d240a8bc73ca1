import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', '..', '..', 'src');

/** Relative imports of every .ts file in src/<folder>, as src-relative module paths. */
function importsOf(folder: string): { file: string; target: string }[] {
  const out: { file: string; target: string }[] = [];
  const dir = path.join(SRC, folder);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = readFileSync(path.join(dir, name), 'utf8');
    for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      out.push({ file: `${folder}/${name}`, target: path.relative(SRC, path.resolve(dir, m[1]!)) });
    }
  }
  return out;
}

describe('layers: src/shared between the server and the extension', () => {
  it('src/extension imports nothing from src/server', () => {
    const bad = importsOf('extension').filter((i) => i.target.startsWith('server'));
    assert.deepEqual(bad, []);
    assert.ok(importsOf('extension').some((i) => i.target.startsWith('shared')), 'the extension reads the shared protocol');
  });

  it('src/shared imports only src/core and itself', () => {
    const bad = importsOf('shared').filter((i) => !i.target.startsWith('core') && !i.target.startsWith('shared'));
    assert.deepEqual(bad, []);
  });
});
