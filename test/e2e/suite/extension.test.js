// Copydesk in the extension host: diagnostics, code actions, edits, settings and reference
// watching through the public VS Code API. No mocks: the real extension, the real language server.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { RULES, NOTES, REQUIRED } = require('../expectations');

const EXT_ID = 'copydesk.copydesk';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(fn, ms = 30000, what = 'condition') {
  const t0 = Date.now();
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

const folder = () => vscode.workspace.workspaceFolders[0].uri;
const fileUri = (rel) => vscode.Uri.joinPath(folder(), rel);
const copydeskDiags = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'copydesk');
const rule = (d) => (typeof d.code === 'object' ? d.code.value : d.code);

async function open(rel) {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Diagnostics once they exist and are for the document's current text (stable for 600 ms). */
async function settled(doc, pred = (ds) => ds.length > 0, what = 'diagnostics') {
  let prev = '';
  let since = Date.now();
  return until(() => {
    const ds = copydeskDiags(doc.uri);
    const key = JSON.stringify(ds.map((d) => [rule(d), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]));
    if (key !== prev) {
      prev = key;
      since = Date.now();
      return false;
    }
    return pred(ds) && Date.now() - since > 600 ? ds : false;
  }, 45000, what);
}

async function original(rel) {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(process.env.COPYDESK_FIXTURES || path.join(__dirname, '..', '..', 'fixtures', 'e2e'), rel)));
  return Buffer.from(bytes).toString('utf8');
}

/** Put the document back to the fixture text. */
async function reset(doc, rel) {
  const text = await original(rel);
  if (doc.getText() === text) return;
  const e = new vscode.WorkspaceEdit();
  e.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(e));
  await doc.save();
}

describe('Copydesk extension (extension host, real VS Code)', function () {
  let api;
  let registered;
  let doc;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `${EXT_ID} installed`);
    doc = await open('article.md');
    await until(() => ext.isActive, 30000, 'activation');
    api = ext.exports;
    await api.ready();
    const report = await until(() => api.report(doc.uri).catch(() => null), 30000, 'report');
    registered = report.rules.map((r) => r.id);
    console.log(`      rules registered: ${registered.join(', ')}`);
    console.log(`      rules with expectations: ${registered.filter((r) => RULES[r]).join(', ')}`);
  });

  it('every required rule is registered', () => {
    for (const r of REQUIRED) assert.ok(registered.includes(r), r);
  });

  it('diagnostics for article.md equal the expected set, per registered rule', async () => {
    const ds = await settled(doc, (x) => x.some((d) => rule(d) === 'copied-passage'));
    const actual = {};
    for (const d of ds) (actual[rule(d)] ??= []).push(doc.getText(d.range));
    const unchecked = Object.keys(actual).filter((r) => !RULES[r]);
    assert.deepStrictEqual(unchecked, [], `diagnostics of rules without an expectation in test/e2e/expectations.js: ${unchecked.join(', ')}`);
    for (const r of registered) {
      if (!RULES[r] || RULES[r].file !== 'article.md') continue;
      assert.deepStrictEqual((actual[r] || []).slice().sort(), RULES[r].texts.slice().sort(), `${r} findings`);
    }
  });

  it('diagnostic shape: source, code with docs link, related source location, data with version', async () => {
    const ds = await settled(doc);
    for (const d of ds) {
      assert.strictEqual(d.source, 'copydesk');
      assert.strictEqual(typeof d.code, 'object');
      assert.match(d.code.target.toString(), /docs\/rules\/[a-z-]+\.md$/);
      assert.strictEqual(d.code.target.toString().endsWith(`${d.code.value}.md`), true);
    }
    const cp = ds.find((d) => rule(d) === 'copied-passage' && doc.getText(d.range).startsWith('Ferry crews'));
    assert.ok(cp && cp.relatedInformation && cp.relatedInformation.length, 'related information');
    const loc = cp.relatedInformation[0].location;
    assert.ok(loc.uri.fsPath.endsWith(path.join('references', 'wire-ferry.md')), loc.uri.fsPath);
    const src = await vscode.workspace.openTextDocument(loc.uri);
    assert.ok(src.getText(loc.range).startsWith('Ferry crews on the Lantern Bay crossing'), src.getText(loc.range));
  });

  it('notes.txt (plain text): copied passage from the press release', async () => {
    const notes = await open(NOTES.file);
    const ds = await settled(notes, (x) => x.some((d) => rule(d) === NOTES.rule));
    const d = ds.find((x) => rule(x) === NOTES.rule);
    assert.strictEqual(notes.getText(d.range), NOTES.text);
    assert.ok(d.relatedInformation[0].location.uri.fsPath.endsWith(NOTES.source));
    await vscode.window.showTextDocument(doc);
  });

  it('hover shows the source passage side by side', async () => {
    const ds = await settled(doc);
    const cp = ds.find((d) => rule(d) === 'copied-passage');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, cp.range.start.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\| Article \| Source \|/);
    assert.match(text, /Coastline Wire/);
    const md = hovers.flatMap((h) => h.contents).find((c) => typeof c !== 'string' && /Copydesk/.test(c.value));
    assert.ok(md, 'copydesk hover');
    assert.notStrictEqual(md.isTrusted, true, 'hover markdown is not trusted');
  });

  it('status information: originality and sources from the server', async () => {
    const r = await api.report(doc.uri);
    assert.ok(r.originality > 0 && r.originality < 1, String(r.originality));
    assert.ok(r.sources.some((s) => s.outlet === 'Coastline Wire'));
    const last = await until(() => api.lastChecked(doc.uri), 10000, 'checked notification');
    assert.strictEqual(last.state, 'ok');
  });

  describe('quick fixes', () => {
    for (const [r, exp] of Object.entries(RULES)) {
      if (!exp.fix) continue;
      it(`${r}: "${exp.fix.title.source}" is offered and applying it gives the expected text`, async function () {
        if (!registered.includes(r)) this.skip();
        await reset(doc, exp.file);
        const ds = await settled(doc, (x) => x.some((d) => rule(d) === r));
        const d = ds.find((x) => rule(x) === r && doc.getText(x.range).includes(exp.fix.on));
        assert.ok(d, `a ${r} diagnostic on "${exp.fix.on}"`);
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
        const titles = actions.map((a) => a.title);
        const action = actions.find((a) => exp.fix.title.test(a.title) && a.edit);
        assert.ok(action, `fix ${exp.fix.title} among: ${titles.join(' | ')}`);
        assert.ok(titles.some((t) => /^Ignore this .+ “.+” \(\.copydesk\/ignore\.json\)$/.test(t)), `an ignore action naming the finding: ${titles.join(' | ')}`);
        assert.ok(await vscode.workspace.applyEdit(action.edit), 'edit applied');
        for (const s of exp.fix.after) assert.ok(doc.getText().includes(s), `text now contains ${JSON.stringify(s)}`);
        if (exp.fix.gone) {
          await settled(doc, (x) => !x.some((y) => rule(y) === r && doc.getText(y.range).includes(exp.fix.on.slice(0, 8))), `${r} diagnostic gone`);
        }
      });
    }

    it('the preferred fix is marked isPreferred', async () => {
      await reset(doc, 'article.md');
      const ds = await settled(doc, (x) => x.some((d) => rule(d) === 'name-spelling' || rule(d) === 'copied-passage'));
      let preferred = 0;
      for (const d of ds) {
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
        preferred += actions.filter((a) => a.isPreferred).length;
      }
      assert.ok(preferred > 0);
    });

    it("turn a copied passage into a credited quote (core's fix)", async () => {
      await reset(doc, 'article.md');
      const ds = await settled(doc, (x) => x.some((d) => rule(d) === 'copied-passage'));
      const d = ds.find((x) => rule(x) === 'copied-passage' && doc.getText(x.range).startsWith('Ferry crews'));
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const a = actions.find((x) => x.title === 'Quote it and credit Coastline Wire');
      assert.ok(a, actions.map((x) => x.title).join(' | '));
      assert.ok(await vscode.workspace.applyEdit(a.edit));
      assert.ok(/“Ferry crews on the Lantern Bay crossing[^”]*(,” according to Coastline Wire\.|” \(Coastline Wire\))/.test(doc.getText()), doc.getText().slice(0, 300));
    });

    it('a fix computed for an older version is refused', async () => {
      await reset(doc, 'article.md');
      const cfg = vscode.workspace.getConfiguration('copydesk');
      await settled(doc, (x) => x.some((d) => rule(d) === 'copied-passage'));
      await cfg.update('debounceMs', 5000, vscode.ConfigurationTarget.Workspace);
      try {
        await sleep(500);
        const e = new vscode.WorkspaceEdit();
        e.insert(doc.uri, new vscode.Position(0, 0), 'Draft. ');
        assert.ok(await vscode.workspace.applyEdit(e));
        const d = copydeskDiags(doc.uri).find((x) => rule(x) === 'copied-passage');
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
        const stale = actions.filter((a) => a.edit && /^(Quote it and credit|Credit|Turn into a quote)/.test(a.title));
        assert.strictEqual(stale.length, 0, `stale fixes offered: ${actions.map((a) => a.title).join(' | ')}`);
        console.log(`      after an edit, before the re-check: ${actions.map((a) => `${a.title}${a.disabled ? ` (disabled: ${a.disabled.reason})` : ''}`).join(' | ') || '(no actions)'}`);
      } finally {
        await cfg.update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('ignore this finding: persisted in .copydesk/ignore.json, not in the article', async () => {
      await reset(doc, 'article.md');
      const ds = await settled(doc, (x) => x.some((d) => rule(d) === 'copied-passage'));
      const d = ds.find((x) => rule(x) === 'copied-passage' && doc.getText(x.range).startsWith('Ferry crews'));
      const flagged = doc.getText(d.range);
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const a = actions.find((x) => x.title === 'Ignore this copied passage “Ferry crews on the Lantern…” (.copydesk/ignore.json)' && x.command);
      assert.ok(a, actions.map((x) => x.title).join(' | '));
      const before = doc.getText();
      await vscode.commands.executeCommand(a.command.command, ...a.command.arguments);
      const json = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(fileUri('.copydesk/ignore.json'))).toString('utf8'));
      assert.strictEqual(json.articles['article.md'].findings.length, 1);
      await settled(doc, (x) => !x.some((y) => rule(y) === 'copied-passage' && doc.getText(y.range) === flagged), 'ignored finding gone');
      assert.strictEqual(doc.getText(), before, 'article untouched');
      await vscode.workspace.fs.delete(fileUri('.copydesk/ignore.json'));
      await settled(doc, (x) => x.some((y) => rule(y) === 'copied-passage' && doc.getText(y.range) === flagged), 'finding back after deleting ignore.json');
    });
  });

  it('a settings change re-checks (rule severity off, then back)', async () => {
    await reset(doc, 'article.md');
    const r = registered.includes('weasel-attribution') ? 'weasel-attribution' : 'copied-passage';
    await settled(doc, (x) => x.some((d) => rule(d) === r));
    const cfg = vscode.workspace.getConfiguration('copydesk');
    await cfg.update(`severity.${r}`, 'off', vscode.ConfigurationTarget.Workspace);
    try {
      await settled(doc, (x) => !x.some((d) => rule(d) === r), `${r} gone`);
    } finally {
      await cfg.update(`severity.${r}`, undefined, vscode.ConfigurationTarget.Workspace);
    }
    await settled(doc, (x) => x.some((d) => rule(d) === r), `${r} back`);
  });

  it('a new file in references/ is picked up', async () => {
    const extra = 'The harbour master warned that the northern slipway needs urgent repairs before the first winter storms arrive next month.';
    const untitledish = fileUri('followup.txt');
    await vscode.workspace.fs.writeFile(untitledish, Buffer.from(`Follow-up. ${extra}\n`));
    const fdoc = await open('followup.txt');
    await sleep(1500);
    assert.ok(!copydeskDiags(fdoc.uri).some((d) => d.relatedInformation && d.relatedInformation[0].location.uri.fsPath.endsWith('harbour-master.txt')));
    await vscode.workspace.fs.writeFile(fileUri('references/harbour-master.txt'), Buffer.from(`Harbour notice. ${extra}\n`));
    const ds = await settled(fdoc, (x) => x.some((d) => d.relatedInformation && d.relatedInformation[0].location.uri.fsPath.endsWith('harbour-master.txt')), 'match against the new reference');
    assert.ok(ds.length >= 1);
    await vscode.window.showTextDocument(doc);
  });
  it('Compare with Source opens the source beside the article with the passage selected', async () => {
    await reset(doc, 'article.md');
    const ds = await settled(doc, (x) => x.some((d) => rule(d) === 'copied-passage'));
    const d = ds.find((x) => rule(x) === 'copied-passage' && doc.getText(x.range).startsWith('Ferry crews'));
    const ed = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(d.range.start.translate(0, 3), d.range.start.translate(0, 3)) });
    assert.ok(ed);
    await vscode.commands.executeCommand('copydesk.compareWithSource');
    const src = await until(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath.endsWith('wire-ferry.md')), 10000, 'source editor');
    assert.notStrictEqual(src.viewColumn, ed.viewColumn, 'beside the article');
    assert.ok(src.document.getText(src.selection).startsWith('Ferry crews on the Lantern Bay crossing'), src.document.getText(src.selection));
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  });

  it('Show Report opens the report webview; the Quotes data lists speakers', async () => {
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('copydesk.showReport');
    await until(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /^Copydesk: article\.md$/.test(t.label)), 10000, 'report tab');
    const q = await api.quotes(doc.uri);
    assert.strictEqual(q.available, true);
    assert.ok(q.quotes.some((x) => x.text.startsWith('We will not let the crossings') && /Odouya|Oduya/.test(x.speaker || '')), JSON.stringify(q.quotes));
    assert.ok(q.quotes.some((x) => x.text.startsWith('Nobody asked the crews') && !x.speaker));
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });

  it('hostile references (wire-scrape.md): the hovers quoting them are untrusted, no HTML, and escape every payload', async () => {
    const wdoc = await open('wire-scrape.md');
    const fromHostile = (d) => rule(d) === 'copied-passage' && /scraped-hostile\.(md|html)$/.test(d.relatedInformation?.[0]?.location.uri.fsPath || '');
    const ds = await settled(wdoc, (x) => x.filter(fromHostile).length >= 2, 'copied passages from both hostile references');
    const hostile = ds.filter(fromHostile);
    assert.deepStrictEqual(hostile.map((d) => path.basename(d.relatedInformation[0].location.uri.fsPath)).sort(), ['scraped-hostile.html', 'scraped-hostile.md']);
    for (const d of hostile) {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', wdoc.uri, d.range.start.translate(0, 2));
      const mds = hovers.flatMap((h) => h.contents).filter((c) => typeof c !== 'string' && /Copydesk · Copied passage/.test(c.value));
      assert.strictEqual(mds.length, 1, 'one copydesk hover');
      const md = mds[0];
      assert.notStrictEqual(md.isTrusted, true, 'hover markdown is not trusted');
      assert.notStrictEqual(md.supportHtml, true, 'hover markdown does not render HTML');
      // what would render as markup: the markdown with every backslash-escaped character removed
      const live = md.value.replace(/\\[\s\S]/g, '');
      assert.ok(!/</.test(live), `raw HTML in the hover: ${md.value.slice(0, 300)}`);
      assert.ok(!/!\[/.test(live), 'an image in the hover');
      assert.ok(!/(command|javascript|data|https?):/i.test(live.replace(/\]\(file:\/\/\/[^)\s]*\)/g, '')), `a live scheme in the hover: ${live.slice(0, 300)}`);
      for (const m of live.matchAll(/\]\(([^)]*)\)/g)) assert.match(m[1], /^file:\/\/\//, `link to ${m[1]}`);
      // the payloads are shown (escaped), not dropped
      assert.match(md.value, /\\<script>window\.\\_\\_copydeskPwned/);
      assert.match(md.value, /command\\:workbench\.action\.terminal\.new/);
    }
    await vscode.window.showTextDocument(doc);
  });
});
