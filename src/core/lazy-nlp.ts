/**
 * compromise, loaded on first use: its lexicon takes about a third of a second to build, which a
 * `copydesk --version` or a language server's `initialize` should not pay. The bundler keeps the
 * module but runs its initialisation only when this is first called.
 *
 * The `two` build (tokeniser, lexicon, pre- and post-tagger) is what the tags come from; `three` adds phrase
 * methods (nouns, verbs, sentences) that nothing here calls, and loads about a quarter slower. Its tags and its
 * lexicon are the same as `three`'s (compared on every METER text).
 */
import type nlpFn from 'compromise';
import { installBulkMatch } from './compromise-sweep';

export type Nlp = typeof nlpFn;

let loaded: Nlp | undefined;

export function compromise(): Nlp {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('compromise/two') as Nlp | { default: Nlp };
    loaded = typeof m === 'function' ? m : m.default;
    installBulkMatch(loaded.methods() as unknown as Parameters<typeof installBulkMatch>[0]);
  }
  return loaded;
}
