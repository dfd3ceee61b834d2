/** What the LMS is told: per module, and rolled up for the single-SCO course package. */
import { describe, expect, it } from 'vitest';
import type { ModuleSummary, QuizKey } from '../../src/content/schema.ts';
import type { CourseContext } from '../../src/machines/course-machine.ts';
import type { QuizSnapshotData } from '../../src/machines/quiz-machine.ts';
import { trackingState, type TrackingInput } from '../../src/progress/tracking.ts';

const quiz: QuizKey = { attempts: 0, keep: 'best', draw: 1, questions: [{ id: 'q', type: 'true-false', objective: 'o1', guidelines: [1], answer: true }] };
const module = (id: string, withQuiz = true): ModuleSummary => ({
  id,
  number: 1,
  folder: `01-${id}`,
  title: { en: id, es: id },
  summary: { en: id, es: id },
  masteryScore: 80,
  objectives: [
    { id: 'o1', guidelines: [1], text: { en: 'First', es: 'Primero' } },
    { id: 'o2', guidelines: [2], text: { en: 'Second', es: 'Segundo' } },
  ],
  pages: [{ id: 'p', title: { en: 'P', es: 'P' }, minutes: 1 }],
  ...(withQuiz ? { quiz } : {}),
  checks: {},
  scenarios: [],
  exercises: { scenarios: [], ...(withQuiz ? { quizMinutes: 2 } : {}) },
  workshopPrompts: [],
  sessionMinutes: 180,
});
const taken = (score: number): QuizSnapshotData => ({
  state: 'review',
  seed: 1,
  attempt: 1,
  index: 0,
  responses: [],
  lastScore: score,
  countedScore: score,
  countedObjectives: { o1: score },
});

function input(modules: ModuleSummary[], seen: boolean[], quizzes: Array<QuizSnapshotData | undefined>, extra: Partial<TrackingInput> = {}): TrackingInput {
  const context: CourseContext = {
    view: 'page',
    modules: modules.map((m) => ({ id: m.id, pageIds: ['p', 'quiz'] })),
    position: { module: 0, page: 0 },
    visited: seen.map((s) => [s, s]),
    language: 'en',
  };
  return { context, modules, quizzes, scenarios: modules.map(() => []), location: 'a/p', suspendData: 'S', language: 'en', masteryScores: modules.map(() => 80), scoreRollup: 'mean', ...extra };
}

describe('tracking for one module', () => {
  it('is incomplete and unknown before anything is done', () => {
    expect(trackingState(input([module('a')], [false], [undefined]))).toMatchObject({ completion: 'incomplete', success: 'unknown', finished: false });
  });

  it('is completed but not finished when the pages are seen and the quiz is not taken', () => {
    const state = trackingState(input([module('a')], [true], [undefined]));
    expect(state).toMatchObject({ completion: 'completed', success: 'unknown', finished: false });
    expect(state.scorePercent).toBeUndefined();
  });

  it('passes or fails against the mastery score, with per-objective results', () => {
    const passed = trackingState(input([module('a')], [true], [taken(90)]));
    expect(passed).toMatchObject({ completion: 'completed', success: 'passed', scorePercent: 90, finished: true });
    expect(passed.objectives).toEqual([
      { id: 'a.o1', description: 'First', completion: 'completed', success: 'passed', scorePercent: 90 },
      { id: 'a.o2', description: 'Second', completion: 'completed', success: 'unknown' },
    ]);
    expect(trackingState(input([module('a')], [true], [taken(70)]))).toMatchObject({ success: 'failed', scorePercent: 70 });
  });

  it("uses the LMS's mastery score when it gives one", () => {
    expect(trackingState(input([module('a')], [true], [taken(70)], { masteryScores: [60] }))).toMatchObject({ success: 'passed' });
  });

  it('is finished without a quiz once every page is seen', () => {
    expect(trackingState(input([module('a', false)], [true], [undefined]))).toMatchObject({ completion: 'completed', success: 'unknown', finished: true });
  });
});

describe('tracking rolled up for the single-SCO course', () => {
  const modules = [module('a'), module('b'), module('c')];

  it('completes only when every module is complete', () => {
    expect(trackingState(input(modules, [true, true, false], [taken(100), taken(100), taken(100)]))).toMatchObject({ completion: 'incomplete' });
    expect(trackingState(input(modules, [true, true, true], [taken(100), taken(100), taken(100)]))).toMatchObject({ completion: 'completed', finished: true });
  });

  it('scores the mean of the module quizzes, once all are taken', () => {
    expect(trackingState(input(modules, [true, true, true], [taken(90), taken(80), undefined])).scorePercent).toBeUndefined();
    expect(trackingState(input(modules, [true, true, true], [taken(90), taken(80), taken(85)]))).toMatchObject({ scorePercent: 85, success: 'passed' });
  });

  it('or their minimum when course.yaml says so', () => {
    expect(trackingState(input(modules, [true, true, true], [taken(90), taken(80), taken(85)], { scoreRollup: 'minimum' })).scorePercent).toBe(80);
  });

  it('passes only when every module is passed', () => {
    expect(trackingState(input(modules, [true, true, true], [taken(100), taken(100), taken(50)]))).toMatchObject({ success: 'failed', scorePercent: 83.33 });
  });

  it("reports every module's objectives", () => {
    expect(trackingState(input(modules, [true, true, true], [taken(100), undefined, undefined])).objectives.map((o) => o.id)).toEqual([
      'a.o1',
      'a.o2',
      'b.o1',
      'b.o2',
      'c.o1',
      'c.o2',
    ]);
  });
});
