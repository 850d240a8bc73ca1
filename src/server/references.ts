/**
 * Reference loading for the language server. Thin adapter: resolves the configured inputs
 * (folders, files, globs) against the workspace, enforces workspace trust, and loads them with
 * the shared Node loader.
 */
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { ReferenceIndex } from '../core/reference-index';
import type { ReferenceDoc } from '../core/types';
import { openIndex } from '../node/open-index';
import { globBase, type DocOrigin } from '../node/references';

export interface LoadProgress {
  done: number;
  total: number;
  path?: string;
}

export interface LoadedReferences {
  index: ReferenceIndex;
  docs: ReferenceDoc[];
  errors: { path: string; message: string }[];
  /** by doc id: how offsets into doc.text map back to the file (src/node/references.ts) */
  origins: Map<string, DocOrigin>;
  /** inputs that were dropped (e.g. outside the workspace in an untrusted workspace) */
  skipped: { input: string; reason: string }[];
  inputs: string[];
}

export interface ResolveOptions {
  folders: string[];
  trusted: boolean;
}

export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Resolve configured inputs against every workspace folder; drop out-of-workspace ones when untrusted. */
export function resolveInputs(inputs: string[], opts: ResolveOptions): { inputs: string[]; skipped: { input: string; reason: string }[] } {
  const out = new Set<string>();
  const skipped: { input: string; reason: string }[] = [];
  const folders = opts.folders.length ? opts.folders : [];
  for (const raw of inputs) {
    const input = raw.trim().replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
    if (!input) continue;
    const candidates = path.isAbsolute(input) ? [input] : folders.map((f) => path.join(f, input));
    for (const c of candidates) {
      const base = path.resolve(globBase(c));
      if (!opts.trusted && !folders.some((f) => isInside(base, f))) {
        skipped.push({ input: raw, reason: 'outside the workspace, and the workspace is not trusted' });
        continue;
      }
      out.add(path.normalize(c));
    }
  }
  return { inputs: [...out], skipped };
}

export async function loadReferences(
  inputs: string[],
  cwd: string | undefined,
  onProgress: (p: LoadProgress & { phase: 'read' | 'index' }) => void,
  /** untrusted workspace: its folders; documents whose real path (symbolic links resolved) is outside are dropped */
  confine?: string[],
  /** use the persisted index without checking the files first: `verify` (in the result) checks them later */
  deferFreshness = false,
): Promise<Omit<LoadedReferences, 'skipped' | 'inputs'> & { verify?: () => Promise<boolean> }> {
  if (inputs.length === 0) {
    const { ReferenceIndex } = await import('../core/reference-index');
    return { index: ReferenceIndex.build([]), docs: [], errors: [], origins: new Map() };
  }
  const r = await openIndex(inputs, { cwd, onProgress, deferFreshness });
  const errors = r.errors.map((e) => ({ path: e.path, message: e.severity === 'warning' ? `${e.message} (file still used)` : e.message }));
  let docs = r.docs;
  if (confine) {
    // a symbolic link inside the workspace must not pull in files from outside it
    const real = (p: string) => {
      try {
        return realpathSync(p);
      } catch {
        return path.resolve(p);
      }
    };
    const roots = confine.map(real);
    const outside = docs.filter((d) => {
      const p = real(path.resolve(cwd ?? process.cwd(), d.path));
      return !roots.some((f) => p === f || isInside(p, f));
    });
    if (outside.length) {
      r.index.remove(outside.map((d) => d.id));
      docs = docs.filter((d) => !outside.includes(d));
      for (const d of outside) errors.push({ path: d.path, message: 'links outside the workspace, and the workspace is not trusted: ignored' });
    }
  }
  return { index: r.index, docs, errors, origins: r.origins, verify: r.verify };
}
