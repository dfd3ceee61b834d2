/**
 * Every identifier the course can send to an LMS, from the content: objective ids, quiz and
 * scenario interaction ids (at a generous attempt number) and every response identifier. The
 * build fails when one would be refused (see src/lms/identifiers.ts); the tests also write them
 * all to a Moodle-strict scorm-again. (Node loads this file in the build: it imports only
 * modules that name their imports with extensions.)
 */
import type { CourseIndex, QuestionKey } from '../src/content/schema.ts';
import { identifierProblems, lmsId, lmsObjectiveId, LMS_IDENTIFIER, quizInteractionId, scenarioInteractionId } from '../src/lms/identifiers.ts';

/** Attempts and plays the check assumes a learner may reach (ids grow with the number). */
export const MANY_TRIES = 9999;

function ids(question: QuestionKey): string[] {
  switch (question.type) {
    case 'true-false':
      return [];
    case 'ordering':
      return question.items;
    case 'matching':
      return [...question.sources, ...question.targets];
    default:
      return question.options;
  }
}

/** Problems with the identifiers the course would send; empty when every LMS accepts them all. */
export function lmsIdentifierProblems(index: CourseIndex): string[] {
  const problems: string[] = [];
  for (const module of index.modules) {
    problems.push(...identifierProblems(module.objectives.map((o) => `${module.id}.${o.id}`)).map((p) => `module ${module.id} objectives: ${p}`));
    for (const question of module.quiz?.questions ?? []) {
      problems.push(...identifierProblems(ids(question)).map((p) => `module ${module.id} question ${question.id}: ${p}`));
    }
    for (const scenario of module.scenarios) {
      for (const scene of scenario.scenes) {
        problems.push(...identifierProblems(scene.choices.map((c) => c.id)).map((p) => `module ${module.id} scenario ${scenario.id} scene ${scene.id}: ${p}`));
      }
    }
  }
  const interactionIds = index.modules.flatMap((m) => [
    ...(m.quiz?.questions ?? []).map((q) => quizInteractionId(m.id, q.id, MANY_TRIES)),
    ...m.scenarios.flatMap((s) => s.scenes.map((scene) => scenarioInteractionId(m.id, s.id, scene.id, MANY_TRIES))),
  ]);
  for (const id of interactionIds.map(lmsId)) {
    if (!LMS_IDENTIFIER.test(id)) problems.push(`interaction id "${id}" would be refused (letters, digits, _ and . only, at most 250)`);
  }
  problems.push(...index.modules.flatMap((m) => m.objectives.map((o) => lmsObjectiveId(m.id, o.id)).filter((id) => !LMS_IDENTIFIER.test(id)).map((id) => `objective id "${id}" would be refused`)));
  return problems;
}
