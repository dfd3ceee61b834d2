/**
 * The connection to the LMS as an explicit state machine:
 *   not-started → active → finishing → finished, or → failed.
 * Finish is attempted at most once, and nothing calls the LMS after it. Saves are coalesced;
 * a failed save is retried with back-off and reported, never dropped; a local mirror keeps the
 * latest state so that the next launch can recover what the LMS never stored.
 */
import { BrowserCopy } from './browser-copy';
import { findUnclaimed, mirrorKey, removeCopy, type UnclaimedCopy } from './learner-copies';
import { LocalMirror, usableLocalStorage } from './mirror';
import { chooseLaunchCopy, type MergeCopies } from './save-order';
import { findScormApi, type FoundApi, type ScormVersion } from './scorm-api';
import type { Completion, InteractionRecord, ResumeData, RuntimeAdapter, Success, TrackingRecord } from './runtime';
import { StandaloneRuntime } from './standalone';
import { finishedCopy, type FinishedStatus } from './relaunch';
import { strongerCompletion, strongerSuccess } from './runtime';
import { MAX_WRITE_TRIES } from './write-result';

export type SessionState = 'not-started' | 'active' | 'finishing' | 'finished' | 'failed';

/** What the session tells the course about; the course turns these into plain-language notices. */
export type SessionNews =
  | 'no-lms'
  | 'no-storage'
  | 'initialize-failed'
  /** The LMS says this SCO's session already ended (SCORM 2004 error 104, e.g. Moodle multi-SCO). */
  | 'session-already-ended'
  | 'save-failed'
  /** The LMS is failing and the browser copy could not be stored either: the latest work is unsaved. */
  | 'not-kept'
  /** Another tab of this learner and activity saves: this one stops saving. */
  | 'other-tab'
  | 'save-recovered'
  /** The LMS refused a value (or could not take it after retries): logged once, no notice. */
  | 'value-refused';

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SessionOptions {
  /** The SCORM version the package was built for, or 'none' for the plain web build. */
  packageVersion: ScormVersion | 'none';
  /** Identifies course, version and scope, for browser storage. */
  storageKey: string;
  onNews?: (news: SessionNews, detail: string) => void;
  /** Merges two suspend_data strings by content (more progress wins item by item); see save-order.ts. */
  mergeCopies?: MergeCopies;
  now?: () => number;
  window?: Window;
  timers?: Timers;
  storage?: Storage;
  /** Trainer preview: no LMS, no storage, nothing saved. */
  readOnly?: boolean;
  /** False when the course does not use the LMS's passing score (the single-SCO course): not read. */
  lmsPassingScore?: boolean;
  /**
   * Makes the adapter for the SCORM API found (see connect.ts): loaded before the session starts,
   * so a launch downloads only its own SCORM version's code, and the web build none.
   */
  connect?: (found: FoundApi) => RuntimeAdapter;
}

export interface LaunchState extends ResumeData {
  /** Where the restored state came from. */
  source: 'lms' | 'mirror' | 'browser' | 'none';
  /** Work on this computer that no learner has claimed: ask, then call settleUnclaimed(). */
  unclaimed?: UnclaimedCopy;
}

export type StateToSave = Omit<TrackingRecord, 'sessionSeconds'>;

/** Back-off between retries of a failed save, in ms; the last one repeats. */
export const RETRY_DELAYS = [2000, 5000, 15000, 30000];
/** Page changes wait this long so a learner paging quickly does not flood the LMS. */
export const COALESCE_MS = 1000;
/** A dismissed failure notice comes back when new work fails to save, at most this often. */
export const RENOTIFY_MS = 60_000;

const EMPTY_RESUME: ResumeData = {
  entry: '',
  location: '',
  suspendData: '',
  completion: 'not-attempted',
  success: 'unknown',
  language: '',
  learnerId: '',
};

export class LmsSession {
  state: SessionState = 'not-started';
  readonly runtime: RuntimeAdapter;
  private readonly startedAt: number;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly storage: Storage | undefined;
  private copy: BrowserCopy | undefined;
  private latest: StateToSave | undefined;
  private latestDirty = false;
  /** Interactions not yet handed to the LMS, and those handed over but not yet committed. */
  private queued: InteractionRecord[] = [];
  private uncommitted: InteractionRecord[] = [];
  private timer: unknown;
  private retries = 0;
  private failing = false;
  private mirrorKept = true;
  private toldNotKept = false;
  private toldAt = 0;
  private newWork = false;
  /** Another tab of this learner and activity is the one that saves: this one writes nothing. */
  private held = false;
  private launched: LaunchState | undefined;
  /** Failed writes per interaction id: after MAX_WRITE_TRIES with the LMS otherwise working, it is given up (logged). */
  private writeTries = new Map<string, number>();
  /** The LMS refused part of the latest state written (e.g. suspend_data): the browser copy stays unconfirmed. */
  private stateRefused = false;
  /** The status the LMS held at launch (or the finished copy restored): the browser copy never records less. */
  private floor: FinishedStatus = { completion: 'not-attempted', success: 'unknown' };

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) };
    this.storage = 'storage' in options ? options.storage : usableLocalStorage();
    this.startedAt = this.now();
    const found = options.packageVersion === 'none' || options.readOnly ? undefined : findScormApi(options.packageVersion, options.window);
    if (found && !options.connect) throw new Error(`SCORM ${found.version} API found but no runtime to connect it: pass options.connect`);
    this.runtime = found ? options.connect!(found) : new StandaloneRuntime(options.storageKey, options.readOnly ? undefined : this.storage);
  }

  /** Starts the session and returns what the learner left last time, from the LMS or the mirror. */
  start(): LaunchState {
    if (this.state !== 'not-started') throw new Error(`cannot start a session that is ${this.state}`);
    if (this.options.readOnly) {
      this.state = 'finished';
      return { ...EMPTY_RESUME, source: 'none' };
    }
    if (this.runtime.kind === 'standalone') {
      // One notice, not two that contradict each other ("saved in this browser" / "will be lost").
      if (!this.storage) this.tell('no-storage', 'browser storage is unavailable');
      else if (this.options.packageVersion !== 'none') this.tell('no-lms', 'no SCORM API in the parent frames or the opener');
      this.state = 'active';
      const resume = this.runtime.readResume();
      return { ...resume, source: resume.suspendData ? 'browser' : 'none' };
    }
    if (!this.runtime.initialize()) {
      const detail = this.runtime.lastError();
      this.tell(/^10[34]\b/.test(detail) ? 'session-already-ended' : 'initialize-failed', detail);
      this.state = 'failed';
      // Keep working on an anonymous copy; earlier anonymous work is only offered, never assumed.
      this.copy = this.copyFor('');
      if (!this.storage) this.tellNotKept();
      return this.launchWith({ ...EMPTY_RESUME, source: 'none' }, findUnclaimed(this.storage, this.options.storageKey, this.merge));
    }
    this.state = 'active';
    const resume = this.runtime.readResume();
    this.copy = this.copyFor(resume.learnerId);
    const own = this.copy.atStart;
    this.copy.lmsHolds(resume.suspendData);
    const unclaimed = resume.learnerId ? findUnclaimed(this.storage, this.options.storageKey, this.merge) : undefined;
    // An LMS with no data but a copy of a finished module: Moodle 2004 gives nothing after an exit
    // other than suspend, and a finished status is never weakened.
    const finished = finishedCopy(resume, own);
    this.floor = finished ?? { completion: resume.completion, success: resume.success };
    if (finished) this.runtime.keepAtLeast?.(finished.completion, finished.success);
    const choice = finished && own ? { use: 'browser' as const, suspendData: own.suspendData, location: own.location } : chooseLaunchCopy(resume, own, this.merge);
    if (choice.use !== 'lms') {
      // The LMS missed this browser's last saves: restore them and hand them over now.
      this.queued = [...own!.pendingInteractions];
      this.latestDirty = true;
      return this.launchWith({ ...resume, location: choice.location, suspendData: choice.suspendData, source: 'mirror' }, unclaimed);
    }
    return this.launchWith({ ...resume, source: resume.suspendData ? 'lms' : 'none' }, unclaimed);
  }

  /**
   * The learner answered "is this work yours?": on yes it joins their progress (more progress wins
   * item by item) and its answers are sent; either way the unclaimed copy is removed.
   */
  settleUnclaimed(accept: boolean): LaunchState {
    const launched = this.launched ?? { ...EMPTY_RESUME, source: 'none' as const };
    const { unclaimed: copy, ...rest } = launched;
    this.launched = rest;
    if (!copy) return rest;
    removeCopy(this.storage, copy);
    if (!accept) return rest;
    const suspendData = this.merge(rest.suspendData, copy.suspendData);
    this.queued.push(...copy.pendingInteractions);
    this.latestDirty = true;
    const location = suspendData === rest.suspendData ? rest.location : copy.location;
    // Kept under this learner's key at once, so the handed-over work survives even a failing LMS.
    this.writeEntry(location, suspendData, false);
    this.launched = { ...rest, location, suspendData, source: 'mirror' };
    return this.launched;
  }

  /** Another tab of this learner and activity saves: from now on this one writes nothing. */
  hold(detail = 'another tab of this learner and activity is saving'): void {
    if (this.held) return;
    this.cancelTimer();
    this.held = true;
    this.tell('other-tab', detail);
  }

  /** The page goes into the back/forward cache: save everything, but keep the session open. */
  suspend(state: StateToSave): void {
    this.update(state, 'now');
  }

  /** The page came back from the back/forward cache: go on saving, re-initialising if it had finished. */
  resume(): void {
    if (this.held || this.options.readOnly || this.state === 'active' || this.state === 'failed') return;
    if (this.runtime.initialize()) {
      this.state = 'active';
      this.latestDirty = true;
      this.flush();
      return;
    }
    // The LMS will not take this session back: keep the browser copy and say how to continue.
    this.state = 'failed';
    this.tell('session-already-ended', this.runtime.lastError());
  }

  /**
   * Records the learner's current state. 'soon' coalesces (page changes); 'now' saves at once
   * (answers, decisions, leaving the page).
   */
  update(state: StateToSave, when: 'now' | 'soon' = 'soon'): void {
    this.latest = state;
    this.latestDirty = true;
    this.newWork = true;
    this.writeMirror();
    if (when === 'now') this.flush();
    else this.schedule(COALESCE_MS);
  }

  /**
   * Records one answer or decision; it is written and committed at once, or with the next
   * update when `flushNow` is false (so the answer and the state it leads to commit together).
   */
  recordInteraction(interaction: InteractionRecord, flushNow = true): void {
    this.queued.push(interaction);
    this.newWork = true;
    this.writeMirror();
    if (flushNow) this.flush();
  }

  /**
   * Writes and commits everything pending. Returns false when the LMS failed (a refused value
   * is logged once and skipped; it is no failure). Only what the LMS accepted counts as sent.
   */
  flush(): boolean {
    this.cancelTimer();
    if (this.state !== 'active' || this.held) return false;
    const written = this.writePending();
    return this.afterStore(written, this.runtime.commit());
  }

  /** Hands the pending interactions and the latest state to the LMS, without committing. */
  private writePending(): { interactions: boolean; state: boolean; stateRefused: boolean } {
    const failed: InteractionRecord[] = [];
    for (const next of this.queued.splice(0)) {
      if (this.runtime.writeInteraction(next)) this.uncommitted.push(next);
      else failed.push(next);
    }
    this.queued = failed;
    let state = true;
    if (this.latest && this.latestDirty) {
      const refusedBefore = this.runtime.refusalCount?.() ?? 0;
      state = this.runtime.write({ ...this.latest, sessionSeconds: (this.now() - this.startedAt) / 1000 });
      this.stateRefused = (this.runtime.refusalCount?.() ?? 0) > refusedBefore;
      this.latestDirty = false;
    }
    for (const refusal of this.runtime.takeRefusals?.() ?? []) this.tell('value-refused', refusal);
    return { interactions: failed.length === 0, state, stateRefused: this.stateRefused };
  }

  private afterStore(written: { interactions: boolean; state: boolean; stateRefused: boolean }, committed: boolean): boolean {
    if (committed) {
      this.uncommitted = [];
      this.retries = 0;
      this.giveUpStuckInteractions();
      // The browser copy is "confirmed" only when the LMS took this very state, suspend_data included.
      this.confirmed(written);
      if (this.failing) {
        this.failing = false;
        this.toldNotKept = false;
        this.tell('save-recovered', '');
      }
      if (!written.state) this.latestDirty = true;
      if (written.state && this.queued.length === 0) return true;
      // The LMS works but failed on some values: try those again later, without a notice.
      this.schedule(RETRY_DELAYS[0]!);
      return false;
    }
    // Keep what the LMS may not have stored and try again later.
    this.latestDirty = true;
    // A dismissed notice comes back when new work fails too, at most once every RENOTIFY_MS.
    const renotify = this.failing && this.newWork && this.now() - this.toldAt >= RENOTIFY_MS;
    if (!this.failing || renotify) {
      this.failing = true;
      if (this.runtime.kind === 'standalone') this.tell('no-storage', this.runtime.lastError());
      else if (this.mirrorKept) this.tell('save-failed', this.runtime.lastError());
      else this.tellNotKept(true);
    }
    this.newWork = false;
    this.schedule(RETRY_DELAYS[Math.min(this.retries, RETRY_DELAYS.length - 1)]!);
    this.retries++;
    return false;
  }

  /** An interaction the LMS keeps failing on while it commits the rest is recorded as unsendable, once. */
  private giveUpStuckInteractions(): void {
    this.queued = this.queued.filter((interaction) => {
      const tries = (this.writeTries.get(interaction.id) ?? 0) + 1;
      this.writeTries.set(interaction.id, tries);
      if (tries < MAX_WRITE_TRIES) return true;
      this.tell('value-refused', `${this.runtime.lastError() || 'failed'} (interaction ${interaction.id} could not be sent after ${tries} tries; not sent)`);
      return false;
    });
  }

  /** Ends the session once: saves the last state (exit and session time included), then finishes. */
  finish(state?: StateToSave): void {
    if (state) {
      this.latest = state;
      this.latestDirty = true;
      this.writeMirror();
    }
    if (this.state !== 'active') return;
    this.cancelTimer();
    if (this.held) {
      // The other tab finishes this activity; this one leaves the LMS record untouched.
      this.state = 'finished';
      return;
    }
    // Terminate stores everything: no Commit just before it (Moodle sends the whole data model each time).
    const written = this.writePending();
    this.state = 'finishing';
    const finished = this.runtime.finish();
    this.state = finished ? 'finished' : 'failed';
    if (finished) {
      this.uncommitted = [];
      this.confirmed(written);
    }
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.flush();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  private copyFor(learnerId: string): BrowserCopy {
    return new BrowserCopy(new LocalMirror(mirrorKey(learnerId, this.options.storageKey), this.storage), this.now);
  }

  private get merge(): MergeCopies {
    return this.options.mergeCopies ?? ((lmsCopy, browserCopy) => browserCopy || lmsCopy);
  }

  private launchWith(launch: LaunchState, unclaimed: UnclaimedCopy | undefined): LaunchState {
    this.launched = unclaimed ? { ...launch, unclaimed } : launch;
    return this.launched;
  }

  /** After a commit or finish: the LMS holds the latest state only if it took all of it. */
  private confirmed(written: { state: boolean; stateRefused: boolean }): void {
    const tookState = written.state && !written.stateRefused;
    if (tookState && this.latest) this.copy?.lmsHolds(this.latest.suspendData);
    this.writeMirror(tookState);
  }

  private writeMirror(confirmed = false): void {
    if (!this.latest) return;
    this.writeEntry(this.latest.location, this.latest.suspendData, confirmed, {
      completion: strongerCompletion(this.floor.completion, this.latest.completion),
      success: strongerSuccess(this.floor.success, this.latest.success),
    });
  }

  /** Writes this learner's browser copy; a newer save by another tab stops this one. */
  private writeEntry(location: string, suspendData: string, confirmed: boolean, status?: { completion?: Completion; success?: Success }): void {
    if (!this.copy || this.held) return;
    const result = this.copy.write({ location, suspendData, completion: status?.completion, success: status?.success }, [...this.uncommitted, ...this.queued], confirmed);
    if (result === 'other-tab') return this.hold('another tab saved this activity since this one last did');
    this.mirrorKept = result === 'kept';
    if (!this.mirrorKept && (this.failing || this.state === 'failed')) this.tellNotKept();
  }

  /** Tells once per failure that the latest work is kept nowhere (again when `again`). */
  private tellNotKept(again = false): void {
    if (this.toldNotKept && !again) return;
    this.toldNotKept = true;
    this.tell('not-kept', 'the LMS is not saving and browser storage refused the copy');
  }

  private tell(news: SessionNews, detail: string): void {
    this.toldAt = this.now();
    this.options.onNews?.(news, detail);
  }
}
