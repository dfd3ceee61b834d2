/**
 * Identifiers sent to an LMS: the mapping from authored ids is one-to-one and stable, and
 * every id of every module, in both SCORM versions, is one Moodle accepts (no hyphen in 2004
 * responses), written through the real runtimes to a Moodle-strict scorm-again.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLmsHost, MOODLE_IDENTIFIER } from '../../preview/lms-host.ts';
import { lmsIdentifierProblems, MANY_TRIES } from '../../packaging/lms-identifiers.ts';
import type { CourseIndex } from '../../src/content/schema.ts';
import type { InteractionRecord } from '../../src/lms/runtime.ts';
import { correctResponse } from '../../src/machines/quiz-scoring.ts';
import { interactionPattern } from '../../src/progress/interaction-pattern.ts';
import { loadCourse } from '../../src/content/loader.ts';
import { authoredId, identifierProblems, lmsId, lmsInteraction, quizInteractionId, scenarioInteractionId } from '../../src/lms/identifiers.ts';
import { format12, format2004 } from '../../src/lms/interaction-format.ts';
import { Scorm12Runtime } from '../../src/lms/scorm-runtime.ts';
import { Scorm2004Runtime } from '../../src/lms/scorm2004-runtime.ts';
import type { Scorm12Api, Scorm2004Api } from '../../src/lms/scorm-api.ts';

/** The interactions (through the course's own code) a module can send: each question answered correctly, each scenario choice taken. */
function emittedInteractions(index: CourseIndex): InteractionRecord[] {
  const at = new Date('2026-01-01T00:00:00Z');
  const base = { result: 'correct' as const, weighting: 1, latencySeconds: 1, timestamp: at };
  return index.modules.flatMap((module) => [
    ...(module.quiz?.questions ?? []).map((question) => ({
      ...base,
      id: quizInteractionId(module.id, question.id, MANY_TRIES),
      description: question.id,
      objectiveId: `${module.id}.${question.objective}`,
      pattern: interactionPattern(question, correctResponse(question)),
    })),
    ...module.scenarios.flatMap((scenario) =>
      scenario.scenes.flatMap((scene) =>
        scene.choices.map((choice) => ({
          ...base,
          id: scenarioInteractionId(module.id, scenario.id, scene.id, MANY_TRIES),
          description: choice.id,
          objectiveId: `${module.id}.${scenario.objectives[0]!}`,
          pattern: { type: 'choice' as const, options: scene.choices.map((c) => c.id), learner: [choice.id], correct: [scene.choices.find((c) => c.best)!.id] },
        })),
      ),
    ),
  ]);
}

const { index } = loadCourse(process.cwd());
const interactions = emittedInteractions(index);
const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,4}$/);

/** The identifiers inside a 2004 response or pattern. */
function identifiersIn(type: string, value: string): string[] {
  if (type === 'true-false') return [];
  return value.split('[,]').flatMap((part) => (type === 'matching' ? part.split('[.]') : [part]));
}

describe('the mapping from authored ids', () => {
  it('is stable, one-to-one on kebab-case ids, and gives what Moodle accepts', () => {
    fc.assert(
      fc.property(kebab, kebab, (a, b) => {
        expect(lmsId(a)).toMatch(MOODLE_IDENTIFIER);
        expect(lmsId(a)).toBe(lmsId(a));
        expect(authoredId(lmsId(a))).toBe(a);
        if (a !== b) expect(lmsId(a)).not.toBe(lmsId(b));
      }),
    );
    expect(lmsId('voluntary-registration')).toBe('voluntary_registration');
  });

  it('names ids that would collide or be refused', () => {
    expect(identifierProblems(['a-b', 'a_b'])).toEqual(['"a_b" and "a-b" both become "a_b"']);
    expect(identifierProblems(['x'.repeat(251)])[0]).toMatch(/refuses/);
    expect(identifierProblems(['ok-id', 'other'])).toEqual([]);
  });
});

describe('every identifier of every module', () => {
  it('covers every question and every scenario choice of the course', () => {
    const questions = index.modules.reduce((n, m) => n + (m.quiz?.questions.length ?? 0), 0);
    const choices = index.modules.reduce((n, m) => n + m.scenarios.reduce((k, s) => k + s.scenes.reduce((c, scene) => c + scene.choices.length, 0), 0), 0);
    expect(interactions).toHaveLength(questions + choices);
    expect(interactions.length).toBeGreaterThan(30);
    // The content does use hyphens: without the mapping Moodle would refuse these.
    expect(interactions.some((i) => /-/.test(format2004(i.pattern).correct ?? ''))).toBe(true);
  });

  it('the build finds no problem with the content', () => {
    expect(lmsIdentifierProblems(index)).toEqual([]);
  });

  it('every emitted id, objective id and response identifier matches ^[\\w.]{1,250}$ in 1.2 and 2004', () => {
    for (const interaction of interactions.map(lmsInteraction)) {
      expect(interaction.id).toMatch(MOODLE_IDENTIFIER);
      expect(interaction.objectiveId).toMatch(MOODLE_IDENTIFIER);
      const f2004 = format2004(interaction.pattern);
      for (const id of [...identifiersIn(f2004.type, f2004.learner), ...identifiersIn(f2004.type, f2004.correct ?? '')]) expect(id, interaction.id).toMatch(MOODLE_IDENTIFIER);
      const f12 = format12(interaction.pattern);
      for (const part of [f12.learner, f12.correct]) expect(part, interaction.id).toMatch(/^[\w.,]*$/);
    }
    for (const module of index.modules) for (const o of module.objectives) expect(lmsId(`${module.id}.${o.id}`)).toMatch(MOODLE_IDENTIFIER);
  });

  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: a Moodle-strict scorm-again accepts every interaction with no refusal`, () => {
      // One module SCO at a time, as each is launched.
      for (const module of index.modules) {
        const host = createLmsHost({ version, moodle: true, masteryScore: version === '1.2' ? 80 : 0.8 });
        const runtime = version === '1.2' ? new Scorm12Runtime(host.api as unknown as Scorm12Api) : new Scorm2004Runtime(host.api as unknown as Scorm2004Api);
        expect(runtime.initialize()).toBe(true);
        runtime.readResume();
        for (const interaction of interactions.filter((i) => i.id.startsWith(`${module.id}.`))) expect(runtime.writeInteraction(interaction), interaction.id).toBe(true);
        expect(runtime.takeRefusals()).toEqual([]);
        expect(host.calls.filter((c) => c.method.endsWith('SetValue') && c.result !== 'true')).toEqual([]);
        expect(host.errors).toEqual([]);
      }
    });
  }

  it('without the mapping, the Moodle-strict host refuses hyphenated responses (the test can fail)', () => {
    const host = createLmsHost({ version: '2004', moodle: true });
    const api = host.api as unknown as Scorm2004Api;
    api.Initialize('');
    const hyphenated = interactions.find((i) => i.pattern.type === 'choice' && /-/.test(format2004(i.pattern).correct ?? ''))!;
    api.SetValue('cmi.interactions.0.id', 'x');
    api.SetValue('cmi.interactions.0.type', 'choice');
    expect(api.SetValue('cmi.interactions.0.correct_responses.0.pattern', format2004(hyphenated.pattern).correct!)).toBe('false');
    expect(String(api.GetLastError())).toBe('406');
  });
});
