/** Every rule, in report order. One rule per file; add new rules here. */
import type { Rule } from '../rule';
import { copiedPassage } from './copied-passage';
import { nameSpelling } from './name-spelling';
import { nameInconsistency } from './name-inconsistency';

export const RULES: Rule[] = [copiedPassage, nameSpelling, nameInconsistency];
