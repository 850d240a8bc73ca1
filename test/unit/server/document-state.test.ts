import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import { DocumentStates, type Checked } from '../../../src/server/document-state';
import type { CheckOn } from '../../../src/shared/config';

const checked = (version: number, generation: number): Checked =>
  ({ version, generation, text: '', result: { words: 0, originality: 1, sources: [], findings: [] }, resultId: `${version}:1`, items: [] }) as unknown as Checked;

describe('server/document-state: one "force re-check" flag', () => {
  let mode: CheckOn;
  let states: DocumentStates;
  beforeEach(() => {
    mode = 'type';
    states = new DocumentStates(() => mode);
  });

  it('type mode: a change forces the next pull; a recorded check is reused until then', () => {
    const s = states.get('file:///a.md');
    assert.equal(s.force, true, 'a new document is checked');
    states.recorded(s, checked(1, 1));
    assert.equal(states.reusable(s, 1, 1)?.version, 1);
    assert.equal(states.reusable(s, 2, 1), undefined, 'another version');
    assert.equal(states.reusable(s, 1, 2), undefined, 'another index generation');
    states.forceAll();
    assert.equal(states.reusable(s, 1, 1), undefined, 'ignores or settings changed');
    assert.equal(states.current(s, 1, 1)?.version, 1, 'hovers still use it');
    assert.equal(states.keepsLast(s), false, 'type mode never keeps the last answer');
  });

  it('save mode keeps the last answer until opened, saved or refreshed', () => {
    mode = 'save';
    const s = states.get('file:///a.md');
    states.recorded(s, checked(1, 1));
    assert.equal(states.keepsLast(s), true);
    states.saved('file:///a.md');
    assert.equal(states.keepsLast(s), false);
    assert.equal(s.lastChange, 0, 'no debounce after a save');
  });

  it('manual mode: only "Check Document" forces a check', () => {
    mode = 'manual';
    const s = states.get('file:///a.md');
    assert.equal(s.force, false, 'opening checks nothing');
    states.force('file:///a.md', 'changed');
    states.forceAll();
    states.saved('file:///a.md');
    assert.equal(states.keepsLast(s), true);
    states.force('file:///a.md', 'asked');
    assert.equal(states.keepsLast(s), false);
    states.recorded(s, checked(1, 1));
    assert.equal(states.keepsLast(s), true, 'asked once, checked once');
  });

  it('a check past the budget is not run again for its version and generation unless forced', () => {
    const s = states.get('file:///a.md');
    states.tooComplex(s, 3, 1);
    assert.equal(s.checked, undefined);
    assert.equal(states.gaveUp(s, 3, 1), true);
    assert.equal(states.gaveUp(s, 4, 1), false);
    states.force('file:///a.md', 'asked');
    assert.equal(states.gaveUp(s, 3, 1), false);
    assert.equal(states.gaveUp(s, 3, 1, false), true, 'the report does not retry it');
  });

  it('quiet() waits out the debounce and stops on cancellation', async () => {
    const s = states.get('file:///a.md');
    states.edited('file:///a.md');
    assert.equal(await states.quiet(s, 30, new CancellationTokenSource().token), true);
    assert.ok(Date.now() - s.lastChange >= 30);
    const cts = new CancellationTokenSource();
    states.edited('file:///a.md');
    const waiting = states.quiet(s, 60_000, cts.token);
    cts.cancel();
    assert.equal(await waiting, false);
  });
});
