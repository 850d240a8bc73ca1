/**
 * weasel-attribution: vague sourcing with no named source ("observers say", "critics argue",
 * "it is believed", "is being viewed as", "many hope", "experts warn", "reportedly" …).
 * Words inside quotation marks belong to the speaker and are not checked.
 */
import { attributions } from '../attribution/analysis';
import { findQuotes } from '../attribution/quotes';
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
}

const PATTERNS: Pattern[] = [
  // "critics argue", "some experts warn", "many observers say" — bare or with a vague quantifier
  { re: new RegExp(`(?<=^|[.!?,;:(—–\n]\\s{0,${LOOKBEHIND_SPACE}}|\\b(?:and|but|while|as|though|although|that|because|what|since|yet|with)\\s{1,${LOOKBEHIND_SPACE}})(?:(?:${QUANT})\\s+)?(?:${GROUPS})\\s+(?:\\w+ly\\s+)?(?:${VERBS})\\b`, 'giu'), why: 'a vague group as the source' },
  { re: new RegExp(`\\b(?:${QUANT})\\s+(?:${GROUPS})\\s+(?:\\w+ly\\s+)?(?:${VERBS})\\b`, 'giu'), why: 'a vague group as the source' },
  // "some say", "many hope", "others argue"
  { re: new RegExp(`\\b(?:some|many|others|most|few)\\s+(?:would\\s+|might\\s+|will\\s+)?(?:${VERBS})\\b`, 'giu'), why: 'an unnamed "some" or "many" as the source' },
  // agentless passives: "it is believed", "it was widely reported"
  { re: /\bit\s+(?:is|was|has\s+been|had\s+been|is\s+being)\s+(?:widely\s+|generally\s+|commonly\s+|now\s+|increasingly\s+)?(?:believed|thought|said|claimed|rumou?red|alleged|feared|understood|reported|suggested|argued|felt|known|accepted|expected|speculated)\b(?!\s+by\b)/giu, why: 'a passive with no one doing the saying' },
  // "is being viewed as", "is widely seen as", "are regarded as"
  { re: /\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:being\s+|widely\s+|increasingly\s+|generally\s+|now\s+|largely\s+)*(?:viewed|seen|regarded|considered|perceived|touted|hailed|described)\s+as\b(?![^.!?]*\bby\s+\p{Lu})/giu, why: 'a passive view with no one holding it' },
  // "according to sources", "sources close to", "people familiar with"
  { re: /\baccording\s+to\s+(?:some\s+|unnamed\s+|anonymous\s+|several\s+|many\s+)?(?:sources|reports|observers|experts|critics|insiders|analysts|officials)\b/giu, why: 'an unnamed source' },
  { re: /\b(?:a\s+source|sources|people|persons)\s+(?:close\s+to|familiar\s+with)\b/giu, why: 'an unnamed source' },
  { re: /\b(?:there\s+are\s+those\s+who|some\s+would\s+say|it\s+has\s+been\s+(?:said|suggested|claimed|argued)|reportedly|rumou?r\s+has\s+it)\b/giu, why: 'vague sourcing' },
];

export const weaselAttribution: Rule = {
  ...ruleInfo('weasel-attribution'),
  run(ctx) {
    const text = ctx.doc.text;
    const quotes = findQuotes(ctx.doc).filter((q) => q.level === 1);
    const inQuote = (o: number) => quotes.some((q) => o >= q.open && o < q.close);
    // a named source in the same sentence makes "officials said" specific ("Kremlin officials said")
    void ctx.use(attributions);
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
        if (seen.has(start) || inQuote(start)) continue;
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
