/** Entry point of the Copydesk language server (`copydesk-lsp --stdio`, or IPC from VS Code). */
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { setTagSource } from '../core/attribution/tagger';
import { startTagWorker } from '../node/tag-worker';
import { CopydeskServer } from './server';
import { traceStart } from '../node/start-trace';

traceStart('bundle loaded');

// compromise loads in a worker while the index opens; the first check reads the worker's tags
const tags = startTagWorker(path.join(__dirname, 'tag-worker.js'));
setTagSource(tags?.source);
const connection = createConnection(ProposedFeatures.all);
new CopydeskServer(connection, tags);
connection.listen();
