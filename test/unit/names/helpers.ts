import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
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
