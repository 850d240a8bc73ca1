/**
 * Entry point of the Copydesk language server (`copydesk-lsp --stdio`, or IPC from VS Code), bundled
 * alone as dist/server.js: it starts compromise's worker thread (src/node/tag-worker.ts) and then loads
 * the server, bundled as dist/server-main.js. The worker's own start-up and compromise's load then run
 * beside the main thread's reading and compiling of the 7 MB server bundle, not after it.
 */
import * as path from 'node:path';
import { startTagWorker } from '../node/tag-worker';
import { traceStart } from '../node/start-trace';

traceStart('boot');
const tags = startTagWorker(path.join(__dirname, 'tag-worker.js'));
// a path esbuild does not follow: the server is its own bundle
const server = path.join(__dirname, 'server-main.js');
(require(server) as typeof import('./main')).start(tags);
