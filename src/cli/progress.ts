/** A progress bar on stderr for reading/indexing large reference sets (only on a TTY). */
import cliProgress from 'cli-progress';
import type { OpenIndexProgress } from '../node/open-index';

/** Reference sets smaller than this load too fast to need a bar. */
const MIN_FILES = 50;

export function progressReporter(enabled: boolean): { onProgress?: (p: OpenIndexProgress) => void; stop(): void } {
  if (!enabled || !process.stderr.isTTY) return { stop() {} };
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress(p) {
      if (p.phase === 'read') {
        if (!bar && p.total >= MIN_FILES) {
          bar = new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: 'copydesk: {phase} [{bar}] {value}/{total} documents',
              hideCursor: true,
              clearOnComplete: true,
              etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, p.done, { phase: 'reading references' });
        } else bar?.update(p.done);
      } else if (bar) {
        bar.setTotal(p.total);
        bar.update(p.done, { phase: p.done < p.total ? 'indexing' : 'indexed' });
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
