/** A problem with one input file. Loading never throws for these: the rest still loads. */
export interface InputError {
  /** the path as given or found */
  path: string;
  message: string;
  /** 'warning': the file was still used (e.g. invalid front matter, body kept) */
  severity: 'error' | 'warning';
}

/** A readable message for a file-system error. */
export function fsMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links (symlink loop)';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return err?.message ?? String(e);
  }
}
