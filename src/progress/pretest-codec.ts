/**
 * A module's pre-test in suspend_data: '' until it starts, then the key of the quiz bank it was
 * drawn from (structure-keys.ts) and the quiz codec's compact form of its one attempt (state,
 * seed, position, responses, score, objective scores). The questions are not stored: they follow
 * from the seed and the bank. Saved against another bank, it cannot be read and is dropped.
 */
import type { QuizKey } from '../content/schema';
import type { QuizSnapshotData } from '../machines/quiz-state';
import { pretestKey } from '../machines/pretest';
import { decodeQuiz, encodeQuiz } from './quiz-codec';
import { KEY_LENGTH, quizKey } from './structure-keys';

interface PretestModule {
  quiz?: QuizKey;
  objectiveIds: readonly string[];
}

export function encodePretest(data: QuizSnapshotData | undefined, module: PretestModule): string {
  const key = data && data.attempt > 0 ? pretestKey(module.quiz, module.objectiveIds, data.seed) : undefined;
  return key && module.quiz ? quizKey(module.quiz) + encodeQuiz(data, key, module.objectiveIds) : '';
}

/**
 * The saved pre-test fitted to this module: the snapshot, 'changed' when it was drawn from another
 * quiz bank, or null when the text cannot be ours.
 */
export function decodePretest(text: string, module: PretestModule): QuizSnapshotData | 'changed' | null {
  if (!module.quiz || text.slice(0, KEY_LENGTH) !== quizKey(module.quiz)) return 'changed';
  const body = text.slice(KEY_LENGTH);
  const seedText = body.split(',')[1] ?? '';
  const key = /^[0-9a-z]{1,9}$/.test(seedText) ? pretestKey(module.quiz, module.objectiveIds, parseInt(seedText, 36)) : undefined;
  const data = key ? decodeQuiz(body, key, module.objectiveIds) : null;
  return data && data.attempt > 0 ? data : null;
}
