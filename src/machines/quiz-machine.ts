/**
 * A module's graded quiz: ready → answering → feedback → … → review, with retries while
 * attempts remain. Pure: time comes in with the events, randomness from a saved seed, and each
 * checked answer is emitted as an `answered` event for the LMS session to record.
 */
import { assign, createActor, emit, setup, type Actor } from 'xstate';
import type { QuestionKey, QuizKey } from '../content/schema';
import { attemptSeed, drawQuestions, isComplete, roundPercent, scoreResponse, type Response } from './quiz-scoring';

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

function newAttempt(context: QuizContext, at: number): Partial<QuizContext> {
  const attempt = context.attempt + 1;
  return {
    attempt,
    drawn: drawQuestions(context.quiz.questions, context.quiz.draw, attemptSeed(context.seed, attempt)),
    index: 0,
    draft: undefined,
    results: {},
    shownAt: at,
  };
}

export const quizMachine = setup({
  types: {
    context: {} as QuizContext,
    events: {} as QuizEvent,
    input: {} as QuizInput,
    emitted: {} as AnsweredEvent,
  },
  guards: {
    draftComplete: ({ context }) => isComplete(currentQuestion(context)!, context.draft),
    isLastQuestion: ({ context }) => context.index >= context.drawn.length - 1,
    canRetry: ({ context }) => attemptsLeft(context) > 0,
  },
  actions: {
    startAttempt: assign(({ context, event }) => newAttempt(context, 'at' in event ? event.at : 0)),
    setDraft: assign(({ event }) => (event.type === 'answer.change' ? { draft: event.response } : {})),
    recordAnswer: assign(({ context }) => {
      const question = currentQuestion(context)!;
      const response = context.draft!;
      return { results: { ...context.results, [question.id]: { response, score: scoreResponse(question, response) } } };
    }),
    emitAnswered: emit(({ context, event }) => {
      const question = currentQuestion(context)!;
      const result = context.results[question.id]!;
      const at = event.type === 'answer.check' ? event.at : 0;
      return {
        type: 'answered' as const,
        question,
        response: result.response,
        score: result.score,
        attempt: context.attempt,
        latencySeconds: Math.max(0, (at - context.shownAt) / 1000),
        at,
      };
    }),
    nextQuestion: assign(({ context, event }) => ({
      index: context.index + 1,
      draft: undefined,
      shownAt: 'at' in event ? event.at : context.shownAt,
    })),
    finishAttempt: assign(({ context }) => {
      const { score, objectives } = attemptScores(context);
      const counts = context.quiz.keep === 'last' || context.countedScore === undefined || score >= context.countedScore;
      return counts
        ? { lastScore: score, countedScore: score, countedObjectives: objectives }
        : { lastScore: score };
    }),
  },
}).createMachine({
  id: 'quiz',
  context: ({ input }) => restoreContext(input),
  initial: 'restoring',
  states: {
    // Picks up where a saved snapshot left off (or starts at ready).
    restoring: {
      always: [
        { guard: ({ context }) => context.resumeAt === 'review', target: 'review' },
        { guard: ({ context }) => context.resumeAt === 'feedback', target: 'feedback' },
        { guard: ({ context }) => context.resumeAt === 'answering', target: 'answering' },
        { target: 'ready' },
      ],
    },
    ready: {
      on: { 'quiz.start': { target: 'answering', actions: 'startAttempt' } },
    },
    answering: {
      on: {
        'answer.change': { actions: 'setDraft' },
        'answer.check': { guard: 'draftComplete', target: 'feedback', actions: ['recordAnswer', 'emitAnswered'] },
      },
    },
    feedback: {
      on: {
        'question.next': [
          { guard: 'isLastQuestion', target: 'review', actions: 'finishAttempt' },
          { target: 'answering', actions: 'nextQuestion' },
        ],
      },
    },
    review: {
      on: { 'quiz.retry': { guard: 'canRetry', target: 'answering', actions: 'startAttempt' } },
    },
  },
});

/** Rebuilds the context from a saved snapshot: the same draw, the same answers, rescored from the key. */
function restoreContext({ quiz, masteryScore, seed, restored, now = 0 }: QuizInput): QuizContext {
  const base: QuizContext = {
    quiz,
    masteryScore,
    seed,
    attempt: 0,
    drawn: [],
    index: 0,
    draft: undefined,
    results: {},
    shownAt: now,
    lastScore: undefined,
    countedScore: undefined,
    countedObjectives: {},
    resumeAt: 'ready',
  };
  if (!restored || restored.attempt < 1) return base;
  const drawn = drawQuestions(quiz.questions, quiz.draw, attemptSeed(restored.seed, restored.attempt));
  const results: Record<string, QuestionResult> = {};
  restored.responses.forEach((response, i) => {
    const id = drawn[i];
    if (response && id) results[id] = { response, score: scoreResponse(questionById(quiz, id), response) };
  });
  return {
    ...base,
    seed: restored.seed,
    attempt: restored.attempt,
    drawn,
    index: Math.min(restored.index, drawn.length - 1),
    results,
    lastScore: restored.lastScore,
    countedScore: restored.countedScore,
    countedObjectives: restored.countedObjectives,
    resumeAt: restored.state,
  };
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

export type QuizActor = Actor<typeof quizMachine>;

/** Creates (not yet started) a quiz actor: a module's graded quiz, or a one-question knowledge check. */
export function createQuizActor(input: QuizInput): QuizActor {
  return createActor(quizMachine, { input });
}
