/**
 * The tag worker's thread (dist/tag-worker.js, started by tag-worker.ts): compromise's tags of each
 * sentence it is sent, one sentence a turn in the order sent, except that a sentence the main thread
 * is waiting for ({ first: key }) is tagged next.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { tagSentenceJob, type TagJob } from '../core/attribution/tagger';
import { compromise } from '../core/lazy-nlp';
import type { TagAnswer, TagRequest } from './tag-worker';
import { traceStart } from './start-trace';

traceStart('tag worker: started');
// loaded now, while the main thread opens the index: the first sentence arrives soon after
compromise();
traceStart('tag worker: compromise loaded');

const { port, counter } = workerData as { port: MessagePort; counter: SharedArrayBuffer };
const count = new Int32Array(counter);
const queue: TagJob[] = [];
let scheduled = false;

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  // a turn of the event loop between sentences: requests to go first are read in between
  setImmediate(() => {
    scheduled = false;
    const job = queue.shift()!;
    let tags: TagAnswer['tags'];
    try {
      tags = tagSentenceJob(job);
    } catch {
      tags = null;
    }
    port.postMessage({ key: job.key, tags } satisfies TagAnswer);
    traceStart(`tag worker: a sentence tagged, ${queue.length} left`);
    Atomics.add(count, 0, 1);
    Atomics.notify(count, 0);
    schedule();
  });
}

port.on('message', (m: TagRequest) => {
  if ('first' in m) {
    const at = queue.findIndex((j) => j.key === m.first);
    if (at > 0) queue.unshift(queue.splice(at, 1)[0]!);
  } else {
    queue.push(m);
  }
  schedule();
});
