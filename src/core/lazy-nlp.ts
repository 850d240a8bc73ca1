/**
 * compromise, loaded on first use: its lexicon takes about a third of a second to build, which a
 * `copydesk --version` or a language server's `initialize` should not pay. The bundler keeps the
 * module but runs its initialisation only when this is first called.
 */
import type nlpFn from 'compromise';

export type Nlp = typeof nlpFn;

let loaded: Nlp | undefined;

export function compromise(): Nlp {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('compromise') as Nlp | { default: Nlp };
    loaded = typeof m === 'function' ? m : m.default;
  }
  return loaded;
}
