/**
 * name-inconsistency: the article spells one name two ways and the references do not settle which
 * is right.
 */
import { analyseNames } from '../names/analysis';
import type { Rule } from '../rule';

export const nameInconsistency: Rule = {
  id: 'name-inconsistency',
  defaultSeverity: 'info',
  description: 'One name spelt two ways in the article where the references do not settle it.',
  run: (ctx) => ctx.use(analyseNames).inconsistency,
};
