/**
 * Quote and attribution extraction: direct quotes, mixed quotes and reported (indirect) speech,
 * each with its cue and source. Pattern-based on the offset-preserving text model, with
 * compromise part-of-speech tags (per sentence, only where a cue or pronoun needs them) to
 * delimit source noun phrases.
 */
import { lowerBound } from '../search';
import type { TextModel, Token } from '../text';
import { AUX_WORDS, BELIEF_VERBS, POSSESSIVES, STANCE_POSS_NOUNS, CUE_MODIFIERS, CUE_VERBS, EVIDENCE_NOUNS, PERSON_PRONOUNS, PRONOUNS, ROLE_NOUNS, STANCE_VERBS, WEAK_CUES } from './cues';
import { cueForm, mayBeCueWord, type CueContext } from './cue-forms';
import { PhraseReader, span } from './phrases';
import type { QuoteSpan } from './quotes';
import { sentenceTags } from './tagger';
import type { Attribution, AttributionKind, SourceSpan, TextSpan } from './types';

/** A cue found in a sentence, with its source (if any) and the reported clause it introduces. */
interface Cue {
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

/** Conjunctions that open a new main clause after a comma or dash. */
const CLAUSE_CONJ = new Set(['but', 'and', 'though', 'although', 'while', 'yet', 'so', 'whereas']);
// Cue forms that are also ordinary nouns: only cues when tagged as verbs.
const ALWAYS_VERB = new Set(['said', 'told', 'says', 'added', 'adding', 'saying', 'stated', 'warned', 'noted', 'wrote', 'insisted', 'argued', 'explained', 'acknowledged', 'emphasized', 'emphasised', 'stressed', 'reiterated', 'declared', 'announced', 'confirmed', 'denied', 'admitted', 'claimed', 'asked', 'replied']);
/** Report verbs that stay cues in a Title Case headline ("Senator Says …"). */
const HEADLINE_CUES = new Set(['says', 'say', 'said', 'warns', 'claims', 'tells', 'urges', 'shows', 'show', 'finds', 'find', 'insists', 'denies', 'admits', 'predicts', 'vows', 'slams', 'blasts', 'calls', 'wants', 'believes', 'thinks', 'accuses', 'blames', 'defends', 'endorses', 'rejects', 'backs', 'praises', 'criticizes', 'suggests', 'hopes', 'fears', 'expects', 'doubts']);
const PASSIVE_AUX = new Set(['is', 'was', 'were', 'are', 'been', 'be', 'being']);

/** The sentence index of a character offset (binary search). */
function sentenceAt(model: TextModel, offset: number): number {
  const ss = model.sentences;
  return Math.max(0, lowerBound(ss.length, (i) => ss[i]!.start <= offset) - 1);
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

export class Extractor extends PhraseReader {
  /**
   * Whether another top-level quote lies between quote q and cue c (the cue then belongs to that
   * one). Only quotes opening in the gap can, found by binary search on the quotes' opening
   * offsets (scanning every quote for every quote and cue was quadratic in the quotes).
   */
  private quoteBetween(q: QuoteSpan, c: Cue): boolean {
    const lo = Math.min(q.close, c.span.end) - 1;
    const hi = Math.max(q.open, c.span.start) + 1;
    const top = this.top;
    if (!this.topSorted) return top.some((o) => o !== q && o.open > lo && o.close <= hi && o.level === 1 && between(o, q, c));
    for (let k = lowerBound(top.length, (i) => top[i]!.open <= lo); k < top.length && top[k]!.open < hi; k++) {
      const o = top[k]!;
      if (o !== q && o.close <= hi && o.level === 1 && between(o, q, c)) return true;
    }
    return false;
  }

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
      // Title Case headlines ("Voters Worried About …"): a capitalised word inside a sentence is no cue
      // but "Obama Says …", "New Poll Shows …" are the headline form of a report
      if (k > sent.tokenStart && /^\p{Lu}/u.test(tok.text) && !phraseStart(toks, k) && !(HEADLINE_CUES.has(tok.norm) && /^\p{Lu}/u.test(toks[k - 1]!.text) && /^\s+$/.test(this.gap(k - 1, k)) && isHeadline(this.model, sent.paragraph))) continue;
      // "his claim that …", "Voss's view that …": a possessive and a noun of view, before a clause
      if (!phrase && STANCE_POSS_NOUNS.has(tok.norm) && k > sent.tokenStart && k + 1 < sent.tokenEnd && /^(that|to|of|about|for|on)$/.test(toks[k + 1]!.norm) && /^\s+$/.test(this.gap(k - 1, k))) {
        const prev = toks[k - 1]!;
        let np: [number, number] | null = null;
        if (POSSESSIVES.has(prev.norm) && !/^\p{Lu}/u.test(prev.text) || (POSSESSIVES.has(prev.norm) && k - 1 === sent.tokenStart)) np = [k - 1, k];
        else if (/['’]s?$/.test(prev.text)) {
          const b = this.npBefore(k - 1, sent.tokenStart);
          if (b && this.holdsView(b)) np = b;
        }
        if (np && !(toks[k + 1]!.norm === 'to' && !(k + 2 < sent.tokenEnd && this.tag(k + 2).pos === 'VERB'))) {
          out.push({ ...this.makeCue(s, k, k + 1, np, false, false, false), stance: true });
          continue;
        }
      }
      let strong = CUE_VERBS.has(tok.norm);
      if (!phrase && !strong && STANCE_VERBS.has(tok.norm) && !WEAK_CUES.has(tok.norm)) {
        strong = true;
        stance = true;
      }
      if (!phrase && BELIEF_VERBS.has(tok.norm)) stance = true;
      const weak = !phrase && WEAK_CUES.has(tok.norm);
      // any verb taking a that-clause with a named or pronoun subject: "Smith realised that …"
      if (!phrase && !strong && !weak && k + 1 < sent.tokenEnd && toks[k + 1]!.norm === 'that' && /^\s+$/.test(this.gap(k, k + 1)) && this.tag(k).pos === 'VERB' && !AUX_WORDS.has(tok.norm)) {
        const subj = k > sent.tokenStart ? this.tag(k - 1) : null;
        if (subj && (subj.pos === 'PROPN' || subj.pos === 'PRON' || ROLE_NOUNS.has(toks[k - 1]!.norm))) strong = true;
      }
      if (!phrase && !strong && !weak) continue;
      const tag = this.tag(k);
      const participleClause = /ing$/.test(tok.norm) && (/,\s*$/.test(this.text.slice(Math.max(sent.start, tok.start - 3), tok.start)) || this.text[tok.end] === ':');
      // "RT boasts that …", "Smith insists: “…”": a lexicon cue right before "that" or a quote is a verb
      const beforeClause = (k + 1 < sent.tokenEnd && toks[k + 1]!.norm === 'that') || /^[\s,:]*[“"‘']/.test(this.text.slice(tok.end, tok.end + 4));
      const headlineCue = k > sent.tokenStart && HEADLINE_CUES.has(tok.norm) && /^\p{Lu}/u.test(tok.text);
      // "is promising", "were demanding": a cue's -ing form after a form of "be" is a verb (tagged an adjective at times)
      const progressive = /ing$/.test(tok.norm) && k > sent.tokenStart && /^(?:is|are|was|were|be|been|am)$/.test(toks[k - 1]!.norm) && /^\s+$/.test(this.gap(k - 1, k));
      if (!phrase && !headlineCue && !ALWAYS_VERB.has(tok.norm) && !/ed$/.test(tok.norm) && !participleClause && !beforeClause && !progressive && (tag.pos !== 'VERB' || this.fast)) continue;
      if (!phrase && k > sent.tokenStart && ['the', 'a', 'an', 'this', 'that', 'his', 'her', 'its', 'their'].includes(toks[k - 1]!.norm) && !ALWAYS_VERB.has(tok.norm)) continue;
      if (!phrase && k > sent.tokenStart && toks[k - 1]!.norm === 'the' ) continue; // "the said document"
      // accepted only as a progressive ("is promising" tagged an adjective): a finite verb, whose subject must hold a view
      const byProgressive = progressive && !phrase && !headlineCue && !ALWAYS_VERB.has(tok.norm) && !participleClause && !beforeClause && (tag.pos !== 'VERB' || this.fast);
      const participle = !phrase && /ing$/.test(tok.norm) && !progressive;
      // skip modifiers between the subject and the cue ("Smith also said", "Smith on Monday said")
      let j = k - 1;
      let passive = false;
      while (j >= sent.tokenStart && !this.inQuote(toks[j]!.start) && /^\s+$/.test(this.gap(j, j + 1))) {
        const n = toks[j]!.norm;
        // a year after "in" ("who in 2010 said") is a date too
        const year = /^(?:1[89]|20)\d\d$/.test(n) && j - 1 >= sent.tokenStart && /^(?:in|since|during|by)$/.test(toks[j - 1]!.norm);
        // "just this month", "last week", "earlier this year"
        if (/^(?:week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter)$/.test(n) && j - 1 >= sent.tokenStart && /^(?:this|last|next|that|each|every)$/.test(toks[j - 1]!.norm) && /^\s+$/.test(this.gap(j - 1, j))) {
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
      if (passive && !phrase && (this.tag(k).past || tok.norm === 'said' || tok.norm === 'told' || tok.norm === 'thought')) {
        // "it is believed", "he was told": no source speaks here (unless "by X", maybe after an object:
        // "has been called a charlatan by fellow doctors")
        const by = this.agentBy(to, sent.tokenEnd);
        if (by < 0) continue;
        const np = this.npAfter(by + 1, sent.tokenEnd);
        if (!np || (stance && !this.holdsView(np))) continue;
        out.push({ ...this.makeCue(s, k, to, np, true, weak, false), stance });
        continue;
      }
      // a reduced passive: "When pressed by the host, …", "…, criticised by unions as …"
      if (!phrase && this.tag(k).past && /ed$/.test(tok.norm) && to < sent.tokenEnd && toks[to]!.norm === 'by' && /^\s+$/.test(this.gap(to - 1, to)) && (k === sent.tokenStart || /[,(—–]\s*$/.test(this.gap(k - 1, k)) || ['when', 'if', 'as', 'once', 'unless', 'after', 'though', 'although'].includes(toks[k - 1]!.norm))) {
        const np = this.npAfter(to + 1, sent.tokenEnd);
        if (np && this.holdsView(np)) {
          out.push({ ...this.makeCue(s, k, to, np, true, weak, false), stance });
          continue;
        }
      }
      let np: [number, number] | null = null;
      let after = sourceAfter;
      /** the subject's head was checked to hold a view (a long subject: its head is not its last word) */
      let viewHeld = false;
      // "Rep. Gwen Moore (D-Wis.) said": step over a parenthetical before the cue
      if (!sourceAfter && j >= sent.tokenStart && /\)\s*$/.test(this.gap(j, j + 1))) {
        const open = this.text.lastIndexOf('(', toks[j + 1]!.start);
        let jj = j;
        while (jj >= sent.tokenStart && toks[jj]!.start > open) jj--;
        if (open >= sent.start && jj >= sent.tokenStart && j - jj <= 6) {
          const inner = this.npBefore(jj, sent.tokenStart);
          if (inner) np = inner;
        }
      }
      // "… and said she would": a coordinated cue shares the subject of the previous one
      if (!np && !sourceAfter && j >= sent.tokenStart && toks[j]!.norm === 'and' && out.length && out[out.length - 1]!.source) {
        const prev = out[out.length - 1]!;
        out.push({ ...this.makeCue(s, k, to, null, false, weak, participle), source: prev.source, srcFrom: prev.srcFrom, srcTo: prev.srcTo, stance });
        continue;
      }
      if (np) {
        // found through the parenthetical
      } else if (!sourceAfter) {
        // (a per cent sign stays with its number: "61% say")
        if (j >= sent.tokenStart && /^%?\s+$/.test(this.gap(j, j + 1))) np = this.npBefore(j, sent.tokenStart);
        if (np && !headlineCue) np = this.appositive(np, sent.tokenStart);
        else if (j >= sent.tokenStart && /^\s*(?:,|--|[—–])\s*$/.test(this.gap(j, j + 1))) {
          // "Voss, the city's mayor, said": an appositive pair before the comma
          const np1 = this.npBefore(j, sent.tokenStart);
          if (np1) {
            const ext = this.appositive(np1, sent.tokenStart);
            if (ext[0] < np1[0]) np = ext;
          }
          if (!np) np = this.clauseSubject(j, sent.tokenStart);
          // "His former partner, Arno Kell, said": a name set off by commas after a noun phrase that
          // opens the sentence is the subject's appositive
          if (!np && np1 && np1[0] - 1 > sent.tokenStart && /^\s*,\s*$/.test(this.gap(np1[0] - 1, np1[0])) && this.isName(np1)) {
            let b = np1[0] - 1;
            while (b > sent.tokenStart && this.joinable(this.gap(b - 1, b)) && !this.inQuote(this.tokens[b - 1]!.start)) b--;
            const lead = this.npAfter(b, np1[0]);
            if (b === sent.tokenStart && lead && lead[1] === np1[0]) np = [b, np1[1]];
            else if (b === sent.tokenStart && POSSESSIVES.has(this.tokens[b]!.norm)) np = [b, np1[1]];
            else np = np1; // the name alone ("In a statement, one of the lawyers, Ana Ruiz, said")
          }
        }
        if (!np && !participle) {
          // inversion: “…,” said Smith / …, said the minister.
          const g = k > sent.tokenStart ? this.gap(k - 1, k) : this.text.slice(sent.start, tok.start);
          if (/[,”"’':]\s*$/.test(g) || k === sent.tokenStart) {
            const a = this.npAfter(to, sent.tokenEnd);
            // after a plain comma (no quote), the phrase must end the clause: "…, said the minister." —
            // not "…, Bamberg, said the videos show …"
            const ends = !a || a[1] >= sent.tokenEnd || /^\s*[,;:.!?—–(]/.test(this.gap(a[1] - 1, a[1])) || /[”"’':]\s*$/.test(g) || k === sent.tokenStart;
            if (a && ends && !PRONOUNS.has(toks[a[0]]!.norm)) {
              np = a;
              after = true;
            }
          }
        }
      } else {
        np = this.npAfter(to, sent.tokenEnd);
        // "according to exit polls, …": everything up to the comma or the sentence end
        if (to < sent.tokenEnd && !this.inQuote(toks[to]!.start)) {
          let e = to;
          while (e + 1 < sent.tokenEnd && e - to < 15 && !/[,;:.!?”"(—–]/.test(this.gap(e, e + 1))) e++;
          if (!np || e + 1 > np[1]) np = [to, e + 1];
        }
      }
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
      // "the council issued a statement calling …", "parents sent a letter to the board urging …": a
      // participle after a document that is the object of a verb speaks for that verb's subject
      if (np && participle && !after && EVIDENCE_NOUNS.has(toks[np[1] - 1]!.norm)) {
        let v = np[0] - 1;
        while (v > sent.tokenStart && np[0] - v < 10 && this.tag(v).pos !== 'VERB' && /^\s+$/.test(this.gap(v, v + 1)) && (this.npWord(v) || this.tag(v).pos === 'PREP')) v--;
        if (v > sent.tokenStart && this.tag(v).pos === 'VERB' && !AUX_WORDS.has(toks[v]!.norm) && /^\s+$/.test(this.gap(v, v + 1))) {
          let b = v - 1;
          while (b >= sent.tokenStart && (CUE_MODIFIERS.has(toks[b]!.norm) || this.tag(b).pos === 'ADV') && /^\s+$/.test(this.gap(b, b + 1))) b--;
          const subj = b >= sent.tokenStart && /^\s+$/.test(this.gap(b, b + 1)) ? this.npBefore(b, sent.tokenStart) : null;
          if (subj && this.holdsView(subj)) np = subj;
        }
      }
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

  /** The reported clause of a cue with no quote of its own (indirect speech). */
  private clause(c: Cue, cuesOfSentence: Cue[]): TextSpan | null {
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
        if (n === 'that' || n === 'on' || n === 'in' && k + 2 < sent.tokenEnd && ['statement', 'interview', 'letter', 'post', 'email', 'tweet'].includes(toks[k + 2]!.norm)) {
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
    if (direct && ['told', 'tells', 'tell', 'asked', 'urged', 'warned', 'reminded', 'assured', 'informed'].includes(toks[c.from]!.norm) && !c.sourceAfter) {
      const obj = this.npAfter(k, sent.tokenEnd);
      const follows = obj && obj[1] < sent.tokenEnd ? toks[obj[1]]!.norm : '';
      if (obj && obj[1] - obj[0] <= 5 && (['told', 'tells', 'tell', 'informed', 'assured'].includes(toks[c.from]!.norm) || follows === 'that' || follows === 'to')) {
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

  /** The words of a quote, without a trailing comma or semicolon inside the marks. */
  qspan(q: QuoteSpan): TextSpan {
    let e = q.end;
    while (e > q.start && /[\s,;]/.test(this.text[e - 1]!)) e--;
    return span(this.text, q.start, e);
  }

  /** Is offset e just after a closing quote mark of a top-level quote? */
  private inQuoteClose(e: number): boolean {
    return this.top.some((q) => q.close === e && !q.unclosed);
  }

  /** `quotesOnly`: only quotes and their speakers (no reported speech) — cheaper, for reference documents. */
  extract(quotesOnly = false): Attribution[] {
    const { model, text } = this;
    const quoteSentences = new Set<number>();
    if (quotesOnly) {
      for (const q of this.top) {
        const s0 = sentenceAt(model, q.open);
        const s1 = sentenceAt(model, Math.max(q.open, q.close - 1));
        for (let s = s0; s <= s1; s++) quoteSentences.add(s);
      }
    }
    const out: Attribution[] = [];
    const cueCache = new Map<number, Cue[]>();
    const cuesOf = (s: number) => {
      let c = cueCache.get(s);
      if (!c) cueCache.set(s, (c = this.cues(s)));
      return c;
    };
    // sentences that hold a cue word at all (cheap lexical test before tagging)
    const cueSentences = new Set<number>();
    for (const tok of this.tokens) {
      if (mayBeCueWord(tok.norm)) {
        if (!this.inQuote(tok.start) && (!quotesOnly || quoteSentences.has(tok.sentence))) cueSentences.add(tok.sentence);
      }
    }
    const headline = new Map<number, boolean>();
    const isHead = (p: number) => {
      let h = headline.get(p);
      if (h === undefined) headline.set(p, (h = isHeadline(model, p)));
      return h;
    };
    // ---- direct and mixed quotes
    const mixedByCue = new Map<Cue, Attribution>();
    let lastSourced: Attribution | null = null;
    const bySentence: Attribution[] = [];
    for (const q of this.top) {
      const s0 = sentenceAt(model, q.open);
      const s1 = sentenceAt(model, Math.max(q.open, q.close - 1));
      const para = model.sentences[s0]?.paragraph ?? 0;
      const words = countTokens(this.tokens, 0, this.tokens.length, q.end, q.start);
      // candidate cues: in the sentences the quote spans, outside the quote
      let best: Cue | null = null;
      let bestDist = Infinity;
      for (let s = s0; s <= s1 && s < model.sentences.length; s++) {
        if (!cueSentences.has(s)) continue;
        for (const c of cuesOf(s)) {
          if (!c.source && !c.weak) continue;
          if (c.weak && !c.source) continue;
          if (c.participle && c.span.start >= q.close) continue; // "…, adding: “…”" introduces what follows
          // "X called the talks “constructive”, though he noted …": a conjunction opens a new clause
          // between the quote and the cue's subject, so the quote is the earlier clause's
          if (c.source && !c.sourceAfter && q.close <= c.source.start && /^[\s,;—–-]*\b(?:but|and|though|although|while|yet|whereas)\s+$/i.test(text.slice(q.close, c.source.start))) continue;
          const dist = (c.span.start >= q.close ? c.span.start - q.close : q.open >= c.span.end ? q.open - c.span.end : 0) + (c.weak ? 1000 : 0);
          // a cue separated from this quote by another quote belongs to that one
          if (dist < bestDist && !this.quoteBetween(q, c)) {
            best = c;
            bestDist = dist;
          }
        }
      }
      const headlineQuote = isHead(para);
      if (best) {
        const kind = this.quoteKind(q, best);
        if (kind === 'mixed') {
          const existing = mixedByCue.get(best);
          if (existing) {
            existing.quotes.push(this.qspan(q));
            continue;
          }
          const content = this.clause(best, cuesOf(best.sentence)) ?? this.qspan(q);
          const a = this.record('mixed', best, content, [this.qspan(q)], s0, para, false, false, headlineQuote);
          if (content.start > q.start || content.end < q.end) {
            // the clause missed the quote (e.g. the quote precedes the cue): the quote is the content
            a.content = span(text, Math.min(content.start, q.start), Math.max(content.end, q.end));
          }
          mixedByCue.set(best, a);
          best.used = true;
          out.push(a);
          bySentence.push(a);
          lastSourced = a;
          continue;
        }
        best.used = true;
        const a = this.record('direct', best, this.qspan(q), [this.qspan(q)], s0, para, false, false, headlineQuote);
        out.push(a);
        lastSourced = a;
        continue;
      }
      // “…,” Mr. Burton fumed / “…?” she wondered: a name or pronoun and any verb right after the quote
      {
        // only where the quote ends in a comma, question or exclamation mark (not a full stop: a new sentence)
        const closing = text.slice(Math.max(q.open, q.close - 3), q.close);
        const after = /[,?!]\s*[”"’'»]+$/.test(closing) || text[q.close] === ',' ? /^[,]?[ \t]+/.exec(text.slice(q.close, q.close + 4)) : null;
        const k0 = after ? this.tokens.findIndex((t) => t.start >= q.close) : -1;
        if (after && k0 >= 0 && this.tokens[k0]!.start === q.close + after[0].length) {
          const sIdx = this.tokens[k0]!.sentence;
          const sent = model.sentences[sIdx]!;
          const np = this.npAfter(k0, sent.tokenEnd);
          const v = np ? np[1] : -1;
          // a name or pronoun, or a role or a document ("the letter reads", "the spokesman added")
          const headOk = np && (this.tag(np[0]).pos === 'PRON' || /^\p{Lu}/u.test(this.tokens[np[0]]!.text) || ROLE_NOUNS.has(this.tokens[np[1] - 1]!.norm) || EVIDENCE_NOUNS.has(this.tokens[np[1] - 1]!.norm));
          if (np && headOk && v < sent.tokenEnd && this.tag(v).pos === 'VERB' && /^\s+$/.test(this.gap(v - 1, v)) && !/^(is|was|were|are|has|have|had|will|would|can|could)$/.test(this.tokens[v]!.norm)) {
            const a: Attribution = { kind: 'direct', cue: span(text, this.tokens[v]!.start, this.tokens[v]!.end), source: this.srcSpan(np[0], np[1]), content: this.qspan(q), quotes: [this.qspan(q)], sentence: s0, paragraph: para, scare: false, inherited: false, headline: isHead(para) };
            out.push(a);
            lastSourced = a;
            continue;
          }
        }
      }
      // a dash credit after the quote: “…” ― Sonya Herridge
      const dash = /^\s*(―|—|–|--)\s*/.exec(text.slice(q.close, q.close + 6));
      if (dash) {
        const at = q.close + dash[0].length;
        let k = this.tokens.findIndex((t) => t.start >= at);
        if (k >= 0 && this.tokens[k]!.start === at && /^\p{Lu}/u.test(this.tokens[k]!.text)) {
          const sIdx = this.tokens[k]!.sentence;
          const np = this.npAfter(k, this.model.sentences[sIdx]!.tokenEnd);
          if (np) {
            const dashAt = q.close + dash[0].indexOf(dash[1]!);
            const a: Attribution = { kind: 'direct', cue: span(text, dashAt, dashAt + dash[1]!.length), source: this.srcSpan(np[0], np[1]), content: this.qspan(q), quotes: [this.qspan(q)], sentence: s0, paragraph: para, scare: false, inherited: false, headline: isHead(para) };
            out.push(a);
            lastSourced = a;
            continue;
          }
        }
        void k;
      }
      // colon introduction: "Leavitt was blunt: “…”"
      const before = text.slice(model.sentences[s0]!.start, q.open);
      const colon = /:\s*$/.exec(before);
      if (colon && before.trim().length > 1) {
        const sent = model.sentences[s0]!;
        const np = this.npAfter(sent.tokenStart, sent.tokenEnd);
        if (np && this.tokens[np[0]]!.start < q.open && (this.tag(np[0]).pos !== 'NOUN' || ROLE_NOUNS.has(this.tokens[np[1] - 1]!.norm))) {
          const colonAt = model.sentences[s0]!.start + colon.index + colon[0].indexOf(':');
          const a: Attribution = {
            kind: 'direct',
            cue: span(text, colonAt, colonAt + 1),
            source: this.srcSpan(np[0], np[1]),
            content: this.qspan(q),
            quotes: [this.qspan(q)],
            sentence: s0,
            paragraph: para,
            scare: false,
            inherited: false,
            headline: headlineQuote,
          };
          out.push(a);
          lastSourced = a;
          continue;
        }
      }
      // a short quote with no cue is a scare quote
      const scare = words <= 2 || /so[-\s]called\s*$/i.test(text.slice(Math.max(0, q.open - 12), q.open));
      // continuing quote: the speaker of the previous quote in this paragraph or the paragraph before,
      // when this quote opens its sentence
      const opensSentence = q.open <= model.sentences[s0]!.start + 1;
      if (!scare && opensSentence && lastSourced && lastSourced.source && lastSourced.paragraph >= para - 1 && !headlineQuote) {
        out.push({
          kind: 'direct',
          cue: null,
          source: lastSourced.source,
          content: this.qspan(q),
          quotes: [this.qspan(q)],
          sentence: s0,
          paragraph: para,
          scare: false,
          inherited: true,
          headline: false,
        });
        continue;
      }
      out.push({
        kind: 'direct',
        cue: null,
        source: null,
        content: this.qspan(q),
        quotes: [this.qspan(q)],
        sentence: s0,
        paragraph: para,
        scare,
        inherited: false,
        headline: headlineQuote,
      });
    }
    void bySentence;
    // ---- indirect speech: cues not used by a quote
    for (const s of quotesOnly ? [] : [...cueSentences].sort((a, b) => a - b)) {
      const cs = cuesOf(s);
      for (const c of cs) {
        // a weak cue ("called the plan a disgrace") reports a view only with a subject that can hold one
        if (c.used || !c.source || (c.weak && (c.sourceAfter || c.srcFrom < 0 || !this.holdsView([c.srcFrom, c.srcTo])))) continue;
        const content = this.clause(c, cs);
        if (!content) continue;
        const para = model.sentences[s]!.paragraph;
        const inner = this.top.filter((q) => q.start >= content.start && q.end <= content.end).map((q) => this.qspan(q));
        out.push(this.record(inner.length ? 'mixed' : 'indirect', c, content, inner, s, para, false, false, isHead(para)));
      }
    }
    // "Pat Quill: Voters Are Worried" — a name and a colon opening a paragraph (headline style)
    for (const para of quotesOnly ? [] : model.paragraphs) {
      // a transcript in quotation marks: "WALLACE: …" (an upper-case label after the opening mark)
      const lead = /^["“]\p{Lu}{2,}[\p{Lu}\s.'’-]*:\s/u.test(text.slice(para.start, Math.min(para.end, para.start + 40))) ? 1 : 0;
      const m = /^((?:\p{Lu}[\p{L}.'’-]*\s){0,3}\p{Lu}[\p{L}.'’-]*):\s+(?=\S)/u.exec(text.slice(para.start + lead, Math.min(para.end, para.start + 80)));
      if (!m || (this.inQuote(para.start) && !lead)) continue;
      const srcEnd = para.start + lead + m[1]!.length;
      const s0 = sentenceAt(model, para.start);
      const tags = sentenceTags(model, s0);
      const pi = model.sentences[s0]!.paragraph;
      const label = /^[\p{Lu}\s.'’-]+$/u.test(m[1]!); // transcript speaker label: "WALLACE:"
      if (/^(The|A|An)\s/.test(m[1]!) || !(label || isHead(pi) || (tags[0] && (tags[0].person || tags[0].org)))) continue;
      const cStart = para.start + lead + m[0].length;
      let cEnd = para.end;
      const s = sentenceAt(model, para.start);
      if (model.sentences[s]!.end < cEnd) cEnd = model.sentences[s]!.end;
      while (cEnd > cStart && /[\s.]/.test(text[cEnd - 1]!)) cEnd--;
      if (cEnd <= cStart || (!lead && out.some((a) => a.content.start <= cStart && a.content.end >= cStart))) continue;
      out.push({ kind: 'indirect', cue: span(text, srcEnd, srcEnd + 1), source: span(text, para.start + lead, srcEnd), content: span(text, cStart, cEnd), quotes: [], sentence: s, paragraph: model.sentences[s]!.paragraph, scare: false, inherited: false, headline: isHead(model.sentences[s]!.paragraph) });
    }
    // reported speech nested in another attribution's content ("Stein said she plans to …") belongs
    // to the outer one; quotes keep their own records
    const nested = (a: Attribution) =>
      a.kind !== 'direct' && a.cue !== null && out.some((b) => b !== a && b.source && b.cue && b.kind !== 'direct' && b.content.start <= a.cue!.start && a.cue!.end <= b.content.end && !(a.content.start <= b.cue.start && b.cue.end <= a.content.end));
    const cueTaken = new Set(out.filter((a) => a.kind === 'direct' && a.cue).map((a) => a.cue!.start));
    const kept = out.filter((a) => !nested(a) && !(a.kind === 'indirect' && a.cue && cueTaken.has(a.cue.start)));
    out.length = 0;
    out.push(...kept);
    out.sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
    this.resolvePronouns(out);
    return out;
  }

  private record(kind: AttributionKind, c: Cue, content: TextSpan, quotes: TextSpan[], s: number, para: number, scare: boolean, inherited: boolean, headline: boolean): Attribution {
    const a: Attribution = { kind, cue: c.span, source: c.source ? { ...c.source } : null, content, quotes, sentence: s, paragraph: para, scare, inherited, headline };
    // weak cues ("called the plan a mistake") report a view when no quote is involved
    if (c.stance || (c.weak && kind === 'indirect')) a.stance = true;
    return a;
  }

  /** direct: the quote stands beside the cue clause; mixed: the quote is embedded in reported words. */
  private quoteKind(q: QuoteSpan, c: Cue): AttributionKind {
    const text = this.text;
    const sent = this.model.sentences[c.sentence]!;
    const clauseStart = Math.min(c.span.start, c.source?.start ?? Infinity);
    const clauseEnd = Math.max(c.span.end, c.source?.end ?? -Infinity);
    if (q.open >= clauseEnd) {
      const between = text.slice(clauseEnd, q.open);
      // “said: “…”", "said, “…”", "told reporters: “…”"
      if (/^[\s,:—–-]*$/.test(between)) return 'direct';
      if (/^\s*(?:that\s*)?$/i.test(between)) return q.open <= sent.start + 1 || /^[\p{Lu}]/u.test(text.slice(q.start, q.start + 1)) ? 'direct' : 'mixed';
      const words = countTokens(this.tokens, c.to, sent.tokenEnd, q.open);
      if (/:\s*$/.test(between) && words <= 6) return 'direct';
      return 'mixed';
    }
    if (q.close <= clauseStart) {
      const between = text.slice(q.close, clauseStart);
      if (/^[\s,—–-]*$/.test(between)) return q.open <= sent.start + 1 ? 'direct' : 'mixed';
      return 'mixed';
    }
    return 'direct';
  }

  /** he/she/they/it → the nearest preceding named source (or person named in the preceding sentences). */
  private resolvePronouns(all: Attribution[]): void {
    const named: TextSpan[] = [];
    for (const a of all) if (a.source && !PRONOUNS.has(a.source.text.toLowerCase()) && !POSSESSIVES.has(a.source.text.toLowerCase()) && !a.inherited) named.push(a.source);
    named.sort((x, y) => x.start - y.start);
    for (const a of all) {
      if (!a.source || a.inherited) continue;
      const p = POSSESSIVES.get(a.source.text.toLowerCase()) ?? a.source.text.toLowerCase();
      if (!PRONOUNS.has(p) || p === 'i' || p === 'we' || p === 'you') continue;
      const at = a.source.start;
      let best: TextSpan | null = null;
      for (const n of named) if (n.start < at && (!best || n.start > best.start)) best = n;
      if (PERSON_PRONOUNS.has(p)) {
        const person = this.personBefore(at, best?.start ?? -1);
        if (person) best = person;
      }
      if (best) a.source.resolved = { ...best };
    }
    // inherited sources share the resolution
    for (const a of all) if (a.inherited && a.source) {
      const orig = all.find((b) => !b.inherited && b.source && b.source.start === a.source!.start);
      if (orig?.source?.resolved) a.source = { ...a.source, resolved: orig.source.resolved };
    }
  }

  /** The last person name (compromise #Person run) before offset `at` and after `after`, within 4 sentences. */
  private personBefore(at: number, after: number): TextSpan | null {
    const s = sentenceAt(this.model, at);
    for (let i = s; i >= Math.max(0, s - 4); i--) {
      const sent = this.model.sentences[i]!;
      if (sent.end <= after) break;
      const tags = sentenceTags(this.model, i);
      let found: TextSpan | null = null;
      for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
        const tok = this.tokens[k]!;
        if (tok.start >= at) break;
        if (tok.start <= after) continue;
        if (!tags[k - sent.tokenStart]!.person || this.inQuote(tok.start)) continue;
        let e = k;
        while (e + 1 < sent.tokenEnd && tags[e + 1 - sent.tokenStart]!.person && this.joinable(this.gap(e, e + 1))) e++;
        found = span(this.text, tok.start, this.tokens[e]!.end);
        k = e;
      }
      if (found) return found;
    }
    return null;
  }
}


/** "According to" opens a sentence-internal cue even when capitalised after a colon or dash. */
function phraseStart(toks: Token[], k: number): boolean {
  return toks[k]!.norm === 'according';
}

function between(o: QuoteSpan, q: QuoteSpan, c: Cue): boolean {
  const lo = Math.min(q.close, c.span.end);
  const hi = Math.max(q.open, c.span.start);
  return o.open >= lo && o.close <= hi;
}

/** Word tokens with start in [from, to) of the offset range, within token range [k0, k1). */
function countTokens(tokens: Token[], k0: number, k1: number, to: number, from = -1): number {
  let n = 0;
  const first = from >= 0 ? lowerBound(k1, (i) => tokens[i]!.start < from, k0) : k0;
  for (let k = first; k < k1 && tokens[k]!.start < to; k++) n++;
  return n;
}

/** All attributions of a text model (quotes with no speaker included, with source null). */
export function extractAttributions(model: TextModel): Attribution[] {
  return new Extractor(model).extract();
}

/** Only the quotes of a text and their speakers (no reported speech): the cheaper pass used on references. */
export function extractQuotes(model: TextModel): Attribution[] {
  return new Extractor(model).extract(true);
}
