// Extension-test entry (the mocha `run()` that @vscode/test-electron and VS Code's
// --extensionTestsPath load). Runs inside the extension host; see ../run.sh and ../electron.js.
'use strict';
const path = require('path');
const mochaModule = require('mocha');
const Mocha = mochaModule.default || mochaModule; // mocha 12 is ESM (require(esm) gives the namespace)

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`[itest] mocha finished, failures=${failures}`);
      failures > 0 ? reject(new Error(`${failures} tests failed.`)) : resolve();
    });
  });
};
