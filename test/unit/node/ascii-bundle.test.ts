import { strict as assert } from 'node:assert';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { asciiOnly } = require('../../../scripts/ascii-bundle.js') as { asciiOnly(source: string): string };

describe('bundles written as pure ASCII (scripts/ascii-bundle.js)', () => {
  // invented code in the shapes esbuild leaves unescaped: regular-expression literals
  const source = [
    'const dash = /[-–—]/;',
    'const quote = /\\’s$|\\\'s$/;',
    'const face = /^😀+$/u;',
    'const inClass = /^[😀a]$/u;',
    'const slash = /\\\\–/;',
    '// a comment – with a dash',
    'module.exports = { dash, quote, face, inClass, slash };',
  ].join('\n');
  const run = (code: string) => {
    const m = { exports: {} as Record<string, RegExp> };
    new Function('module', code)(m);
    return m.exports;
  };

  it('has no non-ASCII character left', () => {
    assert.ok(/[^\x00-\x7f]/.test(source));
    assert.ok(!/[^\x00-\x7f]/.test(asciiOnly(source)));
  });

  it('keeps what each expression matches', () => {
    const before = run(source);
    const after = run(asciiOnly(source));
    const probes = ['a–b', '—', '-', 'x', 'John’s', "John's", 'Johns', '😀', '😀😀', '\ud83d', 'a', '\\–', '–', '\\x'];
    for (const k of Object.keys(before)) {
      for (const p of probes) assert.equal(after[k]!.test(p), before[k]!.test(p), `${k} on ${JSON.stringify(p)}`);
    }
  });

  it('leaves ASCII text as it is', () => {
    const ascii = 'const a = "x\\u2013y"; /\\d+/.test(a);';
    assert.equal(asciiOnly(ascii), ascii);
  });
});
