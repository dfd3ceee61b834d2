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

export type SessionState = 'not-started' | 'active' | 'finishing' | 'finished' | 'failed';

/** What the session tells the course about; the course turns these into plain-language notices. */
export type SessionNews =
  | 'no-lms'
  | 'no-storage'
  | 'initialize-failed'
  /** The LMS says this SCO's session already ended (SCORM 2004 error 104, e.g. Moodle multi-SCO). */
  | 'session-already-ended'
  | 'save-failed'
  | 'save-recovered';

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

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) };
    this.storage = 'storage' in options ? options.storage : usableLocalStorage();
    this.startedAt = this.now();
    const found = options.packageVersion === 'none' || options.readOnly ? undefined : findScormApi(options.packageVersion, options.window);
    if (found?.version === '1.2') this.runtime = new Scorm12Runtime(found.api);
    else if (found?.version === '2004') this.runtime = new Scorm2004Runtime(found.api);
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
      this.tell(/^104\b/.test(detail) ? 'session-already-ended' : 'initialize-failed', detail);
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
    // An LMS with no data but a mirror it once confirmed means a new attempt: start fresh.
    const newAttempt = !resume.suspendData && saved?.confirmed;
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

  /** Writes and commits everything pending. Returns false when the LMS refused. */
  flush(): boolean {
    this.cancelTimer();
    if (this.state !== 'active') return false;
    let ok = true;
    while (this.queued.length > 0) {
      const next = this.queued.shift()!;
      ok = this.runtime.writeInteraction(next) && ok;
      this.uncommitted.push(next);
    }
    if (this.latest && this.latestDirty) {
      ok = this.runtime.write({ ...this.latest, sessionSeconds: (this.now() - this.startedAt) / 1000 }) && ok;
      this.latestDirty = false;
    }
    const committed = this.runtime.commit();
    if (ok && committed) {
      this.uncommitted = [];
      this.retries = 0;
      this.writeMirror(true);
      if (this.failing) {
        this.failing = false;
        this.tell('save-recovered', '');
      }
      return true;
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

  /** Ends the session once: saves the last state (exit and session time included), then finishes. */
  finish(state?: StateToSave): void {
    if (state) {
      this.latest = state;
      this.latestDirty = true;
      this.writeMirror();
    }
    if (this.state !== 'active') return;
    this.flush();
    this.cancelTimer();
    this.state = 'finishing';
    this.state = this.runtime.finish() ? 'finished' : 'failed';
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
      pendingInteractions: [...this.uncommitted, ...this.queued],
    });
  }

  private tell(news: SessionNews, detail: string): void {
    this.options.onNews?.(news, detail);
  }
}
