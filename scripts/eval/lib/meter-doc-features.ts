/**
 * Document-level features of an article's copied-passage findings, for `meter-ceiling --cv`: can a
 * decision over several of them tell a non-derived METER article from a derived one better than
 * "at least one finding"? Every feature reads only the article, its findings and the references
 * they cite (what the product would have), never the article's catchline.
 *
 * One class of signal here is new to issue 12: the article's own quotations. A reporter in court
 * quotes what they heard; a rewrite of the wire quotes the wire. `ownQuotes` counts the article's
 * quotations of 5+ words that no cited reference holds (under half of the quotation's word pairs
 * found in them), `quotesHeld` the share of its quotations they do hold.
 */
import { findQuotes } from '../../../src/core/attribution/quotes';
import type { TextModel } from '../../../src/core/text';
import type { Finding } from '../../../src/core/types';
import { longestSharedRuns, quotedMask } from './shared-runs';

export const DOC_FEATURES = [
  'log words',
  'log findings',
  'log longest finding',
  'coverage',
  'best similarity',
  'mean similarity',
  'quoted share',
  'log exact run',
  'log near run',
  'vocabulary held',
  'own quotations',
  'quotations held',
  'has quotations',
] as const;

/** `findings`: the article's copied-passage findings; `source(id)`: the text model of a cited reference. */
export function docFeatures(model: TextModel, findings: Finding[], source: (id: string) => { model: TextModel; quoted: Uint8Array }): number[] {
  const n = model.tokens.length;
  const quoted = quotedMask(model);
  const inFinding = new Uint8Array(n);
  for (const f of findings) for (let k = 0; k < n; k++) if (model.tokens[k]!.start >= f.start && model.tokens[k]!.end <= f.end) inFinding[k] = 1;
  let covered = 0;
  let coveredQuoted = 0;
  for (let k = 0; k < n; k++) {
    covered += inFinding[k]!;
    if (inFinding[k] && quoted[k]) coveredQuoted++;
  }
  const words = (f: Finding) => (f.data as { words?: number } | undefined)?.words ?? 0;
  const cited = [...new Set(findings.map((f) => f.source!.id))].map(source);
  let exact = 0;
  let near = 0;
  const pairs = new Set<string>();
  const heldWords = new Set<string>();
  const content = new Set(model.tokens.filter((t) => !t.stop && !/^\d/.test(t.norm) && t.norm.length > 2).map((t) => t.norm));
  for (const s of cited) {
    const r = longestSharedRuns(model, quoted, s.model, s.quoted);
    exact = Math.max(exact, r.exact?.words ?? 0);
    near = Math.max(near, r.near?.words ?? 0);
    const t = s.model.tokens;
    for (let k = 0; k < t.length; k++) {
      if (content.has(t[k]!.norm)) heldWords.add(t[k]!.norm);
      if (k + 1 < t.length) pairs.add(`${t[k]!.norm} ${t[k + 1]!.norm}`);
    }
  }
  let quotes = 0;
  let own = 0;
  for (const q of findQuotes(model)) {
    if (q.level !== 1) continue;
    const toks = model.tokens.filter((t) => t.start >= q.start && t.end <= q.end);
    if (toks.length < 5) continue;
    let held = 0;
    for (let k = 0; k + 1 < toks.length; k++) if (pairs.has(`${toks[k]!.norm} ${toks[k + 1]!.norm}`)) held++;
    quotes++;
    if (held < 0.5 * (toks.length - 1)) own++;
  }
  const sims = findings.map((f) => f.similarity ?? 0);
  const total = findings.reduce((s, f) => s + words(f), 0);
  return [
    Math.log1p(n),
    Math.log1p(findings.length),
    Math.log1p(Math.max(0, ...findings.map(words))),
    covered / Math.max(1, n),
    Math.max(0, ...sims),
    total ? findings.reduce((s, f) => s + (f.similarity ?? 0) * words(f), 0) / total : 0,
    covered ? coveredQuoted / covered : 0,
    Math.log1p(exact),
    Math.log1p(near),
    heldWords.size / Math.max(1, content.size),
    own,
    quotes ? (quotes - own) / quotes : 0,
    quotes ? 1 : 0,
  ];
}
