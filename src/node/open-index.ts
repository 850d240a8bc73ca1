/**
 * Load a reference set and index it. The one seam between files and the engine's ReferenceIndex:
 * a persisted cache can be added inside openIndex without changing its callers.
 */
import { ReferenceIndex } from '../core/reference-index';
import type { ReferenceDoc } from '../core/types';
import type { InputError } from './errors';
import { loadReferences, type DocOrigin, type LoadOptions, type LoadProgress } from './references';

export interface OpenIndexProgress extends LoadProgress {
  phase: 'read' | 'index';
}

export interface OpenIndexOptions extends Omit<LoadOptions, 'onProgress'> {
  onProgress?: (p: OpenIndexProgress) => void;
}

export interface OpenIndexResult {
  index: ReferenceIndex;
  docs: ReferenceDoc[];
  errors: InputError[];
  /** by doc id: how offsets into doc.text map back to the file (see references.ts) */
  origins: Map<string, DocOrigin>;
}

export async function openIndex(inputs: string[], opts: OpenIndexOptions = {}): Promise<OpenIndexResult> {
  const { onProgress, ...load } = opts;
  const { docs, errors, origins } = await loadReferences(inputs, {
    ...load,
    onProgress: onProgress ? (p) => onProgress({ ...p, phase: 'read' }) : undefined,
  });
  onProgress?.({ phase: 'index', done: 0, total: docs.length });
  const index = ReferenceIndex.build(docs);
  onProgress?.({ phase: 'index', done: docs.length, total: docs.length });
  return { index, docs, errors, origins };
}
