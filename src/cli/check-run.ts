/**
 * The work of `copydesk check` (loaded only when the command runs; see check.ts for the flags and
 * exit statuses).
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { setTagSource, tagJobs } from '../core/attribution/tagger';
import { check as runEngine } from '../core/engine';
import { CodecError } from '../core/index-codec';
import { proseView } from '../core/prose';
import { ReferenceIndex } from '../core/reference-index';
import { resolveSettings, type Settings } from '../core/settings';
import { analyse } from '../core/text';
import { RULE_IDS } from '../core/types';
import { expandArticles, readArticle } from '../node/articles';
import type { InputError } from '../node/errors';
import { openIndex } from '../node/open-index';
import { DEFAULT_MAX_BYTES, type DocOrigin } from '../node/references';
import { startTagWorker, type TagWorker } from '../node/tag-worker';
import { discoverWorkspace, loadHouseNames } from '../node/workspace';
import type { CheckOptions } from './check';
import { formatJson, formatJsonl } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { safe } from './format/terminal-safe';
import { informationUri, VERSION } from './package-info';
import { ruleDocsBase } from '../node/rule-docs';
import { progressReporter } from './progress';
import { SEVERITY_RANK, type ArticleReport, type RunReport } from './report';

function warn(e: InputError): void {
  process.stderr.write(`copydesk: ${e.severity}: ${safe(e.path, 'path')}: ${safe(e.message)}\n`);
}

export async function runCheck(articles: string[], o: CheckOptions): Promise<number> {
  // compromise loads, and tags the articles' sentences, in a worker thread while the index opens
  const tags = startTagWorker(path.join(__dirname, 'tag-worker.js'));
  setTagSource(tags?.source);
  if (tags) void prefetchTags(articles, o, tags);
  try {
    return await runCheckOnce(articles, o);
  } catch (e) {
    // a big cached index is verified page by page as it is used (src/node/index-file.ts): a page
    // that fails its checksum removes the cache file, and the run starts again on a rebuilt index
    // (nothing has been written yet: the report is written at the end)
    if (!(e instanceof CodecError) || o.cache === false) throw e;
    process.stderr.write(`copydesk: warning: the reference index cache is damaged (${safe(e.message)}); rebuilding it\n`);
    return await runCheckOnce(articles, o);
  } finally {
    setTagSource(undefined);
    tags?.close();
  }
}

/** Give the tag worker the sentences of the first articles (the check reads and reports them itself). */
async function prefetchTags(articles: string[], o: CheckOptions, tags: TagWorker): Promise<void> {
  const maxBytes = o.maxFileSize ? Math.round(o.maxFileSize * 1024 * 1024) : DEFAULT_MAX_BYTES;
  try {
    for (const input of (await expandArticles(articles, process.cwd())).slice(0, 4)) {
      if (input.error) continue;
      const read = await readArticle(input.path, { maxBytes });
      if (read.ok) tags.prefetch(tagJobs(analyse(proseView(read.article.text, read.article.languageId))));
    }
  } catch {
    /* reported by the check */
  }
}

async function runCheckOnce(articles: string[], o: CheckOptions): Promise<number> {
  const cwd = process.cwd();
  const maxBytes = o.maxFileSize ? Math.round(o.maxFileSize * 1024 * 1024) : DEFAULT_MAX_BYTES;
  let status = 0;

  // references
  let index: ReferenceIndex;
  let referenceErrors: InputError[] = [];
  let references: RunReport['references'] = [];
  let origins = new Map<string, DocOrigin>();
  let fileKeys: Map<string, string> | undefined;
  if (o.refs && o.refs.length) {
    const progress = progressReporter(o.progress);
    try {
      const opened = await openIndex(o.refs, { cwd, maxBytes, onProgress: progress.onProgress, cacheDir: o.cache });
      index = opened.index;
      referenceErrors = opened.errors;
      references = opened.docs;
      origins = opened.origins;
      fileKeys = opened.fileKeys;
    } finally {
      progress.stop();
    }
    // a reference that could not be used is a warning: the rest of the set still counts
    for (const e of referenceErrors) {
      process.stderr.write(`copydesk: warning: ${safe(e.path, 'path')}: ${safe(e.message)}${e.severity === 'error' ? ' (reference skipped)' : ''}\n`);
    }
    if (references.length === 0) {
      const e: InputError = { path: o.refs.join(' '), message: 'no reference documents could be loaded', severity: 'error' };
      referenceErrors.push(e);
      warn(e);
      status = 2;
    }
  } else {
    index = ReferenceIndex.build([]);
    process.stderr.write('copydesk: warning: no --refs given: only checks that need no references can find anything\n');
  }

  // settings shared by every article
  const rules: Settings['rules'] = {};
  if (o.rules) {
    const keep = new Set(o.rules);
    for (const id of RULE_IDS) if (!keep.has(id)) rules[id] = 'off';
  }
  const explicitNames = o.names ? await loadHouseNames(o.names) : undefined;
  if (explicitNames && !explicitNames.names) {
    for (const e of explicitNames.errors) warn(e);
    return 2;
  }

  const reports: ArticleReport[] = [];
  for (const input of await expandArticles(articles, cwd)) {
    const file = input.path;
    const read: Awaited<ReturnType<typeof readArticle>> = input.error
      ? { ok: false, path: file, message: input.error }
      : await readArticle(file, { maxBytes });
    if (!read.ok) {
      const e: InputError = { path: file, message: read.message, severity: 'error' };
      warn(e);
      reports.push({ path: file, errors: [e] });
      status = 2;
      continue;
    }
    const ws = await discoverWorkspace(file, { namesFile: o.names });
    const wsErrors = o.names ? [...explicitNames!.errors, ...ws.errors.filter((e) => e.path !== o.names)] : ws.errors;
    for (const e of wsErrors) warn(e);
    const settings = resolveSettings({
      ...(o.minWords ? { minWords: o.minWords } : {}),
      rules,
      ...(ws.houseNames ? { houseNames: ws.houseNames } : {}),
      ...(ws.ignore ? { ignore: ws.ignore } : {}),
    });
    const { text, languageId } = read.article;
    // an article that is also in the reference set (checking stories/*.md against stories/) is not
    // compared with itself: it leaves the index for its own check
    const self = await ownReference(file, references, cwd, fileKeys);
    if (self) index.remove([self.id]);
    let result;
    try {
      result = runEngine(proseView(text, languageId), index, settings);
    } finally {
      if (self) index.add([self]);
    }
    reports.push({ path: file, text, result, errors: wsErrors });
  }

  const threshold = o.failOn === 'none' ? Infinity : SEVERITY_RANK[o.failOn];
  if (status === 0) {
    const failing = reports.some((r) => r.result?.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold));
    if (failing) status = 1;
  }

  const run: RunReport = { articles: reports, referenceErrors, references, origins, cwd };
  let out: string;
  switch (o.format) {
    case 'json':
      out = formatJson(run);
      break;
    case 'jsonl':
      out = formatJsonl(run);
      break;
    case 'sarif':
      out = formatSarif(run, {
        version: VERSION,
        helpBase: ruleDocsBase(),
        informationUri: informationUri(),
        successful: status !== 2,
      });
      break;
    default:
      out = formatText(run, { color: o.color });
  }
  await write(out);
  return status;
}

/** Real path → reference document, built on first use. */
const byRealPath = new WeakMap<RunReport['references'], Promise<Map<string, RunReport['references'][number]>>>();

async function realPath(p: string): Promise<string> {
  try {
    return await fsp.realpath(p);
  } catch {
    return p;
  }
}

/** The reference document that is this very file, if any (compared by real path). */
async function ownReference(file: string, references: RunReport['references'], cwd: string, fileKeys?: Map<string, string>) {
  if (references.length === 0) return undefined;
  if (fileKeys) {
    // the cache stat()ed every reference file: compare device and inode (a realpath per reference
    // cost 0.6 s at 16 k references)
    let key: string;
    try {
      const st = await fsp.stat(path.resolve(cwd, file));
      key = `${st.dev}:${st.ino}`;
    } catch {
      return undefined;
    }
    let found: RunReport['references'][number] | undefined;
    for (const d of references) if (fileKeys.get(d.path) === key) found = d;
    return found;
  }
  let map = byRealPath.get(references);
  if (!map) {
    map = Promise.all(references.map(async (d) => [await realPath(path.resolve(cwd, d.path)), d] as const)).then(
      (pairs) => new Map(pairs),
    );
    byRealPath.set(references, map);
  }
  return (await map).get(await realPath(path.resolve(cwd, file)));
}

/** Write to stdout and wait for it to drain (pipes), so exit codes never cut output short. */
function write(s: string): Promise<void> {
  return new Promise((resolve) => {
    if (!s) return resolve();
    process.stdout.write(s, () => resolve());
  });
}


