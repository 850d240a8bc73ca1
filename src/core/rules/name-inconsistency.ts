/**
 * name-inconsistency: the article spells one name two ways and the references do not settle which
 * is right.
 */
import { analyseNames } from '../names/analysis';
import { ruleInfo } from './catalogue';
import type { Rule } from '../rule';

export const nameInconsistency: Rule = {
  ...ruleInfo('name-inconsistency'),
  run: (ctx) => ctx.use(analyseNames).inconsistency,
};
