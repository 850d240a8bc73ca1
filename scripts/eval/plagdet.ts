/**
 * The PAN plagiarism-detection measures (Potthast, Stein, Barrón-Cedeño, Rosso: "An Evaluation
 * Framework for Plagiarism Detection", COLING 2010), computed exactly as the official PAN 2013
 * text-alignment script does (pan-code clef13/text-alignment/pan13-text-alignment-perfmeasures.py,
 * macro-averaged variant, the one used for the PAN13 rankings):
 *
 * - A case or detection is a passage pair: a character span in the suspicious document ("this")
 *   and one in the source document. Cases and detections are sets: duplicates count once.
 * - Two annotations overlap when they name the same suspicious document AND the same source
 *   document, and their spans intersect in BOTH documents (a detection that hits the right
 *   suspicious text but the wrong source text detects nothing).
 * - Recall of a case = (chars of its suspicious span covered by overlapping detections + chars of
 *   its source span covered by overlapping detections) / (its suspicious length + its source length).
 *   Macro recall = the mean over ALL cases (cases with no overlapping detection count 0).
 * - Macro precision = the same with the roles swapped (mean over all detections of the share of the
 *   detection's characters that overlapping cases cover).
 * - Edge cases as in the script: no cases and no detections → recall = precision = 1; exactly one of
 *   the two empty → 0.
 * - Granularity = over the cases that at least one detection overlaps, the mean number of
 *   detections overlapping each; 1 when there are no detections or no detected case.
 * - plagdet = F1(precision, recall) / log2(1 + granularity); 0 when precision and recall are both 0.
 */

export interface Annotation {
  /** suspicious document name (PAN: this_reference) */
  susp: string;
  suspOffset: number;
  suspLength: number;
  /** source document name (PAN: source_reference) */
  src: string;
  srcOffset: number;
  srcLength: number;
}

export interface PlagdetScore {
  precision: number;
  recall: number;
  granularity: number;
  plagdet: number;
  /** distinct cases and detections scored */
  cases: number;
  detections: number;
  /** cases that at least one detection overlaps */
  detectedCases: number;
}

function key(a: Annotation): string {
  return `${a.susp}\u0000${a.suspOffset}\u0000${a.suspLength}\u0000${a.src}\u0000${a.srcOffset}\u0000${a.srcLength}`;
}

/** Set semantics of the official script (annotations are collected into a Python set). */
export function dedupe(anns: Iterable<Annotation>): Annotation[] {
  const seen = new Map<string, Annotation>();
  for (const a of anns) if (!seen.has(key(a))) seen.set(key(a), a);
  return [...seen.values()];
}

/** Does `b` overlap `a` in both the suspicious and the source document? */
export function isOverlapping(a: Annotation, b: Annotation): boolean {
  return (
    a.susp === b.susp &&
    b.suspOffset + b.suspLength > a.suspOffset &&
    b.suspOffset < a.suspOffset + a.suspLength &&
    a.src === b.src &&
    b.srcOffset + b.srcLength > a.srcOffset &&
    b.srcOffset < a.srcOffset + a.srcLength
  );
}

/** Number of characters of [off, off+len) covered by the union of the given spans. */
function coveredChars(off: number, len: number, spans: [number, number][]): number {
  const clipped: [number, number][] = [];
  for (const [o, l] of spans) {
    const s = Math.min(Math.max(o, off), off + len);
    const e = Math.min(Math.max(o + l, off), off + len);
    if (e > s) clipped.push([s, e]);
  }
  clipped.sort((x, y) => x[0] - y[0]);
  let n = 0;
  let end = -Infinity;
  for (const [s, e] of clipped) {
    if (e <= end) continue;
    n += e - Math.max(s, end);
    end = e;
  }
  return n;
}

/**
 * Share of `a`'s characters (suspicious + source) covered by those of `others` that overlap it
 * (the script's case_recall). 0 when `a` has no characters at all.
 */
export function coveredShare(a: Annotation, others: Annotation[]): number {
  const ov = others.filter((b) => isOverlapping(a, b));
  if (ov.length === 0) return 0;
  const total = a.suspLength + a.srcLength;
  if (total === 0) return 0;
  const t = coveredChars(a.suspOffset, a.suspLength, ov.map((b) => [b.suspOffset, b.suspLength]));
  const s = coveredChars(a.srcOffset, a.srcLength, ov.map((b) => [b.srcOffset, b.srcLength]));
  return (t + s) / total;
}

function bySusp(anns: Annotation[]): Map<string, Annotation[]> {
  const m = new Map<string, Annotation[]>();
  for (const a of anns) {
    let l = m.get(a.susp);
    if (!l) m.set(a.susp, (l = []));
    l.push(a);
  }
  return m;
}

/** Macro-averaged recall of `detections` in detecting `cases` (per-case share, mean over all cases). */
export function macroRecall(cases: Annotation[], detections: Annotation[]): number {
  cases = dedupe(cases);
  detections = dedupe(detections);
  if (cases.length === 0 && detections.length === 0) return 1;
  if (cases.length === 0 || detections.length === 0) return 0;
  const dets = bySusp(detections);
  let sum = 0;
  for (const c of cases) {
    const d = dets.get(c.susp);
    if (d) sum += coveredShare(c, d);
  }
  return sum / cases.length;
}

/** Macro-averaged precision: macroRecall with the roles of cases and detections swapped. */
export function macroPrecision(cases: Annotation[], detections: Annotation[]): number {
  return macroRecall(detections, cases);
}

/** Mean number of overlapping detections per detected case (1 if nothing is detected). */
export function granularity(cases: Annotation[], detections: Annotation[]): number {
  cases = dedupe(cases);
  detections = dedupe(detections);
  if (detections.length === 0) return 1;
  const dets = bySusp(detections);
  let detected = 0;
  let total = 0;
  for (const c of cases) {
    const d = dets.get(c.susp);
    if (!d) continue;
    let n = 0;
    for (const x of d) if (isOverlapping(c, x)) n++;
    total += n;
    if (n > 0) detected++;
  }
  return detected === 0 ? 1 : total / detected;
}

export function plagdetScore(recall: number, precision: number, gran: number): number {
  if ((recall === 0 && precision === 0) || precision < 0 || recall < 0 || gran < 1) return 0;
  return (2 * recall * precision) / (recall + precision) / Math.log2(1 + gran);
}

/** All PAN measures for one set of cases and detections. */
export function score(cases: Annotation[], detections: Annotation[]): PlagdetScore {
  const c = dedupe(cases);
  const d = dedupe(detections);
  const recall = macroRecall(c, d);
  const precision = macroPrecision(c, d);
  const gran = granularity(c, d);
  const dets = bySusp(d);
  let detectedCases = 0;
  for (const x of c) if ((dets.get(x.susp) ?? []).some((y) => isOverlapping(x, y))) detectedCases++;
  return {
    precision,
    recall,
    granularity: gran,
    plagdet: plagdetScore(recall, precision, gran),
    cases: c.length,
    detections: d.length,
    detectedCases,
  };
}
