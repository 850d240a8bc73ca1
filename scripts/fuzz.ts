/**
 * `npm run fuzz [-- --runs N --seed S]`: the engine's properties (test/fuzz/properties.ts) over many
 * generated inputs. Default one million runs; prints progress and the first counterexample.
 */
import fc from 'fast-check';
import { articleAndRefs } from '../test/fuzz/generators';
import { checkProperties } from '../test/fuzz/properties';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const runs = arg('runs', 1_000_000);
const seed = arg('seed', Date.now() % 2 ** 31);
const batch = 10_000;
const t0 = Date.now();
let done = 0;
let failures = 0;
while (done < runs) {
  const n = Math.min(batch, runs - done);
  const out = fc.check(fc.property(articleAndRefs, ({ article, refs }) => void checkProperties(article, refs)), {
    seed: seed + done,
    numRuns: n,
  });
  if (out.failed) {
    failures++;
    console.error(`FAILED (seed ${seed + done}): ${out.errorInstance}`);
    console.error('counterexample:', JSON.stringify(out.counterexample));
    break;
  }
  done += n;
  const s = (Date.now() - t0) / 1000;
  process.stderr.write(`\rfuzz: ${done.toLocaleString()} / ${runs.toLocaleString()} inputs, ${s.toFixed(0)} s`);
}
console.log(`\nfuzz: ${done} inputs, seed ${seed}, ${failures} failures, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(failures ? 1 : 0);
