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
    match(docs: unknown[][], m: NetMatch): { ptrs: number[][] };
    bulkMatch: BulkMatch;
  };
}

type BulkMatch = (docs: unknown[][], net: Net, methods: Methods, opts?: { matchOne?: boolean }) => unknown[];

/**
 * Per net: its hook keys in `Object.keys` order, each key's place in that order, and for each key's list
 * the number of each pattern's match text (patterns are told apart by it, as compromise does).
 */
interface Order {
  keys: string[];
  rank: Map<string, number>;
  ids: Int32Array[];
  stamp: Int32Array;
  epoch: number;
}
const keyOrder = new WeakMap<Net, Order>();

function orderOf(net: Net): Order {
  let o = keyOrder.get(net);
  if (!o) {
    const keys = Object.keys(net.hooks);
    const rank = new Map<string, number>();
    const byText = new Map<unknown, number>();
    const ids: Int32Array[] = [];
    for (let i = 0; i < keys.length; i++) {
      rank.set(keys[i]!, i);
      const list = net.hooks[keys[i]!]!;
      const a = new Int32Array(list.length);
      for (let j = 0; j < list.length; j++) {
        let id = byText.get(list[j]!.match);
        if (id === undefined) byText.set(list[j]!.match, (id = byText.size));
        a[j] = id;
      }
      ids.push(a);
    }
    o = { keys, rank, ids, stamp: new Int32Array(byText.size), epoch: 0 };
    keyOrder.set(net, o);
  }
  return o;
}

function passes(m: NetMatch, have: Set<string>): boolean {
  const needs = m.needs;
  for (let i = 0; i < needs.length; i++) if (!have.has(needs[i]!)) return false;
  const ifNo = m.ifNo;
  if (ifNo !== undefined) for (let i = 0; i < ifNo.length; i++) if (have.has(ifNo[i]!)) return false;
  const wants = m.wants;
  if (wants.length === 0) return true;
  let n = 0;
  for (let i = 0; i < wants.length; i++) if (have.has(wants[i]!)) n++;
  return n >= m.minWant;
}

/** The same result as compromise 14's `methods.one.bulkMatch`. */
export const bulkMatch: BulkMatch = (docs, net, methods, opts = {}) => {
  const caches = methods.one.cacheDoc(docs);
  const o = orderOf(net);
  const { keys, rank, ids, stamp } = o;
  const found: unknown[] = [];
  const hit: number[] = [];
  for (let d = 0; d < docs.length; d++) {
    const have = caches[d]!;
    hit.length = 0;
    for (const k of have) {
      const r = rank.get(k);
      if (r !== undefined) hit.push(r);
    }
    hit.sort((a, b) => a - b);
    // a new mark per sentence: a pattern is seen in this sentence when its stamp is the mark
    if (++o.epoch === 0x7fffffff) {
      stamp.fill(0);
      o.epoch = 1;
    }
    const mark = o.epoch;
    const words = docs[d]!.length;
    const cands: NetMatch[] = [];
    for (let h = 0; h < hit.length; h++) {
      const list = net.hooks[keys[hit[h]!]!]!;
      const listIds = ids[hit[h]!]!;
      for (let i = 0; i < list.length; i++) {
        // compromise drops a later pattern with the same match text, whether or not the first passes
        const id = listIds[i]!;
        if (stamp[id] === mark) continue;
        stamp[id] = mark;
        const m = list[i]!;
        if (words >= m.minWords && passes(m, have)) cands.push(m);
      }
    }
    for (let i = 0; i < net.always.length; i++) if (words >= net.always[i]!.minWords) cands.push(net.always[i]!);
    for (let i = 0; i < cands.length; i++) {
      const s = cands[i]!;
      const res = methods.one.match([docs[d]!], s);
      if (res.ptrs.length === 0) continue;
      for (const ptr of res.ptrs) {
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
