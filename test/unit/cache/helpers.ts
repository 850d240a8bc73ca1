/** Invented reference sets for the cache and codec tests (no eval data). */
import type { ReferenceDoc } from '../../../src/core/types';
import { rng } from '../../../scripts/lib/rng';

/** The scripts' seeded generator (mulberry32), shared by the cache and perf tests. */
export { rng };

const WORDS = (
  'harbour council strike dockers union pay offer vote ballot ferry port night shift cargo crane wage talks ' +
  'minister mayor spokesperson weekend delay passengers container terminal agreement dispute walkout pension ' +
  'inspector safety report river bridge tunnel budget deficit school hospital nurse doctor ward queue patient'
).split(' ');
const NAMES = ['Marta Kovalenko', 'Idris Baptiste', 'Hanne Solberg', 'Tomasz Wierzbicki', 'Ngozi Eze', 'Ruairi Keane'];

// a larger invented vocabulary (syllable words) so that word 3-grams are as rare as in real copy
const SYL = ['ka', 'lo', 'ven', 'dri', 'mar', 'tu', 'sel', 'bo', 'ni', 'rek', 'pha', 'gum', 'os', 'tai', 'wen', 'qui'];
const VOCAB: string[] = [];
for (const a of SYL) for (const b of SYL) for (const c of ['', 'n', 'st', 'ra']) VOCAB.push(a + b + c);
const FUNCTION = ['the', 'of', 'and', 'to', 'in', 'a', 'on', 'for', 'with', 'at', 'by', 'from'];

export function sentence(r: () => number, words = 12): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const x = r();
    out.push(x < 0.3 ? FUNCTION[Math.floor(r() * FUNCTION.length)]! : x < 0.45 ? WORDS[Math.floor(r() * WORDS.length)]! : VOCAB[Math.floor(r() * VOCAB.length)]!);
  }
  const name = NAMES[Math.floor(r() * NAMES.length)]!;
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  return `${out.join(' ')}, ${name} said.`;
}

export function story(r: () => number, paragraphs = 5): string {
  const ps: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const ss: string[] = [];
    for (let s = 0; s < 3; s++) ss.push(sentence(r, 8 + Math.floor(r() * 10)));
    ps.push(ss.join(' '));
  }
  return ps.join('\n\n');
}

export function referenceSet(seed: number, n: number): ReferenceDoc[] {
  const r = rng(seed);
  const docs: ReferenceDoc[] = [];
  for (let i = 0; i < n; i++) {
    docs.push({ id: `wire/${String(i).padStart(3, '0')}.md`, path: `refs/wire/${i}.md`, text: story(r, 4 + (i % 4)), meta: { title: `Story ${i}`, outlet: i % 2 ? 'Harbour Wire' : 'Coast Agency' } });
  }
  return docs;
}

/** An article that copies passages from some references and adds its own prose. */
export function articleFrom(refs: ReferenceDoc[], seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  for (let k = 0; k < 4; k++) {
    const d = refs[Math.floor(r() * refs.length)]!;
    const paras = d.text.split('\n\n');
    parts.push(paras[Math.floor(r() * paras.length)]!);
    parts.push(story(r, 1));
  }
  parts.push('"We will not be moved," a docker said outside the gates.');
  return parts.join('\n\n');
}

/** Byte range, in an encoded index file, of the payload of one named array (from the file's directory). */
export function arrayRange(bytes: Uint8Array, name: string): [number, number] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset);
  const dirOffset = dv.getUint32(40, true);
  const dirLength = dv.getUint32(44, true);
  const dir = JSON.parse(new TextDecoder().decode(bytes.subarray(40 + dirOffset, 40 + dirOffset + dirLength)));
  const a = dir.arrays.find((x: { name: string }) => x.name === name);
  return [40 + a.offset, 40 + a.offset + a.length * (a.kind === 'u32' ? 4 : 1)];
}
