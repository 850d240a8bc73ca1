/** Growing typed arrays (the reference index's buffers and tables). */

/** `a` if it holds `need` elements, else a copy of it in an array doubled in size until it does */
export function atLeast<T extends Uint16Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let size = Math.max(1, a.length);
  while (size < need) size *= 2;
  const grown = new (a.constructor as new (n: number) => T)(size);
  grown.set(a);
  return grown;
}
