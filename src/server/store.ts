/**
 * Workspace-persisted editor decisions, under `<folder>/.copydesk/`:
 *   ignore.json  { "version": 1, "findings": [fp…], "sources": [id…],
 *                  "articles": { "<article path relative to the folder>": { "findings": [fp…], "sources": [id…] } } }
 *   names.txt    one accepted spelling per line; `wrong => right` for a correction; `#` comments
 * Written atomically (temp file in the same directory + rename), never into the article text.
 * A malformed file is reported and treated as empty, and is not overwritten silently: the
 * writer refuses to replace a file it could not parse.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseHouseNames, type HouseNames } from '../core/house-names';

export interface IgnoreList {
  findings: string[];
  sources: string[];
}

export interface IgnoreFile extends IgnoreList {
  version: 1;
  articles: Record<string, IgnoreList>;
}

export type { HouseNames };

export const STORE_DIR = '.copydesk';

export function ignorePath(folder: string): string {
  return path.join(folder, STORE_DIR, 'ignore.json');
}

export function namesPath(folder: string): string {
  return path.join(folder, STORE_DIR, 'names.txt');
}

export async function writeAtomic(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    await fs.writeFile(tmp, content, 'utf8');
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
}

function strArr(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function parseIgnore(text: string): IgnoreFile {
  const j = JSON.parse(text) as Record<string, unknown>;
  if (!j || typeof j !== 'object' || Array.isArray(j)) throw new Error('expected a JSON object');
  const articles: Record<string, IgnoreList> = {};
  const a = j.articles;
  if (a && typeof a === 'object' && !Array.isArray(a)) {
    for (const [k, v] of Object.entries(a as Record<string, Record<string, unknown>>)) {
      articles[k] = { findings: strArr(v?.findings), sources: strArr(v?.sources) };
    }
  }
  return { version: 1, findings: strArr(j.findings), sources: strArr(j.sources), articles };
}

export async function readIgnore(folder: string): Promise<{ data: IgnoreFile; error?: string }> {
  const empty: IgnoreFile = { version: 1, findings: [], sources: [], articles: {} };
  let text: string;
  try {
    text = await fs.readFile(ignorePath(folder), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { data: empty };
    return { data: empty, error: `${ignorePath(folder)}: ${(e as Error).message}` };
  }
  try {
    return { data: parseIgnore(text) };
  } catch (e) {
    return { data: empty, error: `${ignorePath(folder)}: ${(e as Error).message}` };
  }
}

export function parseNames(text: string): HouseNames {
  const { accepted, corrections } = parseHouseNames(text);
  return { accepted, corrections };
}

export async function readNames(folder: string): Promise<{ data: HouseNames; error?: string }> {
  try {
    return { data: parseNames(await fs.readFile(namesPath(folder), 'utf8')) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { data: { accepted: [], corrections: {} } };
    return { data: { accepted: [], corrections: {} }, error: `${namesPath(folder)}: ${(e as Error).message}` };
  }
}

/** Add to the article's ignore list (or the folder-wide one when `article` is undefined). */
export async function addIgnore(folder: string, article: string | undefined, kind: 'findings' | 'sources', value: string): Promise<void> {
  let data: IgnoreFile = { version: 1, findings: [], sources: [], articles: {} };
  try {
    data = parseIgnore(await fs.readFile(ignorePath(folder), 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`not updating ${ignorePath(folder)}: ${(e as Error).message} (fix or remove the file)`);
    }
  }
  const list = article === undefined ? data : (data.articles[article] ??= { findings: [], sources: [] });
  if (!list[kind].includes(value)) list[kind].push(value);
  await writeAtomic(ignorePath(folder), JSON.stringify(data, null, 2) + '\n');
}

/** Append an accepted spelling to names.txt (keeps comments and existing lines). */
export async function addName(folder: string, name: string): Promise<boolean> {
  const clean = name.replace(/[\r\n#]|=>/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return false;
  let text = '';
  try {
    text = await fs.readFile(namesPath(folder), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    text = '# House spellings of proper names: one per line; "wrong => right" for corrections.\n';
  }
  if (parseNames(text).accepted.includes(clean)) return false;
  if (text && !text.endsWith('\n')) text += '\n';
  await writeAtomic(namesPath(folder), text + clean + '\n');
  return true;
}

/** The ignore list that applies to one article. */
export function ignoresFor(data: IgnoreFile, article: string | undefined): IgnoreList {
  const a = article !== undefined ? data.articles[article] : undefined;
  return {
    findings: [...data.findings, ...(a?.findings ?? [])],
    sources: [...data.sources, ...(a?.sources ?? [])],
  };
}
