// src/core must stay pure: no vscode, no vscode-languageserver, no node: builtins, no fs/path/process.
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');

const root = path.join(__dirname, '..', 'src', 'core');
const banned = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const bad = [];
function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith('.ts')) {
      const src = fs.readFileSync(p, 'utf8');
      const re = /(?:import\s[^'"]*?from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;
      let m;
      while ((m = re.exec(src))) {
        const spec = m[1];
        if (banned.has(spec) || spec.startsWith('node:') || /^vscode(-languageserver|-languageclient|-jsonrpc)?(\/|$)/.test(spec)) {
          bad.push(`${path.relative(process.cwd(), p)}: imports '${spec}'`);
        }
      }
      if (/\bprocess\.(env|argv|cwd|exit)/.test(src)) bad.push(`${path.relative(process.cwd(), p)}: uses process`);
    }
  }
}
walk(root);
if (bad.length) {
  console.error('src/core must be pure (no vscode, no node: modules):\n  ' + bad.join('\n  '));
  process.exit(1);
}
console.log('core purity: ok');
