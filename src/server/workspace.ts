/**
 * The workspace as the server sees it: its folders, whether it is trusted, and what each folder
 * keeps in .copydesk/ (ignore lists, house names), plus the ignores of unsaved documents, which
 * live with the session. Turns them into the engine settings of one document.
 */
import type { Settings } from '../core/settings';
import { engineSettings, type EditorConfig } from '../shared/config';
import { addIgnore, addName, ignoresFor, readIgnore, readNames, type HouseNames, type IgnoreFile, type IgnoreList } from './store';
import { folderOf, isFileUri } from './uris';

export type IgnoreKind = keyof IgnoreList;

export class Workspace {
  folders: string[] = [];
  trusted = true;
  private readonly ignore = new Map<string, IgnoreFile>();
  private readonly names = new Map<string, HouseNames>();
  /**
   * Ignores of documents that are not files (untitled, unsaved): they have no path to key an
   * article's list in .copydesk/ignore.json, and the folder-wide list would silence the finding or
   * source for every article. They live with the session, per document URI, until it is closed.
   */
  private readonly sessionIgnores = new Map<string, IgnoreList>();

  /** @param warn shows a problem reading .copydesk/ (a damaged file keeps its defaults) */
  constructor(private readonly warn: (message: string) => void) {}

  /** Read every folder's .copydesk/ignore.json and names.txt again. */
  async reload(): Promise<void> {
    for (const f of this.folders) {
      const ig = await readIgnore(f);
      const nm = await readNames(f);
      this.ignore.set(f, ig.data);
      this.names.set(f, nm.data);
      for (const e of [ig.error, nm.error]) if (e) this.warn(e);
    }
  }

  /** The engine settings for document `uri`: the editor's, its folder's house names and its ignores. */
  settingsFor(uri: string, config: EditorConfig): Partial<Settings> {
    const { folder, rel } = folderOf(this.folders, uri);
    const ig = folder ? ignoresFor(this.ignore.get(folder) ?? { version: 1, findings: [], sources: [], articles: {} }, rel) : { findings: [], sources: [] };
    const session = this.sessionIgnores.get(uri);
    if (session) {
      ig.findings = [...ig.findings, ...session.findings];
      ig.sources = [...ig.sources, ...session.sources];
    }
    const nm = folder ? this.names.get(folder) : undefined;
    return {
      ...engineSettings(config),
      houseNames: { accepted: [...(nm?.accepted ?? []), ...config.houseNames], corrections: nm?.corrections ?? {} },
      ignore: ig,
    };
  }

  /**
   * Ignore a finding (by fingerprint) or a source (by id) for document `uri`: in its folder's
   * .copydesk/ignore.json, or for the session when the document is not a file.
   */
  async addIgnore(uri: string, kind: IgnoreKind, value: string): Promise<'file' | 'session'> {
    if (!isFileUri(uri)) {
      let list = this.sessionIgnores.get(uri);
      if (!list) this.sessionIgnores.set(uri, (list = { findings: [], sources: [] }));
      if (!list[kind].includes(value)) list[kind].push(value);
      return 'session';
    }
    const { folder, rel } = folderOf(this.folders, uri);
    if (!folder) throw new Error('open a folder to keep ignore lists (.copydesk/ignore.json)');
    await addIgnore(folder, rel, kind, value);
    await this.reload();
    return 'file';
  }

  /** Accept `name` as a house spelling in the .copydesk/names.txt of the folder that holds `uri`. */
  async acceptName(uri: string, name: string): Promise<void> {
    const { folder } = folderOf(this.folders, uri);
    if (!folder) throw new Error('open a folder to keep a house names list (.copydesk/names.txt)');
    await addName(folder, name);
    await this.reload();
  }

  /** The document is closed: its session ignores go with it. */
  closed(uri: string): void {
    this.sessionIgnores.delete(uri);
  }
}
