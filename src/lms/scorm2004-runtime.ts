/**
 * The SCORM 2004 runtime adapter: completion and success are separate elements. Written with
 * Moodle in mind: the LMS keeps a SCO's data only while it exits with `suspend`, and sends the
 * whole data model at exit, so the course exits with `suspend` and writes little.
 */
import { format2004, format2004ByPosition } from './interaction-format';
import { scorm2004Duration, scorm2004Time, type InteractionRecord, type ResumeData, type TrackingRecord } from './runtime';
import type { Scorm2004Api } from './scorm-api';
import { percent, ScormRuntime } from './scorm-base';
import { shortDescription } from './write-result';

export const MAX_INTERACTIONS_2004 = 72;

/** SCORM 2004: completion and success are separate elements. */
export class Scorm2004Runtime extends ScormRuntime {
  readonly kind = 'scorm2004';
  /**
   * Moodle sends the whole 2004 data model in one beacon at exit, refused above 64 KiB; an
   * interaction takes about 650 bytes there, so 72 of them (a whole first pass through the
   * single-SCO course) keep the exit under the limit.
   */
  protected override readonly maxInteractions = MAX_INTERACTIONS_2004;

  /** @param readPassingScore false when the course does not use the LMS's passing score (the single-SCO course). */
  constructor(
    api: Scorm2004Api,
    private readonly readPassingScore = true,
  ) {
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
    // Only where the LMS lists it, and "not initialised" (403) is simply "not set".
    const listed = this.readPassingScore && this.get('cmi._children').split(',').map((c) => c.trim()).includes('scaled_passing_score');
    const passing = listed ? this.getOptional('cmi.scaled_passing_score') : '';
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
      // Moodle gives a SCO its data back only after `suspend`: a module finished and left with
      // `normal` would come back empty (ab-initio). The status says the module is done.
      ['cmi.exit', 'suspend'],
      ['cmi.session_time', scorm2004Duration(record.sessionSeconds)],
    ];
    if (record.scorePercent !== undefined && !keepScore) values.push(...scoreValues('cmi.score.', record.scorePercent));
    for (const objective of record.objectives) {
      const { slot, id } = this.objectiveSlot(objective.id);
      const prefix = `cmi.objectives.${slot}.`;
      values.push(
        [`${prefix}id`, id],
        [`${prefix}description`, shortDescription(objective.description)],
        [`${prefix}completion_status`, objective.completion === 'not-attempted' ? 'not attempted' : objective.completion],
        [`${prefix}success_status`, objective.success],
      );
      if (objective.scorePercent !== undefined) values.push(...scoreValues(`${prefix}score.`, objective.scorePercent));
    }
    return this.setAll(values);
  }

  protected interactionValues(prefix: string, interaction: InteractionRecord): Array<[string, string] | [string, string, string]> {
    const formatted = format2004(interaction.pattern);
    // An LMS that refuses the response identifiers gets them by position (a, b…), which all accept.
    const byPosition = format2004ByPosition(interaction.pattern);
    const values: Array<[string, string] | [string, string, string]> = [
      [`${prefix}id`, interaction.id],
      [`${prefix}type`, formatted.type],
      [`${prefix}description`, shortDescription(interaction.description)],
    ];
    if (interaction.objectiveId) values.push([`${prefix}objectives.0.id`, interaction.objectiveId]);
    values.push(
      [`${prefix}timestamp`, scorm2004Time(interaction.timestamp)],
      ...(formatted.correct !== undefined ? [[`${prefix}correct_responses.0.pattern`, formatted.correct, byPosition.correct ?? ''] as [string, string, string]] : []),
      [`${prefix}learner_response`, formatted.learner, byPosition.learner],
      [`${prefix}result`, interaction.result],
      [`${prefix}latency`, scorm2004Duration(interaction.latencySeconds)],
    );
    // Weighting 1 (every answer counts the same) is left out: it says nothing and costs bytes at exit.
    if (interaction.weighting !== undefined && interaction.weighting !== 1) values.push([`${prefix}weighting`, String(interaction.weighting)]);
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
