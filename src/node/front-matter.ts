/** YAML front matter of markdown files. */
import { parse as parseYaml } from 'yaml';
import { frontMatterEnd } from '../core/prose';
import type { ReferenceMeta } from '../core/types';

export interface FrontMatter {
  /** offset where the body starts (0 when there is no front matter) */
  bodyStart: number;
  data: Record<string, unknown>;
  /** set when the block is there but is not valid YAML (or not a mapping) */
  error?: string;
}

export function readFrontMatter(text: string): FrontMatter {
  const end = frontMatterEnd(text);
  if (end === 0) return { bodyStart: 0, data: {} };
  const block = text.slice(0, end);
  if (/^\ufeff?\+\+\+/.test(block)) return { bodyStart: end, data: {}, error: 'TOML front matter is not supported' };
  const inner = block
    .replace(/^\ufeff?---[ \t]*(?:\r\n|\n|\r)/, '')
    .replace(/(?:^|\r\n|\n|\r)(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r)?$/, '');
  try {
    const data = parseYaml(inner, { prettyErrors: false }) as unknown;
    if (data === null || data === undefined) return { bodyStart: end, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { bodyStart: end, data: {}, error: 'front matter is not a YAML mapping' };
    }
    return { bodyStart: end, data: data as Record<string, unknown> };
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0] ?? String(e);
    return { bodyStart: end, data: {}, error: `invalid front matter: ${msg}` };
  }
}

const META_KEYS: Array<[keyof ReferenceMeta, string[]]> = [
  ['title', ['title', 'headline']],
  ['outlet', ['outlet', 'publication', 'source', 'site', 'publisher']],
  ['author', ['author', 'byline', 'authors']],
  ['url', ['url', 'link', 'canonical']],
  ['date', ['date', 'published', 'published_at', 'publishedAt']],
];

export function metaFrom(data: Record<string, unknown>): ReferenceMeta {
  const meta: ReferenceMeta = {};
  for (const [key, names] of META_KEYS) {
    for (const n of names) {
      const v = scalar(data[n]);
      if (v) {
        meta[key] = v;
        break;
      }
    }
  }
  return meta;
}

function scalar(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (Array.isArray(v)) {
    const parts = v.map(scalar).filter((x): x is string => !!x);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
