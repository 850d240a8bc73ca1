/**
 * `npx tsx test/fuzz/full.ts [--seed S] [--runs N] [--seconds T]`: the engine properties over
 * full-size inputs (articleAndRefsFull: articles of ~1,100 characters that reuse reference passages,
 * so that the rules fire on nearly every input; `npm run fuzz` uses fast-check's default small
 * sizes, where only ~2% of inputs produce a finding). Stops at N inputs or T seconds.
 */
import fc from 'fast-check';
import { articleAndRefsFull } from './generators';
import { checkProperties } from './properties';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const runs = arg('runs', 100_000);
const seconds = arg('seconds', Infinity);
const seed = arg('seed', Date.now() % 2 ** 31);
const batch = 500;
const t0 = Date.now();
let done = 0;
let findings = 0;
let failures = 0;
while (done < runs && (Date.now() - t0) / 1000 < seconds) {
  const n = Math.min(batch, runs - done);
  const out = fc.check(
    fc.property(articleAndRefsFull, ({ article, refs }) => {
      findings += checkProperties(article, refs).findings.length;
    }),
    { seed: seed + done, numRuns: n },
  );
  if (out.failed) {
    failures++;
    console.error(`FAILED (seed ${seed + done}): ${out.errorInstance}`);
    console.error('counterexample:', JSON.stringify(out.counterexample));
    break;
  }
  done += n;
  console.error(`fuzz-full: ${done} inputs, ${findings} findings, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`fuzz-full: ${done} inputs, seed ${seed}, ${findings} findings checked, ${failures} failures, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(failures ? 1 : 0);
