/** The tag worker's thread (dist/tag-worker.js, started by tag-worker.ts): compromise's tags of each sentence it is sent. */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { tagSentenceJob, type TagJob } from '../core/attribution/tagger';
import { compromise } from '../core/lazy-nlp';
import type { TagAnswer } from './tag-worker';

// loaded now, while the main thread opens the index: the first sentence arrives soon after
compromise();

const { port, counter } = workerData as { port: MessagePort; counter: SharedArrayBuffer };
const count = new Int32Array(counter);
port.on('message', (job: TagJob) => {
  let tags: TagAnswer['tags'];
  try {
    tags = tagSentenceJob(job);
  } catch {
    tags = null;
  }
  port.postMessage({ key: job.key, tags } satisfies TagAnswer);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
});
