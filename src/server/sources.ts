/**
 * Where findings' source passages sit in the reference files, for related information, hovers and
 * the report. One per index generation: it holds the generation's documents by id and maps their
 * passages through the loader's origins (src/node/source-positions.ts).
 */
import * as path from 'node:path';
import type { Finding, ReferenceDoc } from '../core/types';
import type { DocOrigin } from '../node/references';
import { SourcePositions } from '../node/source-positions';
import type { SourceInfo } from './hover';

export class ReferenceSources {
  private readonly byId: Map<string, ReferenceDoc>;
  private readonly positions: SourcePositions;

  constructor(docs: readonly ReferenceDoc[] = [], origins: ReadonlyMap<string, DocOrigin> = new Map()) {
    this.byId = new Map(docs.map((d) => [d.id, d]));
    this.positions = new SourcePositions(docs, origins);
  }

  /** The reference file of document `id` (absolute); `fallback` when the document is not indexed. */
  filePath(id: string, fallback: string): string {
    return path.resolve(this.byId.get(id)?.path ?? fallback);
  }

  /** A finding's source: the document's metadata, its file, and the passage's range there. */
  info(f: Finding): SourceInfo | undefined {
    if (!f.source) return undefined;
    const d = this.byId.get(f.source.id);
    return { meta: d?.meta ?? {}, path: this.filePath(f.source.id, f.source.path), range: this.positions.range(f.source.id, f.source.start, f.source.end, f.source.text) };
  }
}
