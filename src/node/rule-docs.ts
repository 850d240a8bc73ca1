/**
 * Where a rule's documentation lives (docs/rules/<rule-id>.md): the one link the language server
 * puts on a diagnostic (`codeDescription`) and the CLI puts in SARIF (`helpUri`).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../package.json';

/** The project's published docs/rules, for an install that ships no copy of its own. */
const WEB_RULE_DOCS = 'https://github.com/copydesk/copydesk/blob/main/docs/rules';

interface PkgLinks {
  homepage?: string;
  repository?: string | { url?: string };
}

/** Web base of the repository, if package.json names one. */
export function repositoryUrl(): string | undefined {
  const p = pkg as PkgLinks;
  const repo = typeof p.repository === 'string' ? p.repository : p.repository?.url;
  const url = repo?.replace(/^git\+/, '').replace(/\.git$/, '');
  if (url && /^https?:\/\//.test(url)) return url;
  if (p.homepage && /^https?:\/\//.test(p.homepage)) return p.homepage.replace(/#.*$/, '');
  return undefined;
}

/** The installed package's folder: the nearest one above this file (or bundle) with a package.json. */
function packageDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, 'package.json'))) break;
    dir = path.dirname(dir);
  }
  return dir;
}

let base: string | undefined;

/**
 * Base URI of docs/rules: the repository's when package.json names one, else the installed copy
 * (the extension ships docs/rules, and a file link opens offline and matches the installed version),
 * else the project's web copy.
 */
export function ruleDocsBase(): string {
  if (base === undefined) {
    const repo = repositoryUrl();
    const local = path.join(packageDir(), 'docs', 'rules');
    base = repo ? `${repo.replace(/\/$/, '')}/blob/main/docs/rules` : existsSync(local) ? pathToFileURL(local).href : WEB_RULE_DOCS;
  }
  return base;
}

/** The documentation link of one rule, under `docsBase` (default: ruleDocsBase()). */
export function ruleDocUrl(rule: string, docsBase = ruleDocsBase()): string {
  return `${docsBase.replace(/\/$/, '')}/${rule}.md`;
}
