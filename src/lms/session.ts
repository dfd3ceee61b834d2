/**
 * The connection to the LMS as an explicit state machine:
 *   not-started → active → finishing → finished, or → failed.
 * Finish is attempted at most once, and nothing calls the LMS after it. Saves are coalesced;
 * a failed save is retried with back-off and reported, never dropped; a local mirror keeps the
 * latest state so that the next launch can recover what the LMS never stored.
 */
import { LocalMirror, usableLocalStorage, type MirrorEntry } from './mirror';
import { findScormApi, type ScormVersion } from './scorm-api';
import { Scorm12Runtime, Scorm2004Runtime } from './scorm-runtime';
import type { InteractionRecord, ResumeData, RuntimeAdapter, TrackingRecord } from './runtime';
import { StandaloneRuntime } from './standalone';
import { finishedCopy } from './relaunch';
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
  /** When the given suspend_data was saved (ms), so the newer of LMS and mirror wins at launch. */
  savedAtOf?: (suspendData: string) => number | undefined;
  now?: () => number;
  window?: Window;
  timers?: Timers;
  storage?: Storage;
  /** Trainer preview: no LMS, no storage, nothing saved. */
  readOnly?: boolean;
  /** False when the course does not use the LMS's passing score (the single-SCO course): not read. */
  lmsPassingScore?: boolean;
}

export interface LaunchState extends ResumeData {
  /** Where the restored state came from. */
  source: 'lms' | 'mirror' | 'browser' | 'none';
}

export type StateToSave = Omit<TrackingRecord, 'sessionSeconds'>;

/** Back-off between retries of a failed save, in ms; the last one repeats. */
export const RETRY_DELAYS = [2000, 5000, 15000, 30000];
/** Page changes wait this long so a learner paging quickly does not flood the LMS. */
export const COALESCE_MS = 1000;

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
  private mirror: LocalMirror | undefined;
  private latest: StateToSave | undefined;
  private latestDirty = false;
  /** Interactions not yet handed to the LMS, and those handed over but not yet committed. */
  private queued: InteractionRecord[] = [];
  private uncommitted: InteractionRecord[] = [];
  private timer: unknown;
  private retries = 0;
  private failing = false;
  /** Failed writes per interaction id: after MAX_WRITE_TRIES with the LMS otherwise working, it is given up (logged). */
  private writeTries = new Map<string, number>();
  /** The LMS refused part of the latest state written (e.g. suspend_data): the browser copy stays unconfirmed. */
  private stateRefused = false;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) };
    this.storage = 'storage' in options ? options.storage : usableLocalStorage();
    this.startedAt = this.now();
    const found = options.packageVersion === 'none' || options.readOnly ? undefined : findScormApi(options.packageVersion, options.window);
    if (found?.version === '1.2') this.runtime = new Scorm12Runtime(found.api);
    else if (found?.version === '2004') this.runtime = new Scorm2004Runtime(found.api, options.lmsPassingScore ?? true);
    else this.runtime = new StandaloneRuntime(options.storageKey, options.readOnly ? undefined : this.storage);
  }

  /** Starts the session and returns what the learner left last time, from the LMS or the mirror. */
  start(): LaunchState {
    if (this.state !== 'not-started') throw new Error(`cannot start a session that is ${this.state}`);
    if (this.options.readOnly) {
      this.state = 'finished';
      return { ...EMPTY_RESUME, source: 'none' };
    }
    if (this.runtime.kind === 'standalone') {
      if (this.options.packageVersion !== 'none') this.tell('no-lms', 'no SCORM API in the parent frames or the opener');
      if (!this.storage) this.tell('no-storage', 'browser storage is unavailable');
      this.state = 'active';
      const resume = this.runtime.readResume();
      return { ...resume, source: resume.suspendData ? 'browser' : 'none' };
    }
    if (!this.runtime.initialize()) {
      const detail = this.runtime.lastError();
      this.tell(/^10[34]\b/.test(detail) ? 'session-already-ended' : 'initialize-failed', detail);
      this.state = 'failed';
      // Keep working from the mirror; the next launch that reaches the LMS hands it over.
      this.mirror = this.mirrorFor('');
      const saved = this.mirror.read();
      return saved ? { ...EMPTY_RESUME, location: saved.location, suspendData: saved.suspendData, source: 'mirror' } : { ...EMPTY_RESUME, source: 'none' };
    }
    this.state = 'active';
    const resume = this.runtime.readResume();
    this.mirror = this.mirrorFor(resume.learnerId);
    const saved = this.newestMirror(resume.learnerId);
    const lmsSavedAt = this.options.savedAtOf?.(resume.suspendData) ?? -1;
    // An LMS with no data but a mirror it once confirmed means a new attempt: start fresh, unless
    // the copy is of a finished module (Moodle 2004 gives nothing after an exit other than suspend).
    const finished = finishedCopy(resume, saved);
    if (finished) this.runtime.keepAtLeast?.(finished.completion, finished.success);
    const newAttempt = !resume.suspendData && saved?.confirmed && !finished;
    if (saved && saved.savedAt > lmsSavedAt && !newAttempt) {
      // The LMS missed our last saves: restore from the mirror and hand them over now.
      this.queued = [...saved.pendingInteractions];
      this.latestDirty = true;
      return { ...resume, location: saved.location, suspendData: saved.suspendData, source: 'mirror' };
    }
    return { ...resume, source: resume.suspendData ? 'lms' : 'none' };
  }

  /**
   * Records the learner's current state. 'soon' coalesces (page changes); 'now' saves at once
   * (answers, decisions, leaving the page).
   */
  update(state: StateToSave, when: 'now' | 'soon' = 'soon'): void {
    this.latest = state;
    this.latestDirty = true;
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
    this.writeMirror();
    if (flushNow) this.flush();
  }

  /**
   * Writes and commits everything pending. Returns false when the LMS failed (a refused value
   * is logged once and skipped; it is no failure). Only what the LMS accepted counts as sent.
   */
  flush(): boolean {
    this.cancelTimer();
    if (this.state !== 'active') return false;
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
      this.writeMirror(written.state && !written.stateRefused);
      if (this.failing) {
        this.failing = false;
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
    if (!this.failing) {
      this.failing = true;
      this.tell(this.runtime.kind === 'standalone' ? 'no-storage' : 'save-failed', this.runtime.lastError());
    }
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
    // Terminate stores everything: no Commit just before it (Moodle sends the whole data model each time).
    const written = this.writePending();
    this.state = 'finishing';
    const finished = this.runtime.finish();
    this.state = finished ? 'finished' : 'failed';
    if (finished) {
      this.uncommitted = [];
      this.writeMirror(written.state && !written.stateRefused);
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

  private mirrorFor(learnerId: string): LocalMirror {
    return new LocalMirror(`micic:mirror:${learnerId || 'anonymous'}:${this.options.storageKey}`, this.storage);
  }

  /** The learner's mirror, or the anonymous one written while the LMS was unreachable, whichever is newer. */
  private newestMirror(learnerId: string): MirrorEntry | undefined {
    const own = this.mirrorFor(learnerId).read();
    const anonymous = learnerId ? this.mirrorFor('').read() : undefined;
    if (own && anonymous) return own.savedAt >= anonymous.savedAt ? own : anonymous;
    return own ?? anonymous;
  }

  private writeMirror(confirmed = false): void {
    if (!this.mirror || !this.latest) return;
    this.mirror.write({
      confirmed,
      savedAt: this.options.savedAtOf?.(this.latest.suspendData) ?? this.now(),
      location: this.latest.location,
      suspendData: this.latest.suspendData,
      completion: this.latest.completion,
      success: this.latest.success,
      pendingInteractions: [...this.uncommitted, ...this.queued],
    });
  }

  private tell(news: SessionNews, detail: string): void {
    this.options.onNews?.(news, detail);
  }
}
