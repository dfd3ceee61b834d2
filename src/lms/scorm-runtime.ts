/**
 * The SCORM runtime adapters. The base class holds what both versions share (guarded calls,
 * objective slots, interaction numbering, never downgrading status); each subclass writes
 * its own version's elements and formats.
 */
import { format12, format2004 } from './interaction-format';
import {
  guarded,
  isTrue,
  scorm12Duration,
  scorm12Time,
  scorm2004Duration,
  scorm2004Time,
  strongerCompletion,
  strongerSuccess,
  type Completion,
  type InteractionRecord,
  type ObjectiveRecord,
  type ResumeData,
  type RuntimeAdapter,
  type Success,
  type TrackingRecord,
} from './runtime';
import type { Scorm12Api, Scorm2004Api } from './scorm-api';

interface LowLevelApi {
  initialize(): unknown;
  finish(): unknown;
  get(element: string): unknown;
  set(element: string, value: string): unknown;
  commit(): unknown;
  lastErrorCode(): unknown;
  errorString(code: string): unknown;
}

abstract class ScormRuntime implements RuntimeAdapter {
  abstract readonly kind: 'scorm12' | 'scorm2004';
  /** Index of each objective id in cmi.objectives, read at launch and extended as we add. */
  private objectiveSlots = new Map<string, number>();
  /** The status the LMS holds, read at launch and kept as we write. */
  protected current = { completion: 'not-attempted' as Completion, success: 'unknown' as Success };
  private interactionCount = 0;
  private firstRefusal = '';

  constructor(private readonly api: LowLevelApi) {}

  initialize(): boolean {
    const ok = guarded(() => isTrue(this.api.initialize()), false);
    if (ok) this.readCounts();
    return ok;
  }

  protected get(element: string): string {
    return guarded(() => String(this.api.get(element) ?? ''), '');
  }

  /** Sets one element; remembers the first refusal, with the LMS's reason, so the notice can name it. */
  protected set(element: string, value: string): boolean {
    const ok = guarded(() => isTrue(this.api.set(element, value)), false);
    if (!ok && !this.firstRefusal) this.firstRefusal = `${this.currentError() || 'refused'} (${element})`;
    return ok;
  }

  private currentError(): string {
    return guarded(() => {
      const code = String(this.api.lastErrorCode());
      return code === '0' || code === '' ? '' : `${code}: ${String(this.api.errorString(code))}`;
    }, 'the LMS API threw an exception');
  }

  protected setAll(values: Array<[string, string]>): boolean {
    // Every value is attempted even after a refusal: one bad element must not cost the rest.
    return values.map(([element, value]) => this.set(element, value)).every(Boolean);
  }

  private readCounts(): void {
    const objectives = Number(this.get('cmi.objectives._count')) || 0;
    for (let i = 0; i < objectives; i++) {
      const id = this.get(`cmi.objectives.${i}.id`);
      if (id) this.objectiveSlots.set(id, i);
    }
    this.interactionCount = Number(this.get('cmi.interactions._count')) || 0;
  }

  protected objectiveSlot(id: string): number {
    let slot = this.objectiveSlots.get(id);
    if (slot === undefined) {
      slot = this.objectiveSlots.size;
      this.objectiveSlots.set(id, slot);
    }
    return slot;
  }

  writeInteraction(interaction: InteractionRecord): boolean {
    const n = this.interactionCount;
    const ok = this.setAll(this.interactionValues(`cmi.interactions.${n}.`, interaction));
    // A slot the LMS accepted part of is used: the next interaction takes a fresh one.
    this.interactionCount++;
    return ok;
  }

  commit(): boolean {
    return guarded(() => isTrue(this.api.commit()), false);
  }

  finish(): boolean {
    return guarded(() => isTrue(this.api.finish()), false);
  }

  lastError(): string {
    const refusal = this.firstRefusal;
    this.firstRefusal = '';
    return refusal || this.currentError();
  }

  /** The status to write: never below what the LMS holds; a better status keeps its score too. */
  protected merge(record: TrackingRecord): { completion: Completion; success: Success; keepScore: boolean } {
    const completion = strongerCompletion(this.current.completion, record.completion);
    const success = strongerSuccess(this.current.success, record.success);
    this.current = { completion, success };
    return { completion, success, keepScore: success !== record.success };
  }

  abstract readResume(): ResumeData;
  abstract write(record: TrackingRecord): boolean;
  protected abstract interactionValues(prefix: string, interaction: InteractionRecord): Array<[string, string]>;
}

const STATUS_12: Record<string, { completion: Completion; success: Success }> = {
  passed: { completion: 'completed', success: 'passed' },
  failed: { completion: 'completed', success: 'failed' },
  completed: { completion: 'completed', success: 'unknown' },
  incomplete: { completion: 'incomplete', success: 'unknown' },
  browsed: { completion: 'incomplete', success: 'unknown' },
};

function status12(completion: Completion, success: Success): string {
  if (success !== 'unknown') return success;
  return completion === 'not-attempted' ? 'incomplete' : completion;
}

function percent(value: number): string {
  return String(Math.round(Math.min(100, Math.max(0, value)) * 100) / 100);
}

/** SCORM 1.2: one lesson_status carries both completion and success. */
export class Scorm12Runtime extends ScormRuntime {
  readonly kind = 'scorm12';

  constructor(api: Scorm12Api) {
    super({
      initialize: () => api.LMSInitialize(''),
      finish: () => api.LMSFinish(''),
      get: (e) => api.LMSGetValue(e),
      set: (e, v) => api.LMSSetValue(e, v),
      commit: () => api.LMSCommit(''),
      lastErrorCode: () => api.LMSGetLastError(),
      errorString: (code) => api.LMSGetErrorString(code),
    });
  }

  readResume(): ResumeData {
    const entry = this.get('cmi.core.entry');
    this.current = STATUS_12[this.get('cmi.core.lesson_status')] ?? this.current;
    const mastery = this.get('cmi.student_data.mastery_score');
    return {
      entry: entry === 'resume' || entry === 'ab-initio' ? entry : '',
      location: this.get('cmi.core.lesson_location'),
      suspendData: this.get('cmi.suspend_data'),
      ...this.current,
      language: this.get('cmi.student_preference.language'),
      masteryScore: mastery === '' || Number.isNaN(Number(mastery)) ? undefined : Number(mastery),
      learnerId: this.get('cmi.core.student_id'),
    };
  }

  write(record: TrackingRecord): boolean {
    const { completion, success, keepScore } = this.merge(record);
    const values: Array<[string, string]> = [
      ['cmi.core.lesson_status', status12(completion, success)],
      ['cmi.core.lesson_location', record.location],
      ['cmi.suspend_data', record.suspendData],
      ['cmi.core.exit', record.finished ? '' : 'suspend'],
      ['cmi.core.session_time', scorm12Duration(record.sessionSeconds)],
    ];
    if (record.scorePercent !== undefined && !keepScore) {
      values.push(['cmi.core.score.raw', percent(record.scorePercent)], ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100']);
    }
    for (const objective of record.objectives) values.push(...this.objectiveValues(objective));
    return this.setAll(values);
  }

  private objectiveValues(objective: ObjectiveRecord): Array<[string, string]> {
    const prefix = `cmi.objectives.${this.objectiveSlot(objective.id)}.`;
    const values: Array<[string, string]> = [
      [`${prefix}id`, objective.id],
      [`${prefix}status`, objective.completion === 'not-attempted' && objective.success === 'unknown' ? 'not attempted' : status12(objective.completion, objective.success)],
    ];
    if (objective.scorePercent !== undefined) {
      values.push([`${prefix}score.raw`, percent(objective.scorePercent)], [`${prefix}score.min`, '0'], [`${prefix}score.max`, '100']);
    }
    return values;
  }

  protected interactionValues(prefix: string, interaction: InteractionRecord): Array<[string, string]> {
    const formatted = format12(interaction.pattern);
    const values: Array<[string, string]> = [
      [`${prefix}id`, interaction.id],
      [`${prefix}type`, formatted.type],
    ];
    if (interaction.objectiveId) values.push([`${prefix}objectives.0.id`, interaction.objectiveId]);
    values.push(
      [`${prefix}time`, scorm12Time(interaction.timestamp)],
      ...(formatted.correct !== undefined ? [[`${prefix}correct_responses.0.pattern`, formatted.correct] as [string, string]] : []),
      [`${prefix}student_response`, formatted.learner],
      [`${prefix}result`, interaction.result === 'incorrect' ? 'wrong' : interaction.result],
      [`${prefix}latency`, scorm12Duration(interaction.latencySeconds)],
    );
    if (interaction.weighting !== undefined) values.push([`${prefix}weighting`, String(interaction.weighting)]);
    return values;
  }
}

/** SCORM 2004: completion and success are separate elements. */
export class Scorm2004Runtime extends ScormRuntime {
  readonly kind = 'scorm2004';

  constructor(api: Scorm2004Api) {
    super({
      initialize: () => api.Initialize(''),
      finish: () => api.Terminate(''),
      get: (e) => api.GetValue(e),
      set: (e, v) => api.SetValue(e, v),
      commit: () => api.Commit(''),
      lastErrorCode: () => api.GetLastError(),
      errorString: (code) => api.GetErrorString(code),
    });
  }

  readResume(): ResumeData {
    const entry = this.get('cmi.entry');
    // On a first attempt these elements are not initialised and reading them is error 403.
    const hasHistory = entry !== 'ab-initio';
    const completion = this.get('cmi.completion_status');
    const success = this.get('cmi.success_status');
    this.current = {
      completion: completion === 'completed' ? 'completed' : completion === 'incomplete' ? 'incomplete' : 'not-attempted',
      success: success === 'passed' || success === 'failed' ? success : 'unknown',
    };
    const passing = this.get('cmi.scaled_passing_score');
    return {
      entry: entry === 'resume' || entry === 'ab-initio' ? entry : '',
      location: hasHistory ? this.get('cmi.location') : '',
      suspendData: hasHistory ? this.get('cmi.suspend_data') : '',
      ...this.current,
      language: this.get('cmi.learner_preference.language'),
      masteryScore: passing === '' || Number.isNaN(Number(passing)) ? undefined : Number(passing) * 100,
      learnerId: this.get('cmi.learner_id'),
    };
  }

  write(record: TrackingRecord): boolean {
    const { completion, success, keepScore } = this.merge(record);
    const values: Array<[string, string]> = [
      ['cmi.completion_status', completion === 'not-attempted' ? 'incomplete' : completion],
      ['cmi.success_status', success],
      ['cmi.location', record.location],
      ['cmi.suspend_data', record.suspendData],
      ['cmi.exit', record.finished ? 'normal' : 'suspend'],
      ['cmi.session_time', scorm2004Duration(record.sessionSeconds)],
    ];
    if (record.scorePercent !== undefined && !keepScore) values.push(...scoreValues('cmi.score.', record.scorePercent));
    for (const objective of record.objectives) {
      const prefix = `cmi.objectives.${this.objectiveSlot(objective.id)}.`;
      values.push(
        [`${prefix}id`, objective.id],
        [`${prefix}description`, objective.description.slice(0, 250)],
        [`${prefix}completion_status`, objective.completion === 'not-attempted' ? 'not attempted' : objective.completion],
        [`${prefix}success_status`, objective.success],
      );
      if (objective.scorePercent !== undefined) values.push(...scoreValues(`${prefix}score.`, objective.scorePercent));
    }
    return this.setAll(values);
  }

  protected interactionValues(prefix: string, interaction: InteractionRecord): Array<[string, string]> {
    const formatted = format2004(interaction.pattern);
    const values: Array<[string, string]> = [
      [`${prefix}id`, interaction.id],
      [`${prefix}type`, formatted.type],
      [`${prefix}description`, interaction.description.slice(0, 250)],
    ];
    if (interaction.objectiveId) values.push([`${prefix}objectives.0.id`, interaction.objectiveId]);
    values.push(
      [`${prefix}timestamp`, scorm2004Time(interaction.timestamp)],
      ...(formatted.correct !== undefined ? [[`${prefix}correct_responses.0.pattern`, formatted.correct] as [string, string]] : []),
      [`${prefix}learner_response`, formatted.learner],
      [`${prefix}result`, interaction.result],
      [`${prefix}latency`, scorm2004Duration(interaction.latencySeconds)],
    );
    if (interaction.weighting !== undefined) values.push([`${prefix}weighting`, String(interaction.weighting)]);
    return values;
  }
}

function scoreValues(prefix: string, scorePercent: number): Array<[string, string]> {
  return [
    [`${prefix}scaled`, String(Math.round(Math.min(100, Math.max(0, scorePercent)) * 100) / 10000)],
    [`${prefix}raw`, percent(scorePercent)],
    [`${prefix}min`, '0'],
    [`${prefix}max`, '100'],
  ];
}
