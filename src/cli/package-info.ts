/** The package's own metadata (version, links), read from package.json at build time. */
import pkg from '../../package.json';
import { repositoryUrl } from '../node/rule-docs';

export const VERSION: string = pkg.version;

export function informationUri(): string | undefined {
  return repositoryUrl();
}
