/**
 * The house name list (`.copydesk/names.txt`): one accepted spelling per line, optional
 * `wrong => right` corrections, `#` comments (whole line, or after white space), blank lines.
 *
 *     # names we spell our way
 *     Siobhán Ní Bhriain
 *     Harbour Board
 *     Mcallister => McAllister
 *
 * The right-hand side of a correction is accepted too.
 */

export interface HouseNames {
  accepted: string[];
  corrections: Record<string, string>;
}

export interface HouseNameProblem {
  /** zero-based line */
  line: number;
  message: string;
}

export function parseHouseNames(text: string): HouseNames & { problems: HouseNameProblem[] } {
  const accepted: string[] = [];
  const seen = new Set<string>();
  const corrections: Record<string, string> = {};
  const problems: HouseNameProblem[] = [];
  const accept = (name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      accepted.push(name);
    }
  };
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = stripComment(raw).replace(/\s+/g, ' ').trim();
    if (!line) return;
    const arrow = line.indexOf('=>');
    if (arrow >= 0) {
      const wrong = line.slice(0, arrow).trim();
      const right = line.slice(arrow + 2).trim();
      if (!wrong || !right || right.includes('=>')) {
        problems.push({ line: i, message: `expected "wrong => right", got "${line}"` });
        return;
      }
      corrections[wrong] = right;
      accept(right);
    } else {
      accept(line);
    }
  });
  return { accepted, corrections, problems };
}

function stripComment(line: string): string {
  const t = line.trimStart();
  if (t.startsWith('#')) return '';
  const m = /\s#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}

/**
 * The list as text, in a stable order: accepted names (those that are not only the right-hand side
 * of a correction) sorted case-insensitively, then corrections sorted by the wrong spelling.
 * `header` lines are written first as comments.
 */
export function serializeHouseNames(names: HouseNames, header: string[] = []): string {
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const rights = new Set(Object.values(names.corrections));
  const plain = [...new Set(names.accepted.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean))]
    .filter((n) => !rights.has(n))
    .sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  const corr = Object.entries(names.corrections).sort(
    ([a], [b]) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const out = header.map((h) => `# ${h}`);
  out.push(...plain);
  if (corr.length) {
    if (out.length) out.push('');
    for (const [wrong, right] of corr) out.push(`${wrong} => ${right}`);
  }
  return out.join('\n') + '\n';
}

/** Add an accepted spelling (the "accept this spelling" action); returns a new list. */
export function addHouseName(names: HouseNames, name: string): HouseNames {
  const n = name.replace(/\s+/g, ' ').trim();
  if (!n || names.accepted.includes(n)) return names;
  return { accepted: [...names.accepted, n], corrections: { ...names.corrections } };
}
