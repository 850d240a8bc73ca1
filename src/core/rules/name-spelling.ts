/**
 * name-spelling: a proper name in the article that is a near-miss of a name the references spell
 * consistently (or of a house-list spelling), and every house-list correction.
 */
import { analyseNames } from '../names/analysis';
import type { Rule } from '../rule';

export const nameSpelling: Rule = {
  id: 'name-spelling',
  defaultSeverity: 'warning',
  description: 'Proper names spelt differently from the references or the house list (Vovshansk for Vovchansk).',
  run: (ctx) => ctx.use(analyseNames).spelling,
};
