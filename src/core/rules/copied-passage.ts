import type { Rule } from '../rule';

// replaced by the aligner in the next commit
export const copiedPassage: Rule = {
  id: 'copied-passage',
  defaultSeverity: 'warning',
  description: 'Verbatim, near-verbatim or close-paraphrase reuse of a reference passage.',
  run: () => [],
};
