/**
 * workspace/executeCommand: the server's commands (ignore a finding or a source, accept a name,
 * check a document now, rebuild the index), over explicit dependencies. A failure is shown to the
 * user and answered as `{ ok: false, error }`.
 */
import { ServerCommands } from '../shared/protocol';
import type { Workspace } from './workspace';

export interface CommandDeps {
  workspace: Workspace;
  /** "Check Document": the next pull of `uri` checks again, in every checkOn mode */
  checkAsked(uri: string): void;
  /** documents are to be checked again (pull again, or push) */
  refresh(): void;
  reindex(): void;
  showError(message: string): void;
}

interface CommandArgs {
  uri?: string;
  fingerprint?: string;
  sourceId?: string;
  name?: string;
  target?: string;
}

export type CommandHandler = (command: string, args: unknown[]) => Promise<unknown>;

export function createCommands(deps: CommandDeps): CommandHandler {
  const run = async (command: string, a: CommandArgs): Promise<unknown> => {
    switch (command) {
      case ServerCommands.ignoreFinding:
      case ServerCommands.ignoreSource: {
        if (!a.uri) throw new Error('missing uri');
        const finding = command === ServerCommands.ignoreFinding;
        // an unsaved document's ignores stay in memory, for the session (see Workspace)
        const scope = await deps.workspace.addIgnore(a.uri, finding ? 'findings' : 'sources', String(finding ? a.fingerprint : a.sourceId));
        deps.refresh();
        return scope === 'session' ? { ok: true, scope } : { ok: true };
      }
      case ServerCommands.acceptName: {
        if (!a.uri || !a.name) throw new Error('missing uri or name');
        await deps.workspace.acceptName(a.uri, a.name);
        deps.refresh();
        return { ok: true };
      }
      case ServerCommands.check: {
        if (a.uri) deps.checkAsked(a.uri);
        deps.refresh();
        return { ok: true };
      }
      case ServerCommands.reindex: {
        deps.reindex();
        return { ok: true };
      }
    }
    throw new Error(`unknown command ${command}`);
  };
  return async (command, args) => {
    try {
      return await run(command, (args[0] ?? {}) as CommandArgs);
    } catch (e) {
      const msg = `Copydesk: ${(e as Error).message}`;
      deps.showError(msg);
      return { ok: false, error: msg };
    }
  };
}
