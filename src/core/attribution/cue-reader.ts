/**
 * Reading the cues of a sentence: reporting verbs, cue phrases (cue-forms.ts) and stance words, each
 * with its source noun phrase (before the cue, inverted after it, through an appositive or a
 * parenthetical, shared with a coordinated cue), and the reported clause a cue introduces. Extractor
 * (extract.ts) pairs these cues with quotes and reported speech.
 */
import { lowerBound } from '../search';
import type { Sentence, TextModel, Token } from '../text';
import { ADDRESSEE_CUES, ALWAYS_VERB, AUX_WORDS, BE_FORMS, BELIEF_VERBS, CLAUSE_CONJ, CUE_MODIFIERS, CUE_VERBS, HEADLINE_CUES, NOUN_DETERMINERS, PASSIVE_AUX, POSSESSIVES, PRONOUNS, ROLE_NOUNS, STANCE_POSS_NOUNS, STANCE_VERBS, STATEMENT_NOUNS, TELL_CUES, TIME_DETERMINERS, TIME_NOUNS, VIEW_NOUN_LINKS, WEAK_CUES, YEAR_PREPOSITIONS } from './cues';
import { cueForm, type CueContext } from './cue-forms';
import { SourceReader } from './cue-sources';
import { span } from './phrases';
import type { SourceSpan, TextSpan } from './types';

/** A cue found in a sentence, with its source (if any) and the reported clause it introduces. */
export interface Cue {
  sentence: number;
  /** token range of the cue words [from, to) (model token indices) */
  from: number;
  to: number;
  span: TextSpan;
  source: SourceSpan | null;
  /** token range of the source phrase */
  srcFrom: number;
  srcTo: number;
  /** source stands after the cue (according to X; “…,” said X) */
  sourceAfter: boolean;
  weak: boolean;
  participle: boolean;
  used: boolean;
  /** a stance, belief or evidence cue (not speech) */
  stance?: boolean;
}

/** Is paragraph p a headline or subhead (markdown heading, or short with no final punctuation)? */
export function isHeadline(model: TextModel, p: number): boolean {
  const para = model.paragraphs[p];
  if (!para) return false;
  const t = model.text.slice(para.start, para.end);
  if (/^#{1,6}\s/.test(t)) return true;
  if (p === 0 && model.paragraphs.length > 3 && !t.includes('\n') && t.split(/\s+/).length <= 20 && !/[.!?]["”’']?\s+["“‘'\p{Lu}]/u.test(t)) return true;
  if (t.includes('\n')) return false;
  const stripped = t.replace(/[\s"'”’»)\]*_]+$/u, '');
  if (/[.!?:;…,]$/.test(stripped)) return false;
  const words = t.split(/\s+/).filter(Boolean).length;
  return words <= 20;
}

export class CueReader extends SourceReader {
  /** All cues of sentence s. */
  cues(s: number): Cue[] {
    const sent = this.model.sentences[s]!;
    const toks = this.tokens;
    const out: Cue[] = [];
    const ctx: CueContext = { tokens: toks, start: sent.tokenStart, end: sent.tokenEnd, gap: (a, b) => this.gap(a, b) };
    for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
      const tok = toks[k]!;
      if (this.inQuote(tok.start)) continue;
      const form = cueForm(ctx, k);
      const phrase = form !== null;
      const to = form ? form.to : k + 1;
      const sourceAfter = form ? form.sourceAfter : false;
      // stance cues (opposes, has been critical of, calls for) need a subject that can hold a view
      let stance = form ? form.stance : false;
      if (this.titleCaseWord(k, sent)) continue;
      const viewNoun = phrase ? null : this.viewNounCue(s, k, sent);
      if (viewNoun) {
        out.push(viewNoun);
        continue;
      }
      let strong = CUE_VERBS.has(tok.norm);
      if (!phrase && !strong && STANCE_VERBS.has(tok.norm) && !WEAK_CUES.has(tok.norm)) {
        strong = true;
        stance = true;
      }
      if (!phrase && BELIEF_VERBS.has(tok.norm)) stance = true;
      const weak = !phrase && WEAK_CUES.has(tok.norm);
      if (!phrase && !strong && !weak && this.thatClauseVerb(k, sent)) strong = true;
      if (!phrase && !strong && !weak) continue;
      const tag = this.tag(k);
      const participleClause = /ing$/.test(tok.norm) && (/,\s*$/.test(this.text.slice(Math.max(sent.start, tok.start - 3), tok.start)) || this.text[tok.end] === ':');
      // "RT boasts that …", "Smith insists: “…”": a lexicon cue right before "that" or a quote is a verb
      const beforeClause = (k + 1 < sent.tokenEnd && toks[k + 1]!.norm === 'that') || /^[\s,:]*[“"‘']/.test(this.text.slice(tok.end, tok.end + 4));
      const headlineCue = k > sent.tokenStart && HEADLINE_CUES.has(tok.norm) && /^\p{Lu}/u.test(tok.text);
      // "is promising", "were demanding": a cue's -ing form after a form of "be" is a verb (tagged an adjective at times)
      const progressive = /ing$/.test(tok.norm) && k > sent.tokenStart && BE_FORMS.has(toks[k - 1]!.norm) && /^\s+$/.test(this.gap(k - 1, k));
      if (!phrase && !headlineCue && !ALWAYS_VERB.has(tok.norm) && !/ed$/.test(tok.norm) && !participleClause && !beforeClause && !progressive && (tag.pos !== 'VERB' || this.fast)) continue;
      if (!phrase && k > sent.tokenStart && NOUN_DETERMINERS.has(toks[k - 1]!.norm) && !ALWAYS_VERB.has(tok.norm)) continue;
      if (!phrase && k > sent.tokenStart && toks[k - 1]!.norm === 'the' ) continue; // "the said document"
      // accepted only as a progressive ("is promising" tagged an adjective): a finite verb, whose subject must hold a view
      const byProgressive = progressive && !phrase && !headlineCue && !ALWAYS_VERB.has(tok.norm) && !participleClause && !beforeClause && (tag.pos !== 'VERB' || this.fast);
      const participle = !phrase && /ing$/.test(tok.norm) && !progressive;
      const { j, passive } = this.beforeModifiers(k, sent);
      if (passive && !phrase && (this.tag(k).past || tok.norm === 'said' || tok.norm === 'told' || tok.norm === 'thought')) {
        // "it is believed", "he was told": no source speaks here (unless "by X")
        const np = this.passiveAgent(to, sent, stance);
        if (np) out.push({ ...this.makeCue(s, k, to, np, true, weak, false), stance });
        continue;
      }
      // a reduced passive: "When pressed by the host, …", "…, criticised by unions as …"
      const agent = phrase ? null : this.reducedPassiveAgent(k, to, sent);
      if (agent) {
        out.push({ ...this.makeCue(s, k, to, agent, true, weak, false), stance });
        continue;
      }
      // "Rep. Gwen Moore (D-Wis.) said": step over a parenthetical before the cue
      let np = sourceAfter ? null : this.parentheticalSubject(j, sent);
      let after = sourceAfter;
      /** the subject's head was checked to hold a view (a long subject: its head is not its last word) */
      let viewHeld = false;
      // "… and said she would": a coordinated cue shares the subject of the previous one
      if (!np && !sourceAfter && j >= sent.tokenStart && toks[j]!.norm === 'and' && out.length && out[out.length - 1]!.source) {
        const prev = out[out.length - 1]!;
        out.push({ ...this.makeCue(s, k, to, null, false, weak, participle), source: prev.source, srcFrom: prev.srcFrom, srcTo: prev.srcTo, stance });
        continue;
      }
      if (np) {
        // found through the parenthetical
      } else if (!sourceAfter) {
        np = this.subjectBefore(j, sent, headlineCue);
        if (!np && !participle) {
          np = this.invertedSource(k, to, sent);
          if (np) after = true;
        }
      } else np = this.sourceAfterCue(to, sent);
      // "A port authority report released last spring found …", "every engineer I spoke to said …": a
      // subject whose head noun is followed by a modifier (prepositional phrase, participle, relative clause)
      if (!sourceAfter && !after && !participle && j >= sent.tokenStart && /^\s+$/.test(this.gap(j, j + 1)) && (!np || !this.holdsView(np))) {
        const long = this.longSubject(j, sent.tokenStart, stance);
        if (long) {
          np = long;
          viewHeld = true;
        }
      }
      if (np && np[1] - np[0] === 1 && this.tag(np[0]).pos === 'PRON' && !PRONOUNS.has(toks[np[0]]!.norm)) np = null;
      if (np && participle && !after) np = this.documentSender(np, sent);
      if (!np && participle) {
        // "…, adding: “…”": the subject of the main clause
        const prev = out[out.length - 1];
        if (prev?.source) {
          out.push({ ...this.makeCue(s, k, to, null, false, weak, true), source: prev.source, srcFrom: prev.srcFrom, srcTo: prev.srcTo });
          continue;
        }
        const first = this.npAfter(sent.tokenStart, k);
        if (first && (this.tag(first[0]).pos === 'PROPN' || this.tag(first[0]).pos === 'PRON' || this.tag(first[0]).pos === 'DET')) {
          out.push(this.makeCue(s, k, to, first, false, weak, true));
          continue;
        }
      }
      if (!np && participleClause && /ing$/.test(tok.norm) && !out.length) {
        // "On Thursday, Voss spoke to the crews, promising …": the subject of the main clause
        const subj = this.mainSubject(sent.tokenStart, k);
        if (subj) {
          out.push({ ...this.makeCue(s, k, to, subj, false, weak, true), stance });
          continue;
        }
      }
      if ((stance || byProgressive) && (!np || !(viewHeld || this.holdsView(np)))) continue;
      if (!np && !weak) {
        out.push(this.makeCue(s, k, to, null, after, weak, participle));
        continue;
      }
      out.push({ ...this.makeCue(s, k, to, np, after, weak, participle), stance });
    }
    return out;
  }

  /**
   * Title Case headlines ("Voters Worried About …"): a capitalised word inside a sentence is no cue,
   * but "Obama Says …", "New Poll Shows …" are the headline form of a report.
   */
  private titleCaseWord(k: number, sent: Sentence): boolean {
    const toks = this.tokens;
    const tok = toks[k]!;
    return k > sent.tokenStart && /^\p{Lu}/u.test(tok.text) && !phraseStart(toks, k) && !(HEADLINE_CUES.has(tok.norm) && /^\p{Lu}/u.test(toks[k - 1]!.text) && /^\s+$/.test(this.gap(k - 1, k)) && isHeadline(this.model, sent.paragraph));
  }

  /** "his claim that …", "Voss's view that …": a possessive and a noun of view, before a clause. */
  private viewNounCue(s: number, k: number, sent: Sentence): Cue | null {
    const toks = this.tokens;
    const tok = toks[k]!;
    if (!(STANCE_POSS_NOUNS.has(tok.norm) && k > sent.tokenStart && k + 1 < sent.tokenEnd && VIEW_NOUN_LINKS.has(toks[k + 1]!.norm) && /^\s+$/.test(this.gap(k - 1, k)))) return null;
    const prev = toks[k - 1]!;
    let np: [number, number] | null = null;
    if (POSSESSIVES.has(prev.norm) && !/^\p{Lu}/u.test(prev.text) || (POSSESSIVES.has(prev.norm) && k - 1 === sent.tokenStart)) np = [k - 1, k];
    else if (/['’]s?$/.test(prev.text)) {
      const b = this.npBefore(k - 1, sent.tokenStart);
      if (b && this.holdsView(b)) np = b;
    }
    if (np && !(toks[k + 1]!.norm === 'to' && !(k + 2 < sent.tokenEnd && this.tag(k + 2).pos === 'VERB'))) return { ...this.makeCue(s, k, k + 1, np, false, false, false), stance: true };
    return null;
  }

  /** Any verb taking a that-clause with a named or pronoun subject: "Smith realised that …". */
  private thatClauseVerb(k: number, sent: Sentence): boolean {
    const toks = this.tokens;
    if (!(k + 1 < sent.tokenEnd && toks[k + 1]!.norm === 'that' && /^\s+$/.test(this.gap(k, k + 1)) && this.tag(k).pos === 'VERB' && !AUX_WORDS.has(toks[k]!.norm))) return false;
    const subj = k > sent.tokenStart ? this.tag(k - 1) : null;
    return !!(subj && (subj.pos === 'PROPN' || subj.pos === 'PRON' || ROLE_NOUNS.has(toks[k - 1]!.norm)));
  }

  /**
   * The modifiers between a subject and the cue at k ("Smith also said", "Smith on Monday said"),
   * stepped over: `j` is the last token before them, `passive` whether a form of "be" was among them.
   */
  private beforeModifiers(k: number, sent: Sentence): { j: number; passive: boolean } {
    const toks = this.tokens;
    let j = k - 1;
    let passive = false;
    while (j >= sent.tokenStart && !this.inQuote(toks[j]!.start) && /^\s+$/.test(this.gap(j, j + 1))) {
      const n = toks[j]!.norm;
      // a year after "in" ("who in 2010 said") is a date too
      const year = /^(?:1[89]|20)\d\d$/.test(n) && j - 1 >= sent.tokenStart && YEAR_PREPOSITIONS.has(toks[j - 1]!.norm);
      // "just this month", "last week", "earlier this year"
      if (TIME_NOUNS.has(n) && j - 1 >= sent.tokenStart && TIME_DETERMINERS.has(toks[j - 1]!.norm) && /^\s+$/.test(this.gap(j - 1, j))) {
        j -= 2;
        continue;
      }
      if (CUE_MODIFIERS.has(n) || this.tag(j).pos === 'ADV' && !/^\p{Lu}/u.test(toks[j]!.text) || this.tag(j).pos === 'DATE' || year || ((n === 'on' || n === 'in') && j + 1 < k && (this.tag(j + 1).pos === 'DATE' || /^(?:1[89]|20)\d\d$/.test(toks[j + 1]!.norm)))) {
        if (PASSIVE_AUX.has(n)) passive = true;
        j--;
        continue;
      }
      break;
    }
    return { j, passive };
  }

  private makeCue(s: number, from: number, to: number, np: [number, number] | null, after: boolean, weak: boolean, participle: boolean): Cue {
    return {
      sentence: s,
      from,
      to,
      span: span(this.text, this.tokens[from]!.start, this.tokens[to - 1]!.end),
      source: np ? this.srcSpan(np[0], np[1]) : null,
      srcFrom: np ? np[0] : -1,
      srcTo: np ? np[1] : -1,
      sourceAfter: after,
      weak,
      participle,
      used: false,
    };
  }

  /**
   * Where the clause of the subject at token `k` starts (after token `min`; -1 if none): at `k` after a
   * comma, semicolon or dash, or at the conjunction that opens it (", but she said", "— and he noted").
   */
  private clauseStart(k: number, min: number): number {
    if (k - 1 <= min) return -1;
    const brk = (g: string) => /[,;—–]|--/.test(g) && !/[“"‘]/.test(g);
    if (brk(this.gap(k - 1, k))) return k;
    return CLAUSE_CONJ.has(this.tokens[k - 1]!.norm) && k - 2 > min && brk(this.gap(k - 2, k - 1)) ? k - 1 : -1;
  }

  /** Is offset e just after a closing quote mark of a top-level quote? */
  private inQuoteClose(e: number): boolean {
    return this.top.some((q) => q.close === e && !q.unclosed);
  }

  /** The reported clause of a cue with no quote of its own (indirect speech). */
  protected clause(c: Cue, cuesOfSentence: Cue[]): TextSpan | null {
    const sent = this.model.sentences[c.sentence]!;
    const toks = this.tokens;
    const trimEnd = (e: number) => {
      while (e > sent.start && /[\s.,;:!?…"'”’»)]/.test(this.text[e - 1]!) && !this.inQuoteClose(e)) e--;
      return e;
    };
    // content before: "X, Smith said." / "X, according to Smith." / "X, said Smith."
    const leftEnd = Math.min(c.span.start, c.source && c.srcFrom < c.from ? c.source.start : c.span.start);
    const rightStart = Math.max(c.span.end, c.source && c.sourceAfter ? c.source.end : c.span.end);
    let k = c.sourceAfter ? Math.max(c.to, c.srcTo) : c.to;
    // skip "that", the addressee of told/asked/urged, and adjuncts
    const skip = () => {
      while (k < sent.tokenEnd) {
        const n = toks[k]!.norm;
        if (n === 'that' || n === 'on' || n === 'in' && k + 2 < sent.tokenEnd && STATEMENT_NOUNS.has(toks[k + 2]!.norm)) {
          if (n === 'in') k += 3;
          else k++;
          continue;
        }
        if (this.tag(k).pos === 'DATE' || n === 'monday' || n === 'last' && k + 1 < sent.tokenEnd && this.tag(k + 1).pos === 'DATE') {
          k++;
          continue;
        }
        break;
      }
    };
    const direct = k < sent.tokenEnd && toks[k]!.norm !== 'that';
    skip();
    if (direct && ADDRESSEE_CUES.has(toks[c.from]!.norm) && !c.sourceAfter) {
      const obj = this.npAfter(k, sent.tokenEnd);
      const follows = obj && obj[1] < sent.tokenEnd ? toks[obj[1]]!.norm : '';
      if (obj && obj[1] - obj[0] <= 5 && (TELL_CUES.has(toks[c.from]!.norm) || follows === 'that' || follows === 'to')) {
        k = obj[1];
        skip();
      }
    }
    const next = cuesOfSentence.find((x) => x.from > c.to && x.participle);
    // a later cue with a subject of its own after a comma, dash or semicolon opens a new main clause
    // ("When he wrote the book, Kell said …", "…, but she noted …"): this cue's words end before it
    const opener = cuesOfSentence.find((x) => x !== c && !x.stance && x.from > c.to && x.srcFrom > k && !x.sourceAfter && x.source && this.clauseStart(x.srcFrom, k) >= 0);
    // … and so does a cue coordinated with this one ("opposed the plan and called for a vote")
    const coord = cuesOfSentence.find((x) => x !== c && x.from > k + 1 && x.srcFrom === c.srcFrom && c.srcFrom >= 0 && toks[x.from - 1]!.norm === 'and');
    const rightLimit = Math.min(next ? this.tokens[next.from]!.start : sent.end, opener ? this.tokens[this.clauseStart(opener.srcFrom, k)]!.start : sent.end, coord ? toks[coord.from - 1]!.start : sent.end);
    const rightWords = k < sent.tokenEnd ? countTokens(toks, k, sent.tokenEnd, rightLimit) : 0;
    const leftFirst = sent.tokenStart;
    const leftWords = countTokens(toks, leftFirst, sent.tokenEnd, leftEnd);
    const leftGap = this.text.slice(sent.start, leftEnd);
    const precededByComma = /,\s*$/.test(leftGap) || /[,”"]\s*$/.test(leftGap);
    const sourceFirstInSentence = c.srcFrom === sent.tokenStart || (c.srcFrom < 0 && c.from === sent.tokenStart);
    if ((rightWords < 2 || c.sourceAfter && toks[c.from]!.norm !== 'according') && leftWords >= 3 && precededByComma) {
      const e = trimEnd(leftEnd);
      return e > sent.start ? span(this.text, sent.start, e) : null;
    }
    if (toks[c.from]!.norm === 'according' && c.from === sent.tokenStart && c.source) {
      // According to X, content.
      let s0 = c.source.end;
      const comma = this.text.indexOf(',', s0);
      if (comma >= 0 && comma < sent.end) s0 = comma + 1;
      while (s0 < sent.end && /\s/.test(this.text[s0]!)) s0++;
      const e = trimEnd(sent.end);
      return e > s0 ? span(this.text, s0, e) : null;
    }
    if (rightWords >= 2) {
      let s0 = toks[k]!.start;
      if (this.text[s0 - 1] === '“' || this.text[s0 - 1] === '"') s0--;
      let e = Math.min(rightLimit, sent.end);
      // parenthetical "The deal, Smith said, is done."
      if (leftWords >= 2 && /,\s*$/.test(leftGap) && /^\s*,/.test(this.text.slice(rightStart, rightStart + 3))) s0 = sent.start;
      e = trimEnd(e);
      void sourceFirstInSentence;
      return e > s0 ? span(this.text, s0, e) : null;
    }
    return null;
  }
}

/** "According to" opens a sentence-internal cue even when capitalised after a colon or dash. */
function phraseStart(toks: Token[], k: number): boolean {
  return toks[k]!.norm === 'according';
}

/** Word tokens with start in [from, to) of the offset range, within token range [k0, k1). */
export function countTokens(tokens: Token[], k0: number, k1: number, to: number, from = -1): number {
  let n = 0;
  const first = from >= 0 ? lowerBound(k1, (i) => tokens[i]!.start < from, k0) : k0;
  for (let k = first; k < k1 && tokens[k]!.start < to; k++) n++;
  return n;
}
