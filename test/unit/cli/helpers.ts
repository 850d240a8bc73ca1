/**
 * Helpers for the CLI end-to-end tests: build dist/cli.js once (with `node esbuild.js`; if the full
 * build fails because of another entry point, the CLI entry alone with the same settings), then
 * spawn `node bin/copydesk.js`.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const BIN = path.join(ROOT, 'bin', 'copydesk.js');

let built = false;

export async function buildCli(): Promise<void> {
  if (built) return;
  const full = spawnSync(process.execPath, ['esbuild.js'], { cwd: ROOT, encoding: 'utf8' });
  if (full.status !== 0) {
    // another entry point is broken (work in progress elsewhere): build the CLI alone
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    await esbuild.build({
      entryPoints: { cli: path.join(ROOT, 'src/cli/main.ts') },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outdir: path.join(ROOT, 'dist'),
      sourcemap: true,
      logLevel: 'error',
      plugins: [
        {
          name: 'ignore-canvas',
          setup(build) {
            build.onResolve({ filter: /^canvas$/ }, () => ({ path: 'canvas', namespace: 'empty' }));
            build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {}' }));
          },
        },
      ],
    });
  }
  built = true;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const memo = new Map<string, RunResult>();

/** copydesk(), remembering results of identical runs (for read-only fixtures). */
export function copydeskCached(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const key = JSON.stringify([args, opts]);
  let r = memo.get(key);
  if (!r) memo.set(key, (r = copydesk(args, opts)));
  return r;
}

export function copydesk(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  Object.assign(env, opts.env);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: env as NodeJS.ProcessEnv,
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
