/**
 * What the server keeps per open document: when it last changed (for the debounce), its last check
 * (reused while the version and the index generation are the same), and ONE flag, `force`, that
 * makes the next pull check again whatever is cached.
 */
import type { CancellationToken, Diagnostic } from 'vscode-languageserver/node';
import type { LineIndex } from '../core/positions';
import type { CheckResult, Finding } from '../core/types';
import type { CheckOn } from '../shared/config';

/** One check of one version of a document against one index generation. */
export interface Checked {
  version: number;
  /** the text checked (what the editor showed) */
  text: string;
  lines: LineIndex;
  result: CheckResult;
  resultId: string;
  items: Diagnostic[];
  /** index generation the check ran against */
  generation: number;
}

export interface DocState {
  lastChange: number;
  checked?: Checked;
  /** the next pull checks again, whatever is cached (see DocumentStates.force) */
  force: boolean;
  tooLargeNotified?: boolean;
  /** version and index generation whose check ran past the time budget (not run again for them) */
  tooComplex?: { version: number; generation: number };
  /**
   * a partial report of this version was answered (`partial`: what it showed, for hovers and code
   * actions meanwhile); `done` settles when its check has ended (DiagnosticPull)
   */
  finishing?: { version: number; generation: number; done: Promise<unknown>; partial?: Checked };
}

/**
 * Why a document is to be checked again: something changed that an edit does not show (opened,
 * saved, settings, ignore lists, a rebuilt index), or the user asked ("Check Document").
 */
export type Recheck = 'changed' | 'asked';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class DocumentStates {
  private readonly states = new Map<string, DocState>();

  constructor(private readonly checkOn: () => CheckOn) {}

  get(uri: string): DocState {
    let s = this.states.get(uri);
    if (!s) this.states.set(uri, (s = { lastChange: 0, force: this.checkOn() !== 'manual' }));
    return s;
  }

  delete(uri: string): void {
    this.states.delete(uri);
  }

  edited(uri: string): void {
    this.get(uri).lastChange = Date.now();
  }

  /** Saved: no debounce to wait for, and a re-check (save mode checks on save). */
  saved(uri: string): void {
    this.force(uri, 'changed');
    this.get(uri).lastChange = 0;
  }

  /**
   * The next pull of `uri` checks again. In manual mode only the user's asking counts: there a
   * document keeps what it showed until "Check Document".
   */
  force(uri: string, why: Recheck): void {
    const s = this.get(uri);
    if (why === 'asked' || this.checkOn() !== 'manual') s.force = true;
  }

  /** Every document's next pull checks again (the settings, ignore lists or index changed). */
  forceAll(): void {
    if (this.checkOn() === 'manual') return;
    for (const s of this.states.values()) s.force = true;
  }

  /** Save and manual modes between their triggers: a pull answers with what was reported last. */
  keepsLast(s: DocState): boolean {
    return this.checkOn() !== 'type' && !s.force;
  }

  /** The last check, if it was of this version against this index generation. */
  current(s: DocState, version: number, generation: number): Checked | undefined {
    return s.checked && s.checked.version === version && s.checked.generation === generation ? s.checked : undefined;
  }

  /** What a partial report of this version showed while its check still runs (hovers, code actions). */
  partial(s: DocState, version: number, generation: number): Checked | undefined {
    const f = s.finishing;
    return f && f.version === version && f.generation === generation ? f.partial : undefined;
  }

  /** The last check still answers the pull: current, and nothing forces a new one. */
  reusable(s: DocState, version: number, generation: number): Checked | undefined {
    return s.force ? undefined : this.current(s, version, generation);
  }

  /** This version ran past the time budget against this generation: not run again unless forced. */
  gaveUp(s: DocState, version: number, generation: number, forced = s.force): boolean {
    return !forced && s.tooComplex?.version === version && s.tooComplex.generation === generation;
  }

  /**
   * Wait until the document has been quiet for `debounceMs` (typing mode); false if the request
   * was cancelled meanwhile.
   */
  async quiet(s: DocState, debounceMs: number, token: CancellationToken): Promise<boolean> {
    for (;;) {
      if (token.isCancellationRequested) return false;
      const wait = s.lastChange + debounceMs - Date.now();
      if (wait <= 0) return true;
      await sleep(Math.min(wait, 50));
    }
  }

  /** A check answered the pull: it is what the document shows now. */
  recorded(s: DocState, c: Checked): void {
    s.checked = c;
    s.force = false;
  }

  /** The check ran past the time budget: nothing shown, not run again for this version and generation. */
  tooComplex(s: DocState, version: number, generation: number): void {
    s.checked = undefined;
    s.force = false;
    s.tooComplex = { version, generation };
  }
}

/** A finding's words as the editor shows them (the engine's `text` has markup blanked). */
export function shownText(c: Checked, f: Finding): string {
  return c.text.slice(f.start, f.end);
}
