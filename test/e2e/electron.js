// `npm run test:electron`: the same extension-host suite (test/e2e/suite) through
// @vscode/test-electron 2.5.2, for machines that can download VS Code (this CI machine cannot; it
// runs the suite in code-server instead: test/e2e/run.sh).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const repo = path.resolve(__dirname, '..', '..');
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-electron-'));
  fs.cpSync(path.join(repo, 'test', 'fixtures', 'e2e'), ws, { recursive: true });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`test:electron failed: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
