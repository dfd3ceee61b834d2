/**
 * A stand-in LMS: hosts a SCO under the real scorm-again runtime, the way Moodle or any
 * SCORM LMS would, and keeps each SCO's data between launches like an LMS does. Used by the
 * preview page and by the browser tests.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';

export type LmsVersion = '1.2' | '2004';

/** LMS faults the course must survive; the preview page can toggle them, the tests inject them. */
export interface LmsFaults {
  /** Initialize / LMSInitialize returns "false". */
  initializeFails?: boolean;
  /** SetValue of elements matching this pattern is refused: "false" with error 405 (1.2) / 351 (2004), or `refuseCode`. */
  refuseSet?: RegExp;
  /** The error code of a refused SetValue (e.g. '406' type mismatch). */
  refuseCode?: string;
  /** SetValue of elements matching this pattern throws, as a broken LMS script would. */
  throwOnSet?: RegExp;
  /** Commit returns "false" with a general commit error. */
  commitFails?: boolean;
  /** Commit throws, as a broken LMS script would. */
  commitThrows?: boolean;
  /** After this many calls every call fails: the LMS session timed out. */
  sessionEndsAfterCalls?: number;
}

export interface HostOptions {
  version: LmsVersion;
  faults?: LmsFaults;
  /** What the LMS saved at the end of the previous attempt (see nextLaunchData). */
  saved?: Record<string, unknown>;
  /** From the manifest: percent for 1.2 (masteryscore), 0-1 for 2004 (minNormalizedMeasure). */
  masteryScore?: number;
  learnerLanguage?: string;
  learnerId?: string;
  learnerName?: string;
  /**
   * Behave as Moodle 4.5 does where it is stricter than scorm-again (observed): 2004 response
   * identifiers must match `^[\w.]{1,250}$` (else 406); Terminate sends the whole data model in
   * one beacon, refused above 64 KiB (Terminate false, 101, total time not stored); a 2004 SCO
   * that last exited other than `suspend` is relaunched ab-initio with no data; 1.2 "Mastery
   * score overrides status" is on.
   */
  moodle?: boolean;
}

/** What Moodle checks 2004 choice, sequencing and matching identifiers against. */
export const MOODLE_IDENTIFIER = /^[\w.]{1,250}$/;
/** The most a browser sends in one beacon. */
export const BEACON_LIMIT = 64 * 1024;

export interface ApiCall {
  method: string;
  args: string[];
  result: string;
  error: string;
}

export interface LmsHost {
  version: LmsVersion;
  api: Scorm12API | Scorm2004API;
  /** Every call the SCO made, in order. */
  calls: ApiCall[];
  /** Messages scorm-again logged at warning level or worse. */
  errors: string[];
  /** The CMI data model as JSON (what a trainer's report is built from). */
  cmi(): Record<string, unknown>;
  /** Shorthand for reading one element as the LMS holds it. */
  value(element: string): string;
  /** Makes the API visible to frames below `win`, as an LMS does. */
  install(win: Window): void;
  uninstall(win: Window): void;
  /** Listen to every call (for live displays). */
  onCall(listener: (call: ApiCall) => void): void;
  /** Change the injected faults while the SCO runs (e.g. the LMS comes back). */
  setFaults(faults: LmsFaults): void;
}

const METHODS: Record<LmsVersion, string[]> = {
  '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'],
  '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'],
};

export function createLmsHost(options: HostOptions): LmsHost {
  const errors: string[] = [];
  const calls: ApiCall[] = [];
  const listeners: Array<(call: ApiCall) => void> = [];
  const settings = {
    lmsCommitUrl: false as const,
    autocommit: false,
    logLevel: 3 as const, // warnings and errors
    onLogMessage: (_level: unknown, message: string) => errors.push(message),
    // An LMS adds each session's time to cmi.total_time when the SCO terminates.
    accumulateSessionTimeOnTerminate: true,
    // Moodle's default "Mastery score overrides status": 1.2 status from score.raw against mastery_score.
    mastery_override: options.moodle === true,
  };
  const api = options.version === '1.2' ? new Scorm12API(settings) : new Scorm2004API(settings);
  api.loadFromJSON(launchData(options));

  // Record each call the SCO makes and inject the faults asked for; the runtime itself is untouched.
  const record = api as unknown as Record<string, (...args: string[]) => string>;
  const lastError = options.version === '1.2' ? 'LMSGetLastError' : 'GetLastError';
  const faults: LmsFaults = { ...options.faults };
  let injectedError = '';
  let callCount = 0;
  const realLastError = record[lastError]!.bind(api);
  const realGet = record[options.version === '1.2' ? 'LMSGetValue' : 'GetValue']!.bind(api);
  record[lastError] = () => injectedError || String(realLastError());
  for (const method of METHODS[options.version]) {
    const original = record[method]!.bind(api);
    const kind = method.replace(/^LMS/, '');
    record[method] = (...args: string[]) => {
      callCount++;
      injectedError = '';
      let result: string;
      if (faults.sessionEndsAfterCalls !== undefined && callCount > faults.sessionEndsAfterCalls) {
        injectedError = '101';
        result = kind === 'GetValue' ? '' : 'false';
      } else if (kind === 'Initialize' && faults.initializeFails) {
        injectedError = options.version === '1.2' ? '101' : '102';
        result = 'false';
      } else if (kind === 'SetValue' && faults.throwOnSet?.test(args[0] ?? '')) {
        const call = { method, args, result: 'threw', error: 'exception' };
        calls.push(call);
        listeners.forEach((listener) => listener(call));
        throw new Error(`LMS script error setting ${args[0]}`);
      } else if (kind === 'SetValue' && faults.refuseSet?.test(args[0] ?? '')) {
        injectedError = faults.refuseCode ?? (options.version === '1.2' ? '405' : '351');
        result = 'false';
      } else if (kind === 'SetValue' && options.moodle && options.version === '2004' && !moodleAcceptsResponse(realGet, args[0] ?? '', args[1] ?? '')) {
        injectedError = '406';
        result = 'false';
      } else if (kind === 'Terminate' && options.moodle && moodlePayloadBytes(cmiOf(api)) > BEACON_LIMIT) {
        // The beacon is refused: nothing of the final data arrives, total time included.
        injectedError = '101';
        result = 'false';
      } else if (kind === 'Commit' && faults.commitThrows) {
        const call = { method, args, result: 'threw', error: 'exception' };
        calls.push(call);
        listeners.forEach((listener) => listener(call));
        throw new Error('LMS commit failed: the server is unreachable');
      } else if (kind === 'Commit' && faults.commitFails) {
        injectedError = options.version === '1.2' ? '101' : '391';
        result = 'false';
      } else {
        result = String(original(...args));
      }
      const call = { method, args, result, error: String(record[lastError]!()) };
      calls.push(call);
      listeners.forEach((listener) => listener(call));
      return result;
    };
  }

  return {
    version: options.version,
    api,
    calls,
    errors,
    cmi: () => cmiOf(api),
    value: (element) => {
      let node: unknown = (api.renderCMIToJSONObject() as Record<string, unknown>);
      for (const part of element.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
      return node === undefined || node === null ? '' : String(node);
    },
    install(win) {
      const holder = win as unknown as Record<string, unknown>;
      if (options.version === '1.2') holder.API = api;
      else holder.API_1484_11 = api;
    },
    uninstall(win) {
      const holder = win as unknown as Record<string, unknown>;
      delete holder.API;
      delete holder.API_1484_11;
    },
    onCall: (listener) => listeners.push(listener),
    setFaults(next) {
      for (const key of Object.keys(faults) as Array<keyof LmsFaults>) delete faults[key];
      Object.assign(faults, next);
      callCount = 0;
    },
  };
}

/** The CMI an LMS offers at launch: last attempt's data if it was suspended, else a fresh start. */
function launchData(options: HostOptions): Record<string, unknown> {
  const saved = options.saved ?? {};
  const learner = { id: options.learnerId ?? 'learner-1', name: options.learnerName ?? 'Learner, Test' };
  if (options.version === '1.2') {
    const core = (saved.core as Record<string, unknown> | undefined) ?? {};
    const resume = core.exit === 'suspend';
    const attempted = !!core.lesson_status && core.lesson_status !== 'not attempted';
    return {
      ...saved,
      core: {
        ...core,
        student_id: learner.id,
        student_name: learner.name,
        entry: resume ? 'resume' : attempted ? '' : 'ab-initio',
        exit: '',
        session_time: '',
        ...(options.moodle ? { credit: 'credit' } : {}),
      },
      student_data: options.masteryScore !== undefined ? { mastery_score: String(options.masteryScore) } : {},
      student_preference: options.learnerLanguage ? { language: options.learnerLanguage } : {},
    };
  }
  const resume = saved.exit === 'suspend';
  // Moodle keeps a 2004 SCO's data for the learner only after a suspend.
  if (options.moodle && !resume) {
    return {
      learner_id: learner.id,
      learner_name: learner.name,
      entry: 'ab-initio',
      // Moodle sets the passing score from the manifest's minNormalizedMeasure, data or not.
      ...(options.masteryScore !== undefined ? { scaled_passing_score: String(options.masteryScore) } : {}),
      ...(options.learnerLanguage ? { learner_preference: { language: options.learnerLanguage } } : {}),
    };
  }
  const attempted = !!saved.completion_status && saved.completion_status !== 'unknown' && saved.completion_status !== 'not attempted';
  return {
    ...saved,
    learner_id: learner.id,
    learner_name: learner.name,
    entry: resume ? 'resume' : attempted ? '' : 'ab-initio',
    exit: '',
    session_time: '',
    ...(options.masteryScore !== undefined ? { scaled_passing_score: String(options.masteryScore) } : {}),
    ...(options.learnerLanguage ? { learner_preference: { language: options.learnerLanguage } } : {}),
  };
}

/** What the LMS keeps after an attempt, to pass as `saved` to the next launch. */
export function nextLaunchData(host: LmsHost): Record<string, unknown> {
  return JSON.parse(JSON.stringify(host.cmi())) as Record<string, unknown>;
}

function cmiOf(api: Scorm12API | Scorm2004API): Record<string, unknown> {
  return (api.renderCMIToJSONObject() as { cmi: Record<string, unknown> }).cmi;
}

/** Moodle's 2004 check of choice, sequencing and matching identifiers in responses and patterns. */
function moodleAcceptsResponse(get: (element: string) => string, element: string, value: string): boolean {
  const match = /^cmi\.interactions\.(\d+)\.(learner_response|correct_responses\.\d+\.pattern)$/.exec(element);
  if (!match) return true;
  const type = String(get(`cmi.interactions.${match[1]}.type`));
  if (!['choice', 'sequencing', 'matching'].includes(type)) return true;
  const ids = value.split('[,]').flatMap((part) => (type === 'matching' ? part.split('[.]') : [part]));
  return ids.every((id) => MOODLE_IDENTIFIER.test(id));
}

/**
 * The size in bytes of the data model sent as Moodle sends it at exit: every element as a
 * form field, `name=value&…`, URL-encoded.
 */
export function moodlePayloadBytes(cmi: Record<string, unknown>): number {
  const fields: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (node === null || node === undefined || node === '') return;
    if (typeof node === 'object') {
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) walk(value, `${path}.${key}`);
      return;
    }
    fields.push(`${encodeURIComponent(path.replace(/\./g, '__'))}=${encodeURIComponent(String(node))}`);
  };
  walk(cmi, 'cmi');
  return new TextEncoder().encode(fields.join('&')).length;
}
