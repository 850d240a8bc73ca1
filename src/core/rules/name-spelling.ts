/**
 * name-spelling: a proper name in the article that is a near-miss of a name the references spell
 * consistently (or of a house-list spelling), and every house-list correction. A warning when the
 * spelling is the article's story's references' or three documents' of other stories; an info when
 * only one or two documents of other stories, a weak match, or references that also write the
 * article's spelling back it.
 */
import { analyseNames } from '../names/analysis';
import { ruleInfo } from './catalogue';
import type { Rule } from '../rule';

export const nameSpelling: Rule = {
  ...ruleInfo('name-spelling'),
  run: (ctx) => ctx.use(analyseNames).spelling,
};
