/**
 * Neutralising text from references and articles before it reaches a terminal or a CI log (the
 * text output on stdout, warnings on stderr). Every string that Copydesk did not write itself
 * (titles, outlets, paths, quotes, messages, suggestions, file names) goes through `safe()`:
 *
 * - control characters are shown escaped (`\x1b`, `\x9b`, `\x7f`, `\u202e`): C0, DEL, C1 and the
 *   Unicode format controls (bidi embeddings, overrides and isolates U+202A–202E, U+2066–2069,
 *   marks, zero-width spaces, BOM, soft hyphen…), so no escape sequence (colours, OSC 8 links, OSC 52
 *   clipboard writes, cursor moves) is ever sent and no text is reordered or hidden; ZWNJ and ZWJ
 *   are kept (scripts and emoji need them, and they reorder or hide nothing);
 * - line breaks (CR, LF, VT, FF, NEL, U+2028, U+2029) and tabs are folded into one space each for
 *   prose, or shown escaped (`\n`) for paths, so a string never starts a line of its own;
 * - a string cannot look like a finding or a CI command: every colon of a `:line:col: severity`
 *   run is escaped (`a.md\x3a3\x3a1\x3a error`, which no problem matcher reads as a location), a
 *   leading `::` (a GitHub workflow command once the line's indent is trimmed) becomes `\x3a:`, and
 *   `##[` / `##vso[` (GitHub's legacy and Azure Pipelines' logging commands) become `#\x23[`.
 *
 * With every field neutralised, a line of output can begin like a finding or a workflow command
 * only where Copydesk writes one. JSON and SARIF do not use this: their format escapes them.
 */

export type SafeKind = 'prose' | 'path';

// C0, DEL, C1 (\p{Cc}), format controls (\p{Cf}) and the two Unicode line separators
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const LINE_BREAK = /^[\n\r\v\f\u0085\u2028\u2029]$/;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
// `:12:5: error`, `:12: warning`, `:12:5 note` (the gcc, tsc-colon and Copydesk shapes)
const FINDING_LIKE = /:\d+(?::\d*)?:?[ \t]*(?:fatal[ \t]+)?(?:error|warning|info|hint|note|notice)\b/gi;
const LOGGING_COMMAND = /##(?=(?:vso)?\[)/gi;

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const cp = ch.codePointAt(0)!;
  return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** `s` made safe to print on a terminal or into a CI log (see the module comment). */
export function safe(s: string, kind: SafeKind = 'prose'): string {
  let out = s.replace(UNSAFE, (ch) => {
    if (ch === '\u200c' || ch === '\u200d') return ch;
    if (kind === 'prose' && (ch === '\t' || LINE_BREAK.test(ch))) return ' ';
    return escapeChar(ch);
  });
  out = out.replace(FINDING_LIKE, (m) => m.replace(/:/g, '\\x3a'));
  out = out.replace(LOGGING_COMMAND, '#\\x23');
  out = out.replace(/^(\s*):(?=:)/, '$1\\x3a');
  return out;
}
