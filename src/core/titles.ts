/**
 * Words written before or after a person's name that are not the name: the parts every rule reading
 * speakers and names shares. Each rule composes the set it needs from these (a rule reading credits also
 * skips ranks; one comparing facts keeps ranks as slots of their own).
 */

/** Courtesy titles: the capitalised word after one is a person's name. */
export const COURTESY_TITLES = ['mr', 'mrs', 'ms', 'miss', 'dr'] as const;

/** Titles of the peerage and honours, written before a name ("Sir Alan", "Dame Edna"). */
export const HONOUR_TITLES = ['sir', 'lord', 'lady', 'dame'] as const;

/** Letters after a name ("Jane Doe QC", "John Smith MP"). */
export const POST_NOMINALS = ['qc', 'kc', 'mp', 'mep', 'jp'] as const;

/** Police and court ranks written before a name as titles ("Det Sgt Nolan", "Judge Reyes"). */
export const RANK_TITLES = ['judge', 'justice', 'pc', 'wpc', 'sgt', 'sergeant', 'det', 'detective'] as const;

/** A whole-word, case-insensitive test for any of the words. */
export function wordTest(...lists: readonly (readonly string[])[]): RegExp {
  return new RegExp(`^(?:${lists.flat().join('|')})$`, 'i');
}
