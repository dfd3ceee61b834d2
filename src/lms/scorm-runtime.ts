/**
 * The SCORM 1.2 runtime adapter (the base class, scorm-base.ts, holds what both versions share;
 * the 2004 adapter is in scorm2004-runtime.ts).
 */
import { format12 } from './interaction-format';
import {
  scorm12Duration,
  scorm12Time,
  type Completion,
  type InteractionRecord,
  type ObjectiveRecord,
  type ResumeData,
  type Success,
  type TrackingRecord,
} from './runtime';
import type { Scorm12Api } from './scorm-api';
import { percent, ScormRuntime } from './scorm-base';

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
    const { slot, id } = this.objectiveSlot(objective.id);
    const prefix = `cmi.objectives.${slot}.`;
    const values: Array<[string, string]> = [
      [`${prefix}id`, id],
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

