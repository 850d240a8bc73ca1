/**
 * name-spelling: a proper name in the article that is a near-miss of a name the references spell
 * consistently (or of a house-list spelling), and every house-list correction.
 */
import { analyseNames } from '../names/analysis';
import { ruleInfo } from './catalogue';
import type { Rule } from '../rule';

export const nameSpelling: Rule = {
  ...ruleInfo('name-spelling'),
  run: (ctx) => ctx.use(analyseNames).spelling,
};
