/** How a finding names a reference: its outlet and title, or whichever it has, or its file name. */
import type { ReferenceIndex } from './reference-index';

export function sourceLabel(index: ReferenceIndex, doc: number): string {
  const d = index.docs[doc]!;
  const name = d.meta.outlet ?? d.meta.title ?? d.id.replace(/^.*\//, '');
  return d.meta.outlet && d.meta.title ? `${d.meta.outlet}, "${d.meta.title}"` : name;
}
