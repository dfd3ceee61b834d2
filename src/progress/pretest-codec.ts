/**
 * Each module's pre-test in suspend_data: '' until it starts, then the quiz codec's compact form
 * of its one attempt (state, seed, position, responses, score, objective scores). The questions
 * are not stored: they follow from the seed written in it and the module's quiz bank.
 *   <pre-test of module 0>~<of module 1>...
 */
import type { QuizKey } from '../content/schema';
import type { QuizSnapshotData } from '../machines/quiz-machine';
import { pretestKey } from '../machines/pretest';
import { decodeQuiz, encodeQuiz } from './quiz-codec';

interface PretestModule {
  quiz?: QuizKey;
  objectiveIds: readonly string[];
}

export function encodePretests(pretests: ReadonlyArray<QuizSnapshotData | undefined>, modules: readonly PretestModule[]): string {
  return modules
    .map((module, m) => {
      const data = pretests[m];
      const key = data && data.attempt > 0 ? pretestKey(module.quiz, module.objectiveIds, data.seed) : undefined;
      return key ? encodeQuiz(data, key, module.objectiveIds) : '';
    })
    .join('~');
}

/** One entry per module (undefined = not started); null when the text cannot be ours. */
export function decodePretests(text: string, modules: readonly PretestModule[]): Array<QuizSnapshotData | undefined> | null {
  const parts = text.split('~');
  if (parts.length !== modules.length) return null;
  const out: Array<QuizSnapshotData | undefined> = [];
  for (let m = 0; m < modules.length; m++) {
    const part = parts[m]!;
    if (part === '') {
      out.push(undefined);
      continue;
    }
    const seedText = part.split(',')[1] ?? '';
    const key = /^[0-9a-z]{1,9}$/.test(seedText) ? pretestKey(modules[m]!.quiz, modules[m]!.objectiveIds, parseInt(seedText, 36)) : undefined;
    const data = key ? decodeQuiz(part, key, modules[m]!.objectiveIds) : null;
    if (!data) return null;
    out.push(data);
  }
  return out;
}
