/**
 * Where a cue's source stands: before it (with an appositive, set off by commas, or before a
 * parenthetical), inverted after it ("…,” said Smith), after a cue phrase ("according to …"), as the
 * agent of a passive ("was criticised by …"), or as the sender of a document ("issued a statement
 * calling …"). Token ranges of noun phrases, as PhraseReader reads them; CueReader (cue-reader.ts)
 * asks for them cue by cue.
 */
import type { Sentence } from '../text';
import { AUX_WORDS, CUE_MODIFIERS, EVIDENCE_NOUNS, POSSESSIVES, PRONOUNS, SUBORDINATORS } from './cues';
import { PhraseReader } from './phrases';

export class SourceReader extends PhraseReader {
  /**
   * The agent of a passive cue ending before token `to` ("by X", maybe after an object: "has been
   * called a charlatan by fellow doctors"), or null; a stance cue's agent must hold a view.
   */
  protected passiveAgent(to: number, sent: Sentence, stance: boolean): [number, number] | null {
    const by = this.agentBy(to, sent.tokenEnd);
    if (by < 0) return null;
    const np = this.npAfter(by + 1, sent.tokenEnd);
    if (!np || (stance && !this.holdsView(np))) return null;
    return np;
  }

  /** A reduced passive cue at k ("When pressed by the host, …", "…, criticised by unions as …"): its agent, if it holds a view. */
  protected reducedPassiveAgent(k: number, to: number, sent: Sentence): [number, number] | null {
    const toks = this.tokens;
    if (!(this.tag(k).past && /ed$/.test(toks[k]!.norm) && to < sent.tokenEnd && toks[to]!.norm === 'by' && /^\s+$/.test(this.gap(to - 1, to)) && (k === sent.tokenStart || /[,(—–]\s*$/.test(this.gap(k - 1, k)) || SUBORDINATORS.has(toks[k - 1]!.norm)))) return null;
    const np = this.npAfter(to + 1, sent.tokenEnd);
    return np && this.holdsView(np) ? np : null;
  }

  /** "Rep. Gwen Moore (D-Wis.) said": the noun phrase before a parenthetical that ends at token j. */
  protected parentheticalSubject(j: number, sent: Sentence): [number, number] | null {
    if (!(j >= sent.tokenStart && /\)\s*$/.test(this.gap(j, j + 1)))) return null;
    const toks = this.tokens;
    const open = this.text.lastIndexOf('(', toks[j + 1]!.start);
    let jj = j;
    while (jj >= sent.tokenStart && toks[jj]!.start > open) jj--;
    if (open >= sent.start && jj >= sent.tokenStart && j - jj <= 6) return this.npBefore(jj, sent.tokenStart);
    return null;
  }

  /** The subject ending at token j before a cue: a noun phrase with its appositive, or one set off by commas. */
  protected subjectBefore(j: number, sent: Sentence, headlineCue: boolean): [number, number] | null {
    let np: [number, number] | null = null;
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
    return np;
  }

  /** Inversion: “…,” said Smith / …, said the minister. The source after the cue at k (ending before `to`), or null. */
  protected invertedSource(k: number, to: number, sent: Sentence): [number, number] | null {
    const g = k > sent.tokenStart ? this.gap(k - 1, k) : this.text.slice(sent.start, this.tokens[k]!.start);
    if (!(/[,”"’':]\s*$/.test(g) || k === sent.tokenStart)) return null;
    const a = this.npAfter(to, sent.tokenEnd);
    // after a plain comma (no quote), the phrase must end the clause: "…, said the minister." —
    // not "…, Bamberg, said the videos show …"
    const ends = !a || a[1] >= sent.tokenEnd || /^\s*[,;:.!?—–(]/.test(this.gap(a[1] - 1, a[1])) || /[”"’':]\s*$/.test(g) || k === sent.tokenStart;
    return a && ends && !PRONOUNS.has(this.tokens[a[0]]!.norm) ? a : null;
  }

  /** The source of a cue phrase whose source follows it ("according to exit polls, …"): up to the comma or the sentence end. */
  protected sourceAfterCue(to: number, sent: Sentence): [number, number] | null {
    let np = this.npAfter(to, sent.tokenEnd);
    if (to < sent.tokenEnd && !this.inQuote(this.tokens[to]!.start)) {
      let e = to;
      while (e + 1 < sent.tokenEnd && e - to < 15 && !/[,;:.!?”"(—–]/.test(this.gap(e, e + 1))) e++;
      if (!np || e + 1 > np[1]) np = [to, e + 1];
    }
    return np;
  }

  /**
   * "the council issued a statement calling …", "parents sent a letter to the board urging …": a
   * participle after a document that is the object of a verb speaks for that verb's subject. That
   * subject if the noun phrase np is such a document, else np.
   */
  protected documentSender(np: [number, number], sent: Sentence): [number, number] {
    const toks = this.tokens;
    if (!EVIDENCE_NOUNS.has(toks[np[1] - 1]!.norm)) return np;
    let v = np[0] - 1;
    while (v > sent.tokenStart && np[0] - v < 10 && this.tag(v).pos !== 'VERB' && /^\s+$/.test(this.gap(v, v + 1)) && (this.npWord(v) || this.tag(v).pos === 'PREP')) v--;
    if (v > sent.tokenStart && this.tag(v).pos === 'VERB' && !AUX_WORDS.has(toks[v]!.norm) && /^\s+$/.test(this.gap(v, v + 1))) {
      let b = v - 1;
      while (b >= sent.tokenStart && (CUE_MODIFIERS.has(toks[b]!.norm) || this.tag(b).pos === 'ADV') && /^\s+$/.test(this.gap(b, b + 1))) b--;
      const subj = b >= sent.tokenStart && /^\s+$/.test(this.gap(b, b + 1)) ? this.npBefore(b, sent.tokenStart) : null;
      if (subj && this.holdsView(subj)) return subj;
    }
    return np;
  }
}
