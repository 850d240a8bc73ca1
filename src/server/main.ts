/** The Copydesk language server, started by boot.ts (dist/server.js) with compromise's worker thread. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { setTagSource } from '../core/attribution/tagger';
import type { TagWorker } from '../node/tag-worker';
import { CopydeskServer } from './server';
import { traceStart } from '../node/start-trace';

/** Serve on the connection the process was started with; `tags`: compromise in a worker, the first check reads its tags. */
export function start(tags: TagWorker | undefined): void {
  traceStart('bundle loaded');
  setTagSource(tags?.source);
  const connection = createConnection(ProposedFeatures.all);
  new CopydeskServer(connection, tags);
  connection.listen();
}
