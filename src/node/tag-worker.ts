/**
 * compromise in a worker thread, for the first check of a process: loading compromise and tagging
 * an article's sentences the first time (its matchers compiled, its code not yet optimised) take
 * about half a second of CPU, which a language server or the CLI would otherwise spend on the main
 * thread while the index is opened and the article aligned. The worker starts with the process,
 * is given every sentence of an article as soon as its text is known (prefetch), and answers with
 * compromise's tags (tagSentenceJob, the same function the main thread would run); the main thread
 * reads an answer when the attribution analysis asks for it (setTagSource), waiting on a shared
 * counter (Atomics.wait) if the worker has not got there yet, and asking for that sentence next.
 * Without the worker (its file missing, an error, no answer in time) the main thread tags as
 * before; the tags are the same either way.
 */
import * as fs from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { TagJob, TagSource, TokenTag } from '../core/attribution/tagger';
import { traceStart } from './start-trace';

/** what the main thread posts: a sentence to tag, or the key of one it waits for (to be tagged next) */
export type TagRequest = TagJob | { first: string };

/** what the worker posts for a job: its tags, or null when compromise failed there */
export interface TagAnswer {
  key: string;
  tags: TokenTag[] | null;
}

const WAIT_MS = 5000;
/** answers kept that nobody has asked for yet (prefetched sentences a check did not need) */
const MAX_KEPT = 4096;

export class TagWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counter: Int32Array;
  private readonly answers = new Map<string, TokenTag[] | null>();
  private readonly pending = new Set<string>();
  private failed = false;

  /** @param waitMs the longest wait for one sentence's answer before the main thread tags it itself */
  constructor(
    file: string,
    private readonly waitMs = WAIT_MS,
  ) {
    this.counter = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(file, { workerData: { port: port2, counter: this.counter.buffer }, transferList: [port2] });
    // neither keeps the process alive
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => (this.failed = true));
    this.worker.on('exit', () => (this.failed = true));
  }

  /** Start on these sentences (those already asked or answered are skipped). */
  prefetch(jobs: TagJob[]): void {
    if (this.failed) return;
    for (const j of jobs) {
      if (this.pending.has(j.key) || this.answers.has(j.key)) continue;
      this.pending.add(j.key);
      this.port.postMessage(j);
    }
  }

  /** The tag source for setTagSource: the worker's answer for a sentence, waited for; undefined to tag here. */
  readonly source: TagSource = (key, job) => {
    if (this.failed) return undefined;
    this.drain();
    if (!this.answers.has(key)) {
      if (!this.pending.has(key)) this.prefetch([job()]);
      else this.port.postMessage({ first: key } satisfies TagRequest);
      const waitFrom = performance.now();
      const end = waitFrom + this.waitMs;
      while (!this.answers.has(key)) {
        const seen = Atomics.load(this.counter, 0);
        this.drain();
        if (this.answers.has(key)) break;
        const left = end - performance.now();
        if (left <= 0) {
          // no answer in time (the worker died or hangs): tag here from now on
          this.close();
          return undefined;
        }
        Atomics.wait(this.counter, 0, seen, Math.min(left, 100));
      }
      traceStart(`waited ${(performance.now() - waitFrom).toFixed(1)} ms for a sentence's tags`);
    }
    const tags = this.answers.get(key);
    this.answers.delete(key);
    return tags ?? undefined;
  };

  /** Stop the worker; later sentences are tagged on the main thread. */
  close(): void {
    this.failed = true;
    this.pending.clear();
    this.answers.clear();
    void this.worker.terminate();
    this.port.close();
  }

  private drain(): void {
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const a = m.message as TagAnswer;
      this.pending.delete(a.key);
      if (this.answers.size >= MAX_KEPT) this.answers.delete(this.answers.keys().next().value!);
      this.answers.set(a.key, a.tags);
    }
  }
}

/** A tag worker running `file` (dist/tag-worker.js), or undefined when there is none or it cannot start. */
export function startTagWorker(file: string, env: NodeJS.ProcessEnv = process.env): TagWorker | undefined {
  if (env.COPYDESK_TAG_WORKER === '0' || !fs.existsSync(file)) return undefined;
  try {
    return new TagWorker(file);
  } catch {
    return undefined;
  }
}
