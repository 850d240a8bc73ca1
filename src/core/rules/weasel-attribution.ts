/**
 * weasel-attribution: vague sourcing with no named source ("observers say", "critics argue",
 * "it is believed", "is being viewed as", "many hope", "experts warn", "reportedly" …).
 * Words inside quotation marks belong to the speaker and are not checked, nor is a hedge inside the
 * reported speech of a named speaker ("Jo Marr says the bridge is reportedly unsafe": Marr's hedge).
 */
import { attributions } from '../attribution/analysis';
import { speakerLike, strictCue } from '../attribution/evidence';
import { findQuotes } from '../attribution/quotes';
import { sentenceTags } from '../attribution/tagger';
import type { Attribution, TextSpan } from '../attribution/types';
import type { TextModel } from '../text';
import { lowerBound } from '../search';
import { finding, ruleInfo } from './catalogue';
import type { Rule } from '../rule';
import type { Finding } from '../types';

const GROUPS = 'observers|critics|experts|analysts|commentators|pundits|insiders|sceptics|skeptics|people|sources|officials|historians|scientists|economists|diplomats|watchers|onlookers|insiders|researchers|scholars|detractors|supporters|opponents|residents';
const QUANT = 'some|many|most|several|a few|few|other|numerous|countless|a number of|a growing number of|some of the|many of the|a lot of|plenty of|various';
const VERBS = 'say|said|says|saying|argue|argued|argues|claim|claimed|claims|warn|warned|warns|believe|believed|believes|think|thought|thinks|suggest|suggested|suggests|fear|feared|fears|hope|hoped|hopes|note|noted|contend|contended|insist|insisted|maintain|maintained|predict|predicted|agree|agreed|feel|felt|expect|expected|worry|worried|speculate|speculated|allege|alleged|point out|pointed out|have said|have argued|have suggested|have warned|have noted';

/**
 * White space a lookbehind looks back over. Bounded: the lookbehind runs at every offset of the
 * text, and an unbounded `\s*` made a run of n spaces (a document of backticks, blanked to spaces)
 * cost n² steps.
 */
const LOOKBEHIND_SPACE = 16;

interface Pattern {
  re: RegExp;
  why: string;
  /** the pattern opens with a bare quantifier ("some hope", "most feared"), which may be a determiner */
  quantifier?: boolean;
  /** a vague group or quantifier with a speech verb of its own: the subject of its own clause */
  subject?: boolean;
  /** the phrase is itself a credit ("according to sources", "people familiar with"), never a hedge in someone's speech */
  credit?: boolean;
}

const PATTERNS: Pattern[] = [
  // "critics argue", "some experts warn", "many observers say" — bare or with a vague quantifier
  { re: new RegExp(`(?<=^|[.!?,;:(—–\n]\\s{0,${LOOKBEHIND_SPACE}}|\\b(?:and|but|while|as|though|although|that|because|what|since|yet|with)\\s{1,${LOOKBEHIND_SPACE}})(?:(?:${QUANT})\\s+)?(?:${GROUPS})\\s+(?:\\w+ly\\s+)?(?:${VERBS})\\b`, 'giu'), why: 'a vague group as the source', subject: true },
  { re: new RegExp(`\\b(?:${QUANT})\\s+(?:${GROUPS})\\s+(?:\\w+ly\\s+)?(?:${VERBS})\\b`, 'giu'), why: 'a vague group as the source', subject: true },
  // "some say", "many hope", "others argue"
  { re: new RegExp(`\\b(?:some|many|others|most|few)\\s+(?:would\\s+|might\\s+|will\\s+)?(?:${VERBS})\\b`, 'giu'), why: 'an unnamed "some" or "many" as the source', quantifier: true, subject: true },
  // agentless passives: "it is believed", "it was widely reported"
  { re: /\bit\s+(?:is|was|has\s+been|had\s+been|is\s+being)\s+(?:widely\s+|generally\s+|commonly\s+|now\s+|increasingly\s+)?(?:believed|thought|said|claimed|rumou?red|alleged|feared|understood|reported|suggested|argued|felt|known|accepted|expected|speculated)\b(?!\s+by\b)/giu, why: 'a passive with no one doing the saying' },
  // "is being viewed as", "is widely seen as", "are regarded as"
  { re: /\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:being\s+|widely\s+|increasingly\s+|generally\s+|now\s+|largely\s+)*(?:viewed|seen|regarded|considered|perceived|touted|hailed|described)\s+as\b(?![^.!?]*\bby\s+\p{Lu})/giu, why: 'a passive view with no one holding it' },
  // "according to sources", "sources close to", "people familiar with"
  { re: /\baccording\s+to\s+(?:some\s+|unnamed\s+|anonymous\s+|several\s+|many\s+)?(?:sources|reports|observers|experts|critics|insiders|analysts|officials)\b/giu, why: 'an unnamed source', credit: true },
  { re: /\b(?:a\s+source|sources|people|persons)\s+(?:close\s+to|familiar\s+with)\b/giu, why: 'an unnamed source', credit: true },
  { re: /\b(?:there\s+are\s+those\s+who|some\s+would\s+say|it\s+has\s+been\s+(?:said|suggested|claimed|argued)|reportedly|rumou?r\s+has\s+it)\b/giu, why: 'vague sourcing' },
];

/** Words of a credit that name no one: the vague groups and quantifiers above, and determiners. */
const VAGUE_WORDS = new Set(`${GROUPS}|${QUANT}|the|a|an|and|of|others|those|these|they|them|their`.split(/[|\s]+/));
/** Quantifiers that open a vague credit ("many prominent Republicans", "several officials"). */
const QUANT_WORDS = new Set('some many most several few numerous countless various other others'.split(' '));

/**
 * Does this attribution report the words of a speaker who is named (a person, an organisation, a
 * role: "Grain analyst Mara Tellen says", "said Mr Brandt", "a spokesman for the port said"), so
 * that a hedge in its content is the speaker's own? Not a vague credit ("analysts say", "some
 * experts believe", "officials said"), a stance ("Republicans oppose"), nor a noun phrase the
 * analysis takes for a credit before a non-speech cue ("Forecasters are offering some hope"): the
 * cue must report speech (`strictCue`) and the credit must be able to speak (`speakerLike`, as
 * unattributed-claim requires of a reference's credit).
 */
function namedSpeech(text: string, a: Attribution): TextSpan | null {
  if (a.kind === 'direct' || !a.source || !a.cue || a.stance || !strictCue(a.cue.text)) return null;
  let src: TextSpan = a.source.resolved ?? a.source;
  let said: TextSpan = a.content;
  // "…, it is thought he failed, said Mr Brandt": the analysis may take the clause for the credit and
  // the name after the cue for the content; a short name after the cue and a long clause before it
  // are the speaker and the words
  if (!a.source.resolved && src.end <= a.cue.start && a.cue.end <= said.start && said.text.split(/\s+/).length <= 5 && src.text.split(/\s+/).length > 8 && speakerLike(said.text)) {
    [src, said] = [said, src];
  }
  // "Graeme Hale from the Port Authority says", "the BBC's Ann Roe in Rome says": the credit read after
  // the preposition is the speaker's organisation or place, and the speaker is named before it
  const lead = text.slice(Math.max(0, src.start - 40), src.start);
  const owner = /((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}(\p{Lu}[\p{L}'’.-]*))\s+(?:from|of|at|in|with)\s+$/u.exec(lead);
  if (owner && !VAGUE_WORDS.has(owner[2]!.toLowerCase()) && (speakerLike(owner[1]) || speakerLike(src.text))) src = { start: src.start - owner[0].length, end: src.end, text: `${owner[1]} ${src.text}` };
  else if (!speakerLike(src.text, /^according/i.test(a.cue.text) ? '' : lead.slice(-12))) return null;
  const words = src.text.split(/\s+/);
  // "Many prominent Republicans", "some officials": a quantifier makes the credit vague
  if (QUANT_WORDS.has(words[0]!.toLowerCase())) return null;
  // a capitalised word other than a sentence-opening vague word names someone ("Kremlin officials")
  const named = words.some((w, i) => /^\p{Lu}/u.test(w) && !(i === 0 && VAGUE_WORDS.has(w.toLowerCase())));
  return named || !words.some((w) => VAGUE_WORDS.has(w.toLowerCase()) && !/^(?:the|a|an|and|of)$/i.test(w)) ? said : null;
}

/** "and"/"but" joining a second speech verb to the same speaker ("but said that", "and added"). */
const SECOND_SPEECH_VERB = /\b(?:and|but)\s+(?:also\s+)?(?:said|says|added|adds|insisted|insists|noted|notes|argued|argues|warned|warns|claimed|claims|explained|explains|stressed|stresses)\b(?:\s+that\b)?/giu;

/** Determiners and prepositions that make a following "some"/"most" a determiner or a superlative. */
const NOMINAL_BEFORE = new Set('the a an his her its their our my your this these those no any every each of for in on at by from to into about without under over against among amid than'.split(' '));

/**
 * Is the quantifier at `start` a determiner of a noun or a superlative ("to have some hope",
 * "offering some hope", "one of Britain's most feared families"), not an unnamed "some"/"most" as
 * the subject of a verb ("some hope that", "most feared the worst")? Read from the word just before
 * it in the same sentence, with nothing but white space between: a possessive, a determiner or a
 * preposition, or a verb (compromise's tag) whose object the quantifier's phrase is.
 */
function quantifierAsDeterminer(model: TextModel, start: number): boolean {
  const toks = model.tokens;
  const k = lowerBound(toks.length, (i) => toks[i]!.start < start);
  const tok = toks[k];
  if (!tok || tok.start !== start || k === 0) return false;
  const prev = toks[k - 1]!;
  if (prev.sentence !== tok.sentence || !/^\s+$/.test(model.text.slice(prev.end, tok.start))) return false;
  // "a few say": "a few" is itself the quantifier
  if (prev.norm === 'a' && tok.norm === 'few') return false;
  if (/['’]s$/i.test(prev.text) || NOMINAL_BEFORE.has(prev.norm)) return true;
  const sent = model.sentences[tok.sentence]!;
  return sentenceTags(model, tok.sentence)[k - 1 - sent.tokenStart]?.pos === 'VERB';
}

/**
 * Is the paragraph holding `at` followed by a paragraph that is only a social-media handle
 * ("@harbourwatcher.")? Then it is a reader's comment credited by that handle (a vox-pop list), whose
 * words are the reader's own.
 */
function creditedByHandle(model: TextModel, at: number): boolean {
  const paras = model.paragraphs;
  const p = paras.findIndex((x) => at >= x.start && at < x.end);
  const next = p >= 0 ? paras[p + 1] : undefined;
  return !!next && /^@\w{1,30}\.?$/u.test(model.text.slice(next.start, next.end).trim());
}

export const weaselAttribution: Rule = {
  ...ruleInfo('weasel-attribution'),
  run(ctx) {
    const text = ctx.doc.text;
    const quotes = findQuotes(ctx.doc).filter((q) => q.level === 1);
    const inQuote = (o: number) => quotes.some((q) => o >= q.open && o < q.close);
    // reported speech of a named speaker: a hedge in it is the speaker's ("X says it is expected …")
    const speech: TextSpan[] = [];
    for (const a of ctx.use(attributions)) {
      const said = namedSpeech(text, a);
      if (said) speech.push(said);
    }
    // in the same clause as the start of the reported words: after a dash, a semicolon, a bracket or
    // "and"/"but" (see below) the words are the writer's again ("X says the port is ready—which is what many hope
    // …", "X has said little, and people familiar with his plans say …")
    // "and"/"but" ends them only before a vague group with a verb of its own (a new clause with its own
    // subject); a hedge after "and" ("… will begin in May and it is expected to …") stays the speaker's
    const inSpeech = (s: number, e: number, subject: boolean) =>
      speech.some((c) => {
        if (s < c.start || e > c.end) return false;
        // "X conceded the point but said that …": a second speech verb of the same speaker carries the
        // reported words on
        const between = text.slice(c.start, s).replace(/^\s*(?:and|but)\b/i, '').replace(SECOND_SPEECH_VERB, ' ');
        return !/[—–;(]|\s-\s/.test(between) && !(subject && /\b(?:and|but)\b/i.test(between));
      });
    const seen = new Set<number>();
    const out: Finding[] = [];
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = p.re.exec(text)) !== null) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].length === 0) {
          p.re.lastIndex++;
          continue;
        }
        if (seen.has(start) || inQuote(start) || (!p.credit && inSpeech(start, end, !!p.subject))) continue;
        if (p.quantifier && quantifierAsDeterminer(ctx.doc, start)) continue;
        if (creditedByHandle(ctx.doc, start)) continue;
        // "Kremlin officials said", "the company's critics argue": a named owner makes it specific
        const before = text.slice(Math.max(0, start - 30), start);
        if (/(?:\p{Lu}[\p{L}.]*|['’]s)\s+(?:(?:some|many|most|several)\s+)?$/u.test(before) && !/^(?:some|many|most|several|others|few)\b/i.test(m[0])) continue;
        if (/(?:\p{Lu}[\p{L}.]*|['’]s)\s+$/u.test(before) && /^(?:observers|critics|experts|analysts|officials|sources|people|residents|supporters|opponents)/i.test(m[0])) continue;
        // overlapping matches of several patterns count once
        let overlap = false;
        for (const f of out) if (f.start < end && start < f.end) overlap = true;
        if (overlap) continue;
        seen.add(start);
        out.push(finding('weasel-attribution', {
          message: `Vague attribution “${m[0]}” (${p.why}): name who says so, or cut it`,
          start,
          end,
          text: m[0],
          data: { pattern: p.why },
        }));
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
