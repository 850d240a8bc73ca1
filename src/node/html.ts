/**
 * Article extraction from HTML pages: @mozilla/readability on a linkedom document, with metadata
 * from Readability and the page's meta tags. Falls back to the page's visible text (scripts,
 * navigation, headers, footers removed) when Readability finds no article.
 */
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { ReferenceMeta } from '../core/types';

export interface ExtractedPage {
  text: string;
  meta: ReferenceMeta;
}

const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'TABLE', 'TR',
  'PRE', 'FIGURE', 'FIGCAPTION', 'DD', 'DT', 'DL', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'ADDRESS', 'HR', 'TD', 'TH',
]);
/* eslint-disable @typescript-eslint/no-explicit-any -- linkedom's DOM, typed loosely (no DOM lib here) */
type DomNode = any;

// loaded on first use: a check without HTML references never pays for a DOM
let libs: { parseHTML: (html: string) => { document: DomNode }; Readability: typeof ReadabilityClass } | undefined;
function dom(): NonNullable<typeof libs> {
  if (!libs) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const linkedom = require('linkedom') as { parseHTML: (html: string) => { document: DomNode } };
    const readability = require('@mozilla/readability') as { Readability: typeof ReadabilityClass };
    /* eslint-enable @typescript-eslint/no-require-imports */
    libs = { parseHTML: linkedom.parseHTML, Readability: readability.Readability };
  }
  return libs;
}
const parseHTML = (html: string): { document: DomNode } => dom().parseHTML(html);

const DROP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'FORM', 'SELECT']);

export function extractHtml(html: string): ExtractedPage {
  const { document } = parseHTML(html);
  const meta = metaTags(document);
  const titleEl = document.querySelector('title');
  const pageTitle = titleEl?.textContent ? clean(titleEl.textContent) : undefined;
  let body = '';
  let article: ReturnType<ReadabilityClass['parse']> = null;
  const { Readability } = dom();
  try {
    // Readability changes the document it reads: give it its own copy
    const { document: copy } = parseHTML(html);
    removeBoilerplate(copy);
    article = new Readability(copy, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    body = blockText(content.body);
    if (article.title && !meta.title) meta.title = clean(article.title);
    else if (!meta.title && pageTitle) meta.title = pageTitle;
    if (article.byline && !meta.author) meta.author = clean(article.byline).replace(/^by\s+/i, '');
    if (article.siteName && !meta.outlet) meta.outlet = clean(article.siteName);
    if (article.publishedTime && !meta.date) meta.date = clean(article.publishedTime);
  }
  if (!meta.title && pageTitle) meta.title = pageTitle;
  if (!body.trim()) {
    removeBoilerplate(document);
    for (const sel of ['header', 'footer', '[role=banner]', '[role=contentinfo]']) {
      for (const el of Array.from(document.querySelectorAll(sel))) (el as DomNode).remove();
    }
    body = document.body ? blockText(document.body) : '';
  }
  // the headline is part of the text when the body does not already start with it
  const title = meta.title;
  if (title && !body.trimStart().toLowerCase().startsWith(title.toLowerCase())) body = `${title}\n\n${body}`;
  return { text: body.trim() + '\n', meta };
}

function metaTags(document: DomNode): ReferenceMeta {
  const get = (...sels: string[]): string | undefined => {
    for (const s of sels) {
      const el = document.querySelector(s);
      const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? el?.getAttribute('href');
      if (v && clean(v)) return clean(v);
    }
    return undefined;
  };
  const meta: ReferenceMeta = {};
  // the <title> element is the last resort (it usually carries the site name): see extractHtml
  const title = get('meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]');
  if (title) meta.title = title;
  const outlet = get('meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]');
  if (outlet) meta.outlet = outlet;
  const author = get('meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]');
  if (author) meta.author = author.replace(/^by\s+/i, '');
  const url = get('link[rel="canonical"]', 'meta[property="og:url"]');
  if (url) meta.url = url;
  const date = get(
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[itemprop="datePublished"]',
    'time[datetime]',
  );
  if (date) meta.date = date;
  return meta;
}

/** Elements that are never part of an article: navigation, cookie/consent banners, hidden parts. */
const BOILERPLATE_RE = /(^|[\s_-])(cookies?|consent|gdpr|newsletter|paywall|subscribe|share|sharing|social|promo|advert|adverts|related)([\s_-]|$)/i;

function removeBoilerplate(document: DomNode): void {
  for (const sel of ['nav', 'aside', '[role=navigation]', '[aria-hidden=true]', '[hidden]', 'noscript', 'template']) {
    for (const el of Array.from(document.querySelectorAll(sel))) (el as DomNode).remove();
  }
  for (const el of Array.from(document.querySelectorAll('[id],[class]')) as DomNode[]) {
    const tag = String(el.tagName).toUpperCase();
    if (tag === 'BODY' || tag === 'HTML' || tag === 'ARTICLE' || tag === 'MAIN') continue;
    const key = `${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`;
    if (BOILERPLATE_RE.test(key)) el.remove();
  }
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Visible text with one paragraph per block element, white space collapsed inside blocks. */
function blockText(root: DomNode): string {
  const paras: string[] = [];
  let cur = '';
  const flush = () => {
    const t = clean(cur);
    if (t) paras.push(t);
    cur = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      cur += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node;
    const tag = el.tagName.toUpperCase();
    if (DROP.has(tag)) return;
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return;
    if (tag === 'BR') {
      cur += ' ';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paras.join('\n\n');
}
