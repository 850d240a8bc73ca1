/** Every rule, in report order. One rule per file; add new rules here. */
import type { Rule } from '../rule';
import { copiedPassage } from './copied-passage';
import { nameSpelling } from './name-spelling';
import { nameInconsistency } from './name-inconsistency';
import { unattributedQuote } from './unattributed-quote';
import { unattributedClaim } from './unattributed-claim';
import { weaselAttribution } from './weasel-attribution';
import { misquote } from './misquote';
import { factMismatch } from './fact-mismatch';

export const RULES: Rule[] = [copiedPassage, unattributedQuote, unattributedClaim, weaselAttribution, misquote, nameSpelling, nameInconsistency, factMismatch];
