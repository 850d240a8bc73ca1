/**
 * Hover text for a finding. Everything that comes from the article or a reference is UNTRUSTED:
 * it is Markdown-escaped, no HTML, no command links (the client renders with isTrusted false and
 * supportHtml false). The only links are file URIs we build ourselves.
 */
import { diffWords } from 'diff';
import { pathToFileURL } from 'node:url';
import { dataOf, type RuleDataMap } from '../core/finding-data';
import { findRuleInfo } from '../core/rules/catalogue';
import type { Finding, ReferenceMeta, RuleId } from '../core/types';
import type { Range } from '../core/positions';
import { shownText, type Checked } from './document-state';

/**
 * Escape untrusted text for a Markdown hover; collapse line breaks. Only what Markdown (CommonMark
 * + GFM) would read as markup is escaped, since some clients (Neovim) show every backslash: code,
 * emphasis and strike marks, brackets (links, images, references), `<` (HTML, autolinks), table
 * pipes, entities, a line-start block marker, a word-boundary `_`, and the `:` / `.` of anything a
 * renderer would auto-link (`scheme:…`, `www.`), and (`lineStart`: the text opens a line) a
 * block marker (`#`, `>`, `-`, `1.`). "Secretary: 10.30, file_name" stays as it is.
 */
export function escapeMd(s: string, max = 2000, lineStart = false): string {
  let t = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\s*\r?\n\s*/g, ' ');
  if (t.length > max) t = t.slice(0, max) + '…';
  t = t
    .replace(/[\\`*[\]<|~]/g, (c) => `\\${c}`)
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[\p{L}\p{N}]+;)/gu, '\\&')
    .replace(/(?<![\p{L}\p{N}+.-])([a-z][a-z0-9+.-]*):(?=[^\s])/giu, (_m, scheme: string) => (/^\d/.test(scheme) ? `${scheme}:` : `${scheme}\\:`))
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
  return lineStart ? t.replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, (_m, sp: string, c: string) => (/^\d/.test(c) ? `${sp}${c}\\` : `${sp}\\${c}`)) : t;
}

/** Untrusted text for a plain-text hover: control characters dropped, line breaks collapsed, cut at `max`. */
export function plainText(s: string, max = 2000): string {
  const t = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/\s*\r?\n\s*/g, ' ');
  return t.length > max ? t.slice(0, max) + '…' : t;
}

/**
 * How a hover marks things up: Markdown, or plain text for a client that shows hovers only as plain text
 * (ALE 3.3.0 declares `contentFormat: ['plaintext']` and would show every `**` and backslash).
 */
export interface Markup {
  kind: 'markdown' | 'plaintext';
  /** untrusted text, escaped as needed */
  text(s: string, max?: number, lineStart?: boolean): string;
  strong(s: string): string;
  em(s: string): string;
  /** words of the article that differ from the source, and words of the source the article lacks */
  changed(s: string): string;
  missing(s: string): string;
  link(label: string, url: string): string;
  /** the article's side and the source's side of a passage */
  sides(article: string, source: string): string[];
}

export const MARKDOWN: Markup = {
  kind: 'markdown',
  text: escapeMd,
  strong: (s) => `**${s}**`,
  em: (s) => `*${s}*`,
  changed: (s) => `**${s}**`,
  missing: (s) => `~~${s}~~`,
  link: (label, url) => `[${label}](${url})`,
  sides: (article, source) => ['| Article | Source |', '|---|---|', `| ${article} | ${source} |`],
};

export const PLAINTEXT: Markup = {
  kind: 'plaintext',
  text: (s, max) => plainText(s, max),
  strong: (s) => s,
  em: (s) => s,
  changed: (s) => `{+${s}+}`,
  missing: (s) => `[-${s}-]`,
  link: (label, url) => `${label}: ${url}`,
  sides: (article, source) => [`In the article: ${article}`, `In the source: ${source}`],
};

export interface SourceInfo {
  meta: ReferenceMeta;
  path: string;
  /** range of the passage in the reference file */
  range?: Range;
}

/** Words shown per side of the hover's table; a longer passage is cut (the source link opens all of it). */
export const HOVER_PASSAGE_WORDS = 100;

/** The first `n` words of `v` (with the whitespace between them). */
function firstWords(v: string, n: number): string {
  if (n <= 0) return '';
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let end = 0;
  for (let k = 0; k < n && (m = re.exec(v)); k++) end = m.index + m[0].length;
  return v.slice(0, end);
}

/**
 * Word diff of source → article. Article side: changed words bold. Source side: missing words struck.
 * Each side shows at most `cap` words, then "…" (counts are of the whole passage).
 */
export function sideBySide(article: string, source: string, cap = Infinity, m: Markup = MARKDOWN): { article: string; source: string; same: number; changed: number; missing: number; cut: boolean } {
  const parts = diffWords(source, article);
  let a = '';
  let s = '';
  let aw = 0;
  let sw = 0;
  let cut = false;
  let same = 0;
  let changed = 0;
  let missing = 0;
  const words = (v: string) => (v.match(/\S+/g) ?? []).length;
  const wrap = (v: string, mark: (s: string) => string) => {
    const lead = /^\s*/.exec(v)![0];
    const trail = /\s*$/.exec(v)![0];
    const core = v.trim();
    return core ? `${lead ? ' ' : ''}${mark(m.text(core))}${trail ? ' ' : ''}` : lead || trail ? ' ' : '';
  };
  // the part of `v` that still fits on a side holding `have` words
  const fit = (v: string, have: number) => {
    const n = words(v);
    if (have + n <= cap) return v;
    cut = true;
    return firstWords(v, cap - have);
  };
  for (const p of parts) {
    const n = words(p.value);
    if (p.added) {
      a += wrap(fit(p.value, aw), m.changed);
      aw += n;
      changed += n;
    } else if (p.removed) {
      s += wrap(fit(p.value, sw), m.missing);
      sw += n;
      missing += n;
    } else {
      a += m.text(fit(p.value, aw));
      s += m.text(fit(p.value, sw));
      aw += n;
      sw += n;
      same += n;
    }
  }
  const more = (side: string, total: number) => (side.trim() || '—') + (total > cap ? ' …' : '');
  return { article: more(a, aw), source: more(s, sw), same, changed, missing, cut };
}

export function fileLink(file: string, range?: Range): string {
  const u = pathToFileURL(file).toString().replace(/\(/g, '%28').replace(/\)/g, '%29');
  return range ? `${u}#L${range.start.line + 1},${range.start.character + 1}` : u;
}

function sourceLine(src: SourceInfo, md: Markup): string {
  const meta = src.meta;
  const bits: string[] = [];
  bits.push(meta.title ? md.em(md.text(meta.title, 200)) : md.text(src.path.split(/[\\/]/).pop() ?? src.path, 200));
  if (meta.outlet) bits.push(md.text(meta.outlet, 100));
  if (meta.author) bits.push(md.text(meta.author, 100));
  if (meta.date) bits.push(md.text(meta.date, 40));
  const where = src.range ? `line ${src.range.start.line + 1}` : 'file';
  return `${md.strong('Source:')} ${bits.join(' — ')} · ${md.link(`Open source at ${where}`, fileLink(src.path, src.range))}`;
}

/** Every key of any member of a union (keyof of a union is only the keys all members share). */
type KeysOf<T> = T extends unknown ? keyof T : never;
/** A key of some rule's data. */
type DataKey = KeysOf<RuleDataMap[RuleId]>;

/** data keys shown elsewhere in the hover (source line) or internal (a reference spelling's `sourceIds` is never listed) */
const HIDDEN_DATA = new Set<DataKey>(['sourceMeta', 'alsoIn', 'context', 'house', 'articleSentence', 'sourceSentence', 'articleSlot', 'sourceSlot']);

/** Per rule, its data's lists of spellings with counts (finding-data.ts `ReferenceSpelling`), and their labels. */
const SPELLING_LISTS: { [R in RuleId]?: { [K in KeysOf<RuleDataMap[R]>]?: string } } = {
  'name-spelling': { references: 'reference spellings' },
  'name-inconsistency': { article: 'article spellings', references: 'reference spellings' },
};

/** A sentence with the span [from, to) in bold, all of it escaped. */
function marked(sentence: string, [from, to]: readonly [number, number], m: Markup): string {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to > from && to <= sentence.length)) return m.text(sentence, 1000);
  return `${m.text(sentence.slice(0, from), 1000)}${m.changed(m.text(sentence.slice(from, to), 300))}${m.text(sentence.slice(to), 1000)}`.trim();
}

/** Renders the `data` a finding's rule attaches (spelling counts, source quote and speaker…), escaped for `m`. */
function renderData(f: Finding, m: Markup): string[] {
  const out: string[] = [];
  if (!f.data) return out;
  const label = (k: string) => m.text(k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), 60);
  const spellingLists: Partial<Record<string, string>> = SPELLING_LISTS[f.rule] ?? {};
  for (const [k, v] of Object.entries(f.data) as [string, unknown][]) {
    if (v == null || HIDDEN_DATA.has(k as DataKey)) continue;
    const spellings = spellingLists[k];
    if (spellings !== undefined && Array.isArray(v)) {
      if (!v.length) continue;
      const items = (v as { spelling: string; occurrences?: number; sources?: number }[]).slice(0, 12).map((x) => {
        const counts = [x.occurrences !== undefined ? `${x.occurrences}×` : '', x.sources !== undefined ? `in ${x.sources} source${x.sources === 1 ? '' : 's'}` : ''].filter(Boolean).join(' ');
        return `${m.text(x.spelling, 120)}${counts ? ` (${counts})` : ''}`;
      });
      out.push(`- ${spellings}: ${items.join(', ')}`);
      continue;
    }
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      out.push(`- ${label(k)}: ${m.text(String(v), 500)}`);
    } else if (Array.isArray(v)) {
      const items = v.slice(0, 12).map((x) => {
        if (x && typeof x === 'object') {
          const o = x as Record<string, unknown>;
          const name = Object.values(o).find((y) => typeof y === 'string');
          const count = Object.values(o).find((y) => typeof y === 'number');
          return name !== undefined ? `${m.text(String(name), 120)}${count !== undefined ? ` (${count})` : ''}` : '';
        }
        return m.text(String(x), 120);
      });
      const list = items.filter(Boolean);
      if (list.length) out.push(`- ${label(k)}: ${list.join(', ')}${v.length > 12 ? ', …' : ''}`);
    } else if (typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, y]) => typeof y === 'number' || typeof y === 'string');
      if (entries.length) {
        out.push(`- ${label(k)}: ${entries.slice(0, 12).map(([n, c]) => `${m.text(n, 120)} (${m.text(String(c), 40)})`).join(', ')}`);
      }
    }
  }
  return out;
}

/** `shown`: the finding's words as the editor shows them (default: the engine's text). */
export function renderHover(f: Finding, src?: SourceInfo, shown: string = f.text, m: Markup = MARKDOWN): string {
  const lines: string[] = [];
  const title = findRuleInfo(f.rule)?.title ?? f.rule;
  const detail: string[] = [];
  if (f.match) detail.push(f.match);
  if (typeof f.similarity === 'number') detail.push(`${Math.round(f.similarity * 100)}% similar`);
  lines.push(`${m.strong(`Copydesk · ${m.text(title)}`)}${detail.length ? ` (${m.text(detail.join(', '))})` : ''}`);
  lines.push('');
  lines.push(m.text(f.message, 600, true));
  const facts = dataOf(f, 'fact-mismatch');
  if (facts) {
    // both sentences, the differing slot in bold on each side
    lines.push('');
    lines.push(...m.sides(marked(facts.articleSentence, facts.articleSlot, m), marked(facts.sourceSentence, facts.sourceSlot, m)));
  } else if (f.source) {
    const d = sideBySide(shown, f.source.text, HOVER_PASSAGE_WORDS, m);
    lines.push('');
    lines.push(...m.sides(d.article, d.source));
    lines.push('');
    lines.push(m.em(`${d.same} words the same · ${m.changed(m.kind === 'markdown' ? 'bold' : 'words')} = changed in the article (${d.changed}) · ${m.missing(m.kind === 'markdown' ? 'struck' : 'words')} = in the source, missing from the article (${d.missing})${d.cut ? ` · first ${HOVER_PASSAGE_WORDS} words shown: open the source for the whole passage` : ''}`));
  }
  if (f.data && Object.keys(f.data).length) {
    lines.push('');
    lines.push(...renderData(f, m));
  }
  if (f.suggestions?.length) {
    lines.push('');
    lines.push(`Suggested: ${f.suggestions.slice(0, 5).map((s) => `“${m.text(s, 200)}”`).join(', ')}`);
  }
  if (src) {
    lines.push('');
    lines.push(sourceLine(src, m));
  }
  return lines.join('\n');
}

/**
 * textDocument/hover over check `c`: every finding under the cursor, the narrowest first (the one
 * under the cursor, not the long passage around it), over the range they cover together.
 */
export function hoverAt(c: Checked, pos: { line: number; character: number }, source: (f: Finding) => SourceInfo | undefined, m: Markup = MARKDOWN) {
  const off = c.lines.offset(pos);
  const hits = c.result.findings.filter((f) => f.start <= off && off < f.end).sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  if (!hits.length) return null;
  const value = hits.map((f) => renderHover(f, source(f), shownText(c, f), m)).join(m.kind === 'markdown' ? '\n\n---\n\n' : '\n\n');
  const start = Math.min(...hits.map((f) => f.start));
  const end = Math.max(...hits.map((f) => f.end));
  return { contents: { kind: m.kind, value }, range: c.lines.range(start, end) };
}
