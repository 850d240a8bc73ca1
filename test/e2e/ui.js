// Phase A: Playwright drives the real VS Code workbench (code-server) in Debian's chromium, with the
// packaged Copydesk .vsix installed. Checks squiggles, the Problems panel, a hover with the source
// passage, two quick fixes through the lightbulb menu, the report webview and the status bar, and
// measures keystroke-to-diagnostics latency (printed, not asserted), then opens an article copied
// from hostile scraped references (test/fixtures/e2e/references/scraped-hostile.*) and checks that
// nothing in them runs or fetches anything, in the hover and in the report webview, against a local
// beacon server that records every request. Screenshots go to SHOTS_DIR.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { chromium } = require('playwright-core');
const { RULES } = require('./expectations');

const URL = process.env.CS_URL || 'http://127.0.0.1:18123/';
const WS_DIR = process.env.WS_DIR;
const SHOTS = process.env.SHOTS_DIR;
const PROFILE = process.env.CHROME_PROFILE;
const T = Number(process.env.STEP_TIMEOUT_MS || 60000);
fs.mkdirSync(SHOTS, { recursive: true });
fs.rmSync(PROFILE, { recursive: true, force: true });

// The hostile fixtures say __BEACON__ where a host goes: point them at a local server that records
// every request it gets (a fetch, an image, a link prefetch from any frame would land here).
const BEACON_FILES = ['wire-scrape.md', 'references/scraped-hostile.md', 'references/scraped-hostile.html'];
const beaconHits = [];
const beacon = http.createServer((req, res) => {
  beaconHits.push(`${req.method} ${req.url}`);
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('beacon');
});

const results = [];
const pass = (name) => { results.push(true); console.log(`ok   - ${name}`); };
const fail = (name, err) => { results.push(false); console.log(`FAIL - ${name}: ${err && err.message ? err.message.split('\n').slice(0, 4).join(' / ') : err}`); };

(async () => {
  const t0 = Date.now();
  await new Promise((r) => beacon.listen(0, '127.0.0.1', r));
  const BEACON = `127.0.0.1:${beacon.address().port}`;
  // before the browser connects, so the extension host (and the language server) never saw the placeholder
  for (const f of BEACON_FILES) {
    const p = path.join(WS_DIR, f);
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').split('__BEACON__').join(BEACON));
  }
  console.log(`     beacon server on http://${BEACON}/`);
  const ctx = await chromium.launchPersistentContext(PROFILE, {
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  // what the browser tried: requests to the beacon from any page/frame/worker of the context,
  // console messages naming it (e.g. a CSP refusal), and any alert/confirm/prompt
  const browserHits = [];
  const consoleHits = [];
  const dialogs = [];
  ctx.on('request', (r) => { if (r.url().includes(BEACON)) browserHits.push(`${r.method()} ${r.url()} (${r.resourceType()})`); });
  page.on('console', (m) => { if (m.text().includes(BEACON) || m.text().includes('__copydeskPwned')) consoleHits.push(`${m.type()}: ${m.text().slice(0, 200)}`); });
  page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  let n = 0;
  const shot = async (name) => {
    const f = path.join(SHOTS, `${String(++n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: f });
    console.log(`     screenshot ${f}`);
  };
  const editor = () => page.locator('.editor-instance .monaco-editor .view-lines').first();
  const editorText = async () => (await editor().textContent()).replace(/\u00a0/g, ' ');
  const problemRows = () => page.locator('.markers-panel .monaco-list-row');
  // the code renders as copydesk(rule) with the parentheses drawn by CSS
  const rowFor = (rule) => problemRows().filter({ hasText: new RegExp(`copydesk\\(?${rule}\\)?\\s*\\[Ln`) });
  // A UI affordance can be there and still refuse input for a moment (the quick input closing and
  // reopening while focus moves, a notification taking focus): every wait on one is retried from a
  // clean state, with short attempts, before the step fails.
  const retry = async (what, fn, attempts = 4) => {
    let last;
    for (let i = 1; i <= attempts; i++) {
      try {
        return await fn(i === attempts ? T : Math.min(T, 15000));
      } catch (e) {
        last = e;
        console.log(`     retry ${i}/${attempts - 1} of ${what}: ${String(e && e.message).split('\n')[0]}`);
        await page.keyboard.press('Escape').catch(() => {});
        await page.waitForTimeout(500 * i);
      }
    }
    throw last;
  };
  // open the quick input with `keys`, type `text` and wait for a row holding `row` (Enter accepts it)
  // (only the part before Enter is retried: a command runs once)
  const quickInput = async (keys, text, row) => {
    const qi = page.locator('.quick-input-widget input');
    await retry(`${keys} ${text}`, async (t) => {
      await page.keyboard.press('Escape');
      await page.keyboard.press(keys);
      await qi.waitFor({ state: 'visible', timeout: t });
      await qi.fill(text, { timeout: t });
      if (row) await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor({ timeout: t });
    });
    await page.keyboard.press('Enter');
    await qi.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  };
  const command = (title) => quickInput('Control+Shift+P', `>${title}`, title);
  // open a workspace file through Quick Open, and wait for its text in the editor
  const openFile = (name, text) => retry(`open ${name}`, async (t) => {
    await quickInput('Control+P', name, name);
    await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: text }).waitFor({ timeout: t });
  }, 2);
  // put the cursor inside the first occurrence of `text` in the article (Go to Line/Column)
  const gotoText = async (text) => {
    const body = fs.readFileSync(path.join(WS_DIR, 'article.md'), 'utf8');
    const at = body.indexOf(text);
    if (at < 0) throw new Error(`"${text}" not in article.md`);
    const before = body.slice(0, at + 1).split('\n');
    await quickInput('Control+G', `:${before.length}:${before[before.length - 1].length + 1}`);
  };
  // open the lightbulb menu (Ctrl+.) and choose the action with this title by keyboard
  const quickFix = async (title, beforeApply) => {
    const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    await retry(`quick fix menu for "${title}"`, async (t) => {
      await page.keyboard.press('Control+.');
      await row.waitFor({ state: 'visible', timeout: t });
    });
    if (beforeApply) await beforeApply();
    for (let i = 0; i < 15; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label').catch(() => null);
      if (focused && focused.includes(title)) {
        await page.keyboard.press('Enter');
        return;
      }
      await page.keyboard.press('ArrowDown');
    }
    throw new Error(`could not focus "${title}" in the quick fix menu`);
  };
  // rows of a rule in the Problems panel, counted with the panel maximised (the list is virtualised)
  const countRows = async (rule) => {
    await command('View: Toggle Maximized Panel');
    try {
      await problemRows().first().waitFor({ timeout: T });
      await page.waitForTimeout(300);
      return await rowFor(rule).count();
    } finally {
      await command('View: Toggle Maximized Panel');
    }
  };
  const warnings = async () => {
    const l = (await page.locator('#status\\.problems a').first().getAttribute('aria-label').catch(() => '')) || '';
    const w = /Warnings?: (\d+)/i.exec(l);
    return w ? Number(w[1]) : /No Problems/i.test(l) ? 0 : -1;
  };

  const step = async (name, fn) => {
    try {
      await fn();
      pass(name);
      return true;
    } catch (e) {
      fail(name, e);
      await shot(`failure-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`).catch(() => {});
      return false;
    }
  };

  try {
    await step('workbench opens the fixture workspace', async () => {
      await page.goto(`${URL}?folder=${encodeURIComponent(WS_DIR)}`, { waitUntil: 'domcontentloaded', timeout: T });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: T });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'article.md' }).waitFor({ timeout: T });
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
      await openFile('article.md', 'Lantern Bay ferry strike');
      await shot('workbench');
    });

    await step('squiggles rendered (warning, info, hint)', async () => {
      await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'attached', timeout: T });
      await page.locator('.editor-instance .squiggly-info').first().waitFor({ state: 'attached', timeout: T });
      await page.locator('.editor-instance .squiggly-hint').first().waitFor({ state: 'attached', timeout: T });
      console.log(`     squiggles: ${await page.locator('.editor-instance .squiggly-warning').count()} warning, ${await page.locator('.editor-instance .squiggly-info').count()} info, ${await page.locator('.editor-instance .squiggly-hint').count()} hint`);
    });

    await step('Problems panel lists a row for every rule with an expectation (hints are not listed there)', async () => {
      await page.keyboard.press('Control+Shift+M');
      await problemRows().first().waitFor({ timeout: T });
      await command('View: Toggle Maximized Panel'); // every row visible (the list is virtualised)
      try {
        for (const [rule, exp] of Object.entries(RULES)) {
          if (exp.severity === 'hint') continue; // VS Code shows hints only as editor dots
          await rowFor(rule).first().waitFor({ timeout: T });
          const count = await rowFor(rule).count();
          console.log(`     ${rule}: ${count} row(s), e.g. ${(await rowFor(rule).first().innerText()).replace(/\s+/g, ' ').slice(0, 110)}`);
        }
        await shot('problems');
      } finally {
        await command('View: Toggle Maximized Panel');
      }
    });

    await step('status bar shows originality and sources', async () => {
      const item = page.locator('.statusbar-item', { hasText: /Copydesk: \d+% original · \d+ sources?/ }).first();
      await item.waitFor({ timeout: T });
      console.log(`     status bar: ${(await item.innerText()).trim()}`);
    });

    await step('hover over a copied passage shows the source passage and its outlet', async () => {
      const line = page.locator('.editor-instance .view-line', { hasText: 'Ferry crews on the Lantern Bay crossing' }).first();
      const box = await line.boundingBox();
      const hover = page.locator('.monaco-hover', { hasText: 'Copydesk · Copied passage' }).first();
      await retry('hover over the copied passage', async (t) => {
        await page.mouse.move(5, 850);
        await page.mouse.move(box.x + 60, box.y + box.height / 2);
        await page.mouse.move(box.x + 64, box.y + box.height / 2);
        await hover.waitFor({ state: 'visible', timeout: t });
      });
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      if (!/Article/.test(text) || !/Source/.test(text) || !/Ferry crews walk out over Lantern Bay subsidy/.test(text)) throw new Error(`hover text: ${text.slice(0, 300)}`);
      if (/<script|command:/.test(await hover.innerHTML())) throw new Error('hover contains markup it should not');
      console.log(`     hover: ${text.slice(0, 220)}`);
      await shot('hover');
      await page.mouse.move(5, 850);
    });

    if (RULES['fact-mismatch']) {
      await step('hover over a changed figure shows both sentences with the slot in bold', async () => {
        await page.locator('.tabs-container .tab', { hasText: 'article.md' }).first().click();
        await gotoText('14,000');
        await command('Show or Focus Hover');
        const hover = page.locator('.monaco-hover', { hasText: 'Copydesk · Fact mismatch' }).first();
        await hover.waitFor({ state: 'visible', timeout: T });
        const text = (await hover.innerText()).replace(/\s+/g, ' ');
        if (!/Source says “£40,000”; the article says “£14,000”/.test(text) || !/Repairs to the slipway will cost/.test(text)) throw new Error(`hover text: ${text.slice(0, 300)}`);
        const bold = await hover.locator('strong, b').allInnerTexts();
        if (!bold.some((b) => b.includes('£14,000')) || !bold.some((b) => b.includes('£40,000'))) throw new Error(`slots not highlighted: ${JSON.stringify(bold)}`);
        console.log(`     hover: ${text.slice(0, 220)}`);
        await shot('hover-fact-mismatch');
        await page.keyboard.press('Escape');
      });
    }

    for (const [rule, label, title, after] of [
      ['fact-mismatch', 'use the source value', 'Use the source\'s value: “£40,000”', 'Repairs to the slipway will cost £40,000.'],
      ['name-spelling', 'fix name', 'Replace with "Oduya"', 'Maren Oduya, who chairs'],
      ['unattributed-quote', 'add attribution', 'Attribute to union organiser Tomas Reyle', 'union organiser Tomas Reyle said.'],
    ]) {
      if (!RULES[rule] || !RULES[rule].fix) continue;
      await step(`quick fix "${label}" (${rule}) changes the text and clears the diagnostic`, async () => {
        const before = await countRows(rule);
        if (before < 1) throw new Error(`no ${rule} row before the fix`);
        await page.locator('.tabs-container .tab', { hasText: 'article.md' }).first().click();
        await gotoText(RULES[rule].fix.on);
        await quickFix(title, () => shot(`quickfix-${rule}`));
        await page.waitForFunction((s) => {
          const v = document.querySelector('.editor-instance .monaco-editor .view-lines');
          return v && v.textContent.replace(/\u00a0/g, ' ').includes(s);
        }, after, { timeout: T });
        let rows = before;
        for (const t1 = Date.now(); Date.now() - t1 < T && rows >= before; ) rows = await countRows(rule);
        if (rows >= before) throw new Error(`${rule} rows still ${rows}`);
        console.log(`     ${rule} rows: ${before} → ${rows}`);
      });
    }
    await shot('after-fixes');

    await step('report webview shows originality and a bar per source', async () => {
      await command('Copydesk: Show Report');
      const frame = page.frameLocator('iframe.webview').frameLocator('#active-frame');
      const orig = frame.locator('#originality');
      await orig.waitFor({ timeout: T });
      const o = await orig.innerText();
      if (!/^\d+% original$/.test(o.trim())) throw new Error(`originality: ${o}`);
      const src = frame.locator('.source', { hasText: 'Coastline Wire' }).first();
      await src.waitFor({ timeout: T });
      const fig = await src.locator('.figure').innerText();
      if (!/^\d+ words · \d+%$/.test(fig.trim())) throw new Error(`source figure: ${fig}`);
      const groups = await frame.locator('details.rule').count();
      console.log(`     report: ${o}; Coastline Wire ${fig}; ${groups} rule groups`);
      await shot('report');
    });

    await step('keystroke-to-diagnostics latency (printed, not asserted)', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.locator('.tabs-container .tab', { hasText: 'article.md' }).first().click();
      await editor().click({ position: { x: 5, y: 5 }, force: true });
      const sentence = 'The council confirmed that the revised transport budget protects school bus routes for the next three years while the ferry service is reviewed by an independent panel';
      const samples = [];
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        const base = await warnings();
        if (base < 0) throw new Error(`cannot read the warning count: ${await page.locator('#status\\.problems a').first().getAttribute('aria-label')}`);
        await page.keyboard.insertText(sentence);
        const t = Date.now();
        await page.keyboard.type('.');
        await page.waitForFunction((b) => {
          const a = document.querySelector('#status\\.problems a');
          const m = a && /Warnings?: (\d+)/i.exec(a.getAttribute('aria-label') || '');
          return m && Number(m[1]) > b;
        }, base, { timeout: T, polling: 10 });
        samples.push(Date.now() - t);
        // remove the line again and wait until the count is back
        await page.keyboard.press('Control+L'); // the whole logical line (the editor wraps)
        await page.keyboard.press('Delete');
        await page.keyboard.press('Backspace');
        await page.waitForFunction((b) => {
          const a = document.querySelector('#status\\.problems a');
          const m = a && /Warnings?: (\d+)/i.exec(a.getAttribute('aria-label') || '');
          return m && Number(m[1]) <= b;
        }, base, { timeout: T, polling: 10 });
      }
      const sorted = samples.slice().sort((a, b) => a - b);
      console.log(`     LATENCY keystroke → diagnostics in VS Code (debounceMs 150): ${samples.join(' ms, ')} ms; median ${sorted[1]} ms`);
      await shot('latency');
    });

    // ---------------------------------------------------------------- hostile references
    // wire-scrape.md copies a passage from references/scraped-hostile.md (markup in the body and in
    // the title/outlet front matter) and one from references/scraped-hostile.html (read through
    // Readability: escaped markup in the text and the meta tags). Their text is shown in the hover and
    // the report; none of it may run, load, fetch, open a terminal or raise a dialog.
    const HOSTILE = {
      md: {
        at: 'restored lighthouse',
        texts: [
          `<script>window.__copydeskPwned='script';fetch('http://${BEACON}/script-fetch');alert('script')</script>`,
          `<img src="http://${BEACON}/img.png" onerror="window.__copydeskPwned='img';alert('img')">`,
          "[open the logbook](javascript:window.__copydeskPwned='js';alert('js'))",
          '[run](command:workbench.action.terminal.new)',
          '<a href="command:workbench.action.terminal.new">terminal</a>',
          `![](http://${BEACON}/beacon.png)`,
          `<img src=http://${BEACON}/outlet.png onerror=window.__copydeskPwned='outlet'> Tidewater Scrape [o](javascript:alert('outlet'))`,
          `Gannet Point light <script>window.__copydeskPwned='title';fetch('http://${BEACON}/title-script')</script> reopens [t](command:workbench.action.terminal.new)`,
        ],
      },
      html: {
        at: 'old boatyard',
        texts: [
          `<script>window.__copydeskPwned='htmltext';fetch('http://${BEACON}/html-text')</script>`,
          `<img src=http://${BEACON}/html-img.png onerror=alert('htmlimg')>`,
          '[mend](command:workbench.action.terminal.new)',
          `Estuary Scrape <script>fetch('http://${BEACON}/site-name')</script>`,
          `Gull Reach boatyard saved <img src=http://${BEACON}/og.png onerror=alert('og')> [x](command:workbench.action.terminal.new)`,
        ],
      },
    };
    const collapse = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
    // the marker any payload would set, read in every frame of the page (workbench, webview host, webview)
    const markers = async () => {
      const set = [];
      let read = 0;
      for (const f of page.frames()) {
        const v = await f.evaluate(() => (typeof window.__copydeskPwned === 'undefined' ? null : String(window.__copydeskPwned))).then((x) => { read++; return x; }, () => null);
        if (v !== null) set.push(`${f.url().slice(0, 80)} → ${v}`);
      }
      return { set, read, frames: page.frames().length };
    };
    // nothing fetched, no dialog, no marker, no terminal: checked after each hover and after the report
    // (returns the problems; the steps collect every problem before failing, so a red run says all it saw)
    const assertNothingRan = async (where) => {
      await page.waitForTimeout(1500); // time for a fetch, an image load or an error handler to fire
      const { set, read, frames } = await markers();
      const terminals = await page.locator('.terminal-wrapper, .xterm').count();
      console.log(`     after ${where}: beacon server ${beaconHits.length} request(s), browser requests to it ${browserHits.length}, console mentions ${consoleHits.length}, dialogs ${dialogs.length}, marker set in ${set.length} of ${read} frames read (${frames} frames), terminals ${terminals}`);
      const bad = [];
      if (beaconHits.length) bad.push(`beacon server got ${beaconHits.join(', ')}`);
      if (browserHits.length) bad.push(`the browser requested ${browserHits.join(', ')}`);
      if (consoleHits.length) bad.push(`console: ${consoleHits.join(' | ')}`);
      if (dialogs.length) bad.push(`dialogs: ${dialogs.join(', ')}`);
      if (set.length) bad.push(`window.__copydeskPwned set in ${set.join(', ')}`);
      if (terminals) bad.push(`${terminals} terminal element(s) opened`);
      return bad;
    };
    // centre of the first character of `needle` on a rendered editor line
    const pointAt = (needle) => page.evaluate((n) => {
      for (const line of document.querySelectorAll('.editor-instance .monaco-editor .view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let text = '';
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          nodes.push([t, text.length]);
          text += t.nodeValue;
        }
        const at = text.replace(/\u00a0/g, ' ').indexOf(n);
        if (at < 0) continue;
        for (const [t, off] of nodes) {
          if (at < off || at >= off + t.nodeValue.length) continue;
          const r = document.createRange();
          r.setStart(t, at - off);
          r.setEnd(t, at - off + 1);
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
      return null;
    }, needle);
    const BAD_ELEMENTS = 'script, img, iframe, object, embed, video, audio, source, link, style, form, [onerror], [onload], [onclick], [srcset]';
    const BAD_HREF = /^\s*(command|javascript|data|vscode|vbscript):/i;

    await step('hostile article opens (copied from scraped references with markup in them)', async () => {
      await page.keyboard.press('Escape');
      await page.locator('.tabs-container .tab', { hasText: 'article.md' }).first().click(); // the first editor group
      await openFile('wire-scrape.md', 'Gannet Point');
      await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'attached', timeout: T });
      await page.waitForTimeout(500);
    });

    for (const [kind, h] of Object.entries(HOSTILE)) {
      await step(`hover over a passage copied from the hostile .${kind} reference shows its markup as inert text`, async () => {
        await page.mouse.move(5, 850);
        await page.locator('.monaco-hover', { hasText: 'Copydesk · Copied passage' }).first().waitFor({ state: 'hidden', timeout: T }).catch(() => {});
        const p = await pointAt(h.at);
        if (!p) throw new Error(`"${h.at}" is not on a rendered line`);
        const hover = page.locator('.monaco-hover', { hasText: 'Copydesk · Copied passage' }).first();
        await retry(`hover over the .${kind} passage`, async (t) => {
          await page.mouse.move(5, 850);
          await page.mouse.move(p.x + 20, p.y);
          await page.mouse.move(p.x + 24, p.y);
          await hover.waitFor({ state: 'visible', timeout: t });
        });
        const text = collapse(await hover.innerText());
        const problems = [];
        const missing = h.texts.filter((t) => !text.includes(t));
        if (missing.length) problems.push(`${missing.length} of ${h.texts.length} payloads not shown as text: ${missing.join(' ‖ ')}`);
        const dom = await hover.evaluate((el, sel) => ({
          bad: Array.from(el.querySelectorAll(sel)).map((e) => e.outerHTML.slice(0, 120)),
          links: Array.from(el.querySelectorAll('a')).map((a) => [a.getAttribute('href') || '', a.getAttribute('data-href') || '', a.textContent]),
        }), BAD_ELEMENTS);
        if (dom.bad.length) problems.push(`live elements in the hover: ${dom.bad.join(' ‖ ')}`);
        const badLinks = dom.links.filter(([href, dataHref]) => [href, dataHref].some((u) => BAD_HREF.test(u) || u.includes(BEACON)));
        if (badLinks.length) problems.push(`live links in the hover: ${JSON.stringify(badLinks)}`);
        console.log(`     hover (.${kind}): ${h.texts.length - missing.length} of ${h.texts.length} payloads shown as text; ${dom.bad.length} live elements; links: ${JSON.stringify(dom.links.map(([href, d, t]) => `${t} → ${href || d}`))}`);
        await shot(`hostile-hover-${kind}`);
        // a live command link exists only in a broken build: click it, so that its effect (a terminal) is checked too
        const live = hover.locator('a[href^="command:" i], a[data-href^="command:" i]').first();
        if (await live.count()) {
          await live.scrollIntoViewIfNeeded({ timeout: 5000 }).catch(() => {});
          await live.click({ timeout: 5000 }).then(() => console.log('     clicked a live command link in the hover'), (e) => console.log(`     could not click the live command link: ${e.message.split('\n')[0]}`));
          await page.waitForTimeout(1000);
        }
        problems.push(...(await assertNothingRan(`hovering the .${kind} passage`)));
        await page.mouse.move(5, 850);
        if (problems.length) throw new Error(problems.join('; '));
      });
    }

    await step('report webview shows the hostile reference text as text and runs none of it', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'wire-scrape.md' }).first().click();
      await command('Copydesk: Show Report');
      const frame = page.frameLocator('iframe.webview').frameLocator('#active-frame');
      await frame.locator('.source', { hasText: 'Tidewater Scrape' }).first().waitFor({ timeout: T });
      await frame.locator('.source', { hasText: 'Estuary Scrape' }).first().waitFor({ timeout: T });
      const wf = await (await frame.locator('#app').elementHandle()).ownerFrame();
      const info = await wf.evaluate((sel) => ({
        marker: typeof window.__copydeskPwned,
        scripts: Array.from(document.querySelectorAll('script')).map((s) => s.getAttribute('src') || `inline: ${s.textContent.slice(0, 60)}`),
        // in the report's DOM nothing live at all; in the whole page (VS Code adds its own style and shim) no media or handlers
        bad: [...document.getElementById('app').querySelectorAll(sel), ...document.querySelectorAll('img, iframe, object, embed, video, audio, [onerror], [onload], [onclick]')].map((e) => e.outerHTML.slice(0, 120)),
        hrefs: Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href')),
        text: document.body.innerText,
      }), BAD_ELEMENTS);
      const text = collapse(info.text);
      const all = [...HOSTILE.md.texts, ...HOSTILE.html.texts];
      const missing = all.filter((t) => !text.includes(t));
      const problems = [];
      if (missing.length) problems.push(`${missing.length} of ${all.length} payloads not shown as text: ${missing.join(' ‖ ')}`);
      if (info.marker !== 'undefined') problems.push(`window.__copydeskPwned is ${info.marker} in the webview`);
      // the webview host injects one inline script of its own (the acquireVsCodeApi shim); besides it only report.js
      const ours = info.scripts.filter((s) => !/^inline: \s*globalThis\.acquireVsCodeApi = /.test(s));
      if (ours.length !== 1 || !/\/media\/report\.js$/.test(ours[0]) || info.scripts.length > 2) problems.push(`scripts in the webview: ${info.scripts.join(' ‖ ')}`);
      if (info.bad.length) problems.push(`live elements in the webview: ${info.bad.join(' ‖ ')}`);
      const badHrefs = info.hrefs.filter((h) => h !== '#');
      if (badHrefs.length) problems.push(`links other than # in the webview: ${badHrefs.join(' ‖ ')}`);
      console.log(`     report: ${all.length - missing.length} of ${all.length} payloads shown as text; scripts: ${info.scripts.map((s) => (/^inline: \s*globalThis\.acquireVsCodeApi = /.test(s) ? 'VS Code acquireVsCodeApi shim' : s.startsWith('inline: ') ? s.replace(/\s+/g, ' ').slice(0, 50) : s.split('/').pop())).join(', ')}; ${info.bad.length} live elements; ${info.hrefs.length} links, ${badHrefs.length} not "#"`);
      await shot('hostile-report');
      problems.push(...(await assertNothingRan('the report')));
      if (problems.length) throw new Error(problems.join('; '));
    });
  } catch (e) {
    fail('unexpected', e);
    if (consoleErrors.length) console.log('browser console errors:\n  ' + consoleErrors.slice(0, 10).join('\n  '));
  } finally {
    await ctx.close().catch(() => {});
    beacon.close();
  }
  const passed = results.filter(Boolean).length;
  const failed = results.length - passed;
  console.log(`phase A wall time ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
})();
