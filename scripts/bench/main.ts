/**
 * `npm run bench -- <suite...>`: speed and memory; reads ../shared/eval (or $COPYDESK_EVAL_DIR).
 * Each suite lives in its own file and is registered here.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';

export type Suite = (opts: { evalDir: string; args: string[] }) => Promise<void>;

const SUITES: Record<string, () => Promise<Suite>> = {
  index: async () => (await import('./index-bench')).default,
  editor: async () => (await import('./editor-bench')).default,
  same: async () => (await import('./same-bench')).default,
  facts: async () => (await import('./facts-bench')).default,
  tagger: async () => (await import('./tagger-bench')).default,
  sweep: async () => (await import('./sweep-bench')).default,
};

async function main() {
  const argv = process.argv.slice(2);
  const evalDir = process.env.COPYDESK_EVAL_DIR ?? path.resolve(__dirname, '..', '..', 'shared', 'eval');
  if (!fs.existsSync(evalDir)) {
    console.error(`bench: data folder not found: ${evalDir} (set COPYDESK_EVAL_DIR)`);
    process.exit(2);
  }
  const names = argv.filter((a) => !a.startsWith('-'));
  const flags = argv.filter((a) => a.startsWith('-'));
  const run = names.length ? names : Object.keys(SUITES);
  for (const n of run) {
    const load = SUITES[n];
    if (!load) {
      console.error(`bench: unknown suite '${n}' (have: ${Object.keys(SUITES).join(', ')})`);
      process.exit(2);
    }
    console.log(`\n=== bench ${n}`);
    await (await load())({ evalDir, args: flags });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
