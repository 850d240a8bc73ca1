// Bundles every entry point that exists. `node esbuild.js [--watch] [--production]`.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { asciiOnly } = require('./scripts/ascii-bundle');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'src/cli/main.ts', out: 'cli' },
  // the server: a small entry that starts the tag worker, then loads the rest (src/server/boot.ts)
  { in: 'src/server/boot.ts', out: 'server' },
  { in: 'src/server/main.ts', out: 'server-main' },
  { in: 'src/node/tag-worker-main.ts', out: 'tag-worker' },
  { in: 'src/extension/main.ts', out: 'extension' },
  { in: 'scripts/eval/main.ts', out: 'eval' },
  { in: 'scripts/bench/main.ts', out: 'bench' },
].filter((e) => fs.existsSync(path.join(__dirname, e.in)));

async function main() {
  const ctx = await esbuild.context({
    entryPoints: entries,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: 'dist',
    sourcemap: !production,
    minify: production,
    external: ['vscode'],
    logLevel: 'warning',
    // linkedom's optional canvas support is never used
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
    plugins: [
      {
        name: 'ignore-canvas',
        setup(build) {
          build.onResolve({ filter: /^canvas$/ }, () => ({ path: 'canvas', namespace: 'empty' }));
          build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {}' }));
        },
      },
      {
        // compromise's lexicon written out, so that the names rules read it without loading compromise
        name: 'compromise-lexicon',
        setup(build) {
          build.onLoad({ filter: /[\\/]src[\\/]core[\\/]names[\\/]compromise-lexicon\.ts$/ }, () => ({
            contents: require('./scripts/compromise-lexicon').compromiseLexiconModule(),
            loader: 'js',
          }));
        },
      },
      {
        // the 275k-word list as one string split at run time: V8 parses a string literal and splits it in about a
        // third of the CPU time it takes to parse the same words as an array literal (esbuild's JSON loader)
        name: 'word-list-as-string',
        setup(build) {
          build.onLoad({ filter: /[\\/]an-array-of-english-words[\\/]index\.json$/ }, (args) => {
            const words = JSON.parse(fs.readFileSync(args.path, 'utf8'));
            if (!Array.isArray(words) || words.some((w) => typeof w !== 'string' || w.includes('\n'))) {
              throw new Error(`${args.path}: expected an array of one-line strings`);
            }
            return { contents: `module.exports = ${JSON.stringify(words.join('\n'))}.split('\\n');`, loader: 'js' };
          });
        },
      },
    ],
  });
  if (watch) {
    await ctx.watch();
  } else {
    await ctx.rebuild();
    await ctx.dispose();
    // pure ASCII: see scripts/ascii-bundle.js
    for (const e of entries) {
      const file = path.join(__dirname, 'dist', `${e.out}.js`);
      const text = fs.readFileSync(file, 'utf8');
      if (/[^\x00-\x7f]/.test(text)) fs.writeFileSync(file, asciiOnly(text));
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
