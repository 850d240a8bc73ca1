/**
 * `npx tsx scripts/bench/weasel-pool.ts OUT.tsv` (COPYDESK_EVAL_DIR: the eval data, default /work/shared/eval)
 *
 * weasel-attribution alone over every article `judge sample` draws from with seed H's options (all METER
 * articles with PA stories of their catchline, PolNeAR dev and train, BBC, IE-ER, ABC rural and science
 * stories). The rule reads only the article, not its references, so the findings are those of the judge
 * pool whatever the folds; OUT gets one line per finding (fingerprint as in judge TSVs, file, start, end,
 * text), stdout the flags per 10k words per corpus. Compare OUT with a judge TSV's weasel rows by
 * fingerprint for the judged findings still made.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../src/core/engine';
import { ReferenceIndex } from '../../src/core/reference-index';
import { RULE_CATALOGUE } from '../../src/core/rules/catalogue';
import { decodeBytes } from '../../src/node/decode';
import { meterArticles, paFiles, readMeterText } from '../eval/lib/meter-data';
import { abcStories, fingerprintOf } from '../eval/judge';

const evalDir = process.env.COPYDESK_EVAL_DIR ?? '/work/shared/eval';
const readAny = (p: string) => { const r = decodeBytes(fs.readFileSync(p)); if (!r.ok) throw new Error(p); return r.text; };
const arts: { corpus: string; id: string; text: string }[] = [];
const mdir = path.join(evalDir, 'meter');
const pa = paFiles(mdir);
for (const a of meterArticles(mdir)) if (pa.some((p) => p.id.startsWith(a.paDir))) arts.push({ corpus: 'meter', id: a.id, text: readMeterText(a.file) });
const pdir = path.join(evalDir, 'polnear', 'data');
for (const sp of ['dev', 'train']) for (const f of fs.readdirSync(path.join(pdir, sp, 'text')).filter((f) => f.endsWith('.txt')).sort()) arts.push({ corpus: 'polnear', id: `polnear/${sp}/${f}`, text: fs.readFileSync(path.join(pdir, sp, 'text', f), 'utf8') });
const bdir = path.join(evalDir, 'bbc_news');
for (const topic of fs.readdirSync(bdir).sort()) { const d = path.join(bdir, topic); if (!fs.statSync(d).isDirectory()) continue; for (const f of fs.readdirSync(d).filter((x) => x.endsWith('.txt')).sort()) arts.push({ corpus: 'bbc', id: `bbc_news/${topic}/${f}`, text: readAny(path.join(d, f)) }); }
const idir = path.join(evalDir, 'nltk_news', 'ieer');
const untag = (s: string) => s.replace(/<[be]_(?:enamex|numex|timex)[^>]*>/g, '').trim();
for (const f of fs.readdirSync(idir).filter((x) => /^(APW|NYT)_\d+$/.test(x)).sort()) for (const doc of fs.readFileSync(path.join(idir, f), 'utf8').split('<DOC>').slice(1)) { const no = /<DOCNO>\s*(\S+)\s*<\/DOCNO>/.exec(doc)?.[1]; const head = /<HEADLINE>([\s\S]*?)<\/HEADLINE>/.exec(doc)?.[1] ?? ''; const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(doc)?.[1]; if (no && body) arts.push({ corpus: 'ieer', id: `ieer/${no}`, text: `${untag(head)}\n\n${untag(body)}\n` }); }
for (const n of ['rural', 'science']) for (const s of abcStories(readAny(path.join(evalDir, 'nltk_news', 'abc', `${n}.txt`)), n)) arts.push({ corpus: 'abc', id: s.id, text: s.text });

const rules: Record<string, 'off'> = {};
for (const r of RULE_CATALOGUE) if (r.id !== 'weasel-attribution') rules[r.id] = 'off';
const empty = ReferenceIndex.build([]);
const words = new Map<string, number>(); const flags = new Map<string, number>();
const out: string[] = [];
for (const a of arts) {
  const res = check(a.text, empty, { rules } as never);
  words.set(a.corpus, (words.get(a.corpus) ?? 0) + res.words);
  for (const f of res.findings) {
    if (f.rule !== 'weasel-attribution') continue;
    flags.set(a.corpus, (flags.get(a.corpus) ?? 0) + 1);
    out.push(`${fingerprintOf(a.id, f)}\t${a.id}\t${f.start}\t${f.end}\t${f.text ?? ''}`);
  }
}
fs.writeFileSync(process.argv[2]!, out.join('\n') + '\n');
let W = 0, F = 0;
for (const [c, w] of words) { const fl = flags.get(c) ?? 0; W += w; F += fl; console.log(`${c}\t${w} words\t${fl} flags\t${(fl / w * 1e4).toFixed(2)} per 10k`); }
console.log(`all\t${arts.length} articles\t${W} words\t${F} flags\t${(F / W * 1e4).toFixed(2)} per 10k`);
