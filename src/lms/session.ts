/**
 * The connection to the LMS as an explicit state machine:
 *   not-started → active → finishing → finished, or → failed.
 * Finish is attempted at most once, and nothing calls the LMS after it. A failed save or
 * commit is retried on the next save and reported through `onProblem`, never dropped.
 */
import { findScormApi, type ScormVersion } from './scorm-api';
import { Scorm12Runtime, Scorm2004Runtime, type ResumeData, type RuntimeAdapter, type TrackingRecord } from './runtime';
import { StandaloneRuntime } from './standalone';

export type SessionState = 'not-started' | 'active' | 'finishing' | 'finished' | 'failed';
export type SessionProblem = 'no-lms' | 'no-storage' | 'initialize-failed' | 'save-failed';

export interface SessionOptions {
  /** The SCORM version the package was built for, or 'none' for the plain web build. */
  packageVersion: ScormVersion | 'none';
  /** Storage key for no-LMS mode. */
  storageKey: string;
  onProblem?: (problem: SessionProblem, detail: string) => void;
  now?: () => number;
  window?: Window;
}

export class LmsSession {
  state: SessionState = 'not-started';
  runtime: RuntimeAdapter;
  private readonly startedAt: number;
  private readonly now: () => number;
  private pending: TrackingRecord | undefined;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? (() => Date.now());
    this.startedAt = this.now();
    const found = options.packageVersion === 'none' ? undefined : findScormApi(options.packageVersion, options.window);
    if (found?.version === '1.2') this.runtime = new Scorm12Runtime(found.api);
    else if (found?.version === '2004') this.runtime = new Scorm2004Runtime(found.api);
    else this.runtime = new StandaloneRuntime(options.storageKey);
  }

  get connectedToLms(): boolean {
    return this.runtime.kind !== 'standalone';
  }

  /** Starts the session and returns what the learner left last time. */
  start(): ResumeData {
    if (this.state !== 'not-started') throw new Error(`cannot start a session that is ${this.state}`);
    if (this.runtime.kind === 'standalone') {
      const standalone = this.runtime as StandaloneRuntime;
      if (this.options.packageVersion !== 'none') this.report('no-lms', 'no SCORM API found in the parent frames or the opener');
      if (!standalone.persistent) this.report('no-storage', 'browser storage is unavailable');
    } else if (!this.runtime.initialize()) {
      this.report('initialize-failed', this.runtime.lastError());
      this.state = 'failed';
      return { entry: '', location: '', suspendData: '', completion: 'not-attempted', language: '' };
    }
    this.state = 'active';
    return this.runtime.readResume();
  }

  /** Writes the learner's state and commits it. Returns false when the LMS refused. */
  save(record: Omit<TrackingRecord, 'sessionSeconds'>): boolean {
    if (this.state !== 'active') return false;
    this.pending = { ...record, sessionSeconds: (this.now() - this.startedAt) / 1000 };
    const written = this.runtime.write(this.pending) && this.runtime.commit();
    if (written) {
      this.pending = undefined;
    } else {
      this.report('save-failed', this.runtime.lastError());
    }
    return written;
  }

  /** Ends the session once: writes the last state (exit and session time included) and finishes. */
  finish(record: Omit<TrackingRecord, 'sessionSeconds'>): void {
    if (this.state !== 'active') return;
    this.save(record);
    this.state = 'finishing';
    this.state = this.runtime.finish() ? 'finished' : 'failed';
  }

  private report(problem: SessionProblem, detail: string): void {
    this.options.onProblem?.(problem, detail);
  }
}
