/**
 * compromise's lexicon (a word → its tag or tags), as `nlp.model().one.lexicon` gives it: the known
 * names and common words of names/words.ts. The bundles replace this module by the same table
 * written out when they are built (esbuild.js, scripts/compromise-lexicon.js), so that a check reads
 * it without loading compromise (a fifth of a second, which the first check would otherwise wait
 * for even when compromise's tagging runs in a worker thread).
 */
import { compromise } from '../lazy-nlp';

export type Lexicon = Record<string, string | string[]>;

export function compromiseLexicon(): Lexicon {
  return (compromise() as unknown as { model(): { one: { lexicon: Lexicon } } }).model().one.lexicon;
}
