/**
 * The engine's actors: the course machine and one quiz per module, created from the starting
 * point. Creating an actor computes its first state (a restored quiz replays its draw), so each
 * is made in a task of its own: a phone stays responsive while the engine starts.
 */
import { createCourseActor, type CourseActor } from '../machines/course-machine';
import { createQuizActor, type QuizActor } from '../machines/quiz-machine';
import type { StartingPoint } from './restored-start';
import { nextTask } from './starting-point';

export interface EngineActors {
  course: CourseActor;
  /** One per module in scope; undefined for a module without a quiz. */
  quizzes: Array<QuizActor | undefined>;
  /** The score each module's quiz is passed with. */
  masteryScores: number[];
}

/** The LMS's mastery score applies to a module SCO; the course SCO passes module by module. */
export function masteryScoresOf(start: StartingPoint, lmsMasteryScore: number | undefined): number[] {
  const { modules } = start;
  return modules.map((m) => (modules.length === 1 && lmsMasteryScore !== undefined ? lmsMasteryScore : m.masteryScore));
}

export async function createEngineActors(start: StartingPoint, lmsMasteryScore: number | undefined, win: Window): Promise<EngineActors> {
  const masteryScores = masteryScoresOf(start, lmsMasteryScore);
  const quizzes: Array<QuizActor | undefined> = [];
  for (const [m, module] of start.modules.entries()) {
    if (!module.quiz) {
      quizzes.push(undefined);
      continue;
    }
    await nextTask(win);
    const saved = start.restored?.quizzes[m];
    quizzes.push(
      createQuizActor({
        quiz: module.quiz,
        masteryScore: masteryScores[m]!,
        seed: saved?.seed ?? Math.floor(Math.random() * 0x7fffffff),
        restored: saved,
        now: Date.now(),
      }),
    );
  }
  await nextTask(win);
  // The same input as the first view was drawn from, so the machine starts where the learner is.
  return { course: createCourseActor(start.input), quizzes, masteryScores };
}
