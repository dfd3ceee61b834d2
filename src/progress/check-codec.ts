/**
 * Knowledge-check answers in suspend_data: one module's checks as the learner last checked them,
 * so a resumed page shows them answered. Checks are written in the order of the module's checks
 * (checks.yaml), one response token each (the quiz's own response encoding), joined by ':';
 * unanswered checks are empty and trailing empties are dropped. A module with seven checks, all
 * answered, takes about twenty characters.
 */
import type { QuestionKey } from '../content/schema';
import type { Response } from '../machines/quiz-scoring';
import { decodeResponse, encodeResponse } from './quiz-codec';

/** Check id → the response the learner last checked. */
export type CheckAnswers = Record<string, Response>;

export function encodeChecks(answers: CheckAnswers | undefined, checks: Record<string, QuestionKey> = {}): string {
  const tokens = Object.values(checks).map((check) => {
    const response = answers?.[check.id];
    return response && response.type === check.type ? encodeResponse(check, response) : '';
  });
  while (tokens.length && tokens.at(-1) === '') tokens.pop();
  return tokens.join(':');
}

/** The answers, or null when the text cannot be ours. */
export function decodeChecks(text: string, checks: Record<string, QuestionKey> = {}): CheckAnswers | null {
  const answers: CheckAnswers = {};
  if (text === '') return answers;
  const keys = Object.values(checks);
  const tokens = text.split(':');
  if (tokens.length > keys.length) return null;
  for (let i = 0; i < tokens.length; i++) {
    const response = decodeResponse(keys[i]!, tokens[i]!);
    if (response === null) return null;
    if (response) answers[keys[i]!.id] = response;
  }
  return answers;
}
