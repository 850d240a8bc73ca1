/**
 * Quotation spans of a text: curly and straight double quotes, guillemets, single quotes
 * (curly or straight, top-level in British style or nested in a double quote), and quotes that
 * run over several paragraphs (a paragraph left open whose successor opens with a quote mark).
 */
import type { TextModel } from '../text';

export interface QuoteSpan {
  /** offset of the opening mark, and one past the closing mark (or the end of the paragraph for an unclosed quote) */
  open: number;
  close: number;
  /** the words between the marks (trimmed of white space) */
  start: number;
  end: number;
  /** 1: top-level quote; 2: a quote nested inside another */
  level: number;
  /** first and last paragraph the quote covers */
  paraFrom: number;
  paraTo: number;
  /** the quote never closed (closed at the paragraph end) */
  unclosed: boolean;
}

const OPEN_DOUBLE = '“„«';
const CLOSE_DOUBLE = '”»';
const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrOpen = (c: string | undefined) => c === undefined || /[\s(\[{—–\-\/]/.test(c);

type Mark = 'd' | 's';

/** every character findQuotes acts on */
const MARKS = /[“„«”»`"'‘’]/g;

/**
 * Deepest nesting kept: a quote inside a quote inside a quote. Prose never goes deeper, so a
 * further opening mark is read as a stray character; this also keeps a run of opening marks
 * (hostile or garbled input) from becoming thousands of nested spans for every rule to walk.
 */
const MAX_DEPTH = 3;

/** Quote marks that open a paragraph (continuation of a quote left open in the previous one). */
function opensWithQuote(text: string, at: number): boolean {
  const c = text[at];
  return c === '"' || c === '“' || c === '«' || c === '„' || c === '‘' || (c === '`' && text[at + 1] === '`');
}

/** A single opening mark that opens a paragraph: curly, or straight before a letter (not an elided year: '98). */
function opensWithSingle(text: string, at: number): boolean {
  return text[at] === '‘' || (text[at] === "'" && isLetter(text[at + 1]) && !/^'\d\d/.test(text.slice(at, at + 3)));
}

export function findQuotes(model: Pick<TextModel, 'text' | 'paragraphs'>): QuoteSpan[] {
  const { text, paragraphs } = model;
  const out: QuoteSpan[] = [];
  // stack of open quotes: kind of mark, offset of the opening mark, paragraph
  let stack: { mark: Mark; open: number; para: number; level: number }[] = [];
  const push = (mark: Mark, open: number, para: number) => {
    if (stack.length < MAX_DEPTH) stack.push({ mark, open, para, level: stack.length + 1 });
  };
  const emit = (q: { open: number; para: number; level: number }, close: number, innerEnd: number, para: number, unclosed: boolean) => {
    let s = q.open + 1;
    if ((text[q.open] === "'" && text[s] === "'") || (text[q.open] === '`' && text[s] === '`')) s++;
    let e = innerEnd;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ open: q.open, close, start: s, end: e, level: q.level, paraFrom: q.para, paraTo: para, unclosed });
  };
  // only quotation marks and apostrophes do anything below: jump from one to the next (the next one
  // found is remembered, so paragraphs without any are not searched again)
  let nextMark = -1;
  const markFrom = (i: number): number => {
    if (nextMark >= i) return nextMark;
    MARKS.lastIndex = i;
    const m = MARKS.exec(text);
    nextMark = m ? m.index : Infinity;
    return nextMark;
  };
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    let i = para.start;
    if (stack.length) {
      // a quote left open: continues if this paragraph opens with a quote mark, else it closed at the previous end
      if (opensWithQuote(text, para.start) || (stack[0]!.mark === 's' && opensWithSingle(text, para.start))) {
        i = para.start + (text[para.start] === '`' ? 2 : 1);
      } else {
        const prev = paragraphs[p - 1]!;
        for (const q of stack.reverse()) emit(q, prev.end, prev.end, p - 1, true);
        stack = [];
      }
    }
    for (i = markFrom(i); i < para.end; i = markFrom(i + 1)) {
      const c = text[i]!;
      const prev = i > para.start ? text[i - 1] : undefined;
      const next = text[i + 1];
      const top = stack[stack.length - 1];
      if (OPEN_DOUBLE.includes(c)) {
        push('d', i, p);
      } else if (CLOSE_DOUBLE.includes(c)) {
        const k = findLast(stack, 'd');
        if (k < 0 && c === '”' && isSpaceOrOpen(prev) && isLetter(next)) {
          // a closing mark typed where an opening one belongs (”Mr. Voss …): nothing is open, a word follows
          push('d', i, p);
        } else if (k >= 0) {
          // close any single quote left open inside
          while (stack.length - 1 > k) stack.pop();
          emit(stack.pop()!, i + 1, i, p, false);
        }
      } else if (c === '`' && next === '`') {
        // `` opens a quote in agency copy (``words,'' he said); '' closes it below
        push('d', i, p);
        i++;
      } else if (c === '"' || (c === "'" && next === "'")) {
        const markAt = i;
        if (c === "'") i++; // '' used as a double quote mark (some archives)
        const k = findLast(stack, 'd');
        if (k >= 0 && c === '"' && reopens(text, stack[k]!.open, markAt)) {
          // a quote running over paragraphs that were run together ("… interests. "The next …): the open quote
          // ended with its sentence, its closing mark never written, and this mark opens the next one
          while (stack.length - 1 > k) stack.pop();
          emit(stack.pop()!, markAt, markAt, p, true);
          push('d', i, p);
        } else if (k >= 0) {
          while (stack.length - 1 > k) stack.pop();
          emit(stack.pop()!, i + 1, markAt, p, false);
        } else if (c === '"' && strayClose(text, para.start, markAt)) {
          // a closing mark with no double quote open: it closes a single quote opened with the other mark
          // ('It was …"), else (its opening mark lost) it opens nothing
          if (top?.mark === 's') emit(stack.pop()!, i + 1, markAt, p, false);
        } else {
          push('d', i, p);
        }
      } else if (c === '‘' || c === "'") {
        // opening single quote: after space/opening punctuation, before a letter or quote
        // an elided decade or year ('70s, '98) is an apostrophe, not an opening mark
        if (c === "'" && /^'\d\d(?:s\b|(?![\p{L}\p{N}]))/u.test(text.slice(i, i + 5))) {
          // nothing opens
        } else if ((isSpaceOrOpen(prev) || prev === '“' || prev === '"') && (isLetter(next) || next === '“' || next === '"')) {
          if (c === '‘' || top?.mark === 'd' || stack.length === 0) {
            push('s', i, p);
          }
        } else if (c === "'" && top?.mark === 's' && !isLetter(next)) {
          emit(stack.pop()!, i + 1, i, p, false);
        }
      } else if (c === '’') {
        // closing single quote, not an apostrophe inside a word (don’t) or a lone possessive outside any single quote
        if (top?.mark === 's' && !isLetter(next)) emit(stack.pop()!, i + 1, i, p, false);
      }
    }
    // paragraph end: open quotes continue into the next paragraph if it opens with a mark (handled above);
    // a single quote continues only as the one open quote (British style: 'words …¶'more words') into a
    // paragraph that opens with a single mark, else it was an apostrophe or a stray mark
    const next = paragraphs[p + 1];
    const continues = stack.length === 1 && stack[0]!.mark === 's' && next !== undefined && opensWithSingle(text, next.start);
    while (!continues && stack.length && stack[stack.length - 1]!.mark === 's') stack.pop();
  }
  if (stack.length && paragraphs.length) {
    const last = paragraphs[paragraphs.length - 1]!;
    for (const q of stack.reverse()) emit(q, last.end, last.end, paragraphs.length - 1, true);
  }
  // an unclosed straight-quote "quote" of a whole paragraph is kept; single-letter oddities dropped
  return out.sort((a, b) => a.open - b.open || a.level - b.level);
}

/**
 * A straight double mark at `at`, with a double quote open since `open`, that opens a quote rather than closing the
 * open one: white space before it, a letter after it, and the open quote's words ending a sentence before it.
 */
function reopens(text: string, open: number, at: number): boolean {
  if (!/\s/.test(text[at - 1] ?? '') || !isLetter(text[at + 1])) return false;
  const inside = text.slice(open + 1, at).trimEnd();
  return /[.!?…]$/.test(inside) && /\s/.test(inside);
}

/** A straight double mark that can only close a quote: right after a word or punctuation, before white space, punctuation or the paragraph's end. */
function strayClose(text: string, paraStart: number, at: number): boolean {
  const prev = at > paraStart ? text[at - 1] : undefined;
  const next = text[at + 1];
  return prev !== undefined && /[\p{L}\p{N}.,!?;…]/u.test(prev) && (next === undefined || /[\s.,;:!?)]/.test(next));
}

function findLast(stack: { mark: Mark }[], mark: Mark): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]!.mark === mark) return k;
  return -1;
}
