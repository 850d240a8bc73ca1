/**
 * The `copydesk` command line (bundled to dist/cli.js; bin/copydesk.js requires it).
 * One file per subcommand, each exporting `register(program)`; add a subcommand with one line in
 * SUBCOMMANDS below.
 */
import { Command, CommanderError } from 'commander';
import { register as registerCheck } from './check';
import { register as registerQuotes } from './quotes';
import { VERSION } from './package-info';
import { safe } from './format/terminal-safe';

const SUBCOMMANDS: Array<(program: Command) => void> = [
  registerCheck,
  registerQuotes,
];

export function buildProgram(): Command {
  const program = new Command('copydesk')
    .description(
      'Copy-desk checks for articles against a reference set: copied passages, attribution, misquotes, misspelt names.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of SUBCOMMANDS) register(program);
  // subcommands share the parent's error handling
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other parse error is a usage error
      return e.exitCode === 0 ? 0 : 2;
    }
    // an error message may quote a file's content: each line of the stack is neutralised
    const lines = ((e as Error)?.stack ?? String(e)).split(/\r\n|\n|\r/).map((l) => safe(l));
    process.stderr.write(`copydesk: internal error: ${lines.join('\n')}\n`);
    return 3;
  }
}

// a closed pipe (copydesk … | head) ends the run quietly
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`copydesk: internal error: ${safe(String(e))}\n`);
    process.exitCode = 3;
  },
);
