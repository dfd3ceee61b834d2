/**
 * A module's graded quiz: ready → answering → feedback → … → review, with retries while
 * attempts remain. Pure: time comes in with the events, randomness from a saved seed, and each
 * checked answer is emitted as an `answered` event for the LMS session to record.
 */
import { assign, createActor, emit, setup, type Actor } from 'xstate';
import { attemptSeed, drawQuestions, isComplete, scoreResponse } from './quiz-scoring';
import { attemptScores, attemptsLeft, currentQuestion, questionById, type QuestionResult, type QuizContext, type QuizInput, type QuizEvent, type AnsweredEvent } from './quiz-state';

export * from './quiz-state';

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

export type QuizActor = Actor<typeof quizMachine>;

/** Creates (not yet started) a quiz actor: a module's graded quiz, or a one-question knowledge check. */
export function createQuizActor(input: QuizInput): QuizActor {
  return createActor(quizMachine, { input });
}
