/**
 * The quiz's state as data, and what can be read from it without running the machine: the
 * progress codec, tracking and the views use these, so they load without XState.
 */
import type { QuestionKey, QuizKey } from '../content/schema';
import { roundPercent, type Response } from './quiz-scoring';

export interface QuestionResult {
  response: Response;
  /** 0 to 1 */
  score: number;
}

export interface QuizContext {
  quiz: QuizKey;
  /** Percent needed to pass. */
  masteryScore: number;
  /** The first attempt's seed; later attempts derive theirs from it. */
  seed: number;
  /** Attempts started (1-based once the quiz has begun). */
  attempt: number;
  /** Question ids of the current attempt, in the order asked. */
  drawn: string[];
  index: number;
  draft: Response | undefined;
  /** This attempt's checked answers, by question id. */
  results: Record<string, QuestionResult>;
  /** When the current question was shown (ms), for the answer's latency. */
  shownAt: number;
  /** Percent score of the last finished attempt, and of the one that counts (best or last). */
  lastScore: number | undefined;
  countedScore: number | undefined;
  /** Percent per objective in the attempt that counts. */
  countedObjectives: Record<string, number>;
  /** The state a restored snapshot was saved in; the machine goes there first. */
  resumeAt: QuizStateName;
}

export type QuizStateName = 'ready' | 'answering' | 'feedback' | 'review';

/** What progress saves and restores: the state and a minimal context. */
export interface QuizSnapshotData {
  state: QuizStateName;
  seed: number;
  attempt: number;
  index: number;
  /** Responses of the current attempt, in drawn order; undefined = not answered yet. */
  responses: Array<Response | undefined>;
  lastScore?: number;
  countedScore?: number;
  countedObjectives: Record<string, number>;
}

export interface QuizInput {
  quiz: QuizKey;
  masteryScore: number;
  seed: number;
  restored?: QuizSnapshotData;
  /** When the actor starts (ms): a restored question's latency counts from here. */
  now?: number;
}

export type QuizEvent =
  | { type: 'quiz.start'; at: number }
  | { type: 'answer.change'; response: Response }
  | { type: 'answer.check'; at: number }
  | { type: 'question.next'; at: number }
  | { type: 'quiz.retry'; at: number };

export interface AnsweredEvent {
  type: 'answered';
  question: QuestionKey;
  response: Response;
  score: number;
  attempt: number;
  latencySeconds: number;
  at: number;
}

export function questionById(quiz: QuizKey, id: string): QuestionKey {
  const question = quiz.questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question "${id}" in this quiz`);
  return question;
}

export function currentQuestion(context: QuizContext): QuestionKey | undefined {
  const id = context.drawn[context.index];
  return id ? questionById(context.quiz, id) : undefined;
}

/** Percent score of the attempt's checked answers, and per objective. */
export function attemptScores(context: Pick<QuizContext, 'quiz' | 'drawn' | 'results'>): { score: number; objectives: Record<string, number> } {
  const total = context.drawn.reduce((sum, id) => sum + (context.results[id]?.score ?? 0), 0);
  const byObjective: Record<string, { sum: number; count: number }> = {};
  for (const id of context.drawn) {
    const objective = questionById(context.quiz, id).objective;
    const entry = (byObjective[objective] ??= { sum: 0, count: 0 });
    entry.sum += context.results[id]?.score ?? 0;
    entry.count++;
  }
  return {
    score: roundPercent((total / Math.max(1, context.drawn.length)) * 100),
    objectives: Object.fromEntries(Object.entries(byObjective).map(([id, e]) => [id, roundPercent((e.sum / e.count) * 100)])),
  };
}

export function attemptsLeft(context: QuizContext): number {
  return context.quiz.attempts === 0 ? Infinity : Math.max(0, context.quiz.attempts - context.attempt);
}

/** The compact projection of a quiz actor's snapshot that progress saves. */
export function quizSnapshotData(state: QuizStateName, context: QuizContext): QuizSnapshotData {
  return {
    state,
    seed: context.seed,
    attempt: context.attempt,
    index: context.index,
    responses: context.drawn.map((id) => context.results[id]?.response),
    lastScore: context.lastScore,
    countedScore: context.countedScore,
    countedObjectives: context.countedObjectives,
  };
}
