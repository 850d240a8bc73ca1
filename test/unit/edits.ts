// Random word-level edits of an article for the property tests of incremental analysis: every test draws
// { kind, at, word } records with fast-check and applies them here, so that all of them edit text alike.

/** An edit: `at` picks the word it acts on (modulo the word count), `word` picks what it inserts. */
export type WordEdit<K extends string = string> = { kind: K; at: number; word: number };

/** The kinds every test shares; a test adds its own through `more`. */
export type BasicEditKind = 'replace' | 'insert' | 'delete' | 'split' | 'join';

export interface EditVocabulary<K extends string> {
  /** Words that `replace` and `insert` put in. */
  words: readonly string[];
  /** What an edit does to a text of fewer than five words (so that the text never empties). */
  short: (text: string, word: number) => string;
  /** The test's own kinds: given the text, the chosen word's start and end, and `word`. */
  more?: Record<Exclude<K, BasicEditKind>, (text: string, start: number, end: number, word: number) => string>;
}

/** The text after one edit. */
export function applyEdit<K extends string>(text: string, e: WordEdit<K>, vocab: EditVocabulary<K>): string {
  const found = [...text.matchAll(/\S+/g)];
  if (found.length < 5) return vocab.short(text, e.word);
  const w = found[e.at % found.length]!;
  const s = w.index!;
  const end = s + w[0].length;
  const word = vocab.words[e.word % vocab.words.length];
  switch (e.kind as string) {
    case 'replace':
      return text.slice(0, s) + word + text.slice(end);
    case 'insert':
      return text.slice(0, s) + word + ' ' + text.slice(s);
    case 'delete':
      return text.slice(0, s) + text.slice(Math.min(text.length, end + 1));
    case 'split':
      return text.slice(0, end) + '\n\n' + text.slice(end).replace(/^\s+/, '');
    case 'join': {
      const p = text.indexOf('\n\n', s);
      return p < 0 ? text : text.slice(0, p) + ' ' + text.slice(p + 2);
    }
  }
  const own = (vocab.more as Record<string, (t: string, s: number, e: number, w: number) => string> | undefined)?.[e.kind];
  if (!own) throw new Error(`no edit of kind ${e.kind}`);
  return own(text, s, end, e.word);
}
