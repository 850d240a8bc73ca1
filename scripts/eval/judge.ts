/**
 * `npm run eval -- judge sample --seed A [--out DIR] [--per-rule 40] [--meter 150] [--polnear 84] [--bbc 60]
 *    [--bbc-folds K] [--polnear-train N] [--polnear-folds K] [--ieer] [--abc] [--pa] [--story] [--exclude FILE[,FILE…]]`
 * `npm run eval -- judge score FILE [--out DIR] [--judged-only PREFIX]`
 *
 * A hand-judging protocol for precision on real copy (issue 17). The engine, with its defaults, runs on
 *  - METER newspaper articles, each against the Press Association stories of its own catchline;
 *  - PolNeAR dev articles against the PolNeAR train articles (the twins the aligner finds there);
 *  - BBC articles against an archive of all the other BBC articles: with `--bbc-folds K` the chosen articles
 *    are split into K folds and each fold is checked against every BBC article outside it (so `--bbc 2225
 *    --bbc-folds 5` checks every article against 80 % of the others); without it, against the unchosen ones;
 *  - with `--polnear-train N`, N PolNeAR train articles as well, in `--polnear-folds` folds, each fold against
 *    the dev articles and the train articles outside it (the test split is never read);
 *  - with `--ieer`, the NIST IE-ER newswire stories (APW, NYT, March–April 1998; entity tags stripped), in
 *    5 folds, each fold against the stories outside it;
 *  - with `--abc`, the NLTK ABC news (Australian Broadcasting Commission 2006, rural and science news), split
 *    into stories by `abcStories`, in 5 folds (seeded, as for BBC), each fold against every ABC story outside it;
 *  - with `--pa`, the METER Press Association stories themselves (771), in 5 seeded folds, each fold against the
 *    PA stories outside it;
 *  - with `--story`, the five renderings of one story in shared/eval/story, each against the other four.
 * `--exclude` names verdict files judged before: findings whose fingerprint is in them are not sampled (a
 * fresh, held-out sample); the files and the number excluded per bucket go in the header line.
 * The seed picks the articles (a seeded shuffle of each corpus) and then up to `--per-rule` findings per
 * bucket (rule, and severity for misquote). `sample` writes, OUTSIDE the repository (default
 * /work/judge, or --out), a Markdown file with every sampled finding in its context (article text around
 * it, the reference span, the preferred fix applied to its paragraph, automatic well-formedness checks)
 * and a TSV verdict template. The corpus text stays in those files only.
 *
 * Judged verdict files are kept in the repository (docs/judgements/*.tsv) WITHOUT corpus text:
 *   fingerprint  bucket  file  start  end  verdict  reason  [kind]
 * verdict is useful | trivial | wrong; reason a short code (e.g. continuation-quote, misread-cue); kind (files
 * from seed F on) the misquote case read from the message (`misquoteKind`), `-` for other rules.
 * The first line is `# seed=<seed> per-rule=<n> meter=<n> polnear=<n> bbc=<n>`, followed by `key=value` for
 * every option above that is set (`bbc-folds`, `polnear-train`, `polnear-folds`, `ieer`, `abc`, `exclude`, and
 * `excluded=<bucket>:<n>,…` as sampled).
 *
 * `score FILE` regenerates the sample of the file's seed with the current engine, reports per bucket the
 * judged shares (useful / trivial / wrong), how many judged findings the current engine still makes
 * (matched by fingerprint = rule + file + offsets) and the share wrong among those still made, plus
 * flags per 10k words per bucket over all checked articles, and for misquote the wrong share by kind, then lists
 * the judged findings no longer made. `--judged-only PREFIX` (for iterating on one rule) checks only the articles
 * holding judged findings of the buckets starting with PREFIX, with every other rule off: the judged figures of
 * those buckets are as in a full run (references are the same), flags per 10k words and exclusions are not.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../src/core/engine';
import { ReferenceIndex } from '../../src/core/reference-index';
import type { Settings } from '../../src/core/settings';
import { RULE_IDS, type Finding, type ReferenceDoc } from '../../src/core/types';
import { decodeBytes } from '../../src/node/decode';
import { meterArticles, paFiles, readMeterText } from './lib/meter-data';
import type { Suite } from './main';
import { rngFromString } from '../lib/rng';

export interface Opts {
  seed: string;
  perRule: number;
  meter: number;
  polnear: number;
  bbc: number;
  /** folds of the chosen BBC articles, each checked against all BBC articles outside it (0: unchosen only) */
  bbcFolds?: number;
  /** PolNeAR train articles checked too, in polnearFolds folds (each against dev + the train outside it) */
  polnearTrain?: number;
  polnearFolds?: number;
  /** check the IE-ER newswire stories against each other (5 folds) */
  ieer?: boolean;
  /** check the ABC rural and science news stories against the rest of ABC (5 folds) */
  abc?: boolean;
  /** check the METER Press Association stories against the PA stories outside their fold (5 seeded folds) */
  pa?: boolean;
  /** check each of the five renderings of one story in shared/eval/story against the other four */
  story?: boolean;
  /** verdict files whose judged fingerprints are not sampled */
  exclude?: string[];
  /**
   * give each reference the outlet it comes from (PA, the PolNeAR paper, BBC News, ABC, the IE-ER agency), as an
   * editor's reference files say in their front matter; findings then carry the fixes that credit an outlet.
   * Off for hand samples, so that the seeds judged before regenerate as they were.
   */
  outlets?: boolean;
}

const POLNEAR_OUTLETS: Record<string, string> = {
  breitbart: 'Breitbart', 'huff-post': 'HuffPost', nyt: 'The New York Times', politico: 'Politico',
  'usa-today': 'USA Today', 'wash-post': 'The Washington Post', 'west-journal': 'Western Journal',
};

/** The outlet of a reference of the judge pool, from its corpus and file name. */
export function outletOf(id: string): string {
  if (id.startsWith('bbc_news/')) return 'BBC News';
  if (id.startsWith('abc/') || id.startsWith('rural') || id.startsWith('science')) return 'ABC';
  const polnear = /^(?:train|dev)\/([a-z-]+?)_\d{4}-/.exec(id);
  if (polnear) return POLNEAR_OUTLETS[polnear[1]!] ?? polnear[1]!;
  if (/^(APW|NYT)/.test(path.basename(id))) return path.basename(id).startsWith('APW') ? 'Associated Press' : 'The New York Times';
  return 'Press Association';
}

export interface Sampled {
  fp: string;
  bucket: string;
  corpus: string;
  file: string;
  text: string;
  finding: Finding;
  refText?: string;
}

function shuffle<T>(xs: T[], r: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function readAny(p: string): string {
  const r = decodeBytes(fs.readFileSync(p));
  if (!r.ok) throw new Error(`${p}: ${r.error}`);
  return r.text;
}

/** The bucket of a finding: its rule, and its severity for the rules whose findings come at two severities. */
export function bucketOf(f: Finding): string {
  return f.rule === 'misquote' || f.rule === 'name-spelling' ? `${f.rule}/${f.severity}` : f.rule;
}

/**
 * A bucket as a verdict file names it: files judged before a rule's findings were split by severity name
 * the rule alone (name-spelling), so a finding's bucket is read at that level.
 */
export function bucketAt(bucket: string, fileBuckets: ReadonlySet<string>): string {
  const rule = bucket.split('/')[0]!;
  return !fileBuckets.has(bucket) && fileBuckets.has(rule) ? rule : bucket;
}

/** The case of a misquote finding, from its message (grouping verdicts by kind); `-` for other rules. */
export function misquoteKind(f: Pick<Finding, 'rule' | 'message'>): string {
  if (f.rule !== 'misquote') return '-';
  const m = f.message;
  if (m.startsWith('Quote not found')) return 'not-found';
  if (m.startsWith('Changed speaker')) return 'changed-speaker';
  if (m.startsWith('Quote differs from the source only in spelling')) return 'spelling';
  if (m.startsWith('Misquote: the ellipsis hides')) return 'ellipsis-hides';
  if (m.startsWith('Quote shortened')) return 'shortened';
  if (m.startsWith('Quotation marks dropped')) return 'marks-dropped';
  if (m.startsWith('Misquote:')) return 'wording';
  return m.split(/[\s:]+/).slice(0, 3).join('-').toLowerCase() || 'other';
}

/** Fingerprints already judged in verdict files (first column of every non-comment row). */
export function judgedFingerprints(files: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    for (const l of fs.readFileSync(f, 'utf8').split('\n')) {
      if (!l.trim() || l.startsWith('#')) continue;
      out.add(l.split('\t')[0]!.trim());
    }
  }
  return out;
}

/**
 * Up to perRule findings per bucket, seeded, buckets in sorted order, leaving out findings whose fingerprint is
 * in `excluded`; also the number left out per bucket.
 */
export function sampleBuckets(found: readonly Sampled[], perRule: number, r: () => number, excluded: ReadonlySet<string> = new Set()): { sampled: Sampled[]; excludedBy: Map<string, number> } {
  const byBucket = new Map<string, Sampled[]>();
  const excludedBy = new Map<string, number>();
  for (const s of found) {
    if (!byBucket.has(s.bucket)) byBucket.set(s.bucket, []);
    if (excluded.has(s.fp)) excludedBy.set(s.bucket, (excludedBy.get(s.bucket) ?? 0) + 1);
    else byBucket.get(s.bucket)!.push(s);
  }
  const sampled: Sampled[] = [];
  for (const b of [...byBucket.keys()].sort()) sampled.push(...shuffle(byBucket.get(b)!, r).slice(0, perRule));
  return { sampled, excludedBy };
}

/** IE-ER newswire stories: headline and text of each <DOC>, entity tags stripped. */
function ieerStories(dir: string): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  const untag = (s: string) => s.replace(/<[be]_(?:enamex|numex|timex)[^>]*>/g, '').trim();
  for (const f of fs.readdirSync(dir).filter((x) => /^(APW|NYT)_\d+$/.test(x)).sort()) {
    const raw = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const doc of raw.split('<DOC>').slice(1)) {
      const no = /<DOCNO>\s*(\S+)\s*<\/DOCNO>/.exec(doc)?.[1];
      const head = /<HEADLINE>([\s\S]*?)<\/HEADLINE>/.exec(doc)?.[1] ?? '';
      const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(doc)?.[1];
      if (!no || !body) continue;
      out.push({ id: `ieer/${no}`, text: `${untag(head)}\n\n${untag(body)}\n` });
    }
  }
  return out;
}

/** A line that ends a sentence: final stop, question or exclamation mark, then optional closing quotes or brackets. */
const SENTENCE_END = /[.!?]['"’”)\]]*\s*$/;

/**
 * The NLTK ABC news files (one sentence a line) split into stories. The files mark no story boundary; a story's
 * first line is its headline (or, in science news, a picture caption), which has no sentence-final punctuation.
 * So a story starts at a non-blank line that ends without ., ! or ? (closing quotes allowed), nor with a comma,
 * colon or semicolon (a sentence broken across lines), and does not open with a bullet, where the line before is
 * blank or ends a sentence (the first line of the file too). A sub-heading inside a story matches the same test,
 * so it starts a story of its own: such a story is one article cut in two, each part checked on its own. Each
 * story is its lines as in the file (blank lines at its ends dropped), with id `abc/<name>/<line>`, the 1-based
 * line of its first line.
 */
export function abcStories(text: string, name: string): { id: string; text: string }[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (!l || SENTENCE_END.test(l) || /[,:;]$/.test(l) || /^(?:&bull;|[•*-]\s)/.test(l)) continue;
    const prev = i > 0 ? lines[i - 1]!.trim() : '';
    if (!prev || SENTENCE_END.test(prev)) starts.push(i);
  }
  if (!starts.length || starts[0] !== 0) starts.unshift(0);
  const out: { id: string; text: string }[] = [];
  for (let k = 0; k < starts.length; k++) {
    const body = lines.slice(starts[k], starts[k + 1] ?? lines.length).join('\n').replace(/^\s*\n/, '').trimEnd();
    if (body.trim()) out.push({ id: `abc/${name}/${starts[k]! + 1}`, text: `${body}\n` });
  }
  return out;
}

export function fingerprintOf(file: string, f: Finding): string {
  return crypto.createHash('sha1').update(`${f.rule}|${file}|${f.start}|${f.end}`).digest('hex').slice(0, 12);
}

interface Run {
  sampled: Sampled[];
  /** findings left out of the sample per bucket because an --exclude file judged them */
  excludedBy: Map<string, number>;
  all: Map<string, number>;
  /** every finding made, sampled or not, by fingerprint */
  fps: Map<string, Sampled>;
  words: number;
  articles: number;
}

/**
 * Only these articles, with these rule settings (`--judged-only`). The folds and reference sets stay
 * those of the whole run, so each checked article gets the references it gets in a full run; folds and
 * METER articles holding none of the files are skipped before their index is built.
 */
export interface Focus {
  files: ReadonlySet<string>;
  rules: Partial<Settings['rules']>;
}

/** One checked article, as `generate` hands it to a visitor: its text, the index it was checked against, its findings. */
export interface Checked {
  corpus: string;
  file: string;
  text: string;
  index: ReferenceIndex;
  findings: readonly Finding[];
}

/**
 * Run the engine on the seed's articles (or the focus's among them) and sample findings per bucket; `visit`
 * sees every checked article with its index (the fixes audit re-checks fixed texts against it).
 */
export function generate(evalDir: string, o: Opts, focus?: Focus, visit?: (c: Checked) => void): Run {
  const r = rngFromString(o.seed);
  const meta = (id: string) => (o.outlets ? { outlet: outletOf(id) } : {});
  const found: Sampled[] = [];
  const all = new Map<string, number>();
  const fps = new Map<string, Sampled>();
  let words = 0;
  let articles = 0;
  const only = focus?.files;
  /**
   * Check articles in k folds (article i in fold i mod k), each fold against the references refsFor gives for
   * the texts in that fold (so a byte-identical twin of a checked article is never its reference).
   */
  const foldRun = (corpus: string, arts: { id: string; text: string }[], k: number, refsFor: (inFold: Set<string>) => ReferenceDoc[]) => {
    for (let fold = 0; fold < k; fold++) {
      const mine = arts.filter((a, i) => i % k === fold && (!only || only.has(a.id)));
      if (!mine.length) continue;
      const refs = refsFor(new Set(arts.filter((_, i) => i % k === fold).map((a) => a.text)));
      const index = ReferenceIndex.build(refs);
      const map = new Map(refs.map((d) => [d.id, d.text]));
      for (const a of mine) run(corpus, a.id, a.text, index, map);
    }
  };
  const run = (corpus: string, file: string, text: string, index: ReferenceIndex, refs: Map<string, string>) => {
    if (only && !only.has(file)) return;
    let res;
    try {
      res = check(text, index, focus ? { rules: focus.rules } : {});
    } catch (e) {
      console.error(`judge: ${file}: ${(e as Error).message}`);
      return;
    }
    words += res.words;
    articles++;
    visit?.({ corpus, file, text, index, findings: res.findings });
    for (const f of res.findings) {
      const bucket = bucketOf(f);
      all.set(bucket, (all.get(bucket) ?? 0) + 1);
      const s: Sampled = { fp: fingerprintOf(file, f), bucket, corpus, file, text, finding: f, refText: f.source ? refs.get(f.source.id) : undefined };
      fps.set(s.fp, s);
      found.push(s);
    }
  };

  // METER: each article against its catchline's PA stories
  const mdir = path.join(evalDir, 'meter');
  const pa = paFiles(mdir);
  for (const a of shuffle(meterArticles(mdir), r).slice(0, o.meter)) {
    if (only && !only.has(a.id)) continue;
    const refs = pa.filter((p) => p.id.startsWith(a.paDir)).map((p) => ({ id: p.id, path: p.id, text: readMeterText(p.file), meta: meta(p.id) }));
    if (!refs.length) continue;
    run('meter', a.id, readMeterText(a.file), ReferenceIndex.build(refs), new Map(refs.map((d) => [d.id, d.text])));
  }

  // PolNeAR: dev articles against the train articles
  const pdir = path.join(evalDir, 'polnear', 'data');
  const ptrain: ReferenceDoc[] = fs.readdirSync(path.join(pdir, 'train', 'text')).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ id: `train/${f}`, path: `train/${f}`, text: fs.readFileSync(path.join(pdir, 'train', 'text', f), 'utf8'), meta: meta(`train/${f}`) }));
  const pindex = ReferenceIndex.build(ptrain);
  const pmap = new Map(ptrain.map((d) => [d.id, d.text]));
  const pdev = fs.readdirSync(path.join(pdir, 'dev', 'text')).filter((f) => f.endsWith('.txt')).sort();
  for (const f of shuffle(pdev, r).slice(0, o.polnear)) run('polnear', `polnear/dev/${f}`, fs.readFileSync(path.join(pdir, 'dev', 'text', f), 'utf8'), pindex, pmap);

  // PolNeAR train articles, in folds: each fold against the dev articles and the train articles outside it
  if (o.polnearTrain) {
    const pdevDocs: ReferenceDoc[] = pdev.map((f) => ({ id: `dev/${f}`, path: `dev/${f}`, text: fs.readFileSync(path.join(pdir, 'dev', 'text', f), 'utf8'), meta: meta(`dev/${f}`) }));
    const chosen = shuffle(ptrain, r).slice(0, o.polnearTrain);
    foldRun('polnear', chosen.map((d) => ({ id: `polnear/${d.id}`, text: d.text })), o.polnearFolds || 5, (inFold) => [...pdevDocs, ...ptrain.filter((d) => !inFold.has(d.text))]);
  }

  // BBC: the chosen articles against all the others (duplicates of a chosen article left out)
  const bdir = path.join(evalDir, 'bbc_news');
  const bbc: { id: string; text: string }[] = [];
  for (const topic of fs.readdirSync(bdir).sort()) {
    const d = path.join(bdir, topic);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const f of fs.readdirSync(d).filter((x) => x.endsWith('.txt')).sort()) bbc.push({ id: `bbc_news/${topic}/${f}`, text: readAny(path.join(d, f)) });
  }
  const chosen = shuffle(bbc, r).slice(0, o.bbc);
  const asRefs = (xs: { id: string; text: string }[]): ReferenceDoc[] => xs.map((b) => ({ id: b.id, path: b.id, text: b.text, meta: meta(b.id) }));
  if (o.bbcFolds) {
    foldRun('bbc', chosen, o.bbcFolds, (inFold) => asRefs(bbc.filter((b) => !inFold.has(b.text))));
  } else {
    const chosenTexts = new Set(chosen.map((c) => c.text));
    const brefs = asRefs(bbc.filter((b) => !chosenTexts.has(b.text)));
    const bindex = ReferenceIndex.build(brefs);
    const bmap = new Map(brefs.map((d) => [d.id, d.text]));
    for (const c of chosen) run('bbc', c.id, c.text, bindex, bmap);
  }

  // IE-ER newswire stories against each other, in folds
  if (o.ieer) {
    const stories = ieerStories(path.join(evalDir, 'nltk_news', 'ieer'));
    foldRun('ieer', stories, 5, (inFold) => asRefs(stories.filter((s) => !inFold.has(s.text))));
  }

  // ABC rural and science news stories, in seeded folds, each against the ABC stories outside it
  if (o.abc) {
    const adir = path.join(evalDir, 'nltk_news', 'abc');
    const abc = ['rural', 'science'].flatMap((n) => abcStories(readAny(path.join(adir, `${n}.txt`)), n));
    foldRun('abc', shuffle(abc, r), 5, (inFold) => asRefs(abc.filter((s) => !inFold.has(s.text))));
  }

  // METER's PA stories (the wire, not the papers), in seeded folds, each against the PA stories outside it: a
  // wire story checked against the agency's other takes and stories, its own catchline's included
  if (o.pa) {
    const stories = pa.map((p) => ({ id: p.id, text: readMeterText(p.file) }));
    foldRun('pa', shuffle(stories, r), 5, (inFold) => asRefs(stories.filter((s) => !inFold.has(s.text))));
  }

  // the five renderings of one news story, each against the other four (five folds of one)
  if (o.story) {
    const sdir = path.join(evalDir, 'story');
    const stories = fs.readdirSync(sdir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ id: `story/${f}`, text: readAny(path.join(sdir, f)) }));
    foldRun('story', stories, stories.length, (inFold) => asRefs(stories.filter((s) => !inFold.has(s.text))));
  }

  // sample per bucket, seeded, in a stable order, leaving out findings judged before
  const { sampled, excludedBy } = sampleBuckets(found, o.perRule, r, judgedFingerprints(o.exclude ?? []));
  return { sampled, excludedBy, all, fps, words, articles };
}

// ---------------------------------------------------------------- rendering for hand judgement

/** Control characters and wire line-end markers, made visible. */
const show = (s: string) => s.replace(/\r/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `␀${c.charCodeAt(0).toString(16)}`);

function paragraphAround(text: string, start: number, end: number, pad = 350): [number, number] {
  return [Math.max(0, start - pad), Math.min(text.length, end + pad)];
}

/** Automatic well-formedness checks on a fix's result (the edited stretch and its neighbours). */
export function fixProblems(before: string, after: string): string[] {
  const p: string[] = [];
  if (/[<>]/.test(after) && !/[<>]/.test(before)) p.push('markup');
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(after.replace(/[\r\n\t]/g, ''))) p.push('control-char');
  const dbl = /\b(\w+)\s+\1\b/i.exec(after);
  if (dbl && !new RegExp(`\\b${dbl[1]}\\s+${dbl[1]}\\b`, 'i').test(before)) p.push(`doubled "${dbl[1]}"`);
  if (/\.(txt|md|html?)\b/i.test(after) && !/\.(txt|md|html?)\b/i.test(before)) p.push('file-name');
  const more = (re: RegExp) => (after.match(re)?.length ?? 0) > (before.match(re)?.length ?? 0);
  if (more(/[^\S\n]{2,}/g)) p.push('double space');
  // an ellipsis after a space (" ...") is the wire's mark of a cut, not a stray space
  if (more(/[^\S\n](?:[,;:!?]|\.(?!\.))(?!\w)/g)) p.push('space before punctuation');
  if (more(/[“"]\s*[”"]/g)) p.push('empty quotation');
  const balanced = (t: string) => t.split(/\n\s*\n/).every((para) => (para.match(/“/g)?.length ?? 0) === (para.match(/”/g)?.length ?? 0));
  if (balanced(before) && !balanced(after)) p.push('unbalanced quotes');
  return p;
}

function applyFix(text: string, f: Finding): { before: string; after: string } | null {
  const fix = f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0];
  if (!fix || !fix.edits.length) return null;
  const lo = Math.max(0, Math.min(...fix.edits.map((e) => e.start)) - 200);
  const hi = Math.min(text.length, Math.max(...fix.edits.map((e) => e.end)) + 200);
  let after = text.slice(lo, hi);
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) after = after.slice(0, e.start - lo) + e.newText + after.slice(e.end - lo);
  return { before: text.slice(lo, hi), after: `[${fix.title}] ${after}` };
}

function render(s: Sampled, k: number): string {
  const f = s.finding;
  const [a, b] = paragraphAround(s.text, f.start, f.end);
  const ctx = show(s.text.slice(a, f.start) + '⟦' + s.text.slice(f.start, f.end) + '⟧' + s.text.slice(f.end, b));
  const out = [`### ${k}. ${s.fp} ${s.bucket} — ${s.file} ${f.start}-${f.end}`, `message: ${f.message}`];
  if (f.suggestions?.length) out.push(`suggestions: ${f.suggestions.join(' | ')}`);
  out.push('', ctx, '');
  if (f.source && s.refText) {
    const [c, d] = paragraphAround(s.refText, f.source.start, f.source.end, 200);
    out.push(`reference ${f.source.id} ${f.source.start}-${f.source.end}:`, '', show(s.refText.slice(c, f.source.start) + '⟦' + s.refText.slice(f.source.start, f.source.end) + '⟧' + s.refText.slice(f.source.end, d)), '');
  }
  const fx = applyFix(s.text, f);
  if (fx) {
    const probs = fixProblems(fx.before, fx.after);
    out.push(`fix → ${show(fx.after)}`, `fix checks: ${probs.length ? probs.join(', ') : 'ok'}`, '');
  }
  return out.join('\n');
}

export function parseOpts(args: string[]): Opts & { out: string } {
  const val = (k: string, d: string) => {
    const i = args.findIndex((a) => a === `--${k}` || a.startsWith(`--${k}=`));
    if (i < 0) return d;
    return args[i]!.includes('=') ? args[i]!.split('=')[1]! : (args[i + 1] ?? d);
  };
  return {
    seed: val('seed', 'A'),
    perRule: Number(val('per-rule', '40')),
    meter: Number(val('meter', '150')),
    polnear: Number(val('polnear', '84')),
    bbc: Number(val('bbc', '60')),
    bbcFolds: Number(val('bbc-folds', '0')) || undefined,
    polnearTrain: Number(val('polnear-train', '0')) || undefined,
    polnearFolds: Number(val('polnear-folds', '0')) || undefined,
    ieer: args.includes('--ieer') || undefined,
    abc: args.includes('--abc') || undefined,
    pa: args.includes('--pa') || undefined,
    story: args.includes('--story') || undefined,
    exclude: val('exclude', '') ? val('exclude', '').split(',').filter(Boolean) : undefined,
    out: val('out', '/work/judge'),
  };
}

/** The header line: seeds A–E's five fields, then only the options that are set. */
export function header(o: Opts, excludedBy?: ReadonlyMap<string, number>): string {
  const extra: string[] = [];
  if (o.bbcFolds) extra.push(`bbc-folds=${o.bbcFolds}`);
  if (o.polnearTrain) extra.push(`polnear-train=${o.polnearTrain}`, `polnear-folds=${o.polnearFolds || 5}`);
  if (o.ieer) extra.push('ieer=1');
  if (o.abc) extra.push('abc=1');
  if (o.pa) extra.push('pa=1');
  if (o.story) extra.push('story=1');
  if (o.exclude?.length) {
    extra.push(`exclude=${o.exclude.join(',')}`);
    if (excludedBy) extra.push(`excluded=${[...excludedBy].sort().map(([b, n]) => `${b}:${n}`).join(',') || '-'}`);
  }
  return [`# seed=${o.seed} per-rule=${o.perRule} meter=${o.meter} polnear=${o.polnear} bbc=${o.bbc}`, ...extra].join(' ');
}

/** Parse a header line written by `header` (and the five-field header of seeds A–E). */
export function parseHeader(line: string): { opts: Opts; excluded?: Map<string, number> } | null {
  const m = /^# seed=(\S+) per-rule=(\d+) meter=(\d+) polnear=(\d+) bbc=(\d+)(.*)$/.exec(line);
  if (!m) return null;
  const opts: Opts = { seed: m[1]!, perRule: +m[2]!, meter: +m[3]!, polnear: +m[4]!, bbc: +m[5]! };
  let excluded: Map<string, number> | undefined;
  for (const kv of m[6]!.trim().split(/\s+/).filter(Boolean)) {
    const [k, v = ''] = kv.split('=');
    if (k === 'bbc-folds') opts.bbcFolds = +v;
    else if (k === 'polnear-train') opts.polnearTrain = +v;
    else if (k === 'polnear-folds') opts.polnearFolds = +v;
    else if (k === 'ieer') opts.ieer = v === '1';
    else if (k === 'abc') opts.abc = v === '1';
    else if (k === 'pa') opts.pa = v === '1';
    else if (k === 'story') opts.story = v === '1';
    else if (k === 'exclude') opts.exclude = v.split(',').filter(Boolean);
    else if (k === 'excluded') excluded = new Map(v === '-' ? [] : v.split(',').map((x) => { const i = x.lastIndexOf(':'); return [x.slice(0, i), +x.slice(i + 1)] as [string, number]; }));
    else throw new Error(`judge: unknown header field '${kv}'`);
  }
  return { opts, excluded };
}

function printExcluded(run: Run, o: Opts): void {
  if (!o.exclude?.length) return;
  console.log(`excluded (judged in ${o.exclude.join(', ')}): ${[...run.excludedBy].sort().map(([b, n]) => `${b} ${n}`).join(', ') || 'none'}`);
}

function perTenK(run: Run): void {
  console.log(`${run.articles} articles, ${run.words} words; flags per 10k words by bucket:`);
  for (const [b, n] of [...run.all].sort()) console.log(`  ${b.padEnd(28)} ${String(n).padStart(5)}  ${((n * 10000) / run.words).toFixed(2)}`);
}

const suite: Suite = async ({ evalDir, args }) => {
  const mode = args.find((a) => a === 'sample' || a === 'score') ?? (args.some((a) => a.endsWith('.tsv')) ? 'score' : 'sample');
  if (mode === 'sample') {
    const o = parseOpts(args);
    const run = generate(evalDir, o);
    perTenK(run);
    printExcluded(run, o);
    fs.mkdirSync(o.out, { recursive: true });
    const md = path.join(o.out, `judge-${o.seed}.md`);
    const tsv = path.join(o.out, `judge-${o.seed}.tsv`);
    fs.writeFileSync(md, [`# judge sample, ${header(o, run.excludedBy).slice(2)}`, '', ...run.sampled.map((s, k) => render(s, k + 1))].join('\n\n'));
    fs.writeFileSync(tsv, [header(o, run.excludedBy), ...run.sampled.map((s) => [s.fp, s.bucket, s.file, s.finding.start, s.finding.end, '', '', misquoteKind(s.finding)].join('\t'))].join('\n') + '\n');
    const counts = new Map<string, number>();
    for (const s of run.sampled) counts.set(s.bucket, (counts.get(s.bucket) ?? 0) + 1);
    console.log(`sampled: ${[...counts].map(([b, n]) => `${b} ${n}`).join(', ')}`);
    console.log(`wrote ${md} (findings in context, for judging) and ${tsv} (verdict template: fill verdict useful|trivial|wrong and a reason code)`);
    return;
  }
  const file = args.find((a) => a.endsWith('.tsv'));
  if (!file || !fs.existsSync(file)) throw new Error(`judge score: verdict file not found: ${file ?? '(none given)'}`);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const h = parseHeader(lines[0] ?? '');
  if (!h) throw new Error(`judge score: ${file}: first line must be '# seed=… per-rule=… meter=… polnear=… bbc=…'`);
  const o = h.opts;
  const verdicts = lines.slice(1).filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [fp, bucket, f, start, end, verdict, reason, kind] = l.split('\t');
    return { fp: fp!, bucket: bucket!, file: f!, start: +start!, end: +end!, verdict: (verdict ?? '').trim(), reason: (reason ?? '').trim(), kind: (kind ?? '').trim() };
  });
  const prefix = args.find((a, i) => args[i - 1] === '--judged-only');
  const focusRows = prefix === undefined ? [] : verdicts.filter((v) => v.bucket.startsWith(prefix));
  const focus: Focus | undefined = prefix === undefined ? undefined : {
    files: new Set(focusRows.map((v) => v.file)),
    rules: Object.fromEntries(RULE_IDS.filter((id) => !focusRows.some((v) => v.bucket.split('/')[0] === id)).map((id) => [id, 'off' as const])),
  };
  const run = generate(evalDir, o, focus);
  perTenK(run);
  printExcluded(run, o);
  if (focus) console.log(`--judged-only ${prefix}: ${focus.files.size} articles, flags and exclusions above are theirs only`);
  else if (h.excluded) {
    const known = new Set(h.excluded.keys());
    const now = new Map<string, number>();
    for (const [b, n] of run.excludedBy) now.set(bucketAt(b, known), (now.get(bucketAt(b, known)) ?? 0) + n);
    const same = [...new Set([...h.excluded.keys(), ...now.keys()])].every((b) => (h.excluded!.get(b) ?? 0) === (now.get(b) ?? 0));
    console.log(same ? 'excluded per bucket: as when sampled' : `excluded per bucket differs from the sample's (${[...h.excluded].map(([b, n]) => `${b} ${n}`).join(', ')}): the engine's findings changed`);
  }
  // a judged finding the engine still makes anywhere in the checked articles (not just in the sample)
  const stillMade = (fp: string) => run.fps.has(fp);
  // with --judged-only PREFIX, the other buckets' articles were not all checked
  const buckets = [...new Set(verdicts.map((v) => v.bucket))].filter((b) => prefix === undefined || b.startsWith(prefix)).sort();
  console.log(`\nverdicts in ${path.basename(file)} (seed ${o.seed}); "now" = judged findings the current engine still makes (same rule, file, offsets)`);
  console.log('bucket                        judged  useful trivial  wrong  wrong%   now  now-wrong%  reasons (wrong)');
  for (const b of buckets) {
    const vs = verdicts.filter((v) => v.bucket === b && v.verdict);
    const c = (k: string, xs = vs) => xs.filter((v) => v.verdict === k).length;
    const still = vs.filter((v) => stillMade(v.fp));
    const reasons = new Map<string, number>();
    for (const v of vs) if (v.verdict === 'wrong') reasons.set(v.reason || '-', (reasons.get(v.reason || '-') ?? 0) + 1);
    const pc = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(0)} %` : '-');
    console.log(`${b.padEnd(29)} ${String(vs.length).padStart(6)} ${String(c('useful')).padStart(7)} ${String(c('trivial')).padStart(7)} ${String(c('wrong')).padStart(6)} ${pc(c('wrong'), vs.length).padStart(7)} ${String(still.length).padStart(5)} ${pc(c('wrong', still), still.length).padStart(11)}  ${[...reasons].sort((x, y) => y[1] - x[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`);
    // a bucket the file names by rule alone whose findings now come at two severities: each severity's share
    const nowIn = (v: { fp: string }) => run.fps.get(v.fp)!.bucket;
    const split = [...new Set(still.map(nowIn))].sort();
    if (split.some((x) => x !== b)) {
      for (const x of split) {
        const xs = still.filter((v) => nowIn(v) === x);
        const ws = [...new Set(xs.filter((v) => v.verdict === 'wrong').map((v) => v.reason || '-'))].map((r) => `${r} ${xs.filter((v) => v.verdict === 'wrong' && (v.reason || '-') === r).length}`);
        console.log(`  now ${x.padEnd(24)} ${''.padStart(6)} ${String(c('useful', xs)).padStart(7)} ${String(c('trivial', xs)).padStart(7)} ${String(c('wrong', xs)).padStart(6)} ${''.padStart(7)} ${String(xs.length).padStart(5)} ${pc(c('wrong', xs), xs.length).padStart(11)}  ${ws.join(', ')}`);
      }
    }
  }
  // misquote verdicts by kind (the kind column of seed F on)
  const kinds = verdicts.filter((v) => v.verdict && v.bucket.startsWith('misquote') && (prefix === undefined || v.bucket.startsWith(prefix)) && v.kind && v.kind !== '-');
  if (kinds.length) {
    console.log('\nmisquote by kind                       judged  useful trivial  wrong  wrong%   now  now-wrong%');
    for (const k of [...new Set(kinds.map((v) => `${v.bucket} ${v.kind}`))].sort()) {
      const vs = kinds.filter((v) => `${v.bucket} ${v.kind}` === k);
      const c = (x: string, xs = vs) => xs.filter((v) => v.verdict === x).length;
      const still = vs.filter((v) => stillMade(v.fp));
      const pc = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(0)} %` : '-');
      console.log(`${k.padEnd(38)} ${String(vs.length).padStart(6)} ${String(c('useful')).padStart(7)} ${String(c('trivial')).padStart(7)} ${String(c('wrong')).padStart(6)} ${pc(c('wrong'), vs.length).padStart(7)} ${String(still.length).padStart(5)} ${pc(c('wrong', still), still.length).padStart(11)}`);
    }
  }
  const gone = verdicts.filter((v) => v.verdict && (!focus || focusRows.includes(v)) && !stillMade(v.fp));
  if (gone.length) {
    console.log('\njudged findings no longer made:');
    for (const v of gone) console.log(`  ${v.verdict.padEnd(7)} ${v.bucket.padEnd(20)} ${v.file} ${v.start}-${v.end} ${v.reason}`);
  }
  const unjudged = verdicts.filter((v) => !v.verdict).length;
  if (unjudged) console.log(`${unjudged} rows without a verdict (not counted)`);
  // the judged findings the engine still makes, in context as they read now (their fixes may have changed)
  const out = parseOpts(args).out;
  fs.mkdirSync(out, { recursive: true });
  const now = path.join(out, `${path.basename(file, '.tsv')}-now.md`);
  const still = verdicts.map((v) => run.fps.get(v.fp)).filter((x): x is Sampled => !!x);
  fs.writeFileSync(now, [`# judged findings of ${path.basename(file)} the current engine still makes`, '', ...still.map((s, k) => render(s, k + 1))].join('\n\n'));
  console.log(`wrote ${now} (${still.length} findings, in context as they read now)`);
};

export default suite;
