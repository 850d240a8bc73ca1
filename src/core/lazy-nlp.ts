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

/** The part of wink-nlp the sentence tagger uses. */
export interface WinkNlp {
  readDoc(text: string): {
    tokens(): { out(f: unknown): unknown[] };
    entities(): { out(f: unknown): unknown[] };
  };
  its: { value: unknown; pos: unknown; detail: unknown };
}

let winkLoaded: WinkNlp | undefined;

/**
 * wink-nlp with its English lite model, loaded on first use. The module names sit in variables so
 * that the bundler leaves these requires to run time: wink is optional, and a build without it
 * installed still succeeds (calling this then throws).
 */
export function wink(): WinkNlp {
  if (!winkLoaded) {
    const lib = ['wink-nlp', 'wink-eng-lite-web-model'];
    /* eslint-disable @typescript-eslint/no-require-imports */
    const winkNLP = require(lib[0]!) as (model: unknown) => WinkNlp;
    const model = require(lib[1]!) as unknown;
    /* eslint-enable @typescript-eslint/no-require-imports */
    winkLoaded = winkNLP(model);
  }
  return winkLoaded;
}
