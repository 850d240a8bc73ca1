/**
 * Reading noun phrases around a cue: part-of-speech tags per token (compromise, per sentence and
 * only where asked), the text between tokens, noun phrases before and after a token, appositives,
 * clause and long subjects, and whether a phrase names something that can speak or hold a view.
 * The extractor (extract.ts) builds on it.
 */
import type { TextModel, Token } from '../text';
import { spanAt } from '../search';
import { AUX_WORDS, CUE_MODIFIERS, CUE_VERBS, EVIDENCE_NOUNS, PRONOUNS, ROLE_NOUNS, STANCE_VERBS } from './cues';
import { findQuotes, type QuoteSpan } from './quotes';
import { isFast, sentenceTags, type TokenTag } from './tagger';
import type { SourceSpan, TextSpan } from './types';

const CONNECTORS = new Set(['of', 'for', 'and', 'at', 'on']);

/** Heads of a share of people that can hold a view ("73 percent say", "a majority oppose", "most believe"). */
const QUANTITY_HEADS = new Set(['percent', 'cent', 'majority', 'majorities', 'minority', 'plurality', 'half', 'third', 'thirds', 'quarter', 'quarters', 'most', 'many', 'some', 'few']);

/** Month and day names: capitalised, but no names of people. */
const CALENDAR = new Set('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '));

const NOT_AGENTS = new Set(['numbers', 'members', 'papers', 'orders', 'matters', 'centers', 'centres', 'powers', 'letters', 'waters', 'dollars', 'errors', 'factors', 'sectors', 'doors', 'borders', 'headquarters', 'quarters', 'others', 'towers', 'offers', 'layers', 'corners', 'chambers', 'meters', 'filters', 'computers', 'monitors', 'motors', 'vectors', 'colors', 'colours', 'floors', 'liters', 'litres', 'rumors', 'rumours', 'terrors', 'mirrors', 'honors', 'honours', 'favors', 'favours', 'minors', 'majors', 'numbers', 'players']);
/** Plural agent nouns by their ending (operators, councillors, economists, Iowans, fishermen). */
function agentNoun(norm: string): boolean {
  if (NOT_AGENTS.has(norm)) return false;
  return /(?:[^e]ers|ors|ists|ians|[^o]men|women)$/.test(norm) && norm.length > 5;
}

export function span(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

export class PhraseReader {
  readonly text: string;
  readonly quotes: QuoteSpan[];
  protected readonly top: QuoteSpan[];
  /** the top-level quotes are in order of their opening offsets (quoteBetween searches them) */
  protected readonly topSorted: boolean;
  protected readonly tokens: Token[];

  constructor(readonly model: TextModel) {
    this.text = model.text;
    this.tokens = model.tokens;
    this.quotes = findQuotes(model);
    this.top = this.quotes.filter((q) => q.level === 1);
    this.topSorted = this.top.every((o, k) => k === 0 || this.top[k - 1]!.open <= o.open);
    this.fast = isFast(model);
  }

  /** tagged by the fast lexical tagger: noun/verb-ambiguous cue forms ("shows", "plans") need more evidence */
  protected readonly fast: boolean;

  /** Is the offset inside a top-level quote (marks included)? */
  inQuote(offset: number): boolean {
    const qs = this.top;
    return spanAt(qs, offset, 'open', 'close') >= 0;
  }

  protected tag(k: number): TokenTag {
    const tok = this.tokens[k]!;
    const s = this.model.sentences[tok.sentence]!;
    return sentenceTags(this.model, tok.sentence)[k - s.tokenStart]!;
  }

  /** Text between two adjacent tokens. */
  protected gap(a: number, b: number): string {
    return this.text.slice(this.tokens[a]!.end, this.tokens[b]!.start);
  }

  protected npWord(k: number): boolean {
    const t = this.tag(k);
    const norm = this.tokens[k]!.norm;
    if (ROLE_NOUNS.has(norm)) return true;
    if (norm === 'per' && this.tokens[k + 1]?.norm === 'cent') return true; // "40 per cent of members"
    return t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'DET' || t.pos === 'VAL' || (t.pos === 'X' && /^\p{Lu}/u.test(this.tokens[k]!.text));
  }

  protected headWord(k: number): boolean {
    const t = this.tag(k);
    if (/^\p{Lu}/u.test(this.tokens[k]!.text) && (t.pos === 'ADJ' || t.pos === 'X')) return true; // "Zelensky" tagged as an adjective
    if (t.pos === 'VAL' && this.text[this.tokens[k]!.end] === '%') return true; // "61% say"
    return t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'PRON' || ROLE_NOUNS.has(this.tokens[k]!.norm);
  }

  /** A gap that may stand inside a noun phrase. */
  protected joinable(g: string): boolean {
    return /^[ \t\u00a0.\-–&’']*$/.test(g) && g.length <= 3 && !/^['’]$/.test(g);
  }

  /** Noun phrase ending at token `last` (inclusive), walking left within the sentence. */
  protected npBefore(last: number, sentStart: number): [number, number] | null {
    if (last < sentStart || this.inQuote(this.tokens[last]!.start)) return null;
    const ln = this.tokens[last]!.norm;
    if (ln === 'who' || ln === 'which') return [last, last + 1];
    // "many of whom say", "most of which show"
    if ((ln === 'whom' || ln === 'which') && last - 2 >= sentStart && this.tokens[last - 1]!.norm === 'of' && (QUANTITY_HEADS.has(this.tokens[last - 2]!.norm) || /^(all|none|each|both|several|one|two|three)$/.test(this.tokens[last - 2]!.norm))) return [last - 2, last + 1];
    const t = this.tag(last);
    if (t.pos === 'PRON') {
      return PRONOUNS.has(this.tokens[last]!.norm) ? [last, last + 1] : null;
    }
    let k = last;
    if (!this.npWord(k)) return null;
    while (k - 1 >= sentStart && k - last < 12) {
      const g = this.gap(k - 1, k);
      if (!this.joinable(g)) break;
      const prev = k - 1;
      if (this.inQuote(this.tokens[prev]!.start)) break;
      // "it is obvious that voters want": a "that" after an adjective or a verb opens a clause
      if (this.tokens[prev]!.norm === 'that' && prev - 1 >= sentStart && ['ADJ', 'VERB', 'ADV'].includes(this.tag(prev - 1).pos)) break;
      if (this.npWord(prev)) {
        k = prev;
        continue;
      }
      // connector inside a phrase: "minister of finance", "Secretary of State"
      if (CONNECTORS.has(this.tokens[prev]!.norm) && prev - 1 >= sentStart && this.npWord(prev - 1) && this.joinable(this.gap(prev - 1, prev))) {
        k = prev - 1;
        continue;
      }
      break;
    }
    let from = k;
    while (from <= last && (CONNECTORS.has(this.tokens[from]!.norm) || ['that', 'which', 'who', 'whom', 'what', 'whether', 'than'].includes(this.tokens[from]!.norm))) from++;
    if (from <= last && ['that', 'this', 'the', 'a', 'an', 'which'].includes(this.tokens[last]!.norm)) return null;
    let hasHead = false;
    for (let i = from; i <= last; i++) if (this.headWord(i)) hasHead = true;
    if (!hasHead || from > last) return null;
    // "the deal is done, said Smith": an NP made only of an adjective is no subject
    return [from, last + 1];
  }

  /** Noun phrase starting at token `first`, walking right within the sentence (up to `limit`). */
  protected npAfter(first: number, limit: number): [number, number] | null {
    if (first >= limit || this.inQuote(this.tokens[first]!.start)) return null;
    if (this.tokens[first]!.norm === 'who') return [first, first + 1];
    const t = this.tag(first);
    if (t.pos === 'PRON') return PRONOUNS.has(this.tokens[first]!.norm) ? [first, first + 1] : null;
    if (!this.npWord(first)) return null;
    let k = first;
    while (k + 1 < limit && k - first < 12) {
      const g = this.gap(k, k + 1);
      if (!this.joinable(g) || this.inQuote(this.tokens[k + 1]!.start)) break;
      if (this.npWord(k + 1) && this.tag(k + 1).pos !== 'DET') {
        k++;
        continue;
      }
      if (CONNECTORS.has(this.tokens[k + 1]!.norm) && this.tokens[k + 1]!.norm !== 'on' && k + 2 < limit && this.npWord(k + 2) && this.joinable(this.gap(k + 1, k + 2))) {
        k += 2;
        continue;
      }
      break;
    }
    let hasHead = false;
    for (let i = first; i <= k; i++) if (this.headWord(i)) hasHead = true;
    return hasHead ? [first, k + 1] : null;
  }

  protected srcSpan(from: number, to: number): SourceSpan {
    const end = this.tokens[to - 1]!.end;
    return span(this.text, this.tokens[from]!.start, this.text[end] === '%' ? end + 1 : end);
  }

  /** Extend a subject NP left over an appositive: "Kallas, the EU's foreign policy chief, said". */
  protected appositive(np: [number, number], sentStart: number): [number, number] {
    const [from] = np;
    if (from - 1 < sentStart) return np;
    // "Later, it rejected …": a personal pronoun has no appositive
    if (np[1] - from === 1 && PRONOUNS.has(this.tokens[from]!.norm) && this.tokens[from]!.norm !== 'who') return np;
    const g = this.gap(from - 1, from);
    if (!/^\s*,\s*$/.test(g)) return np;
    const head = this.npBefore(from - 1, sentStart);
    if (!head) return np;
    // the appositive pair must start the clause
    const before = head[0] - 1 >= sentStart ? this.gap(head[0] - 1, head[0]) : '';
    const hasProper = (() => {
      for (let i = head[0]; i < head[1]; i++) if (this.tag(i).pos === 'PROPN' || /^\p{Lu}/u.test(this.tokens[i]!.text)) return true;
      return false;
    })();
    if (!hasProper) return np;
    if (head[0] === sentStart || /[,”"’:;—–(]\s*$/.test(before)) return [head[0], np[1]];
    return np;
  }

  /**
   * "Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said": a long
   * appositive or participial aside between the subject and the cue. The subject is the named
   * phrase that opens the clause (sentence start, or after a closing quote and comma).
   */
  protected clauseSubject(last: number, sentStart: number): [number, number] | null {
    let k = last;
    let commas = 0;
    while (k > sentStart && last - k < 50) {
      const g = this.gap(k - 1, k);
      if (this.inQuote(this.tokens[k - 1]!.start) || /[”"]/.test(g)) break;
      if (/,|--|[—–]/.test(g)) commas++;
      if (/[;:]/.test(g)) return null;
      k--;
    }
    if (commas === 0) return null;
    // a dateline before the subject: "PORTSMOUTH -- Mayor Voss, opening …, said"
    if (k === sentStart) {
      let d = k;
      while (d < last && /^[\p{Lu}.,]+$/u.test(this.tokens[d]!.text) && !/[—–]|--/.test(this.gap(d, d + 1))) d++;
      if (d < last && /^[\p{Lu}.,]+$/u.test(this.tokens[d]!.text) && /^\s*(?:\([^)]*\))?\s*(?:--|[—–])\s*$/.test(this.gap(d, d + 1))) k = d + 1;
    }
    while (k < last && (this.tag(k).pos === 'CONJ' || this.tag(k).pos === 'ADV' || ['but', 'and', 'so', 'yet', 'meanwhile', 'still'].includes(this.tokens[k]!.norm))) k++;
    const first = this.npAfter(k, last + 1);
    if (!first) return null;
    let proper = false;
    for (let i = first[0]; i < first[1]; i++) if (/^\p{Lu}/u.test(this.tokens[i]!.text)) proper = true;
    if (!proper) return null;
    // the named phrase must be followed by a comma or a dash (the aside), maybe after a parenthesis:
    // "Councillor Pia Sand (Greens), the mayor's rival, said"
    let e = first[1];
    if (e <= last && /^\s*\($/.test(this.gap(e - 1, e))) {
      while (e <= last && !/\)/.test(this.gap(e - 1, e))) e++;
      if (e > last) return null;
      if (!/\)\s*(?:,|--|[—–])/.test(this.gap(e - 1, e))) return null;
    } else if (first[1] > last || !/^\s*(?:,|--|[—–])/.test(this.gap(first[1] - 1, first[1]))) return null;
    return [first[0], last + 1];
  }

  /**
   * A subject noun phrase with a modifier between its head and the cue, ending at token `last`: the
   * clause opens at the sentence start or after a break (punctuation, or "that" after a verb); its
   * first noun phrase must hold a view (for speech cues, a singular agent noun too: "every engineer"),
   * and what follows it must open a modifier: a preposition, a participle, a relative pronoun, or a
   * pronoun or adjective ("the experts I asked", "those close to him").
   */
  protected longSubject(last: number, sentStart: number, stance: boolean): [number, number] | null {
    let k = last;
    while (k > sentStart && last - k < 25) {
      const g = this.gap(k - 1, k);
      if (/[,;:()“”"—–]|--/.test(g) || this.inQuote(this.tokens[k - 1]!.start)) break;
      const n = this.tokens[k - 1]!.norm;
      if ((n === 'that' || n === 'whether' || n === 'if') && k - 2 >= sentStart && this.tag(k - 2).pos === 'VERB') break;
      k--;
    }
    if (last - k >= 25) return null;
    while (k < last && (this.tag(k).pos === 'CONJ' || this.tag(k).pos === 'ADV')) k++;
    const head = this.npAfter(k, last + 1);
    if (!head || head[1] > last || last - head[1] > 15) return null;
    const hn = this.tokens[head[1] - 1]!.norm;
    const lastNorm = this.tokens[last]!.norm;
    // "the council met on Friday and pledged …": a coordinated cue takes the subject of the clause's main
    // verb (an infinitive, "took to the radio to accuse", was measured too: as many false sources as true)
    if (lastNorm === 'and') {
      if (!this.holdsView(head)) return null;
      for (let i = head[1]; i < last; i++) if (this.tag(i).pos === 'VERB' && !AUX_WORDS.has(this.tokens[i]!.norm)) return head;
      return null;
    }
    // otherwise the word before the cue ends a noun phrase or a participle, not a clause ("… failed as predicted")
    const lt = this.tag(last);
    if (!['NOUN', 'PROPN', 'PRON', 'VERB', 'DATE', 'VAL'].includes(lt.pos) || ['who', 'which', 'that', 'whom'].includes(lastNorm)) return null;
    if (!this.holdsView(head) && (stance || !(agentNoun(hn) || agentNoun(hn + 's')))) return null;
    const m = this.tokens[head[1]]!.norm;
    const t = this.tag(head[1]);
    const opens = t.pos === 'PREP' || ['that', 'who', 'which', 'whom', 'whose'].includes(m) || t.pos === 'PRON' || t.pos === 'ADJ' || (t.pos === 'VERB' && (t.past || t.gerund) && !AUX_WORDS.has(m));
    if (!opens) return null;
    for (let i = head[1]; i <= last; i++) {
      const n = this.tokens[i]!.norm;
      if (CUE_VERBS.has(n) || (STANCE_VERBS.has(n) && this.tag(i).pos === 'VERB')) return null;
    }
    return [head[0], last + 1];
  }

  /**
   * The subject of the sentence's main clause before token `limit`: the first noun phrase that opens
   * the sentence or follows a comma and is followed by a verb ("On Thursday, however, Voss spoke …").
   * Only one that can hold a view.
   */
  protected mainSubject(sentStart: number, limit: number): [number, number] | null {
    for (let i = sentStart; i < limit; i++) {
      if (i > sentStart && !/,\s*$/.test(this.gap(i - 1, i))) continue;
      if (this.inQuote(this.tokens[i]!.start)) return null;
      let a = i;
      while (a < limit && (this.tag(a).pos === 'CONJ' || this.tag(a).pos === 'ADV')) a++;
      const np = this.npAfter(a, limit);
      if (!np) continue;
      let v = np[1];
      if (v >= limit || !/^\s+$/.test(this.gap(v - 1, v))) continue;
      // a short prepositional phrase or date may stand between ("A group of doctors in 2015 sent …")
      if (this.tag(v).pos === 'PREP') {
        const p0 = v;
        while (v < limit && v - p0 < 6 && /^\s+$/.test(this.gap(v - 1, v)) && this.tag(v).pos !== 'VERB') v++;
      }
      while (v < limit && (CUE_MODIFIERS.has(this.tokens[v]!.norm) || this.tag(v).pos === 'ADV')) v++;
      if (v >= limit || this.tag(v).pos !== 'VERB' || !/^\s+$/.test(this.gap(v - 1, v))) continue;
      return this.holdsView(np) ? np : null;
    }
    return null;
  }

  /** The "by" of a passive agent after a cue: right after it, or after a short object (no punctuation); -1 if none. */
  protected agentBy(from: number, limit: number): number {
    for (let b = from; b < limit && b - from < 6; b++) {
      if (b > from && !/^\s+$/.test(this.gap(b - 1, b))) return -1;
      if (this.tokens[b]!.norm === 'by') return b;
      if (b > from && !this.npWord(b)) return -1;
    }
    return -1;
  }

  /** Is this phrase a name (a capitalised word not opening the sentence, or a compromise person or organisation)? */
  protected isName(np: [number, number]): boolean {
    for (let i = np[0]; i < np[1]; i++) {
      const t = this.tag(i);
      if (t.person || t.org || t.pos === 'PROPN') return true;
    }
    return false;
  }

  /** Can this source phrase hold a view (a name, a person pronoun, a role or evidence noun)? */
  protected holdsView(np: [number, number]): boolean {
    // "Trump, appearing after Clinton at the forum, …": the head is the named phrase before the aside
    let head = np[1] - 1;
    for (let i = np[0]; i < np[1] - 1; i++) if (/,/.test(this.gap(i, i + 1))) {
      head = i;
      break;
    }
    // "footage of the crash", "the head of the union": the noun before "of" is a head too
    // — except a share, which is a share of what follows: "40 percent of voters", not "of the budget"
    for (let i = np[0] + 1; i < head; i++) if (this.tokens[i]!.norm === 'of') {
      if (QUANTITY_HEADS.has(this.tokens[i - 1]!.norm) || this.tag(i - 1).pos === 'VAL') break;
      if (this.headHoldsView(i - 1)) return true;
      break;
    }
    return this.headHoldsView(head);
  }

  protected headHoldsView(head: number): boolean {
    const norm = this.tokens[head]!.norm;
    const t = this.tag(head);
    if (norm === 'which' || t.pos === 'DATE' || CALENDAR.has(norm)) return false; // "a poll released in late August found"
    if (norm === 'whom' || norm === 'who') return true; // "many of whom", "who" (compromise may not tag it)
    // "it" (an organisation, a report: "it attacked the plan") but not "it's" ("it's supposed to")
    if (t.pos === 'PRON') return PRONOUNS.has(norm) && (norm !== 'it' || !/['’]/.test(this.tokens[head]!.text)) && norm !== 'you';
    if (ROLE_NOUNS.has(norm) || EVIDENCE_NOUNS.has(norm) || agentNoun(norm)) return true;
    // a share of people, as polls report them: "73 percent (of voters) say", "a majority oppose", "61% back"
    if (QUANTITY_HEADS.has(norm) || (t.pos === 'VAL' && this.text[this.tokens[head]!.end] === '%')) return true;
    if (t.person || t.org) return true;
    if (!/^\p{Lu}/u.test(this.tokens[head]!.text)) return false;
    // a capitalised word opening the sentence is a name if the text also capitalises it mid-sentence
    return t.pos === 'PROPN' || this.isMidCapital(norm);
  }

  /** the answers of isMidCapital, while a cue memo records what a sentence's cues depend on */
  protected capsLog: [string, boolean][] | null = null;

  /** Does the text capitalise this word somewhere other than at a sentence start? */
  protected isMidCapital(norm: string): boolean {
    const v = this.midCapitals().has(norm);
    if (this.capsLog) this.capsLog.push([norm, v]);
    return v;
  }

  protected midCaps: Set<string> | null = null;
  /** Words the text capitalises somewhere other than at a sentence start. */
  protected midCapitals(): Set<string> {
    if (this.midCaps) return this.midCaps;
    const out = new Set<string>();
    for (const sent of this.model.sentences) {
      for (let k = sent.tokenStart + 1; k < sent.tokenEnd; k++) if (/^\p{Lu}/u.test(this.tokens[k]!.text)) out.add(this.tokens[k]!.norm);
    }
    return (this.midCaps = out);
  }
}
