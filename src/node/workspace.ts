/**
 * Per-project settings files, found by walking up from the article's folder:
 * `.copydesk/names.txt` (the house name list, see core/house-names.ts) and
 * `.copydesk/ignore.json` (`{ "findings": [fingerprint…], "sources": [source id…] }`).
 * The nearest file of each kind wins.
 */
import { existsSync, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { parseHouseNames, type HouseNames } from '../core/house-names';
import type { Settings } from '../core/settings';
import type { InputError } from './errors';

export interface Workspace {
  namesFile?: string;
  ignoreFile?: string;
  houseNames?: HouseNames;
  ignore?: Settings['ignore'];
  errors: InputError[];
}

/** The nearest `.copydesk/<name>` at or above `startDir`, or undefined. */
export function findUp(startDir: string, name: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const p = path.join(dir, '.copydesk', name);
    if (existsSync(p)) return p;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function loadHouseNames(file: string): Promise<{ names?: HouseNames; errors: InputError[] }> {
  try {
    const text = await fsp.readFile(file, 'utf8');
    const parsed = parseHouseNames(text);
    const errors: InputError[] = parsed.problems.map((p) => ({
      path: file,
      message: `line ${p.line + 1}: ${p.message}`,
      severity: 'warning',
    }));
    return { names: { accepted: parsed.accepted, corrections: parsed.corrections }, errors };
  } catch (e) {
    return { errors: [{ path: file, message: (e as Error).message, severity: 'error' }] };
  }
}

export async function loadIgnore(file: string): Promise<{ ignore?: Settings['ignore']; errors: InputError[] }> {
  try {
    const data = JSON.parse(await fsp.readFile(file, 'utf8')) as unknown;
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('expected an object');
    const o = data as Record<string, unknown>;
    const strings = (v: unknown, key: string): string[] => {
      if (v === undefined) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`"${key}" must be an array of strings`);
      return v as string[];
    };
    return { ignore: { findings: strings(o.findings, 'findings'), sources: strings(o.sources, 'sources') }, errors: [] };
  } catch (e) {
    return { errors: [{ path: file, message: `invalid ignore file: ${(e as Error).message}`, severity: 'error' }] };
  }
}

/** Settings files for an article (or folder). `namesFile` overrides discovery of names.txt. */
export async function discoverWorkspace(articlePath: string, opts: { namesFile?: string } = {}): Promise<Workspace> {
  const start = path.dirname(path.resolve(articlePath));
  const ws: Workspace = { errors: [] };
  ws.namesFile = opts.namesFile ?? findUp(start, 'names.txt');
  if (ws.namesFile) {
    const r = await loadHouseNames(ws.namesFile);
    ws.houseNames = r.names;
    ws.errors.push(...r.errors);
  }
  ws.ignoreFile = findUp(start, 'ignore.json');
  if (ws.ignoreFile) {
    const r = await loadIgnore(ws.ignoreFile);
    ws.ignore = r.ignore;
    ws.errors.push(...r.errors);
  }
  return ws;
}
