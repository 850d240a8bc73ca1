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
 * The compromise side is `sentenceTags` of tagger.ts itself (its per-text cache cleared). The wink
 * side maps wink's Universal Dependencies tags to the same coarse classes, with the same rule for
 * capitalised words inside a sentence; wink's lite model has no person entities, so its person
 * flag is a run of two or more proper nouns. wink-nlp is not a dependency of the project:
 * `npm install --no-save wink-nlp wink-eng-lite-web-model` before running this suite.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clearSentenceTags, sentenceTags, type Pos, type TokenTag } from '../../src/core/attribution/tagger';
import { analyse, type TextModel } from '../../src/core/text';
import { polnearArticles } from '../eval/attribution';
import { meterArticles, readMeterText } from '../eval/lib/meter-data';
import type { Suite } from './main';

function num(args: string[], name: string, dflt: number): number {
  const a = args.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : dflt;
}

interface WinkDoc {
  tokens(): { out(f: unknown): unknown[] };
  entities(): { out(f: unknown): { value: string; type: string }[]; each(cb: (e: { out(f: unknown): unknown }) => void): void };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

function loadWink(): Wink {
  // names in variables: the bundler leaves these requires to run time, so the bench builds without wink installed
  const lib = ['wink-nlp', 'wink-eng-lite-web-model'];
  /* eslint-disable @typescript-eslint/no-require-imports */
  const winkNLP = require(lib[0]!) as (model: unknown) => Wink;
  const model = require(lib[1]!) as unknown;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return winkNLP(model);
}

const UD: Record<string, Pos> = {
  PROPN: 'PROPN', NOUN: 'NOUN', PRON: 'PRON', ADJ: 'ADJ', DET: 'DET', VERB: 'VERB', AUX: 'VERB', ADV: 'ADV',
  PART: 'ADV', ADP: 'PREP', CCONJ: 'CONJ', SCONJ: 'CONJ', NUM: 'VAL',
};

/** wink's tags for the word tokens of sentence `s`, in tagger.ts's terms. */
function winkTags(nlp: Wink, model: TextModel, s: number): TokenTag[] {
  const sent = model.sentences[s]!;
  const str = model.text.slice(sent.start, sent.end);
  const doc = nlp.readDoc(str);
  const values = doc.tokens().out(nlp.its.value) as string[];
  const pos = doc.tokens().out(nlp.its.pos) as string[];
  // wink keeps each token's text as written: place them in the sentence in order
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const v of values) {
    const i = str.indexOf(v, at);
    starts.push(i < 0 ? at : i);
    ends.push(i < 0 ? at : i + v.length);
    if (i >= 0) at = i + v.length;
  }
  // DATE entities: their words are dates
  const dates: [number, number][] = [];
  let dat = 0;
  for (const e of doc.entities().out(nlp.its.detail)) {
    const i = str.indexOf(e.value, dat);
    if (i < 0) continue;
    dat = i + e.value.length;
    if (e.type === 'DATE') dates.push([i, i + e.value.length]);
  }
  const out: TokenTag[] = [];
  let j = 0;
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
    const tok = model.tokens[k]!;
    const rel = tok.start - sent.start;
    while (j < values.length && ends[j]! <= rel) j++;
    const ud = j < values.length && starts[j]! <= rel + 1 ? pos[j]! : 'X';
    const first = k === sent.tokenStart;
    let p: Pos = UD[ud] ?? 'X';
    const isDate = dates.some(([a, b]) => rel >= a && rel < b) && /^\p{Lu}|^(today|yesterday|tomorrow|tonight)$/u.test(tok.text);
    if (isDate) p = 'DATE';
    else if (p !== 'PRON' && p !== 'PROPN' && !first && /^\p{Lu}/u.test(tok.text)) p = 'PROPN';
    out.push({ pos: p, person: false, org: false, past: /ed$/.test(tok.norm), gerund: /ing$/.test(tok.norm) });
  }
  for (let k = 0; k < out.length; k++) {
    if (out[k]!.pos !== 'PROPN') continue;
    let e = k;
    while (e + 1 < out.length && out[e + 1]!.pos === 'PROPN') e++;
    if (e > k) for (let i = k; i <= e; i++) out[i]!.person = true;
    k = e;
  }
  return out;
}

/** Milliseconds for a fresh node process to require `lib` and tag one sentence (median of k). */
function loadTime(lib: 'compromise' | 'wink', k: number): number[] {
  const code =
    lib === 'compromise'
      ? `const t=performance.now();const m=require('compromise');(m.default||m)('Mr Smith said so on Tuesday.').json({offset:true});process.stdout.write(String(performance.now()-t))`
      : `const t=performance.now();const n=require('wink-nlp')(require('wink-eng-lite-web-model'));const d=n.readDoc('Mr Smith said so on Tuesday.');d.tokens().out(n.its.pos);process.stdout.write(String(performance.now()-t))`;
  const root = path.resolve(__dirname, '..');
  const ms: number[] = [];
  for (let i = 0; i < k; i++) ms.push(Number(execFileSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' })));
  return ms.sort((a, b) => a - b);
}

const suite: Suite = async ({ evalDir, args }) => {
  let nlp: Wink;
  try {
    nlp = loadWink();
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
      winkTags(nlp, m, s);
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
    const wink = sents.map(([m, s]) => winkTags(nlp, m, s));
    const tWink = performance.now() - t1;
    let same = 0, person = 0, past = 0, n = 0;
    const confusion = new Map<string, number>();
    comp.forEach((c, i) => {
      const w = wink[i]!;
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
