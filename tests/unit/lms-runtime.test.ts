/**
 * The runtime adapters against the real scorm-again runtimes (they run in Node too): the exact
 * CMI values each SCORM version ends up holding, with no error logged.
 */
import { describe, expect, it } from 'vitest';
import { createLmsHost, type LmsHost } from '../../preview/lms-host.ts';
import { Scorm12Runtime } from '../../src/lms/scorm-runtime.ts';
import { Scorm2004Runtime } from '../../src/lms/scorm2004-runtime.ts';
import type { Scorm12Api, Scorm2004Api } from '../../src/lms/scorm-api.ts';
import {
  scorm12Duration,
  scorm2004Duration,
  type InteractionRecord,
  type TrackingRecord,
} from '../../src/lms/runtime.ts';

function runtimeFor(host: LmsHost) {
  return host.version === '1.2' ? new Scorm12Runtime(host.api as unknown as Scorm12Api) : new Scorm2004Runtime(host.api as unknown as Scorm2004Api);
}

const record: TrackingRecord = {
  finished: true,
  location: 'response/first-save-lives',
  suspendData: 'F1|abc|x|en|0.1|3',
  completion: 'completed',
  success: 'passed',
  scorePercent: 87.5,
  objectives: [
    { id: 'response.apply-principle-1', description: 'Apply Principle 1', completion: 'completed', success: 'passed', scorePercent: 100 },
    { id: 'response.compose-message', description: 'Compose a message', completion: 'incomplete', success: 'unknown' },
  ],
  sessionSeconds: 3723.5,
};

const interactions: InteractionRecord[] = [
  {
    id: 'response.q-shelter-id.1',
    description: 'Should a shelter ask for papers?',
    objectiveId: 'response.apply-principle-1',
    pattern: { type: 'choice', options: ['ask-papers', 'admit-all', 'refer-police'], learner: ['admit-all'], correct: ['admit-all'] },
    result: 'correct',
    weighting: 1,
    latencySeconds: 12,
    timestamp: new Date('2026-03-04T05:06:07Z'),
  },
  {
    id: 'response.q-binding.1',
    description: 'MICIC is binding',
    pattern: { type: 'true-false', learner: true, correct: false },
    result: 'incorrect',
    latencySeconds: 3,
    timestamp: new Date('2026-03-04T05:07:00Z'),
  },
  {
    id: 'response.q-order.1',
    description: 'Put the options in order',
    pattern: { type: 'sequencing', options: ['protect', 'relocate', 'evacuate'], learner: ['protect', 'evacuate', 'relocate'], correct: ['protect', 'relocate', 'evacuate'] },
    result: 'incorrect',
    latencySeconds: 20,
    timestamp: new Date('2026-03-04T05:08:00Z'),
  },
  {
    id: 'response.q-referral.1',
    description: 'Match each person to the actor',
    pattern: {
      type: 'matching',
      sources: ['child', 'asylum-seeker'],
      targets: ['child-protection', 'refugee-agency'],
      learner: [['child', 'child-protection'], ['asylum-seeker', 'refugee-agency']],
      correct: [['child', 'child-protection'], ['asylum-seeker', 'refugee-agency']],
    },
    result: 'correct',
    latencySeconds: 30,
    timestamp: new Date('2026-03-04T05:09:00Z'),
  },
];

describe('durations', () => {
  it('formats SCORM 1.2 timespans and 2004 intervals', () => {
    expect(scorm12Duration(0)).toBe('0000:00:00.00');
    expect(scorm12Duration(3723.456)).toBe('0001:02:03.46');
    expect(scorm2004Duration(0)).toBe('PT0S');
    expect(scorm2004Duration(3723.5)).toBe('PT1H2M3.5S');
  });
});

describe('SCORM 1.2 runtime under scorm-again', () => {
  it('writes status, score, objectives and interactions in 1.2 formats', () => {
    const host = createLmsHost({ version: '1.2', masteryScore: 80 });
    const runtime = runtimeFor(host);
    expect(runtime.initialize()).toBe(true);
    expect(runtime.readResume()).toMatchObject({ entry: 'ab-initio', masteryScore: 80, learnerId: 'learner-1', completion: 'not-attempted' });
    expect(runtime.write(record)).toBe(true);
    for (const interaction of interactions) expect(runtime.writeInteraction(interaction)).toBe(true);
    expect(runtime.commit()).toBe(true);

    const cmi = host.cmi() as Record<string, any>;
    expect(cmi.core).toMatchObject({ lesson_status: 'passed', lesson_location: 'response/first-save-lives', exit: '', score: { raw: '87.5', min: '0', max: '100' } });
    expect(host.value('cmi.core.session_time')).toMatch(/^0*1:02:03\.5/);
    expect(cmi.suspend_data).toBe('F1|abc|x|en|0.1|3');
    expect(cmi.objectives['0']).toMatchObject({ id: 'response.apply_principle_1', status: 'passed', score: { raw: '100', min: '0', max: '100' } });
    expect(cmi.objectives['1']).toMatchObject({ id: 'response.compose_message', status: 'incomplete' });
    const written = cmi.interactions as Record<string, any>;
    expect(written['0']).toMatchObject({
      id: 'response.q_shelter_id.1',
      type: 'choice',
      student_response: 'b',
      result: 'correct',
      weighting: '1',
      latency: expect.stringMatching(/^0*:?00:00:12/),
      objectives: { '0': { id: 'response.apply_principle_1' } },
      correct_responses: { '0': { pattern: 'b' } },
    });
    expect(written['1']).toMatchObject({ type: 'true-false', student_response: 't', result: 'wrong', correct_responses: { '0': { pattern: 'f' } } });
    expect(written['2']).toMatchObject({ type: 'sequencing', student_response: 'a,c,b', correct_responses: { '0': { pattern: 'a,b,c' } } });
    expect(written['3']).toMatchObject({ type: 'matching', student_response: 'a.0,b.1', correct_responses: { '0': { pattern: 'a.0,b.1' } } });
    expect(host.errors).toEqual([]);
  });

  it('never downgrades a status the LMS already holds, nor the score that came with it', () => {
    const host = createLmsHost({ version: '1.2', saved: { core: { lesson_status: 'passed', exit: 'suspend', score: { raw: '95' } } } });
    const runtime = runtimeFor(host);
    runtime.initialize();
    expect(runtime.readResume()).toMatchObject({ entry: 'resume', completion: 'completed', success: 'passed' });
    runtime.write({ ...record, completion: 'incomplete', success: 'failed', scorePercent: 40, finished: false });
    expect(host.value('cmi.core.lesson_status')).toBe('passed');
    expect(host.value('cmi.core.score.raw')).toBe('95');
    expect(host.value('cmi.core.exit')).toBe('suspend');
  });

  it('reuses the objective slots the LMS already has, in the spelling it holds', () => {
    const host = createLmsHost({
      version: '1.2',
      saved: { objectives: { '0': { id: 'response.compose-message', status: 'incomplete' }, '1': { id: 'response.apply_principle_1', status: 'incomplete' } } },
    });
    const runtime = runtimeFor(host);
    runtime.initialize();
    runtime.readResume();
    runtime.write(record);
    // Written before ids were mapped: the old spelling keeps its slot.
    expect(host.value('cmi.objectives.0.id')).toBe('response.compose-message');
    expect(host.value('cmi.objectives.0.status')).toBe('incomplete');
    expect(host.value('cmi.objectives.1.id')).toBe('response.apply_principle_1');
    expect(host.value('cmi.objectives.1.status')).toBe('passed');
    expect(host.value('cmi.objectives.2.id')).toBe('');
    expect(host.errors).toEqual([]);
  });
});

describe('SCORM 1.2 single-SCO course under Moodle\'s "Mastery score overrides status"', () => {
  // The course fails a learner who failed one module even when the mean of the scores is high.
  const failedOneModule: TrackingRecord = { ...record, completion: 'completed', success: 'failed', scorePercent: 86 };
  const statusAfterCommit = (masteryScore: number | undefined) => {
    const host = createLmsHost({ version: '1.2', moodle: true, masteryScore });
    const runtime = runtimeFor(host);
    runtime.initialize();
    runtime.readResume();
    runtime.write(failedOneModule);
    runtime.finish();
    return host.value('cmi.core.lesson_status');
  };

  it('with a mastery score in the manifest Moodle would rewrite failed to passed', () => {
    expect(statusAfterCommit(80)).toBe('passed');
  });

  it('without one (as the single-SCO manifest now ships) the course\'s own failed stands', () => {
    expect(statusAfterCommit(undefined)).toBe('failed');
  });
});

describe('SCORM 2004 runtime under scorm-again', () => {
  it('writes completion and success apart, scaled score, objectives and interactions in 2004 formats', () => {
    const host = createLmsHost({ version: '2004', masteryScore: 0.8 });
    const runtime = runtimeFor(host);
    expect(runtime.initialize()).toBe(true);
    expect(runtime.readResume()).toMatchObject({ entry: 'ab-initio', masteryScore: 80, learnerId: 'learner-1' });
    expect(runtime.write(record)).toBe(true);
    for (const interaction of interactions) expect(runtime.writeInteraction(interaction)).toBe(true);
    expect(runtime.commit()).toBe(true);

    const cmi = host.cmi() as Record<string, any>;
    expect(cmi).toMatchObject({
      completion_status: 'completed',
      success_status: 'passed',
      location: 'response/first-save-lives',
      // Moodle gives a 2004 SCO its data back only after suspend, so even a finished module suspends.
      exit: 'suspend',
      session_time: 'PT1H2M3.5S',
      score: { scaled: '0.875', raw: '87.5', min: '0', max: '100' },
    });
    expect(cmi.objectives['0']).toMatchObject({
      id: 'response.apply_principle_1',
      description: 'Apply Principle 1',
      success_status: 'passed',
      completion_status: 'completed',
      score: { scaled: '1', raw: '100' },
    });
    expect(cmi.objectives['1']).toMatchObject({ id: 'response.compose_message', success_status: 'unknown', completion_status: 'incomplete' });
    const written = cmi.interactions as Record<string, any>;
    expect(written['0']).toMatchObject({
      id: 'response.q_shelter_id.1',
      type: 'choice',
      description: 'Should a shelter ask for papers?',
      learner_response: 'admit_all',
      result: 'correct',
      timestamp: '2026-03-04T05:06:07.00Z',
      latency: 'PT12S',
      correct_responses: { '0': { pattern: 'admit_all' } },
      objectives: { '0': { id: 'response.apply_principle_1' } },
    });
    expect(written['1']).toMatchObject({ type: 'true-false', learner_response: 'true', result: 'incorrect', correct_responses: { '0': { pattern: 'false' } } });
    expect(written['2']).toMatchObject({ type: 'sequencing', learner_response: 'protect[,]evacuate[,]relocate' });
    expect(written['3']).toMatchObject({ type: 'matching', learner_response: 'child[.]child_protection[,]asylum_seeker[.]refugee_agency' });
    expect(host.errors).toEqual([]);
  });

  it('tells a refused value (logged once per kind) from a failure, and writes the rest', () => {
    const host = createLmsHost({ version: '2004', masteryScore: 0.8, faults: { refuseSet: /^cmi\.suspend_data$/, refuseCode: '406' } });
    const runtime = runtimeFor(host) as Scorm2004Runtime;
    runtime.initialize();
    runtime.readResume();
    expect(runtime.write(record)).toBe(true);
    expect(runtime.write(record)).toBe(true);
    const refusals = runtime.takeRefusals();
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatch(/^406.*\(cmi\.suspend_data = "F1\|abc/);
    expect(runtime.refusalCount()).toBe(2);
    expect(runtime.lastError()).toBe('');
    // Everything else was still written.
    expect(host.value('cmi.location')).toBe('response/first-save-lives');
  });

  it('an interaction whose identifiers Moodle refuses is sent again by position', () => {
    const host = createLmsHost({ version: '2004', masteryScore: 0.8, moodle: true });
    const runtime = runtimeFor(host) as Scorm2004Runtime;
    runtime.initialize();
    runtime.readResume();
    const odd: InteractionRecord = { ...interactions[0]!, pattern: { type: 'choice', options: ['a b', 'c:d'], learner: ['c:d'], correct: ['a b'] } };
    expect(runtime.writeInteraction(odd)).toBe(true);
    expect(host.value('cmi.interactions.0.learner_response')).toBe('b');
    expect(host.value('cmi.interactions.0.correct_responses.0.pattern')).toBe('a');
    expect(runtime.takeRefusals().map((r) => r.slice(0, 3))).toEqual(['406', '406']);
  });

  it('a value whose SetValue throws is not sent: the session tries it again', () => {
    const host = createLmsHost({ version: '2004', masteryScore: 0.8, faults: { throwOnSet: /learner_response/ } });
    const runtime = runtimeFor(host);
    runtime.initialize();
    runtime.readResume();
    expect(runtime.writeInteraction(interactions[0]!)).toBe(false);
    expect(runtime.lastError()).toMatch(/threw.*learner_response/);
    host.setFaults({});
    // The retry takes the same slot: no second record.
    expect(runtime.writeInteraction(interactions[0]!)).toBe(true);
    expect(Object.keys(host.cmi().interactions as object).filter((k) => /^\d+$/.test(k))).toEqual(['0']);
    expect(host.value('cmi.interactions.0.learner_response')).toBe('admit_all');
  });

  it('reads the passing score only where it is used and listed, and "not set" (403) is no error', () => {
    const host = createLmsHost({ version: '2004' });
    const runtime = runtimeFor(host);
    runtime.initialize();
    expect(runtime.readResume().masteryScore).toBeUndefined();
    // The LMS logs its own 403; the course reports nothing.
    expect(runtime.lastError()).toBe('');
    const quiet = createLmsHost({ version: '2004', masteryScore: 0.8 });
    const single = new Scorm2004Runtime(quiet.api as unknown as Scorm2004Api, false);
    single.initialize();
    expect(single.readResume().masteryScore).toBeUndefined();
    expect(quiet.calls.filter((c) => c.args[0] === 'cmi.scaled_passing_score')).toEqual([]);
  });

  it('treats a throwing commit as a failed one', () => {
    const host = createLmsHost({ version: '2004', masteryScore: 0.8, faults: { commitThrows: true } });
    const runtime = runtimeFor(host);
    runtime.initialize();
    expect(runtime.commit()).toBe(false);
  });
});
