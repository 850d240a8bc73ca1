/**
 * The batched fuzz loop shared by `npm run fuzz` (scripts/fuzz.ts) and test/fuzz/full.ts: runs the
 * engine properties (properties.ts) over `runs` generated inputs in batches of `batch` seeds, stops
 * early after `seconds`, prints progress on stderr and the first counterexample, and exits 1 on a
 * failure.
 */
import fc from 'fast-check';

import { checkProperties } from './properties';

export const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

export interface FuzzRun {
  name: string;
  inputs: fc.Arbitrary<{ article: string; refs: string[] }>;
  runs: number;
  seed: number;
  batch: number;
  seconds?: number;
}

export function runFuzz(o: FuzzRun): never {
  const t0 = Date.now();
  const elapsed = () => (Date.now() - t0) / 1000;
  const seconds = o.seconds ?? Infinity;
  let done = 0;
  let findings = 0;
  let failures = 0;
  while (done < o.runs && elapsed() < seconds) {
    const n = Math.min(o.batch, o.runs - done);
    const out = fc.check(
      fc.property(o.inputs, ({ article, refs }) => {
        findings += checkProperties(article, refs).findings.length;
      }),
      { seed: o.seed + done, numRuns: n },
    );
    if (out.failed) {
      failures++;
      console.error(`\nFAILED (seed ${o.seed + done}): ${out.errorInstance}`);
      console.error('counterexample:', JSON.stringify(out.counterexample));
      break;
    }
    done += n;
    process.stderr.write(`\r${o.name}: ${done.toLocaleString()} / ${o.runs.toLocaleString()} inputs, ${findings.toLocaleString()} findings, ${elapsed().toFixed(0)} s`);
  }
  console.log(`\n${o.name}: ${done} inputs, seed ${o.seed}, ${findings} findings checked, ${failures} failures, ${elapsed().toFixed(1)} s`);
  process.exit(failures ? 1 : 0);
}
