import type { Finding } from './types';

/**
 * A stable identity for a finding that survives edits elsewhere in the article: rule, flagged text
 * and source id (not offsets). Used by "ignore this finding" lists.
 */
export function fingerprint(f: Pick<Finding, 'rule' | 'text' | 'source'>): string {
  const key = `${f.rule}\u0000${f.text.replace(/\s+/g, ' ').trim()}\u0000${f.source?.id ?? ''}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x85ebca6b);
  }
  return `${f.rule}:${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}
