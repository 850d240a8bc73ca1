/** The package's own metadata (version, links), read from package.json at build time. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../package.json';

export const VERSION: string = pkg.version;

interface PkgLinks {
  homepage?: string;
  repository?: string | { url?: string };
}

/** Web base of the repository (for rule help links), if package.json names one. */
function repoBase(): string | undefined {
  const p = pkg as PkgLinks;
  const repo = typeof p.repository === 'string' ? p.repository : p.repository?.url;
  const url = repo?.replace(/^git\+/, '').replace(/\.git$/, '');
  if (url && /^https?:\/\//.test(url)) return url;
  if (p.homepage && /^https?:\/\//.test(p.homepage)) return p.homepage.replace(/#.*$/, '');
  return undefined;
}

/** Base URI of docs/rules: the repository's when package.json names one, else the installed copy. */
export function rulesHelpBase(): string {
  const repo = repoBase();
  if (repo) return `${repo.replace(/\/$/, '')}/blob/main/docs/rules`;
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, 'package.json'))) break;
    dir = path.dirname(dir);
  }
  return pathToFileURL(path.join(dir, 'docs', 'rules')).href;
}

export function informationUri(): string | undefined {
  return repoBase();
}
