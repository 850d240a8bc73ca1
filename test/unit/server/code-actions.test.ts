import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { check } from '../../../src/core/engine';
import { LineIndex } from '../../../src/core/positions';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { createCodeActions, findingLabel } from '../../../src/server/code-actions';
import { toDiagnostic } from '../../../src/server/diagnostics';
import type { DiagnosticData } from '../../../src/shared/protocol';

const REF = 'Harbour report\n\nFerry crews on the Lantern Bay crossing walked off the job on Thursday after talks over night shifts collapsed, the union said.';
const ARTICLE = 'Strike at the harbour\n\nFerry crews on the Lantern Bay crossing walked off the job on Thursday after talks over night shifts collapsed. Passengers waited.\n';
const index = ReferenceIndex.build([{ id: 'wire.md', path: 'wire.md', text: REF, meta: { outlet: 'Coastline Wire' } }]);

/** The article's findings as the server turns them into diagnostics, for a document at `version`. */
function diagnosticsOf(uri: string, version: number): Diagnostic[] {
  const lines = new LineIndex(ARTICLE);
  return check(ARTICLE, index, {}).findings.map((f) => toDiagnostic(f, lines, version, uri, undefined));
}

function setup(uri: string, opts: { clientAcceptsNames?: boolean; own?: Diagnostic[] } = {}) {
  const doc = TextDocument.create(uri, 'markdown', 3, ARTICLE);
  const actions = createCodeActions({
    document: (u) => (u === uri ? doc : undefined),
    clientAcceptsNames: () => !!opts.clientAcceptsNames,
    diagnostics: (u) => (u === uri ? opts.own : undefined),
  });
  return { doc, actions };
}

describe('server/code-actions: quick fixes built from explicit dependencies', () => {
  const uri = 'file:///work/article.md';

  it("offers core's quote fix (versioned), ignore finding and ignore source; no second quote fix", () => {
    const { doc, actions } = setup(uri);
    const copied = diagnosticsOf(uri, 3).find((d) => d.code === 'copied-passage')!;
    assert.ok(copied, 'the article copies the wire');
    const got = actions(uri, copied.range, [copied]);
    assert.deepEqual(got.map((a) => a.title), [
      'Quote it and credit Coastline Wire',
      'Ignore this copied passage “Ferry crews on the Lantern…” (.copydesk/ignore.json)',
      'Ignore source “wire.md” for this article',
    ]);
    assert.ok(got.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0] === copied));
    const quote = got[0]!;
    const change = quote.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: { range: never; newText: string }[] };
    assert.deepEqual(change.textDocument, { uri, version: 3 });
    const quoted = TextDocument.applyEdits(doc, change.edits);
    assert.match(quoted, /“Ferry crews on the Lantern Bay crossing .* collapsed,” according to Coastline Wire\. Passengers waited\./);
    const data = copied.data as DiagnosticData;
    assert.deepEqual(got[1]!.command!.arguments, [{ uri, fingerprint: data.fingerprint }]);
    assert.match(data.fingerprint, /^copied-passage:/);
    assert.deepEqual(got[2]!.command!.arguments, [{ uri, sourceId: 'wire.md' }]);
  });

  it('an unsaved document ignores for the session', () => {
    const untitled = 'untitled:Untitled-1';
    const { actions } = setup(untitled);
    const copied = diagnosticsOf(untitled, 3).find((d) => d.code === 'copied-passage')!;
    const titles = actions(untitled, copied.range, [copied]).map((a) => a.title);
    assert.ok(titles.includes('Ignore this copied passage “Ferry crews on the Lantern…” (this session)'), titles.join(' | '));
    assert.ok(titles.includes('Ignore source “wire.md” for this article (this session)'), titles.join(' | '));
  });

  it('a diagnostic of an older version gets one disabled action and no edit', () => {
    const { actions } = setup(uri);
    const copied = diagnosticsOf(uri, 2).find((d) => d.code === 'copied-passage')!;
    const got = actions(uri, copied.range, [copied]);
    assert.equal(got.length, 1);
    assert.equal(got[0]!.edit, undefined);
    assert.equal(got[0]!.disabled?.reason, 'computed for version 2, the document is at version 3');
  });

  it('only diagnostics the range touches, only copydesk ones, only open documents', () => {
    const { actions } = setup(uri);
    const copied = diagnosticsOf(uri, 3).find((d) => d.code === 'copied-passage')!;
    const title = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
    assert.deepEqual(actions(uri, title, [copied]), []);
    assert.deepEqual(actions(uri, copied.range, [{ ...copied, source: 'other' }]), []);
    assert.deepEqual(actions('file:///work/closed.md', copied.range, [copied]), []);
    // a cursor (empty range) at the diagnostic's end still touches it
    assert.equal(actions(uri, { start: copied.range.end, end: copied.range.end }, [copied]).length, 3);
  });

  it("a name finding: accept it through the server's command, or the client's when it has one", () => {
    const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } };
    const data: DiagnosticData = { uri, version: 3, rule: 'name-spelling', fingerprint: 'name-spelling:x', text: ' Brandt ', fixes: [] };
    const d: Diagnostic = { range, message: 'm', source: 'copydesk', code: 'name-spelling', data };
    const server = setup(uri).actions(uri, range, [d]);
    assert.equal(server[0]!.title, 'Accept “Brandt” as a house spelling (.copydesk/names.txt)');
    assert.deepEqual(server[0]!.command, { title: server[0]!.title, command: 'copydesk.server.acceptName', arguments: [{ uri, name: 'Brandt', target: 'workspace' }] });
    const client = setup(uri, { clientAcceptsNames: true }).actions(uri, range, [d]);
    assert.equal(client[0]!.title, 'Accept “Brandt” as a house spelling…');
    assert.deepEqual(client[0]!.command, { title: client[0]!.title, command: 'copydesk.acceptName', arguments: [{ uri, name: 'Brandt' }] });
    assert.equal(client[1]!.title, 'Ignore this spelling “Brandt” (.copydesk/ignore.json)');
  });

  it('a diagnostic echoed with byte columns (Neovim ≤ 0.10 on a line with curly quotes) keeps its actions and label', () => {
    const copied = diagnosticsOf(uri, 3).find((d) => d.code === 'copied-passage')!;
    const { start, end } = copied.range;
    // the client's copy: every column moved right, as UTF-8 bytes count two more for a curly quote
    const echoed = { ...copied, range: { start: { line: start.line, character: start.character + 2 }, end: { line: end.line, character: end.character + 2 } } };
    const cursor = { start, end: start };
    const titles = setup(uri).actions(uri, cursor, [echoed]).map((a) => a.title);
    assert.deepEqual(titles, [
      'Quote it and credit Coastline Wire',
      'Ignore this copied passage “Ferry crews on the Lantern…” (.copydesk/ignore.json)',
      'Ignore source “wire.md” for this article',
    ]);
  });

  it("the server's own diagnostics under the cursor count when the client sends none (Neovim: only the cursor line's)", () => {
    const own = diagnosticsOf(uri, 3);
    const copied = own.find((d) => d.code === 'copied-passage')!;
    const inside = { line: copied.range.start.line, character: copied.range.start.character + 10 };
    const got = setup(uri, { own }).actions(uri, { start: inside, end: inside }, []);
    assert.equal(got[0]!.title, 'Quote it and credit Coastline Wire');
    assert.equal(got[0]!.diagnostics?.[0], copied);
    // one action list per finding when the client sends it too
    assert.equal(setup(uri, { own }).actions(uri, { start: inside, end: inside }, [copied]).length, got.length);
    // nothing away from it
    assert.deepEqual(setup(uri, { own }).actions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, []), []);
  });

  it('findingLabel names the rule and the first words', () => {
    assert.equal(findingLabel('copied-passage', '“Ferry crews on the Lantern Bay crossing”'), 'copied passage “Ferry crews on the Lantern…”');
    assert.equal(findingLabel('misquote', 'a short one'), 'misquote “a short one”');
  });
});
