/** Names learned from the references: lexicon, near-miss matching, and the shared analysis. */
export { nameLexicon, NameLexicon, type NameEntry } from './lexicon';
export { analyseNames, matchCase, type NameAnalysis, type ReferenceSpelling } from './analysis';
export { articleNames } from './article';
export { nearMiss, derivedForms } from './match';
export { compareNames, osaDistance, jaroWinkler, skeleton, keyboardAdjacent, foldDiacritics } from './similarity';
