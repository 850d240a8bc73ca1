/** YAML front matter of markdown files. */
import { Lexer, parse as parseYaml } from 'yaml';
import { frontMatterEnd } from '../core/prose';
import type { ReferenceMeta } from '../core/types';

export interface FrontMatter {
  /** offset where the body starts (0 when there is no front matter) */
  bodyStart: number;
  data: Record<string, unknown>;
  /** set when the block is there but is not valid YAML (or not a mapping) */
  error?: string;
}

/**
 * Front matter is metadata (a title, an outlet, a date): a block over this size is not parsed. The
 * YAML parser's time grows faster than linearly with some inputs (many anchors, each aliased once:
 * 8,000 took 4 s), so the block is bounded before it is parsed.
 */
export const MAX_FRONT_MATTER = 64 * 1024;

/**
 * Whether a YAML block uses anchors (&a) or aliases (*a), read with the parser's lexer (linear):
 * an anchor or alias is a token of its own, and no plain scalar starts with & or *.
 */
function usesAnchors(src: string): boolean {
  for (const tok of new Lexer().lex(src)) {
    const c = tok.charCodeAt(0);
    if ((c === 0x26 || c === 0x2a) && tok.length > 1) return true;
  }
  return false;
}

export function readFrontMatter(text: string): FrontMatter {
  const end = frontMatterEnd(text);
  if (end === 0) return { bodyStart: 0, data: {} };
  const block = text.slice(0, end);
  if (/^\ufeff?\+\+\+/.test(block)) return { bodyStart: end, data: {}, error: 'TOML front matter is not supported' };
  if (block.length > MAX_FRONT_MATTER) {
    return { bodyStart: end, data: {}, error: `front matter too large (${Math.round(block.length / 1024)} KB; the limit is ${MAX_FRONT_MATTER / 1024} KB): ignored` };
  }
  const inner = block
    .replace(/^\ufeff?---[ \t]*(?:\r\n|\n|\r)/, '')
    .replace(/(?:^|\r\n|\n|\r)(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r)?$/, '');
  // metadata has no use for references between values, and they are what makes parsing slow
  if (usesAnchors(inner)) return { bodyStart: end, data: {}, error: 'YAML anchors and aliases are not allowed in front matter: ignored' };
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
