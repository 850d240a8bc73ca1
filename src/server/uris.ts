/** Which documents the server checks, and where a document sits in the workspace. */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toPosix } from '../node/references';
import { isInside } from './references';

/**
 * Documents the server checks: files (`file:` with a file path) and unsaved editors (`untitled:`).
 * Anything else (a hover popup, a diff or git view, a `file://` with no path) is not an article.
 */
export function checkableUri(uri: string): boolean {
  if (uri.startsWith('untitled:')) return true;
  if (!uri.startsWith('file:')) return false;
  try {
    const p = fileURLToPath(uri);
    return !!path.basename(p) && !p.endsWith('/') && !p.endsWith(path.sep);
  } catch {
    return false;
  }
}

/** A document saved as a file (not untitled or virtual). */
export function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

/**
 * Workspace folder that holds this document (the innermost), and the document's path relative to
 * it; a document outside every folder keeps its absolute path, one that is not a file has none.
 */
export function folderOf(folders: readonly string[], uri: string): { folder?: string; rel?: string } {
  if (!isFileUri(uri)) return { folder: folders[0] };
  const p = fileURLToPath(uri);
  const folder = folders.filter((f) => isInside(p, f)).sort((a, b) => b.length - a.length)[0];
  return folder ? { folder, rel: toPosix(path.relative(folder, p)) } : { folder: folders[0], rel: p };
}

const GENERIC_TEXT = new Set(['text', 'plaintext']);
const BY_EXTENSION: Record<string, string> = { md: 'markdown', markdown: 'markdown', mdown: 'markdown', mkd: 'markdown', html: 'html', htm: 'html', xhtml: 'html' };

/**
 * The language a document is checked as: the client's languageId, except that a generic plain-text id
 * (`text`, `plaintext`) on a file whose name says Markdown or HTML is that language. eglot 1.9 sends one
 * languageId per server, the one of the buffer that started it: a `.md` file opened after a `.txt` one
 * arrives as `text`, and read as plain text its comments, code blocks and link targets would be checked.
 */
export function languageOf(doc: { languageId: string; uri: string }): string {
  if (!GENERIC_TEXT.has(doc.languageId) || !isFileUri(doc.uri)) return doc.languageId;
  const ext = /\.([A-Za-z]+)$/.exec(doc.uri.split(/[?#]/)[0]!)?.[1]?.toLowerCase();
  return (ext && BY_EXTENSION[ext]) || doc.languageId;
}
