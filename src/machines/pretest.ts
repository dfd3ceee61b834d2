/**
 * The ungraded pre-test at the start of a module: one question per learning objective, drawn from
 * the module's quiz bank, preferring questions the learner's first quiz attempt will not ask (when
 * the bank is larger than the quiz draw). It runs on the quiz machine as a one-attempt quiz; its
 * answers are reported as `<module>.pre.<question>` interactions and never count toward the
 * module's status or score. Pure: the draw comes from the learner's saved quiz seed.
 */
import type { QuizKey } from '../content/schema';
import { attemptSeed, drawQuestions, hashString, shuffled } from './quiz-scoring';

/** The pre-test of a module as a one-attempt quiz, or undefined when the module has no quiz. */
export function pretestKey(quiz: QuizKey | undefined, objectiveIds: readonly string[], seed: number): QuizKey | undefined {
  if (!quiz) return undefined;
  const firstAttempt = new Set(drawQuestions(quiz.questions, quiz.draw, attemptSeed(seed, 1)));
  const picked = objectiveIds.flatMap((objective) => {
    const bank = quiz.questions.filter((q) => q.objective === objective);
    const unseen = bank.filter((q) => !firstAttempt.has(q.id));
    const pool = unseen.length > 0 ? unseen : bank;
    return pool.length > 0 ? [shuffled(pool, (seed ^ hashString(objective)) >>> 0)[0]!] : [];
  });
  return picked.length > 0 ? { attempts: 1, keep: 'last', draw: picked.length, questions: picked } : undefined;
}

/**
 * The LMS interaction id of a pre-test answer: `<module>.pre.<question>`, in the characters every
 * LMS accepts in an identifier (letters, digits, `_` and `.`; Moodle refuses hyphens in SCORM 2004).
 */
export function pretestInteractionId(moduleId: string, questionId: string): string {
  return `${moduleId}.pre.${questionId}`.replace(/[^\w.]/g, '_');
}
