/** Every rule, in report order. One rule per file; add new rules here. */
import type { Rule } from '../rule';
import { copiedPassage } from './copied-passage';

export const RULES: Rule[] = [copiedPassage];
