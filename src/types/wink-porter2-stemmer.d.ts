declare module 'wink-porter2-stemmer' {
  /** Porter2 (English) stemmer: lower-case word in, stem out. */
  function stem(word: string): string;
  export = stem;
}
