/**
 * Child process for the cache tests: opens a reference set through the cache and prints a JSON
 * summary. argv: cacheDir refsDir [--hang-mid-write]. With --hang-mid-write it prints "MID" after the
 * first chunk of the cache file is written and then blocks, so the parent can SIGKILL it there.
 */
import { openCachedIndex } from '../../../src/node/cache';

async function main() {
  const [cacheDir, refsDir, flag] = process.argv.slice(2);
  const r = await openCachedIndex([refsDir!], {
    cacheDir: cacheDir!,
    onWriteChunk:
      flag === '--hang-mid-write'
        ? () => {
            process.stdout.write('MID\n');
            const lock = new Int32Array(new SharedArrayBuffer(4));
            for (;;) Atomics.wait(lock, 0, 0, 1000);
          }
        : undefined,
  });
  process.stdout.write(JSON.stringify({ status: r.cache.status, reason: r.cache.reason, written: r.cache.written, docs: r.docs.length, words: r.index.wordCount }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
