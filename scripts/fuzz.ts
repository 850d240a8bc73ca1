/**
 * `npm run fuzz [-- --runs N --seed S]`: the engine's properties (test/fuzz/properties.ts) over many
 * generated inputs. Default one million runs; prints progress and the first counterexample.
 */
import { articleAndRefs } from '../test/fuzz/generators';
import { arg, runFuzz } from '../test/fuzz/runner';

runFuzz({ name: 'fuzz', inputs: articleAndRefs, runs: arg('runs', 1_000_000), seed: arg('seed', Date.now() % 2 ** 31), batch: 10_000 });
