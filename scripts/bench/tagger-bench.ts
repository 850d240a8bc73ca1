/**
 * `npm run bench -- tagger [--polnear=N] [--meter=N] [--loads=K]`: compromise against wink-nlp
 * (wink-eng-lite-web-model) as the attribution code's sentence tagger.
 *
 * Sentences: those of the first N PolNeAR dev articles (default all) and of the first N METER
 * newspaper articles (default 200), read by path at run time, split by the engine's own text model.
 * For each library: load time (a fresh `node` process requiring it and tagging one short sentence,
 * K times), sentences/second tagging every sentence once (after a warm-up pass over the first 200),
 * and how often the two agree on what `tagger.ts` exposes: the coarse class (PROPN, NOUN, VERB ...),
 * the person flag and the past flag, per word token of the engine's text model.
 *
 * The compromise side is `sentenceTags` of tagger.ts (its per-text cache cleared), the wink side
 * `winkSentenceTags` of wink-tagger.ts (wink's Universal Dependencies tags in the same coarse classes).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearSentenceTags, sentenceTags } from '../../src/core/attribution/tagger';
import { analyse, type TextModel } from '../../src/core/text';
import { polnearArticles } from '../eval/attribution';
import { meterArticles, readMeterText } from '../eval/lib/meter-data';
import type { Suite } from './main';
import { wink, winkSentenceTags } from './wink-tagger';

function num(args: string[], name: string, dflt: number): number {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : dflt;
}

/** Milliseconds for a fresh node process to require `lib` (compromise: the `two` build the engine loads) and tag one sentence. */
function loadTime(lib: 'compromise' | 'wink', k: number): number[] {
  const code =
    lib === 'compromise'
      ? `const t=performance.now();const m=require('compromise/two');(m.default||m)('Mr Smith said so on Tuesday.').json({offset:true});process.stdout.write(String(performance.now()-t))`
      : `const t=performance.now();const n=require('wink-nlp')(require('wink-eng-lite-web-model'));const d=n.readDoc('Mr Smith said so on Tuesday.');d.tokens().out(n.its.pos);process.stdout.write(String(performance.now()-t))`;
  const root = path.resolve(__dirname, '..');
  const ms: number[] = [];
  for (let i = 0; i < k; i++) ms.push(Number(execFileSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' })));
  return ms.sort((a, b) => a - b);
}

const suite: Suite = async ({ evalDir, args }) => {
  try {
    wink();
  } catch {
    console.error('tagger: wink-nlp is not installed (npm install --no-save wink-nlp wink-eng-lite-web-model)');
    process.exit(2);
  }
  const loads = num(args, 'loads', 3);
  const texts: { set: string; text: string }[] = [];
  for (const a of polnearArticles(path.join(evalDir, 'polnear'), 'dev').slice(0, num(args, 'polnear', 1e9))) texts.push({ set: 'PolNeAR dev', text: a.text });
  const mdir = path.join(evalDir, 'meter');
  for (const a of meterArticles(mdir).slice(0, num(args, 'meter', 200))) {
    if (fs.existsSync(a.file)) texts.push({ set: 'METER newspapers', text: readMeterText(a.file) });
  }
  const sets = [...new Set(texts.map((t) => t.set))];
  console.log(`load (fresh process: require + one sentence, ms, ${loads} runs, sorted):`);
  console.log(`  compromise ${loadTime('compromise', loads).map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`  wink-nlp   ${loadTime('wink', loads).map((x) => x.toFixed(0)).join(' ')}`);

  for (const set of sets) {
    const models = texts.filter((t) => t.set === set).map((t) => analyse(t.text));
    const sents: [TextModel, number][] = [];
    for (const m of models) for (let s = 0; s < m.sentences.length; s++) if (m.sentences[s]!.tokenEnd > m.sentences[s]!.tokenStart) sents.push([m, s]);
    const words = sents.reduce((n, [m, s]) => n + m.sentences[s]!.tokenEnd - m.sentences[s]!.tokenStart, 0);
    // warm-up: JIT and lazy lexicons of both
    for (const [m, s] of sents.slice(0, 200)) {
      winkSentenceTags(m, s);
      sentenceTags(m, s);
    }
    clearSentenceTags();
    // fresh models so that tagger.ts's per-model cache is empty
    const fresh = models.map((m) => analyse(m.text));
    const ix = new Map(models.map((m, i) => [m, fresh[i]!]));
    const t0 = performance.now();
    const comp = sents.map(([m, s]) => sentenceTags(ix.get(m)!, s));
    const tComp = performance.now() - t0;
    const t1 = performance.now();
    const winkOut = sents.map(([m, s]) => winkSentenceTags(m, s));
    const tWink = performance.now() - t1;
    let same = 0, person = 0, past = 0, n = 0;
    const confusion = new Map<string, number>();
    comp.forEach((c, i) => {
      const w = winkOut[i]!;
      for (let k = 0; k < c.length; k++) {
        n++;
        if (c[k]!.pos === w[k]!.pos) same++;
        else confusion.set(`${c[k]!.pos}->${w[k]!.pos}`, (confusion.get(`${c[k]!.pos}->${w[k]!.pos}`) ?? 0) + 1);
        if (c[k]!.person === w[k]!.person) person++;
        if (c[k]!.past === w[k]!.past) past++;
      }
    });
    const pct = (x: number) => `${((100 * x) / n).toFixed(1)}%`;
    console.log(`\n${set}: ${models.length} articles, ${sents.length} sentences, ${words} words`);
    console.log(`  compromise ${tComp.toFixed(0)} ms  ${((1000 * sents.length) / tComp).toFixed(0)} sentences/s`);
    console.log(`  wink-nlp   ${tWink.toFixed(0)} ms  ${((1000 * sents.length) / tWink).toFixed(0)} sentences/s  (x${(tComp / tWink).toFixed(1)})`);
    console.log(`  agreement per word: class ${pct(same)}, person ${pct(person)}, past ${pct(past)}`);
    const top = [...confusion].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`  most frequent class differences (compromise->wink): ${top.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
};

export default suite;
