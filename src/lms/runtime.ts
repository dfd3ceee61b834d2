/**
 * One vocabulary over both SCORM versions: the session speaks of "location" or
 * "completion", each runtime adapter knows the element names and formats of its version.
 */
import type { Scorm12Api, Scorm2004Api } from './scorm-api';

export type Completion = 'not-attempted' | 'incomplete' | 'completed';

export interface ResumeData {
  entry: 'resume' | 'ab-initio' | '';
  location: string;
  suspendData: string;
  completion: Completion;
  /** The learner's preferred language as the LMS knows it ('' when not set). */
  language: string;
}

export interface TrackingRecord {
  location: string;
  suspendData: string;
  completion: 'incomplete' | 'completed';
  sessionSeconds: number;
}

/** What every backend (SCORM 1.2, SCORM 2004, browser storage) offers the session. */
export interface RuntimeAdapter {
  readonly kind: 'scorm12' | 'scorm2004' | 'standalone';
  initialize(): boolean;
  readResume(): ResumeData;
  write(record: TrackingRecord): boolean;
  commit(): boolean;
  finish(): boolean;
  /** Last error as "code: text" for notices and logs; '' when none. */
  lastError(): string;
}

function ok(result: unknown): boolean {
  return result === 'true' || result === true;
}

/** Calls an LMS function; an LMS that throws is treated as one that failed. */
function guarded<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
  }
}

/** SCORM 1.2 timespan: HHHH:MM:SS.SS (RTE 3.4.2.1.1). */
export function scorm12Duration(totalSeconds: number): string {
  const centis = Math.max(0, Math.round(totalSeconds * 100));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(Math.min(hours, 9999), 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. PT1H2M3.5S. */
export function scorm2004Duration(totalSeconds: number): string {
  const centis = Math.max(0, Math.round(totalSeconds * 100));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${Number(seconds.toFixed(2))}S`;
}

const COMPLETED_12 = new Set(['completed', 'passed', 'failed']);

export class Scorm12Runtime implements RuntimeAdapter {
  readonly kind = 'scorm12';
  constructor(private readonly api: Scorm12Api) {}

  initialize(): boolean {
    return guarded(() => ok(this.api.LMSInitialize('')), false);
  }

  private get(element: string): string {
    return guarded(() => String(this.api.LMSGetValue(element) ?? ''), '');
  }

  private set(element: string, value: string): boolean {
    return guarded(() => ok(this.api.LMSSetValue(element, value)), false);
  }

  readResume(): ResumeData {
    const status = this.get('cmi.core.lesson_status');
    const entry = this.get('cmi.core.entry');
    return {
      entry: entry === 'resume' || entry === 'ab-initio' ? entry : '',
      location: this.get('cmi.core.lesson_location'),
      suspendData: this.get('cmi.suspend_data'),
      completion: COMPLETED_12.has(status) ? 'completed' : status === 'incomplete' ? 'incomplete' : 'not-attempted',
      language: this.get('cmi.student_preference.language'),
    };
  }

  write(record: TrackingRecord): boolean {
    const current = this.get('cmi.core.lesson_status');
    // Never downgrade: a module once completed (or passed/failed) stays so.
    const status = COMPLETED_12.has(current) ? current : record.completion;
    return [
      this.set('cmi.core.lesson_status', status),
      this.set('cmi.core.lesson_location', record.location),
      this.set('cmi.suspend_data', record.suspendData),
      this.set('cmi.core.exit', record.completion === 'completed' ? '' : 'suspend'),
      this.set('cmi.core.session_time', scorm12Duration(record.sessionSeconds)),
    ].every(Boolean);
  }

  commit(): boolean {
    return guarded(() => ok(this.api.LMSCommit('')), false);
  }

  finish(): boolean {
    return guarded(() => ok(this.api.LMSFinish('')), false);
  }

  lastError(): string {
    return guarded(() => {
      const code = String(this.api.LMSGetLastError());
      return code === '0' ? '' : `${code}: ${this.api.LMSGetErrorString(code)}`;
    }, 'the LMS API threw an exception');
  }
}

export class Scorm2004Runtime implements RuntimeAdapter {
  readonly kind = 'scorm2004';
  constructor(private readonly api: Scorm2004Api) {}

  initialize(): boolean {
    return guarded(() => ok(this.api.Initialize('')), false);
  }

  private get(element: string): string {
    return guarded(() => String(this.api.GetValue(element) ?? ''), '');
  }

  private set(element: string, value: string): boolean {
    return guarded(() => ok(this.api.SetValue(element, value)), false);
  }

  readResume(): ResumeData {
    const status = this.get('cmi.completion_status');
    const entry = this.get('cmi.entry');
    // On a first attempt these elements are not initialised and reading them is error 403.
    const hasHistory = entry !== 'ab-initio';
    return {
      entry: entry === 'resume' || entry === 'ab-initio' ? entry : '',
      location: hasHistory ? this.get('cmi.location') : '',
      suspendData: hasHistory ? this.get('cmi.suspend_data') : '',
      completion: status === 'completed' ? 'completed' : status === 'incomplete' ? 'incomplete' : 'not-attempted',
      language: this.get('cmi.learner_preference.language'),
    };
  }

  write(record: TrackingRecord): boolean {
    const completion = this.get('cmi.completion_status') === 'completed' ? 'completed' : record.completion;
    return [
      this.set('cmi.completion_status', completion),
      this.set('cmi.location', record.location),
      this.set('cmi.suspend_data', record.suspendData),
      this.set('cmi.exit', completion === 'completed' ? 'normal' : 'suspend'),
      this.set('cmi.session_time', scorm2004Duration(record.sessionSeconds)),
    ].every(Boolean);
  }

  commit(): boolean {
    return guarded(() => ok(this.api.Commit('')), false);
  }

  finish(): boolean {
    return guarded(() => ok(this.api.Terminate('')), false);
  }

  lastError(): string {
    return guarded(() => {
      const code = String(this.api.GetLastError());
      return code === '0' ? '' : `${code}: ${this.api.GetErrorString(code)}`;
    }, 'the LMS API threw an exception');
  }
}
