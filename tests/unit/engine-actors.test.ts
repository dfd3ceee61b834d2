/**
 * The engine's actors are made one per task from the starting point: the course machine starts
 * where the first view was drawn, each quiz resumes its saved draw, and the LMS's mastery score
 * applies only to a launch of one module.
 */
import { describe, expect, it } from 'vitest';
import type { QuestionKey, QuizKey } from '../../src/content/schema.ts';
import { createEngineActors, masteryScoresOf } from '../../src/controllers/engine-actors.ts';
import type { StartingPoint } from '../../src/controllers/restored-start.ts';
import { initialContext, type CourseInput } from '../../src/machines/course-navigation.ts';
import { createQuizActor, quizSnapshotData, type QuizStateName } from '../../src/machines/quiz-machine.ts';

const trueFalse: QuestionKey = { id: 'binding', type: 'true-false', objective: 'basics', guidelines: [1], answer: false };
const single: QuestionKey = { id: 'phases', type: 'single-choice', objective: 'phases', guidelines: [1], options: ['a', 'b', 'c'], answer: 'b' };
const quiz: QuizKey = { attempts: 2, keep: 'best', draw: 1, questions: [trueFalse, single] };

function startingPoint(modules: Array<{ quiz?: QuizKey; masteryScore: number }>, saved?: ReturnType<typeof quizSnapshotData>): StartingPoint {
  const input: CourseInput = {
    modules: modules.map((_, m) => ({ id: `m${m}`, pageIds: ['a', 'b'] })),
    language: 'es',
    restored: { position: { module: modules.length - 1, page: 1 }, visited: modules.map(() => [true, true]) },
    start: 'landing',
  };
  return {
    modules: modules as unknown as StartingPoint['modules'],
    codecModules: [],
    restored: saved ? ({ quizzes: modules.map(() => saved) } as unknown as StartingPoint['restored']) : undefined,
    input,
    context: initialContext(input),
  };
}

/** Counts the tasks the creation yields to: a window without scheduler.yield posts to a MessageChannel. */
function countingWindow() {
  let tasks = 0;
  const original = globalThis.MessageChannel;
  class Counting extends original {
    constructor() {
      super();
      tasks++;
    }
  }
  return { win: {} as Window, tasks: () => tasks, install: () => (globalThis.MessageChannel = Counting), restore: () => (globalThis.MessageChannel = original) };
}

describe('the engine actors', () => {
  it('start the course where the first view was drawn, in a task per actor', async () => {
    const start = startingPoint([{ quiz, masteryScore: 70 }, { masteryScore: 80 }, { quiz, masteryScore: 90 }]);
    const counting = countingWindow();
    counting.install();
    try {
      const actors = await createEngineActors(start, 50, counting.win);
      // Two quizzes and the course machine: three tasks.
      expect(counting.tasks()).toBe(3);
      expect(actors.quizzes.map((q) => q !== undefined)).toEqual([true, false, true]);
      expect(actors.course.getSnapshot().context).toEqual(start.context);
      // A course launch passes module by module, whatever the LMS says.
      expect(actors.masteryScores).toEqual([70, 80, 90]);
    } finally {
      counting.restore();
    }
  });

  it('resume each quiz from its saved draw and seed', async () => {
    const first = createQuizActor({ quiz, masteryScore: 80, seed: 99, now: 0 }).start();
    first.send({ type: 'quiz.start', at: 1000 });
    const saved = quizSnapshotData(first.getSnapshot().value as QuizStateName, first.getSnapshot().context);
    const actors = await createEngineActors(startingPoint([{ quiz, masteryScore: 80 }], saved), undefined, {} as Window);
    const resumed = actors.quizzes[0]!.getSnapshot();
    expect(resumed.context.seed).toBe(99);
    expect(quizSnapshotData(resumed.value as QuizStateName, resumed.context)).toEqual(saved);
  });

  it('give a single module the LMS mastery score when the LMS sets one', () => {
    expect(masteryScoresOf(startingPoint([{ quiz, masteryScore: 80 }]), 65)).toEqual([65]);
    expect(masteryScoresOf(startingPoint([{ quiz, masteryScore: 80 }]), undefined)).toEqual([80]);
    expect(masteryScoresOf(startingPoint([{ quiz, masteryScore: 80 }, { quiz, masteryScore: 75 }]), 65)).toEqual([80, 75]);
  });
});
