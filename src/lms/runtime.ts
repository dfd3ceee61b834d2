/**
 * One vocabulary over both SCORM versions and browser storage: the session speaks of
 * "location", "completion" or "an interaction"; each runtime adapter knows its version's
 * element names and formats.
 */

export type Completion = 'not-attempted' | 'incomplete' | 'completed';
export type Success = 'unknown' | 'passed' | 'failed';

export interface ResumeData {
  entry: 'resume' | 'ab-initio' | '';
  location: string;
  suspendData: string;
  completion: Completion;
  success: Success;
  /** The learner's preferred language as the LMS knows it ('' when not set). */
  language: string;
  /** Percent 0-100 the LMS requires to pass, when it says (1.2 mastery_score, 2004 scaled_passing_score). */
  masteryScore?: number;
  learnerId: string;
}

export interface ObjectiveRecord {
  /** Stable and readable: `<module id>.<objective id>`. */
  id: string;
  description: string;
  completion: Completion;
  success: Success;
  scorePercent?: number;
}

export interface TrackingRecord {
  /** True when the learner has done everything the SCO asks: exit becomes normal, not suspend. */
  finished: boolean;
  location: string;
  suspendData: string;
  completion: 'incomplete' | 'completed';
  success: Success;
  /** 0-100; Moodle puts the raw score into its gradebook as it is. */
  scorePercent?: number;
  objectives: ObjectiveRecord[];
  sessionSeconds: number;
}

export type InteractionPattern =
  | { type: 'choice'; options: readonly string[]; learner: readonly string[]; correct: readonly string[] }
  | { type: 'true-false'; learner: boolean; correct: boolean }
  | { type: 'sequencing'; options: readonly string[]; learner: readonly string[]; correct: readonly string[] }
  | {
      type: 'matching';
      sources: readonly string[];
      targets: readonly string[];
      learner: ReadonlyArray<readonly [string, string]>;
      correct: ReadonlyArray<readonly [string, string]>;
    };

export interface InteractionRecord {
  /** Unique within the attempt, stable across content versions, readable: `<module>.<question>.<try>`. */
  id: string;
  /** Shown to trainers in 2004 reports (at most 250 characters are sent). */
  description: string;
  objectiveId?: string;
  pattern: InteractionPattern;
  result: 'correct' | 'incorrect' | 'neutral';
  weighting?: number;
  latencySeconds: number;
  timestamp: Date;
}

/** What every backend (SCORM 1.2, SCORM 2004, browser storage) offers the session. */
export interface RuntimeAdapter {
  readonly kind: 'scorm12' | 'scorm2004' | 'standalone';
  initialize(): boolean;
  readResume(): ResumeData;
  /** False when the LMS failed (not when it refused a value: see takeRefusals). */
  write(record: TrackingRecord): boolean;
  /** True when the LMS has the interaction (or refused parts of it for good); false: send it again. */
  writeInteraction(interaction: InteractionRecord): boolean;
  commit(): boolean;
  finish(): boolean;
  /** Last error as "code: text" for notices and logs; '' when none. */
  lastError(): string;
  /** Values the LMS refused since the last call, each kind once per session, for the log. */
  takeRefusals?(): string[];
  /** How many values the LMS refused so far in this session. */
  refusalCount?(): number;
  /** Never write a status below this one (a finished module restored from the browser copy). */
  keepAtLeast?(completion: Completion, success: Success): void;
}

export function isTrue(result: unknown): boolean {
  return result === 'true' || result === true;
}

/** Calls an LMS function; an LMS that throws is treated as one that failed. */
export function guarded<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
  }
}

function split(totalSeconds: number) {
  const centis = Math.max(0, Math.round(totalSeconds * 100));
  return {
    hours: Math.floor(centis / 360000),
    minutes: Math.floor((centis % 360000) / 6000),
    seconds: (centis % 6000) / 100,
  };
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS (RTE 3.4.2.1). */
export function scorm12Duration(totalSeconds: number): string {
  const { hours, minutes, seconds } = split(totalSeconds);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(Math.min(hours, 9999), 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. PT1H2M3.5S. */
export function scorm2004Duration(totalSeconds: number): string {
  const { hours, minutes, seconds } = split(totalSeconds);
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${Number(seconds.toFixed(2))}S`;
}

/** SCORM 1.2 CMITime: HH:MM:SS of the learner's local clock. */
export function scorm12Time(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** SCORM 2004 time: YYYY-MM-DDThh:mm:ss.ssZ (the time-zone designator needs the fraction, RTE 4.2). */
export function scorm2004Time(date: Date): string {
  return `${date.toISOString().slice(0, 22)}Z`;
}

/** A completion or success once reached is never taken back (a module once completed stays so). */
export function strongerCompletion(current: Completion, next: Completion): Completion {
  const rank: Record<Completion, number> = { 'not-attempted': 0, incomplete: 1, completed: 2 };
  return rank[next] >= rank[current] ? next : current;
}

export function strongerSuccess(current: Success, next: Success): Success {
  const rank: Record<Success, number> = { unknown: 0, failed: 1, passed: 2 };
  return rank[next] >= rank[current] ? next : current;
}
