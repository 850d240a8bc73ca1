// Phase B driver: opens code-server's workbench with extensionDevelopmentPath/extensionTestsPath in
// the payload URL, so VS Code runs test/e2e/suite (mocha run()) in its Node extension host, and
// reports the exit code through window.codeAutomationExit (the hook @vscode/test-web uses).
'use strict';
const { chromium } = require('playwright-core');
const util = require('util');

const URL_ = process.env.CS_URL || 'http://127.0.0.1:18123/';
const TIMEOUT = Number(process.env.ITEST_TIMEOUT_MS || 300000);

(async () => {
  const t0 = Date.now();
  const authority = new URL(URL_).host;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(process.env.EXT_DIR)], ['extensionTestsPath', remote(process.env.TESTS_PATH)]]);
  const url = `${URL_}?folder=${encodeURIComponent(process.env.WS_DIR)}&payload=${encodeURIComponent(payload)}`;
  const ctx = await chromium.launchPersistentContext(process.env.CHROME_PROFILE, {
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  let done;
  const counts = { passed: 0, failed: 0, pending: 0 };
  const exited = new Promise((r) => (done = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const a = Array.isArray(args) ? args : [args];
    if (typeof a[0] === 'string') a[0] = a[0].replace(/%c/g, '');
    const line = util.format(...a);
    if (type === 'error' && /getaddrinfo ENOTFOUND|^\s+at /.test(line) && !/AssertionError|tests failed/.test(line)) return;
    if (/Resolving connection token|Resolved connection token|Creating a socket|Service Worker|additional builtin|ChatSessionStore/.test(line)) return;
    console.log(`[ext-host ${type}] ${line}`);
    let m;
    if ((m = /^\s*(\d+) passing/m.exec(line))) counts.passed = Number(m[1]);
    if ((m = /^\s*(\d+) failing/m.exec(line))) counts.failed = Number(m[1]);
    if ((m = /^\s*(\d+) pending/m.exec(line))) counts.pending = Number(m[1]);
  });
  await page.exposeFunction('codeAutomationExit', (code) => done(code));
  await page.goto(url);
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT))]);
  console.log(`extension-host tests exit code: ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s (${counts.pending} pending)`);
  await ctx.close();
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
