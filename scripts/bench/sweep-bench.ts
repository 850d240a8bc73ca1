/**
 * `npm run bench -- sweep [--polnear=N] [--meter=N] [--rounds=K]`: compromise's own post-tagger
 * `bulkMatch` against the engine's (`src/core/compromise-sweep.ts`), on every sentence (the engine's own
 * split) of the PolNeAR dev articles and of the first N METER newspaper articles, read by path.
 *
 * Checks that compromise's whole output (`.json({ offset: true })`: every term's text, offset and every
 * tag, in order; not the terms' ids, which count up) is the same with either, sentence by sentence, and times tagging all sentences with each, K rounds
 * alternating (CPU time of this process).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withOriginalBulkMatch } from '../../src/core/compromise-sweep';
import { compromise } from '../../src/core/lazy-nlp';
import { analyse } from '../../src/core/text';
import { polnearArticles } from '../eval/attribution';
import { meterArticles, readMeterText } from '../eval/lib/meter-data';
import type { Suite } from './main';

function num(args: string[], name: string, dflt: number): number {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : dflt;
}

const suite: Suite = async ({ evalDir, args }) => {
  const texts: string[] = [];
  for (const a of polnearArticles(path.join(evalDir, 'polnear'), 'dev').slice(0, num(args, 'polnear', 1e9))) texts.push(a.text);
  const mdir = path.join(evalDir, 'meter');
  for (const a of meterArticles(mdir).slice(0, num(args, 'meter', 200))) if (fs.existsSync(a.file)) texts.push(readMeterText(a.file));
  const sents: string[] = [];
  for (const t of texts) {
    const m = analyse(t);
    for (const s of m.sentences) if (s.tokenEnd > s.tokenStart) sents.push(t.slice(s.start, s.end));
  }
  const words = sents.reduce((n, s) => n + s.split(/\s+/).length, 0);
  const nlp = compromise();
  const methods = nlp.methods() as unknown as Parameters<typeof withOriginalBulkMatch>[0];
  const tagAll = () => sents.map((s) => JSON.stringify(nlp(s).json({ offset: true }), (k, v) => (k === 'id' ? undefined : v)));
  let differ = 0;
  const ours = tagAll();
  const theirs = withOriginalBulkMatch(methods, tagAll);
  for (let i = 0; i < sents.length; i++) if (ours[i] !== theirs[i]) differ++;
  console.log(`${sents.length} sentences (${texts.length} articles, ~${words} words): compromise output differs on ${differ}`);
  const rounds = num(args, 'rounds', 3);
  const cpu = (fn: () => unknown) => {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    const d = process.cpuUsage(c);
    return `${(performance.now() - t).toFixed(0)} ms (CPU ${((d.user + d.system) / 1000).toFixed(0)})`;
  };
  for (let r = 0; r < rounds; r++) {
    const a = cpu(() => withOriginalBulkMatch(methods, tagAll));
    const b = cpu(tagAll);
    console.log(`round ${r + 1}: compromise's bulkMatch ${a}, the engine's ${b}`);
  }
  if (differ > 0) process.exitCode = 1;
};
export default suite;
