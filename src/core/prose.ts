/**
 * The prose of a document, offset for offset: `proseView(text, languageId)` returns a string of the
 * same length in which everything that is not prose is blanked to spaces (line breaks kept), so an
 * offset into the view is the same offset into the original. Rules check the view; edges report
 * offsets into the original.
 *
 * Blanked:
 * - markdown: front matter at the top, fenced code blocks (``` and ~~~), inline code, link and image
 *   targets `](...)`/`][ref]`, link reference definitions, images (alt text too), autolinks, bare URLs,
 *   HTML tags and comments, and the contents of <script>/<style>;
 * - html: tags, comments, doctype/CDATA/processing instructions, <script>/<style>/<template>/<noscript>
 *   contents, bare URLs; character references are decoded in place (see below);
 * - plaintext: bare URLs only.
 *
 * HTML character references (&amp;, &rsquo;, &#8217;) are replaced by the character they stand for,
 * padded to the reference's length. The padding is U+034F COMBINING GRAPHEME JOINER (an invisible
 * combining mark that word tokenisation keeps inside a word and normalisation drops) when the
 * reference sits inside a word (don&rsquo;t, caf&eacute;s), spaces otherwise (before the character
 * when it opens a word, as in &ldquo;Yes, so the mark stays against the word). Block-level HTML tags
 * become line breaks (where the tag is long enough) so paragraphs and sentences stay apart.
 */

export type ProseLanguage = 'plaintext' | 'markdown' | 'html';

/** Language of a file name: markdown for .md/.markdown, html for .html/.htm, else plaintext. */
export function languageOf(fileName: string): ProseLanguage {
  const m = /\.([^./\\]+)$/.exec(fileName.toLowerCase());
  const ext = m ? m[1] : '';
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd') return 'markdown';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  return 'plaintext';
}

const CGJ = '\u034f';

/** The view being built, as UTF-16 code units (an array of one-character strings, joined, cost
 * several times more and grew faster than linearly with the garbage collector's work). */
class Blanker {
  readonly out: Uint16Array;
  constructor(readonly text: string) {
    this.out = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) this.out[i] = text.charCodeAt(i);
  }
  /** Replace [start, end) by spaces, keeping line breaks. */
  blank(start: number, end: number): void {
    const stop = Math.min(end, this.text.length);
    for (let i = Math.max(0, start); i < stop; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) this.out[i] = 0x20;
    }
  }
  isBlank(i: number): boolean {
    return this.out[i] === 0x20 && this.text.charCodeAt(i) !== 0x20;
  }
  /** Set one code unit. */
  set(i: number, s: string): void {
    this.out[i] = s.charCodeAt(0);
  }
  toString(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.out.length; i += 8192) {
      parts.push(String.fromCharCode.apply(null, this.out.subarray(i, i + 8192) as unknown as number[]));
    }
    return parts.join('');
  }
}

export function proseView(text: string, languageId: ProseLanguage | string): string {
  if (languageId === 'markdown') return markdownView(text);
  if (languageId === 'html') return htmlView(text);
  const b = new Blanker(text);
  blankUrls(b, text);
  return b.toString();
}

// ---------------------------------------------------------------- shared pieces

const URL_RE = /\b(?:https?:\/\/|ftp:\/\/|mailto:|www\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}’”]/gi;

function blankUrls(b: Blanker, text: string): void {
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(text)) !== null) {
    b.blank(m.index, m.index + m[0].length);
  }
}

const RAW_TEXT_TAGS = ['script', 'style', 'template', 'noscript', 'textarea', 'svg', 'math'];
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'section', 'article',
  'header', 'footer', 'nav', 'aside', 'main', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'pre', 'dd', 'dt',
  'dl', 'title', 'body', 'head', 'html', 'form', 'address', 'caption', 'details', 'summary',
]);

/**
 * A tag's attributes hold no `<` outside quotes: with `<` allowed, every `<a ` of a long run with no
 * `>` scanned to the end of the text (n² steps).
 *
 * Blank HTML markup in [from, to): comments, doctype, CDATA, processing instructions, raw-text
 * element contents and tags. `blocks`: turn block-level tags into line breaks.
 */
function blankHtml(b: Blanker, text: string, from: number, to: number, blocks: boolean): void {
  const re = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>?|<\?[\s\S]*?(?:\?>|$)|<\/?([A-Za-z][A-Za-z0-9:-]*)\b(?:[^<>"']|"[^"]*"|'[^']*')*>/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) {
    let end = Math.min(m.index + m[0].length, to);
    const name = m[1]?.toLowerCase();
    const closing = m[0][1] === '/';
    b.blank(m.index, end);
    if (name && !closing && RAW_TEXT_TAGS.includes(name) && !m[0].endsWith('/>')) {
      const close = new RegExp(`</${name}\\s*>`, 'ig');
      close.lastIndex = end;
      const c = close.exec(text);
      const stop = c && c.index < to ? c.index + c[0].length : to;
      b.blank(end, stop);
      end = stop;
      re.lastIndex = stop;
    }
    if (blocks && name && BLOCK_TAGS.has(name)) {
      // a paragraph break inside the blanked tag (when it has room and no line break already)
      if (!/[\r\n]/.test(m[0])) {
        const at = m.index;
        if (m[0].length >= 4) {
          b.set(at + 1, '\n');
          b.set(at + 2, '\n');
        } else {
          b.set(at + 1, '\n');
        }
      }
    }
  }
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', laquo: '«', raquo: '»', pound: '£',
  euro: '€', copy: '©', reg: '®', trade: '™', deg: '°', middot: '·', bull: '•', shy: '\u00ad', thinsp: '\u2009',
  ensp: '\u2002', emsp: '\u2003', zwnj: '\u200c', zwj: '\u200d', times: '×', divide: '÷', frac12: '½', frac14: '¼',
  frac34: '¾', sect: '§', para: '¶', cent: '¢', yen: '¥', prime: '′', Prime: '″', iexcl: '¡', iquest: '¿',
  aacute: 'á', eacute: 'é', iacute: 'í', oacute: 'ó', uacute: 'ú', yacute: 'ý', Aacute: 'Á', Eacute: 'É',
  Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Yacute: 'Ý', agrave: 'à', egrave: 'è', igrave: 'ì', ograve: 'ò',
  ugrave: 'ù', Agrave: 'À', Egrave: 'È', Igrave: 'Ì', Ograve: 'Ò', Ugrave: 'Ù', acirc: 'â', ecirc: 'ê',
  icirc: 'î', ocirc: 'ô', ucirc: 'û', Acirc: 'Â', Ecirc: 'Ê', Icirc: 'Î', Ocirc: 'Ô', Ucirc: 'Û', auml: 'ä',
  euml: 'ë', iuml: 'ï', ouml: 'ö', uuml: 'ü', yuml: 'ÿ', Auml: 'Ä', Euml: 'Ë', Iuml: 'Ï', Ouml: 'Ö', Uuml: 'Ü',
  atilde: 'ã', ntilde: 'ñ', otilde: 'õ', Atilde: 'Ã', Ntilde: 'Ñ', Otilde: 'Õ', ccedil: 'ç', Ccedil: 'Ç',
  aring: 'å', Aring: 'Å', aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', szlig: 'ß', eth: 'ð', thorn: 'þ',
  ETH: 'Ð', THORN: 'Þ', oelig: 'œ', OElig: 'Œ', scaron: 'š', Scaron: 'Š', zcaron: 'ž', Zcaron: 'Ž',
};

/** Decode character references in place (see the module comment). Skips already blanked parts. */
function decodeEntities(b: Blanker, text: string): void {
  const re = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (b.isBlank(m.index)) continue;
    let ch: string | undefined;
    if (m[1] !== undefined || m[2] !== undefined) {
      const cp = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2]!, 16);
      if (cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) ch = String.fromCodePoint(cp);
    } else {
      ch = NAMED_ENTITIES[m[3]!];
    }
    if (ch === undefined || ch.length > m[0].length) {
      b.blank(m.index, m.index + m[0].length);
      continue;
    }
    const after = text[m.index + m[0].length] ?? '';
    const before = text[m.index - 1] ?? '';
    const inWord = /[\p{L}\p{N}]/u.test(after) && (/[\p{L}\p{N}]/u.test(before) || /\p{L}/u.test(ch)) && /[\p{L}\p{N}\p{M}'’ʼ]/u.test(ch);
    // an opening mark right before a word (&ldquo;word) sits against the word: pad before it
    const padBefore = !inWord && /[\p{L}\p{N}]/u.test(after) && !/[\p{L}\p{N}]/u.test(before);
    const pad = m[0].length - ch.length;
    for (let i = 0; i < m[0].length; i++) {
      if (padBefore) b.set(m.index + i, i < pad ? ' ' : ch[i - pad]!);
      else b.set(m.index + i, i < ch.length ? ch[i]! : inWord ? CGJ : ' ');
    }
  }
}

// ---------------------------------------------------------------- html

function htmlView(text: string): string {
  const b = new Blanker(text);
  blankHtml(b, text, 0, text.length, true);
  blankUrls(b, text);
  decodeEntities(b, text);
  return b.toString();
}

// ---------------------------------------------------------------- markdown

/** End offset of a YAML (---) or TOML (+++) front matter block at the very top, or 0. */
export function frontMatterEnd(text: string): number {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^(---|\+\+\+)[ \t]*(?:\r\n|\n|\r)/.exec(text.slice(start, start + 8));
  if (!open) return 0;
  const fence = open[1] === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+';
  // the closing fence must start a line after the opening one
  const body = text.slice(start + open[0].length);
  const m = new RegExp(`(^|\\r\\n|\\n|\\r)${fence}[ \\t]*(\\r\\n|\\n|\\r|$)`).exec(body);
  if (!m) return 0;
  return start + open[0].length + m.index + m[0].length;
}

function markdownView(text: string): string {
  const b = new Blanker(text);
  const fm = frontMatterEnd(text);
  b.blank(0, fm);

  // fenced code blocks, line by line
  const lineRe = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
  let fence: { char: string; len: number } | null = null;
  let pos = fm;
  const proseRanges: Array<[number, number]> = [];
  let runStart = fm;
  lineRe.lastIndex = fm;
  let m: RegExpExecArray | null;
  while (pos < text.length && (m = lineRe.exec(text)) !== null) {
    const line = m[0];
    if (line.length === 0) break;
    const lineStart = m.index;
    const lineEnd = lineStart + line.length;
    const f = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line.replace(/[\r\n]+$/, ''));
    if (fence) {
      b.blank(lineStart, lineEnd);
      if (f && f[1]![0] === fence.char && f[1]!.length >= fence.len && f[2]!.trim() === '') {
        fence = null;
        runStart = lineEnd;
      }
    } else if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
      proseRanges.push([runStart, lineStart]);
      fence = { char: f[1]![0]!, len: f[1]!.length };
      b.blank(lineStart, lineEnd);
    } else if (/^ {0,3}\[[^\]\r\n]+\]:\s*\S/.test(line)) {
      // link reference definition: [id]: http://target "title"
      b.blank(lineStart, lineEnd);
    }
    pos = lineEnd;
    lineRe.lastIndex = lineEnd;
  }
  if (!fence) proseRanges.push([runStart, text.length]);

  for (const [from, to] of proseRanges) {
    if (to <= from) continue;
    blankInline(b, text, from, to);
  }
  blankUrls(b, text);
  decodeEntities(b, text);
  return b.toString();
}

/**
 * `(target "title")` or `[ref]` after a link's text (optional after an image's). Link text holds no
 * `[` and targets and titles no `]`, so a scan that starts at one `[` ends at the next link's
 * brackets: with them allowed, every `[` of a long run with no `]` (or every `(` with no `)`)
 * scanned to the end of the text, n² steps. Nested brackets are read from the innermost pair.
 */
const LINK_TARGET = String.raw`(\((?:[^()\s\]]|\([^()\]]*\))*(?:\s+(?:"[^"\]]*"|'[^'\]]*'|\([^)\]]*\)))?\s*\)|\[[^\[\]\r\n]*\])`;

/**
 * Code spans of [from, to) as CommonMark reads them: a run of n backticks opens a span that the next
 * run of exactly n backticks closes; a run with no such partner is literal. One pass over the runs,
 * with one forward-only cursor per run length, so the work is linear (a regex with a lazy body
 * scanned to the end of the text for every unclosed run: 20,000 backticks took seconds).
 */
export function codeSpans(text: string, from: number, to: number): Array<[number, number]> {
  const starts: number[] = [];
  const lens: number[] = [];
  for (let i = from; i < to; ) {
    if (text.charCodeAt(i) !== 0x60) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && text.charCodeAt(j) === 0x60) j++;
    starts.push(i);
    lens.push(j - i);
    i = j;
  }
  const byLen = new Map<number, { runs: number[]; at: number }>();
  for (let r = 0; r < starts.length; r++) {
    let q = byLen.get(lens[r]!);
    if (!q) byLen.set(lens[r]!, (q = { runs: [], at: 0 }));
    q.runs.push(r);
  }
  const out: Array<[number, number]> = [];
  for (let r = 0; r < starts.length; ) {
    const q = byLen.get(lens[r]!)!;
    while (q.at < q.runs.length && q.runs[q.at]! <= r) q.at++;
    if (q.at >= q.runs.length) {
      r++;
      continue;
    }
    const close = q.runs[q.at]!;
    out.push([starts[r]!, starts[close]! + lens[close]!]);
    r = close + 1;
  }
  return out;
}

/** Inline markdown in [from, to): code spans, images, links, autolinks, HTML. */
function blankInline(b: Blanker, text: string, from: number, to: number): void {
  // code spans first: their contents are literal
  for (const [s, e] of codeSpans(text, from, to)) b.blank(s, e);
  let m: RegExpExecArray | null;
  const live = (i: number) => !b.isBlank(i);

  // autolinks <http://…> and <a@b.c>
  // (the e-mail domain's dot is checked outside the pattern: `[^@]+\.[^@]+` backtracked over every
  // dot of a long run, n² steps)
  const auto = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@([^\s<>@]+))>/g;
  auto.lastIndex = from;
  while ((m = auto.exec(text)) !== null && m.index < to) {
    if (m[1] !== undefined && !/.\../.test(m[1])) continue;
    if (live(m.index)) b.blank(m.index, m.index + m[0].length);
  }

  // raw HTML (tags, comments, script/style contents)
  blankHtml(b, text, from, to, false);

  // images ![alt](src) / ![alt][ref]: nothing of them is prose
  const img = new RegExp(String.raw`!\[((?:\\.|[^\[\]\\])*)\]` + LINK_TARGET + '?', 'g');
  img.lastIndex = from;
  while ((m = img.exec(text)) !== null && m.index < to) if (live(m.index)) b.blank(m.index, m.index + m[0].length);

  // links [text](target "title") and [text][ref]: keep the text, blank the brackets and target
  const link = new RegExp(String.raw`\[((?:\\.|[^\[\]\\\r\n]|\r?\n(?![ \t]*\r?\n))*)\]` + LINK_TARGET, 'g');
  link.lastIndex = from;
  while ((m = link.exec(text)) !== null && m.index < to) {
    if (!live(m.index)) continue;
    const textEnd = m.index + 1 + m[1]!.length;
    b.blank(m.index, m.index + 1);
    b.blank(textEnd, m.index + m[0].length);
    link.lastIndex = m.index + 1; // nested brackets inside the link text
  }
}
