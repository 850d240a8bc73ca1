/**
 * The benchmark reference set: real news and news-like text from the shared eval folder, read by
 * path (never copied into the repo). BBC, METER (PA copy and newspapers), PolNeAR, NLTK ABC and
 * IEER, PAN13 source and suspicious documents — about 13 M words in ~25k documents.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReferenceDoc } from '../../src/core/types';

export interface CorpusDoc extends ReferenceDoc {
  /** the collection it came from */
  set: string;
}

function walk(dir: string, out: string[], ext = '.txt'): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out, ext);
    else if (ext === '' || e.name.endsWith(ext)) out.push(p);
  }
}

function readText(file: string, latin1 = false): string {
  const buf = fs.readFileSync(file);
  return latin1 ? buf.toString('latin1') : buf.toString('utf8');
}

/** Every document of the benchmark corpus, in a fixed order (news first, then PAN13). */
export function loadCorpus(evalDir: string): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  const add = (set: string, file: string, text: string, suffix = '') => {
    const id = path.relative(evalDir, file).split(path.sep).join('/') + suffix;
    if (/[\p{L}\p{N}]/u.test(text)) docs.push({ id, path: id, text, meta: {}, set });
  };
  const files = (dir: string, ext = '.txt') => {
    const out: string[] = [];
    walk(path.join(evalDir, dir), out, ext);
    return out;
  };
  for (const f of files('bbc_news')) add('bbc', f, readText(f));
  for (const f of files('meter/PA/rawtexts')) add('meter', f, readText(f, true).replace(/<\r?$/gm, ''));
  for (const f of files('meter/newspapers/rawtexts')) add('meter', f, readText(f, true));
  for (const split of ['train', 'dev', 'test']) for (const f of files(`polnear/data/${split}/text`)) add('polnear', f, readText(f));
  // ABC: one story per title line followed by its sentences; cut into stories of ~12 lines
  for (const name of ['rural.txt', 'science.txt']) {
    const f = path.join(evalDir, 'nltk_news', 'abc', name);
    if (!fs.existsSync(f)) continue;
    const lines = readText(f, true).split(/\r?\n/);
    for (let i = 0, k = 0; i < lines.length; i += 12, k++) add('abc', f, lines.slice(i, i + 12).join('\n'), `#${k}`);
  }
  // IEER: SGML-ish newswire; one document per <DOC>, tags stripped
  for (const f of files('nltk_news/ieer', '')) {
    if (path.basename(f) === 'README') continue;
    const raw = readText(f);
    let k = 0;
    for (const m of raw.matchAll(/<DOC>([\s\S]*?)<\/DOC>/g)) {
      const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(m[1]!)?.[1] ?? '';
      add('ieer', f, body.replace(/<[^>]+>/g, ''), `#${k++}`);
    }
  }
  for (const split of ['train_corpus', 'test_corpus']) {
    for (const sub of ['src', 'susp']) for (const f of files(`pan13_text_alignment/${split}/${sub}`)) add('pan13', f, readText(f));
  }
  return docs;
}

/** The first documents of `docs` up to `words` words (approximately: whole documents). */
export function takeWords(docs: CorpusDoc[], words: number, count: (t: string) => number): CorpusDoc[] {
  const out: CorpusDoc[] = [];
  let n = 0;
  for (const d of docs) {
    if (n >= words) break;
    out.push(d);
    n += count(d.text);
  }
  return out;
}
