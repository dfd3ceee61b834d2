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
  /** SetValue of elements matching this pattern returns "false" with error 351 (1.2) / 351 (2004). */
  refuseSet?: RegExp;
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
}

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
      } else if (kind === 'SetValue' && faults.refuseSet?.test(args[0] ?? '')) {
        injectedError = options.version === '1.2' ? '101' : '351';
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
    cmi: () => (api.renderCMIToJSONObject() as { cmi: Record<string, unknown> }).cmi,
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
      },
      student_data: options.masteryScore !== undefined ? { mastery_score: String(options.masteryScore) } : {},
      student_preference: options.learnerLanguage ? { language: options.learnerLanguage } : {},
    };
  }
  const resume = saved.exit === 'suspend';
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
