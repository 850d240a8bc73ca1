/**
 * `npx tsx test/fuzz/full.ts [--seed S] [--runs N] [--seconds T]`: the engine properties over
 * full-size inputs (articleAndRefsFull: articles of ~1,100 characters that reuse reference passages,
 * so that the rules fire on nearly every input; `npm run fuzz` uses fast-check's default small
 * sizes, where only ~2% of inputs produce a finding). Stops at N inputs or T seconds.
 */
import { articleAndRefsFull } from './generators';
import { arg, runFuzz } from './runner';

runFuzz({
  name: 'fuzz-full',
  inputs: articleAndRefsFull,
  runs: arg('runs', 100_000),
  seconds: arg('seconds', Infinity),
  seed: arg('seed', Date.now() % 2 ** 31),
  batch: 500,
});
