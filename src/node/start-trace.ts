/**
 * `COPYDESK_TRACE_START=1`: one line on stderr at each step of a process's first check (the language
 * server's, the CLI's) — milliseconds since the process started and the calling thread's CPU
 * milliseconds so far (Linux: /proc/thread-self/schedstat; elsewhere the process's; a worker thread's lines
 * go through the main thread, so they may arrive late but their times are right) — to see
 * where the first report's time goes without a profiler (which slows what it measures).
 * Off (one boolean test a call) unless the variable is set.
 */
import * as fs from 'node:fs';

const on = process.env.COPYDESK_TRACE_START === '1';
// a worker thread's clock starts with the thread: its times are given from the process's start too
if (on && process.env.COPYDESK_TRACE_ORIGIN === undefined) process.env.COPYDESK_TRACE_ORIGIN = String(performance.timeOrigin);
const origin = on ? Number(process.env.COPYDESK_TRACE_ORIGIN) : 0;

function threadCpuMs(): number {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}

export function traceStart(step: string): void {
  if (!on) return;
  process.stderr.write(`TRACE ${(performance.timeOrigin + performance.now() - origin).toFixed(1)} ms, CPU ${threadCpuMs().toFixed(1)} ms: ${step}\n`);
}
