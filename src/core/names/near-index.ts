/**
 * The lexicon's names that a spelling can be a near miss of, found without scanning the lexicon: a
 * deletion-neighbourhood index (SymSpell style). Two strings within k edits (optimal string alignment:
 * substitutions, insertions, deletions, adjacent transpositions) become equal after deleting at most k
 * code units from each, since every edit costs at most one deletion on each side (a transposition `xy`
 * / `yx`: the `x` from both). So each name is filed under the hashes of the strings its deletions give,
 * and a look-up reads the files of the query's deletions.
 *
 * What is filed follows what `nearMiss` (match.ts) needs: skeletons at most 1 apart (deletions ≤ 1 of the
 * skeleton), lower-case forms at most 1 apart with folded forms of 4+ letters or 2 apart with 7+
 * (deletions ≤ 1 or ≤ 2 of the lower-case form), or folded forms equal but for the first letter, or
 * but for an extra first letter on either side (the folded form without its first letter, and whole;
 * within the scan's reach such pairs had skeletons at most 1 apart in every case tried, but nothing
 * proves it, so they are filed too).
 * The files are buckets of a hash table per skeleton first letter (the scan reads only the key's letter),
 * built once SCAN_LOOKUPS look-ups of the letter have scanned its names; a collision only adds a candidate, and the
 * candidates are then held to the lexicon scan's own test, so a look-up returns exactly the names the
 * scan keeps of which the spelling can be a near miss, in the scan's order.
 */
import { IntSlots } from '../int-slots';
import type { NameEntry } from './lexicon';
import { foldDiacritics, letterBits, letterGap, osaDistance, osaDistanceCodes, skeleton } from './similarity';

/** seeds of the four kinds of filed string, so that equal strings of two kinds fall in different files */
const SKELETON = 0x9e3779b1;
const LOWER = 0x85ebca6b;
const REST = 0xc2b2ae35;
const WHOLE = 0x27d4eb2f;

const B = 0x2f0b3c3d;
const mul = Math.imul;
/** polynomial hashes of the prefixes of the string being expanded (pre[k]: of its first k code units), and powers of B */
let pre = new Int32Array(64);
let pow = new Int32Array(64);

function prepare(s: string): void {
  if (pre.length <= s.length) {
    pre = new Int32Array(2 * s.length + 2);
    pow = new Int32Array(2 * s.length + 2);
  }
  pow[0] = 1;
  for (let k = 0; k < s.length; k++) {
    pre[k + 1] = (mul(pre[k]!, B) + s.charCodeAt(k)) | 0;
    pow[k + 1] = mul(pow[k]!, B);
  }
}

/**
 * The polynomial hash of a string, mixed (its low bits pick the bucket) and seeded by its kind. An int32
 * (the bits of the unsigned hash): a number above 2^31 passed to `add` would be boxed, one heap number per
 * hash, and a letter's table computes hundreds of thousands of them; every reader takes the bits alike
 * (stored in a Uint32Array, `& mask`, `| 0`).
 */
function finish(h: number, seed: number): number {
  h ^= seed;
  h = mul(h ^ (h >>> 16), 0x85ebca6b);
  h = mul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * `add(hash)` for `s` and every string up to `depth` (0–2) deletions shorter, some more than once: each
 * from the prefix hashes in constant time (the hash of the units between two positions is
 * pre[j] − pre[i]·B^(j−i)).
 */
function deletions(s: string, seed: number, depth: number, add: (h: number) => void): void {
  prepare(s);
  const n = s.length;
  const all = pre[n]!;
  add(finish(all, seed));
  if (depth === 0) return;
  for (let i = 0; i < n; i++) {
    const after = (all - mul(pre[i + 1]!, pow[n - 1 - i]!)) | 0;
    add(finish((mul(pre[i]!, pow[n - 1 - i]!) + after) | 0, seed));
    if (depth === 1) continue;
    for (let j = i + 1; j < n; j++) {
      const between = (pre[j]! - mul(pre[i + 1]!, pow[j - i - 1]!)) | 0;
      const afterJ = (all - mul(pre[j + 1]!, pow[n - 1 - j]!)) | 0;
      add(finish((mul(pre[i]!, pow[n - 2 - i]!) + mul(between, pow[n - 1 - j]!) + afterJ) | 0, seed));
    }
  }
}

/** The hash of `s` without its first code unit (as `deletions` hashes it). */
function withoutFirst(s: string, seed: number): number {
  prepare(s);
  return finish((pre[s.length]! - mul(pre[1]!, pow[s.length - 1]!)) | 0, seed);
}

/**
 * Names whose lower-case form is longer than this are filed without its 2-deletions (about L²/2 hashes a
 * name: 20,000 names of 40 letters took 1.8 s and 211 MB) and are instead taken by a scan of the few such
 * names (`Table.long`) for a spelling long enough to be 2 edits from one (LONG_NAME − 1 letters or more).
 * Random pairs within the scan's reach found no near miss that only the 2-deletions of a long name
 * reach, but nothing proves there is none, so the scan keeps look-ups exact.
 */
const LONG_NAME = 16;

/**
 * The hashes a spelling (with its skeleton) is filed under or looked up by (`query`: the other side of
 * the folded-form pairs). Lower-case forms are compared only when both folded forms have 4+ letters, and 2 edits apart
 * only when both have 7+ (nearMiss's length limits), so shorter spellings file fewer deletions; a filed name longer
 * than LONG_NAME files none of its 2-deletions.
 */
function keys(key: string, skel: string, query: boolean, add: (h: number) => void): void {
  const lower = key.toLowerCase();
  const folded = foldDiacritics(key);
  deletions(skel, SKELETON, 1, add);
  if (folded.length >= 4) deletions(lower, LOWER, folded.length >= 7 && (query || lower.length <= LONG_NAME) ? 2 : 1, add);
  add(withoutFirst(folded, REST));
  if (query) {
    deletions(folded, REST, 0, add);
    add(withoutFirst(folded, WHOLE));
  } else deletions(folded, WHOLE, 0, add);
}

/** The hash table of the names of one skeleton first letter: bucket b's names (ids) are ids[starts[b] .. starts[b + 1]). */
interface Table {
  starts: Uint32Array;
  ids: Int32Array;
  mask: number;
  /** names longer than LONG_NAME, taken as candidates by a scan */
  long: Int32Array;
}

/** The hashes a name is filed under (`keys`, not a query), in `keys`' order. */
function filedHashes(e: NameEntry): Uint32Array {
  let n = 0;
  keys(e.key, e.skeleton, false, (h) => {
    if (n === filedBuf.length) {
      const grown = new Uint32Array(2 * n);
      grown.set(filedBuf);
      filedBuf = grown;
    }
    filedBuf[n++] = h;
  });
  return filedBuf.slice(0, n);
}
let filedBuf = new Uint32Array(256);

/**
 * A table of the names `members` (ids into `names`), about two filed hashes a bucket, filled by counting sort.
 * `known(id)`: a name's filed hashes when a scan has already computed them.
 */
function table(names: readonly NameEntry[], members: readonly number[], known: (id: number) => Uint32Array | undefined): Table {
  // every member's hashes: member m's are hashes[ends[m - 1] .. ends[m])
  let hashes = new Uint32Array(1024);
  const ends = new Uint32Array(members.length);
  let n = 0;
  const add = (h: number) => {
    if (n === hashes.length) {
      const grown = new Uint32Array(2 * n);
      grown.set(hashes);
      hashes = grown;
    }
    hashes[n++] = h;
  };
  const long: number[] = [];
  for (let m = 0; m < members.length; m++) {
    const e = names[members[m]!]!;
    const filed = known(members[m]!);
    if (filed === undefined) keys(e.key, e.skeleton, false, add);
    else for (let k = 0; k < filed.length; k++) add(filed[k]!);
    ends[m] = n;
    if (e.key.toLowerCase().length > LONG_NAME) long.push(members[m]!);
  }
  let size = 1;
  while (size * 2 < n) size *= 2;
  const mask = size - 1;
  const starts = new Uint32Array(size + 1);
  for (let k = 0; k < n; k++) starts[(hashes[k]! & mask) + 1]!++;
  for (let b = 0; b < size; b++) starts[b + 1]! += starts[b]!;
  const fill = starts.slice(0, size);
  const ids = new Int32Array(n);
  for (let m = 0, k = 0; m < members.length; m++) for (; k < ends[m]!; k++) ids[fill[hashes[k]! & mask]!++] = members[m]!;
  return { starts, ids, mask, long: Int32Array.from(long) };
}

/**
 * The hashes a spelling is looked up by (`keys` with `query`), as a set of int32s: a scan tests each kept name's
 * ~40 filed hashes against them, and a `Set` of numbers above 2^31 boxes every one it is asked about.
 */
function queryHashes(key: string, skel: string): IntSlots {
  const out = new IntSlots(4 * key.length + 16);
  keys(key, skel, true, (h) => out.add(h | 0));
  return out;
}

/**
 * Look-ups of one skeleton first letter answered by a scan of that letter's names before its table is
 * built. A table costs about 40 filed hashes a name, a scan an edit distance a name (fewer after the
 * letter-set bound) and the hashes of the few names it keeps: at 10 M reference words (48,817 names) a
 * letter's table took 14–27 ms to build, a scan about 2 ms, so a letter's table is built once it has cost
 * about as much in scans. A cold 1,000-word check there asks 21 spellings, 1 or 2 a letter.
 */
export const SCAN_LOOKUPS = 12;

export class NearNameIndex {
  /** the names (ids) by their skeleton's first letter: the scan reads only the key's letter */
  private readonly byLetter = new Map<string, number[]>();
  /** each letter's table, built at its look-up after SCAN_LOOKUPS scans */
  private readonly tables = new Map<string, Table>();
  /** look-ups of each letter so far */
  private readonly asked = new Map<string, number>();
  /**
   * per letter scanned, letterBits, lengths and code units (packed: name m's are codes[at[m] .. at[m + 1]))
   * of its names' skeletons (in `byLetter` order): the scan's tests up to the edit distance read these
   * arrays, not the entries (reading each entry and its skeleton string was most of a scan's time)
   */
  private readonly bits = new Map<string, { bits: Int32Array; lens: Int32Array; codes: Uint16Array; at: Int32Array }>();
  /** per name, the look-up that last took it as a candidate (to take each once) */
  private readonly seen: Int32Array;
  /**
   * per name a scan has tested, its filed hashes (`filedHashes`): scans of a letter meet many of the same
   * names, and its table reuses them; dropped when the letter's table is built
   */
  private readonly filed: (Uint32Array | undefined)[];
  private lookups = 0;

  /**
   * `names`: the lexicon's names in the order the scan walks each of its buckets. `scanLookups`: look-ups
   * of a letter answered by scanning before its table is built (SCAN_LOOKUPS; tests vary it).
   */
  constructor(
    private readonly names: readonly NameEntry[],
    private readonly scanLookups = SCAN_LOOKUPS,
  ) {
    for (let id = 0; id < names.length; id++) {
      const s = names[id]!.skeleton;
      if (s.length === 0) continue;
      const c = s.charAt(0);
      let l = this.byLetter.get(c);
      if (!l) this.byLetter.set(c, (l = []));
      l.push(id);
    }
    this.seen = new Int32Array(names.length);
    this.filed = new Array<Uint32Array | undefined>(names.length).fill(undefined);
  }

  /**
   * The names the lexicon scan keeps for `key` — skeleton with the same first letter, 1+ letters and
   * within 2 in length, within 3 edits of the key's — of which `key` can be a near miss (every one of
   * which nearMiss(key, name) is defined is among them), ordered by skeleton length, then lexicon order.
   * Answered from the letter's table, or before it is built by a scan: the scan's kept names that share
   * a filed hash with the key's look-up hashes (the table's candidates without its bucket collisions).
   */
  candidates(key: string): NameEntry[] {
    const skel = skeleton(key);
    const letter = skel.charAt(0);
    const members = this.byLetter.get(letter);
    if (!members) return [];
    let t = this.tables.get(letter);
    if (!t) {
      const asked = (this.asked.get(letter) ?? 0) + 1;
      this.asked.set(letter, asked);
      if (asked <= this.scanLookups) return this.scan(key, skel, letter, members);
      this.tables.set(letter, (t = table(this.names, members, (id) => this.filed[id])));
      for (const id of members) this.filed[id] = undefined;
    }
    const { starts, ids, mask, long } = t;
    const stamp = ++this.lookups;
    const found: number[] = [];
    // the scan's own test, each name once
    const take = (id: number) => {
      if (this.seen[id] === stamp) return;
      this.seen[id] = stamp;
      const s = this.names[id]!.skeleton;
      if (Math.abs(s.length - skel.length) <= 2 && osaDistance(skel, s, 3) <= 3) found.push(id);
    };
    keys(key, skel, true, (h) => {
      const b = h & mask;
      for (let k = starts[b]!; k < starts[b + 1]!; k++) take(ids[k]!);
    });
    if (key.toLowerCase().length >= LONG_NAME - 1) for (const id of long) take(id);
    found.sort((x, y) => this.names[x]!.skeleton.length - this.names[y]!.skeleton.length || x - y);
    return found.map((id) => this.names[id]!);
  }

  /** candidates() by a scan of the letter's names (`members`, in lexicon order) */
  private scan(key: string, skel: string, letter: string, members: readonly number[]): NameEntry[] {
    let shape = this.bits.get(letter);
    if (!shape) {
      let total = 0;
      for (let m = 0; m < members.length; m++) total += this.names[members[m]!]!.skeleton.length;
      shape = { bits: new Int32Array(members.length), lens: new Int32Array(members.length), codes: new Uint16Array(total), at: new Int32Array(members.length + 1) };
      for (let m = 0, o = 0; m < members.length; m++) {
        const s = this.names[members[m]!]!.skeleton;
        shape.bits[m] = letterBits(s);
        shape.lens[m] = s.length;
        for (let i = 0; i < s.length; i++) shape.codes[o++] = s.charCodeAt(i);
        shape.at[m + 1] = o;
      }
      this.bits.set(letter, shape);
    }
    const { bits, lens, codes, at } = shape;
    const keyBits = letterBits(skel);
    const keyLen = skel.length;
    const wanted = queryHashes(key, skel);
    const longKey = key.toLowerCase().length >= LONG_NAME - 1;
    const found: number[] = [];
    for (let m = 0; m < members.length; m++) {
      // letterGap is at most the edit distance (an edit adds at most one letter to either side's surplus)
      if (Math.abs(lens[m]! - keyLen) > 2 || letterGap(keyBits, bits[m]!) > 3) continue;
      if (osaDistanceCodes(skel, codes, at[m]!, at[m + 1]!, 3) > 3) continue;
      const id = members[m]!;
      const e = this.names[id]!;
      // a long name is filed without its 2-deletions: taken as the table's scan of long names takes it
      if (longKey && e.key.toLowerCase().length > LONG_NAME) {
        found.push(id);
        continue;
      }
      let filed = this.filed[id];
      if (filed === undefined) this.filed[id] = filed = filedHashes(e);
      for (let k = 0; k < filed.length; k++) {
        if (wanted.slot(filed[k]! | 0) >= 0) {
          found.push(id);
          break;
        }
      }
    }
    found.sort((x, y) => this.names[x]!.skeleton.length - this.names[y]!.skeleton.length || x - y);
    return found.map((id) => this.names[id]!);
  }
}
