import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { NameEntry } from '../../../src/core/names/lexicon';
import { osaDistance, skeleton } from '../../../src/core/names/similarity';
import type { Finding, ReferenceDoc } from '../../../src/core/types';

// What the names tests share: a reference document, the names rules' findings of a check, their
// messages for an assertion's report, and an archive of other stories around the given documents.

export function doc(id: string, text: string): ReferenceDoc {
  return { id, path: id, meta: {}, text };
}

/** The name-spelling and name-inconsistency findings of a check (copied-passage off). */
export function names(text: string, refs: ReferenceDoc[]): Finding[] {
  const res = check(text, ReferenceIndex.build(refs), { rules: { 'copied-passage': 'off' } });
  return res.findings.filter((f) => f.rule === 'name-spelling' || f.rule === 'name-inconsistency');
}

export const show = (fs: Finding[]) => JSON.stringify(fs.map((f) => f.message));

/** Other stories of an archive (120 documents, no names, nothing of the articles tested), then `docs`. */
export function archive(...docs: ReferenceDoc[]): ReferenceDoc[] {
  const filler = Array.from({ length: 120 }, (_, k) =>
    doc(`f${k}`, `The parish council met for session ${k} to discuss the bus timetable and the allotment rents.`),
  );
  return [...filler, ...docs];
}

/**
 * The lexicon scan the index replaces: names whose skeleton has the key's first letter, 1+ letters and
 * a length within 2 of the key's, by length and then in lexicon order, within 3 edits of the key's skeleton.
 */
export function scanNear(names: readonly NameEntry[], key: string): NameEntry[] {
  const skel = skeleton(key);
  const out: NameEntry[] = [];
  for (let len = Math.max(1, skel.length - 2); len <= skel.length + 2; len++) {
    for (const e of names) {
      if (e.skeleton.length === len && e.skeleton.charAt(0) === skel.charAt(0) && osaDistance(skel, e.skeleton, 3) <= 3) out.push(e);
    }
  }
  return out;
}
