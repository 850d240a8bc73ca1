/**
 * Small helpers shared by the eval suites: progress on stderr, peak memory, tables, P/R/F1.
 */
import * as os from 'node:os';

/** Progress on stderr: a rewritten line on a terminal, otherwise a line every ~10 % or 30 s. */
export class Progress {
  private n = 0;
  private readonly t0 = Date.now();
  private lastPrint = 0;
  private lastPct = -1;
  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  tick(by = 1): void {
    this.n += by;
    Memory.sample();
    const now = Date.now();
    const pct = this.total ? Math.floor((100 * this.n) / this.total) : 100;
    if (process.stderr.isTTY) {
      if (now - this.lastPrint < 200 && this.n < this.total) return;
      this.lastPrint = now;
      process.stderr.write(`\r${this.line()}`);
    } else if (Math.floor(pct / 10) > Math.floor(this.lastPct / 10) || now - this.lastPrint > 30_000) {
      this.lastPrint = now;
      this.lastPct = pct;
      process.stderr.write(`${this.line()}\n`);
    }
  }

  done(): number {
    const secs = (Date.now() - this.t0) / 1000;
    if (process.stderr.isTTY) process.stderr.write(`\r${this.line()}\n`);
    return secs;
  }

  private line(): string {
    const secs = (Date.now() - this.t0) / 1000;
    const rate = this.n / Math.max(secs, 1e-3);
    const eta = rate > 0 ? (this.total - this.n) / rate : 0;
    return `  ${this.label}: ${this.n}/${this.total} (${secs.toFixed(0)} s, ~${eta.toFixed(0)} s left)   `;
  }
}

/** Peak resident set size, sampled by Progress.tick and on demand. */
export const Memory = {
  peakRss: 0,
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > Memory.peakRss) Memory.peakRss = rss;
  },
  mb(bytes: number): string {
    return `${Math.round(bytes / 1048576)} MB`;
  },
};

export function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, node ${process.version}`;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

export const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '-');

/** A plain aligned text table (first column left-aligned, the rest right-aligned). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, k) => Math.max(...cells.map((r) => (r[k] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(fmt)].join('\n');
}

/** Parse `--name value` / `--name=value` / `--flag` from the suite's args. */
export function flag(args: string[], name: string): string | true | undefined {
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === `--${name}`) {
      const next = args[k + 1];
      return next !== undefined && !next.startsWith('--') ? next : true;
    }
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

export function intFlag(args: string[], name: string): number | undefined {
  const v = flag(args, name);
  if (v === undefined || v === true) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, got '${v}'`);
  return n;
}

/**
 * `--set key=value,other.key=value`: AlignOptions overrides for trying a setting on training data
 * (numbers and true/false; a dotted key sets a field of a nested option such as `sentence.cos`).
 */
export function setFlag(args: string[]): Record<string, unknown> {
  const v = flag(args, 'set');
  const out: Record<string, unknown> = {};
  if (typeof v !== 'string') return out;
  for (const part of v.split(',')) {
    const [key, raw] = part.split('=');
    if (!key || raw === undefined) throw new Error(`--set: expected key=value, got '${part}'`);
    const value = raw === 'true' ? true : raw === 'false' ? false : Number(raw);
    if (typeof value === 'number' && Number.isNaN(value)) throw new Error(`--set: '${key}' needs a number or true/false, got '${raw}'`);
    const path = key.split('.');
    let o = out;
    for (const p of path.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[path[path.length - 1]!] = value;
  }
  return out;
}
