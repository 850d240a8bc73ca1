/**
 * compromise's `bulkMatch` (the first half of its post-tagger's sweep), rewritten to give the same
 * matches in the same order with less work. compromise's own version walks every key of the net's hooks
 * (about a thousand words and tags) for each sentence and concatenates the hooked match lists into a new
 * array each time; this one walks the sentence's own words and tags (tens), sorts the hooks they hit
 * into the keys' order, and filters in loops. The candidates, their order (which decides which tag wins
 * where two patterns overlap) and the matching of each candidate are compromise's own, so its tags do not
 * change: `test/unit/compromise-sweep.test.ts` runs both on invented sentences and compares every match.
 */

/** One compiled post-tagger pattern of compromise's net (only the fields read here). */
interface NetMatch {
  match: unknown;
  regs?: Reg[];
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

interface Net {
  hooks: Record<string, NetMatch[]>;
  always: NetMatch[];
}

interface Methods {
  one: {
    cacheDoc(docs: unknown[][]): Set<string>[];
    match(docs: unknown[][], m: NetMatch): { ptrs: number[][]; byGroup: Record<string, number[][]> };
    bulkMatch: BulkMatch;
  };
}

/** One term test of a compiled match (compromise's `regs`; only the fields read here). */
interface Reg {
  word?: string;
  tag?: string;
  fastOr?: Set<string>;
  pos?: string;
  use?: string;
  switch?: string;
  start?: boolean;
  end?: boolean;
  optional?: boolean;
  negative?: boolean;
  anything?: boolean;
  greedy?: boolean;
  /** {min,max}: set with greedy */
  min?: number;
  max?: number;
  fuzzy?: boolean;
  id?: unknown;
  method?: unknown;
  pre?: unknown;
  post?: unknown;
  regex?: unknown;
  chunk?: unknown;
  machine?: unknown;
  sense?: unknown;
  choices?: Reg[][];
}

/** The fields of a compromise term that its term test reads. */
interface Term {
  text: string;
  normal: string;
  machine?: string | null;
  root?: string;
  implicit?: string;
  alias?: string[] | null;
  switch?: string;
  tags: Set<string>;
}

type BulkMatch = (docs: unknown[][], net: Net, methods: Methods, opts?: { matchOne?: boolean }) => unknown[];

/**
 * Per net: its hook keys in `Object.keys` order, each key's place in that order, and for each key's list
 * the number of each pattern's match text (patterns are told apart by it, as compromise does).
 */
interface Order {
  rank: Map<string, number>;
  /** each key's hooked patterns by the key's place */
  lists: NetMatch[][];
  ids: Int32Array[];
  /** each listed pattern's needs and wants as keys' places (a need or want that is no key: -1), in `lists` order */
  reqs: Req[][];
  stamp: Int32Array;
  /** per key place: the sentence mark when the sentence has that key */
  present: Int32Array;
  epoch: number;
}

/** A pattern's needs and wants as keys' places (`passes` reads them against `Order.present`). */
interface Req {
  needs: Int32Array;
  wants: Int32Array;
}
const keyOrder = new WeakMap<Net, Order>();

function orderOf(net: Net): Order {
  let o = keyOrder.get(net);
  if (!o) {
    const keys = Object.keys(net.hooks);
    const rank = new Map<string, number>();
    const byText = new Map<unknown, number>();
    for (let i = 0; i < keys.length; i++) rank.set(keys[i]!, i);
    const places = (xs: string[]) => Int32Array.from(xs, (x) => rank.get(x) ?? -1);
    const lists: NetMatch[][] = [];
    const ids: Int32Array[] = [];
    const reqs: Req[][] = [];
    for (let i = 0; i < keys.length; i++) {
      const list = net.hooks[keys[i]!]!;
      const a = new Int32Array(list.length);
      for (let j = 0; j < list.length; j++) {
        let id = byText.get(list[j]!.match);
        if (id === undefined) byText.set(list[j]!.match, (id = byText.size));
        a[j] = id;
      }
      lists.push(list);
      ids.push(a);
      reqs.push(list.map((m) => ({ needs: places(m.needs), wants: places(m.wants) })));
    }
    o = { rank, lists, ids, reqs, stamp: new Int32Array(byText.size), present: new Int32Array(keys.length), epoch: 0 };
    keyOrder.set(net, o);
  }
  return o;
}

/**
 * compromise's test of a hooked pattern against the sentence's words and tags (`have`): every need, no
 * `ifNo`, and `minWant` of the wants. Needs and wants that are keys are read from `present` (`mark`:
 * the sentence has that key), the others from `have`.
 */
function passes(m: NetMatch, req: Req, present: Int32Array, mark: number, have: Set<string>): boolean {
  const needs = req.needs;
  for (let i = 0; i < needs.length; i++) {
    const r = needs[i]!;
    if (r >= 0 ? present[r] !== mark : !have.has(m.needs[i]!)) return false;
  }
  const ifNo = m.ifNo;
  if (ifNo !== undefined) for (let i = 0; i < ifNo.length; i++) if (have.has(ifNo[i]!)) return false;
  const wants = req.wants;
  if (wants.length === 0) return true;
  let n = 0;
  for (let i = 0; i < wants.length; i++) {
    const r = wants[i]!;
    if (r >= 0 ? present[r] === mark : have.has(m.wants[i]!)) n++;
  }
  return n >= m.minWant;
}

/**
 * A test that is true only where compromise's term test (`doesMatch` in its match code) of the
 * pattern's first reg is not true for a term, so no match can start there; null when the
 * pattern cannot be tried from chosen terms only (see `Cut`) or its first reg is of a kind
 * not reproduced here. Each branch follows `doesMatch` for a reg with only that field set.
 */
type Misses = (t: Term) => boolean;

function hasStart(regs: Reg[]): boolean {
  for (const r of regs) {
    if (r.start === true) return true;
    if (r.choices !== undefined) for (const c of r.choices) if (hasStart(c)) return true;
  }
  return false;
}

function buildMisses(m: NetMatch): Misses | null {
  const regs = m.regs;
  // a '^' anywhere compares a term's place with the sentence's start, which cutting the sentence moves
  if (regs === undefined || regs.length === 0 || hasStart(regs)) return null;
  return regMisses(regs[0]!);
}

/**
 * How the regs after a pattern's first can rule out a try from a term where the first reg matches, or
 * null. compromise's matcher (`tryHere`) tests each reg where the one before it stopped: after a reg that
 * matches exactly one term (a plain reg that is not greedy, or an or-block of such one-reg choices) on the
 * next term; after a greedy first reg ('+', no {min,max}) on the first term after it where the second reg
 * matches or the first does not (`getGreedy`). A reg that is neither optional, negative nor '.' must
 * match there, and with '$' only on the sentence's last term, or the try fails. `follow` holds the tests
 * of the regs after the first that are tested on fixed terms this way (the term after the first's for the
 * first of them, then one term further each), up to the first reg that is not, or one with '$'. (A
 * contraction's implicit terms may be stepped over after a reg: `nextFails` leaves such tries to the matcher.)
 */
interface Next {
  follow: Misses[];
  /** the first reg is greedy: only follow[0], tested after the run of terms the first reg matches */
  greedy: boolean;
  /** the last of `follow` has '$' */
  end: boolean;
}

const NEVER: Misses = () => false;

/** Does reg r match exactly one term wherever it matches? */
function oneTerm(r: Reg): boolean {
  if (r.greedy === true || r.optional === true || r.negative === true) return false;
  if (r.choices === undefined) return true;
  return r.choices.every((c) => Array.isArray(c) && c.length === 1 && c[0]!.greedy !== true);
}

function buildNext(m: NetMatch): Next | null {
  const regs = m.regs!;
  if (regs.length < 2) return null;
  const r0 = regs[0]!;
  const greedy = r0.greedy === true;
  if (greedy ? r0.min !== undefined || r0.max !== undefined || r0.choices !== undefined : !oneTerm(r0)) return null;
  const follow: Misses[] = [];
  let end = false;
  for (let k = 1; k < regs.length && !end && !(greedy && k > 1); k++) {
    const r = regs[k]!;
    // a greedy reg with '$' is matched to the sentence's end (`isEndGreedy`); after a greedy first reg, its run decides where
    if (r.end === true && (r.greedy === true || greedy)) break;
    // '.' matches any one term: it rules nothing out, but the regs after it stand one term further
    const misses = r.anything === true && r.optional !== true && r.negative !== true && r.greedy !== true && r.end !== true ? NEVER : regMisses(r.end === true ? Object.assign({}, r, { end: false }) : r);
    if (misses === null) break;
    follow.push(misses);
    end = r.end === true;
    if (!(r.anything === true || oneTerm(r))) break;
  }
  return follow.length === 0 ? null : { follow, greedy, end };
}

/** The term test of one reg, negated (see `Misses`); null for kinds not reproduced here. */
function regMisses(r: Reg): Misses | null {
  if (r.optional === true || r.negative === true || r.anything === true || r.end === true || r.start === true || r.id !== undefined) return null;
  if (r.choices !== undefined) {
    // an or-block (`doOrBlock`) matches only where one of its choices' first regs matches (`doesMatch`,
    // tried in order up to a choice that is not a list)
    if ((r as { operator?: string }).operator !== 'or') return null;
    const firsts: Misses[] = [];
    for (const c of r.choices) {
      if (!Array.isArray(c)) break;
      const f = c.length === 0 ? null : regMisses(c[0]!);
      if (f === null) return null;
      firsts.push(f);
    }
    return (t) => {
      for (let i = 0; i < firsts.length; i++) if (!firsts[i]!(t)) return false;
      return true;
    };
  }
  if (r.word !== undefined) {
    if (r.fuzzy === true) return null;
    const w = r.word;
    const use = r.use;
    if (use !== undefined) return (t) => w !== (t as unknown as Record<string, unknown>)[use];
    return (t) => !((t.machine !== null && t.machine === w) || (!!t.alias && t.alias.some((a) => a === w)) || w === t.text || w === t.normal);
  }
  if (r.tag !== undefined) {
    const tag = r.tag;
    return (t) => !t.tags.has(tag);
  }
  if (r.method !== undefined || r.pre !== undefined || r.post !== undefined || r.regex !== undefined || r.chunk !== undefined) return null;
  if (r.switch !== undefined) {
    const sw = r.switch;
    return (t) => t.switch !== sw;
  }
  if (r.machine !== undefined || r.sense !== undefined) return null;
  if (r.fastOr !== undefined) {
    const set = r.fastOr;
    const pos = r.pos;
    return (t) => {
      if (pos && !t.tags.has(pos)) return true;
      const str = t.root || t.implicit || t.machine || t.normal;
      return !(set.has(str) || set.has(t.text));
    };
  }
  return null;
}

/**
 * compromise's matcher (`methods.one.match`) tries a pattern from every term of the sentence, slicing
 * the term list each time; where the first reg's test fails the try fails at once. `Cut` tries it
 * only from the terms where that test passes: from each such term it runs the matcher on the rest
 * of the sentence with the first reg anchored ('^'), which tries that one start and nothing else.
 * Every test of a cut pattern compares a term's place only with the sentence's end (patterns with '^'
 * are not cut), which slicing keeps, so each try is compromise's own try from that term, its places
 * shifted back after. The matcher's loop is repeated here: enough terms left, and after a match the
 * next try after its last term. The matcher drops matches by '$' and `notIf` only after that loop,
 * so they still move it on: patterns whose '$' could drop a match are not cut (see `cutFor`), and a
 * match of a pattern with `notIf` is found without it (to move on) and then kept only if the pattern
 * with it matches there too. The requested group is taken here from the whole match, which the loop
 * needs.
 */
interface Cut {
  misses: Misses;
  /** the tests of the regs after the first, where they decide (see `Next`) */
  next: Next | null;
  /** the pattern with its first reg anchored, without a group or notIf */
  anchored: NetMatch;
  /** the same with the pattern's notIf, if it has one */
  withNot: NetMatch | undefined;
  /** regs neither optional nor negative: the matcher stops where fewer terms than this are left */
  need: number;
  /** the group the pattern asks for, if any */
  group: string | undefined;
}
const cutOf = new WeakMap<NetMatch, Cut | null>();

function cutFor(m: NetMatch): Cut | null {
  let c = cutOf.get(m);
  if (c === undefined) {
    const misses = buildMisses(m);
    const extra = m as { justOne?: boolean; notIf?: unknown; group?: unknown };
    const lastReg = m.regs === undefined ? undefined : m.regs[m.regs.length - 1]!;
    // a last reg with '$' that must match a term can match only the last one: the matcher's '$' filter
    // then drops nothing; any other '$' is left to compromise's loop
    const endKept = lastReg === undefined || lastReg.end !== true || (lastReg.optional !== true && lastReg.negative !== true && lastReg.greedy !== true && lastReg.choices === undefined);
    if (misses === null || extra.justOne === true || !endKept) c = null;
    else {
      const regs = m.regs!;
      let need = 0;
      for (const r of regs) if (r.optional !== true && r.negative !== true) need++;
      // compromise's getGroup: a number names a group too; another false value asks for none
      const g = typeof extra.group === 'number' ? String(extra.group) : extra.group;
      const anchoredRegs = [Object.assign({}, regs[0], { start: true }), ...regs.slice(1)];
      const anchored = Object.assign({}, m, { regs: anchoredRegs, group: undefined, notIf: undefined });
      const withNot = extra.notIf === undefined ? undefined : Object.assign({}, m, { regs: anchoredRegs, group: undefined });
      c = { misses, next: buildNext(m), anchored, withNot, need, group: g ? String(g) : undefined };
    }
    cutOf.set(m, c);
  }
  return c;
}

/**
 * A pattern anchored at the sentence's start ('^' on its first reg) is tried by compromise's matcher from
 * the first term only (`handleStart`), so a first reg that must match there and misses rules the pattern
 * out; so do the regs after it where they decide (`Next`). Per pattern: its tests, or null.
 */
const startOf = new WeakMap<NetMatch, { misses: Misses; next: Next | null } | null>();

function startMisses(m: NetMatch, terms: Term[]): boolean {
  let st = startOf.get(m);
  if (st === undefined) {
    const r0 = m.regs?.[0];
    const misses = r0 !== undefined && r0.start === true && !hasStart(m.regs!.slice(1)) ? regMisses(Object.assign({}, r0, { start: false })) : null;
    st = misses === null ? null : { misses, next: buildNext(m) };
    startOf.set(m, st);
  }
  if (st === null) return false;
  return st.misses(terms[0]!) || (st.next !== null && nextFails(st.misses, st.next, terms, 0));
}

/** Do the regs after the first rule out a match from term i, where the first reg matches (see `Next`)? */
function nextFails(first: Misses, next: Next, terms: Term[], i: number): boolean {
  const n = terms.length;
  const follow = next.follow;
  if (next.greedy) {
    if (i + 1 >= n || (terms[i]!.implicit && terms[i + 1]!.implicit)) return false;
    const misses = follow[0]!;
    for (let j = i + 1; j < n; j++) {
      if (!misses(terms[j]!)) return false;
      if (first(terms[j]!)) return true;
    }
    return true;
  }
  const k = follow.length;
  if (i + k >= n) return false;
  for (let j = i; j < i + k; j++) if (terms[j]!.implicit && terms[j + 1]!.implicit) return false;
  for (let j = 0; j < k; j++) if (follow[j]!(terms[i + 1 + j]!)) return true;
  return next.end && i + k !== n - 1;
}

/** compromise's `methods.one.match([terms], m).ptrs`, tried only from the terms where m's first reg can match. */
function cutMatch(methods: Methods, c: Cut, terms: Term[]): number[][] {
  const out: number[][] = [];
  const last = terms.length - c.need;
  const next = c.next;
  for (let i = 0; i <= last; i++) {
    if (c.misses(terms[i]!)) continue;
    if (next !== null && nextFails(c.misses, next, terms, i)) continue;
    const res = methods.one.match([terms.slice(i)], c.anchored);
    if (res.ptrs.length === 0) continue;
    // one start gives at most one match
    const whole = res.ptrs[0]!;
    const end = whole[2]! + i;
    if (c.withNot !== undefined && methods.one.match([terms.slice(i)], c.withNot).ptrs.length === 0) {
      // dropped by notIf; the matcher still goes on after it
    } else if (c.group === undefined) {
      whole[1]! += i;
      whole[2] = end;
      out.push(whole);
    } else {
      // as compromise's getGroup: a match without the group gives nothing; the group's first and last term ids
      const g = res.byGroup[c.group]?.[0];
      if (g) out.push([whole[0]!, g[1]! + i, g[2]! + i, (terms[g[1]! + i] as unknown as { id: number }).id, (terms[g[2]! + i - 1] as unknown as { id: number }).id]);
    }
    // the matcher goes on after the match's last term
    if (Math.abs(end - 1) > i) i = Math.abs(end - 1);
  }
  return out;
}

/** The same result as compromise 14's `methods.one.bulkMatch`. */
export const bulkMatch: BulkMatch = (docs, net, methods, opts = {}) => {
  const caches = methods.one.cacheDoc(docs);
  const o = orderOf(net);
  const { rank, lists, ids, reqs, stamp, present } = o;
  const found: unknown[] = [];
  const hit: number[] = [];
  for (let d = 0; d < docs.length; d++) {
    const have = caches[d]!;
    // a new mark per sentence: a pattern is seen in this sentence when its stamp is the mark, a key is in it when its present is
    if (++o.epoch === 0x7fffffff) {
      stamp.fill(0);
      present.fill(0);
      o.epoch = 1;
    }
    const mark = o.epoch;
    hit.length = 0;
    for (const k of have) {
      const r = rank.get(k);
      if (r !== undefined) {
        hit.push(r);
        present[r] = mark;
      }
    }
    hit.sort((a, b) => a - b);
    const words = docs[d]!.length;
    const cands: NetMatch[] = [];
    for (let h = 0; h < hit.length; h++) {
      const list = lists[hit[h]!]!;
      const listIds = ids[hit[h]!]!;
      const listReqs = reqs[hit[h]!]!;
      for (let i = 0; i < list.length; i++) {
        // compromise drops a later pattern with the same match text, whether or not the first passes
        const id = listIds[i]!;
        if (stamp[id] === mark) continue;
        stamp[id] = mark;
        const m = list[i]!;
        if (words >= m.minWords && passes(m, listReqs[i]!, present, mark, have)) cands.push(m);
      }
    }
    for (let i = 0; i < net.always.length; i++) if (words >= net.always[i]!.minWords) cands.push(net.always[i]!);
    const doc = docs[d]!;
    for (let i = 0; i < cands.length; i++) {
      const s = cands[i]!;
      const c = cutFor(s);
      if (c === null && startMisses(s, doc as Term[])) continue;
      const ptrs = c ? cutMatch(methods, c, doc as Term[]) : methods.one.match([doc], s).ptrs;
      if (ptrs.length === 0) continue;
      for (const ptr of ptrs) {
        ptr[0] = d;
        const t: NetMatch & { pointer?: number[] } = Object.assign({}, s, { pointer: ptr });
        if (s.unTag !== undefined) t.unTag = s.unTag;
        found.push(t);
      }
      if (opts.matchOne === true) return [found[0]];
    }
  }
  return found;
};

/** compromise's own `bulkMatch`, kept for the comparison test. */
let original: BulkMatch | undefined;

/** Put `bulkMatch` in place of compromise's (once per loaded library). */
export function installBulkMatch(methods: Methods): void {
  if (methods.one.bulkMatch === bulkMatch) return;
  original = methods.one.bulkMatch;
  methods.one.bulkMatch = bulkMatch;
}

/** Run compromise's own `bulkMatch` instead of this one until `fn` returns (tests). */
export function withOriginalBulkMatch<T>(methods: Methods, fn: () => T): T {
  if (!original) return fn();
  methods.one.bulkMatch = original;
  try {
    return fn();
  } finally {
    methods.one.bulkMatch = bulkMatch;
  }
}
