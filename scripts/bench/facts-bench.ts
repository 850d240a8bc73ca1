/**
 * `npm run bench -- facts [--articles N] [--rounds R]`: what the fact-mismatch rule adds to check().
 *
 * Reference set: the 771 METER PA stories. Articles: the first N (default 200) wholly or partially
 * derived newspaper articles. Each round checks every article twice with every rule on, once with
 * fact-mismatch off and once with it on (order alternating per article, so drift in machine load
 * falls on both), after one warm-up round. Reported: total check() time of each, and the ratio.
 * A fresh check each time (no incremental aligner), as the CLI runs it. Process CPU time is
 * reported beside wall time: on a shared machine it moves far less with the other jobs' load.
 */
import * as path from 'node:path';
import { check } from '../../src/core/engine';
import { ReferenceIndex } from '../../src/core/reference-index';
import { meterArticles, paFiles, readMeterText } from '../eval/lib/meter-data';
import type { Suite } from './main';

function num(args: string[], name: string, dflt: number): number {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : dflt;
}

const suite: Suite = async ({ evalDir, args }) => {
  const dir = path.join(evalDir, 'meter');
  const n = num(args, 'articles', 200);
  const rounds = num(args, 'rounds', 3);
  const refs = paFiles(dir).map((p) => ({ id: p.id, path: p.file, text: readMeterText(p.file), meta: {} }));
  const index = ReferenceIndex.build(refs);
  const texts = meterArticles(dir)
    .filter((a) => a.label !== 'non_derived')
    .slice(0, n)
    .map((a) => readMeterText(a.file));
  const off = { rules: { 'fact-mismatch': 'off' as const } };
  for (const t of texts) check(t, index, {}); // warm: JIT, name lexicon, reference models
  let tOn = 0;
  let tOff = 0;
  let cOn = 0;
  let cOff = 0;
  let words = 0;
  for (let r = 0; r < rounds; r++) {
    texts.forEach((t, k) => {
      const order = (k + r) % 2 === 0 ? [true, false] : [false, true];
      for (const on of order) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        check(t, index, on ? {} : off);
        const dt = performance.now() - t0;
        const c = process.cpuUsage(c0);
        const dc = (c.user + c.system) / 1000;
        if (on) {
          tOn += dt;
          cOn += dc;
        } else {
          tOff += dt;
          cOff += dc;
        }
      }
      if (r === 0) words += t.split(/\s+/).length;
    });
  }
  const per = (x: number) => (x / (rounds * texts.length)).toFixed(1);
  console.log(`${texts.length} METER articles (${words} words), ${rounds} rounds; reference set ${refs.length} PA stories`);
  console.log(`check() without fact-mismatch: ${per(tOff)} ms/article; with: ${per(tOn)} ms/article; added ${(((tOn - tOff) / tOff) * 100).toFixed(1)} %`);
  console.log(`process CPU without: ${per(cOff)} ms/article; with: ${per(cOn)} ms/article; added ${(((cOn - cOff) / cOff) * 100).toFixed(1)} %`);
};

export default suite;
