/**
 * `npm run eval -- <suite...>`: accuracy on ../shared/eval (or $COPYDESK_EVAL_DIR).
 * Each suite lives in its own file and is registered here.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { setSentenceTagger } from '../../src/core/attribution/tagger';
import { winkSentenceTags } from '../bench/wink-tagger';

export type Suite = (opts: { evalDir: string; args: string[] }) => Promise<void>;

const SUITES: Record<string, () => Promise<Suite>> = {
  pan13: async () => (await import('./pan13')).default,
  meter: async () => (await import('./meter')).default,
  'meter-ceiling': async () => (await import('./meter-ceiling')).default,
  tune: async () => (await import('./tune')).default,
  names: async () => (await import('./names')).default,
  attribution: async () => (await import('./attribution')).default,
  judge: async () => (await import('./judge')).default,
  facts: async () => (await import('./facts')).default,
  fixes: async () => (await import('./fixes')).default,
};

/** suites run only when named: the hand-judging protocol, METER's verbatim ceiling and the fixes audit (minutes of re-checks) */
const NAMED_ONLY = new Set(['judge', 'meter-ceiling', 'fixes']);

/** flags whose next word is always their value: a split's name must never be read as a suite */
const VALUE_FLAGS = new Set(['--half', '--corpus', '--split']);

async function main() {
  const argv = process.argv.slice(2);
  const evalDir = process.env.COPYDESK_EVAL_DIR ?? path.resolve(__dirname, '..', '..', 'shared', 'eval');
  if (!fs.existsSync(evalDir)) {
    console.error(`eval: data folder not found: ${evalDir} (set COPYDESK_EVAL_DIR)`);
    process.exit(2);
  }
  // a word right after a --flag is that flag's value unless it names a suite (--corpus train, --limit 50);
  // after a flag that always takes a value it is the value even when it names a suite (`--half tune`)
  const isValue = (a: string, k: number) => k > 0 && /^--[^=]+$/.test(argv[k - 1]!) && (VALUE_FLAGS.has(argv[k - 1]!) || !(a in SUITES));
  const names = argv.filter((a, k) => !a.startsWith('-') && !isValue(a, k));
  const flags = argv.filter((a, k) => a.startsWith('-') || isValue(a, k));
  // `judge` takes sub-commands and a file (judge sample …, judge score FILE): everything after it is its own
  if (argv[0] === 'judge') {
    console.log('\n=== eval judge');
    await (await SUITES.judge!())({ evalDir, args: argv.slice(1) });
    return;
  }
  // --tagger=wink: article sentences tagged by wink-nlp instead of compromise (docs/PERFORMANCE.md)
  const tagger = flags.find((a) => a.startsWith('--tagger='))?.slice(9);
  if (tagger === 'wink') setSentenceTagger(winkSentenceTags);
  if (tagger) console.log(`tagger: ${tagger === 'wink' ? 'wink-nlp' : 'compromise'}`);
  const run = names.length ? names : Object.keys(SUITES).filter((n) => !NAMED_ONLY.has(n));
  for (const n of run) {
    const load = SUITES[n];
    if (!load) {
      console.error(`eval: unknown suite '${n}' (have: ${Object.keys(SUITES).join(', ')})`);
      process.exit(2);
    }
    console.log(`\n=== eval ${n}`);
    await (await load())({ evalDir, args: flags });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
