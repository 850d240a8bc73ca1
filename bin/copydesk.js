#!/usr/bin/env node
// `copydesk --version` answers from package.json without loading the program (a bundle of several
// megabytes); the bundle's own --version prints the same package.json version, inlined at build time.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist/cli.js');
}
