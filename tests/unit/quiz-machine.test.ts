/**
 * The quiz machine without a DOM: every path through a small quiz walked with @xstate/graph,
 * scoring with partial credit for each question type, retries, best-or-last, and resume from
 * a saved snapshot.
 */
import { getSimplePaths } from '@xstate/graph';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { QuestionKey, QuizKey } from '../../src/content/schema.ts';
import {
  attemptScores,
  quizMachine,
  quizSnapshotData,
  type AnsweredEvent,
  type QuizEvent,
  type QuizInput,
  type QuizStateName,
} from '../../src/machines/quiz-machine.ts';
import { drawQuestions, presentationOrder, scoreResponse, type Response } from '../../src/machines/quiz-scoring.ts';

const trueFalse: QuestionKey = { id: 'binding', type: 'true-false', objective: 'basics', guidelines: [1], answer: false };
const single: QuestionKey = { id: 'phases', type: 'single-choice', objective: 'phases', guidelines: [1], options: ['a', 'b', 'c'], answer: 'b' };
const multiple: QuestionKey = { id: 'partners', type: 'multiple-response', objective: 'phases', guidelines: [5], options: ['w', 'x', 'y', 'z'], answers: ['w', 'x'], partialCredit: true };
const ordering: QuestionKey = { id: 'order', type: 'ordering', objective: 'basics', guidelines: [13], items: ['protect', 'relocate', 'evacuate'], partialCredit: true };
const matching: QuestionKey = {
  id: 'refer',
  type: 'matching',
  objective: 'basics',
  guidelines: [12],
  sources: ['child', 'asylum'],
  targets: ['cp', 'unhcr', 'police'],
  answer: { child: 'cp', asylum: 'unhcr' },
  partialCredit: false,
};

const twoQuestions: QuizKey = { attempts: 2, keep: 'best', draw: 2, questions: [trueFalse, single] };

describe('scoring', () => {
  it.each<[QuestionKey, Response, number]>([
    [trueFalse, { type: 'true-false', value: false }, 1],
    [trueFalse, { type: 'true-false', value: true }, 0],
    [single, { type: 'single-choice', option: 'b' }, 1],
    [single, { type: 'single-choice', option: 'a' }, 0],
    [multiple, { type: 'multiple-response', options: ['w', 'x'] }, 1],
    [multiple, { type: 'multiple-response', options: ['w'] }, 0.5],
    [multiple, { type: 'multiple-response', options: ['w', 'y'] }, 0],
    [multiple, { type: 'multiple-response', options: ['y', 'z'] }, 0],
    [ordering, { type: 'ordering', order: ['protect', 'relocate', 'evacuate'] }, 1],
    [ordering, { type: 'ordering', order: ['protect', 'evacuate', 'relocate'] }, 1 / 3],
    [matching, { type: 'matching', pairs: { child: 'cp', asylum: 'unhcr' } }, 1],
    [matching, { type: 'matching', pairs: { child: 'cp', asylum: 'police' } }, 0],
  ])('%# scores %j', (question, response, expected) => {
    expect(scoreResponse(question, response)).toBeCloseTo(expected);
  });

  it('gives partial credit for matching only when the content allows it', () => {
    expect(scoreResponse({ ...matching, partialCredit: true }, { type: 'matching', pairs: { child: 'cp', asylum: 'police' } })).toBe(0.5);
  });

  it('shuffles the same way for the same seed, and never shows an ordering question solved', () => {
    expect(presentationOrder(multiple, 42)).toEqual(presentationOrder(multiple, 42));
    for (let seed = 0; seed < 200; seed++) expect(presentationOrder(ordering, seed)).not.toEqual(ordering.items);
    expect(drawQuestions([trueFalse, single, multiple, ordering, matching], 3, 7)).toEqual(drawQuestions([trueFalse, single, multiple, ordering, matching], 3, 7));
    expect(new Set(drawQuestions([trueFalse, single, multiple, ordering, matching], 3, 7)).size).toBe(3);
  });
});

const RIGHT: Record<string, Response> = { binding: { type: 'true-false', value: false }, phases: { type: 'single-choice', option: 'b' } };
const WRONG: Record<string, Response> = { binding: { type: 'true-false', value: true }, phases: { type: 'single-choice', option: 'c' } };
const input: QuizInput = { quiz: twoQuestions, masteryScore: 80, seed: 1234 };

describe('quiz machine paths', () => {
  const paths = getSimplePaths(quizMachine, {
    input,
    events: (snapshot): QuizEvent[] => {
      const question = snapshot.context.drawn[snapshot.context.index];
      const answers: QuizEvent[] = question
        ? [
            { type: 'answer.change', response: RIGHT[question]! },
            { type: 'answer.change', response: WRONG[question]! },
          ]
        : [];
      return [
        { type: 'quiz.start', at: 1000 },
        ...answers,
        { type: 'answer.check', at: 5000 },
        { type: 'question.next', at: 6000 },
        { type: 'quiz.retry', at: 7000 },
      ];
    },
    serializeState: (snapshot) =>
      JSON.stringify([snapshot.value, snapshot.context.attempt, snapshot.context.index, snapshot.context.draft, snapshot.context.results, snapshot.context.countedScore]),
  });

  const finished = paths.filter((p) => p.state.matches('review'));

  it('reaches the review by every combination of right and wrong answers, over both attempts', () => {
    expect(finished.length).toBeGreaterThanOrEqual(4 + 16);
    const scoresSeen = new Set(finished.map((p) => p.state.context.lastScore));
    expect([...scoresSeen].sort()).toEqual([0, 100, 50]);
  });

  it('counts the best attempt, with its objectives, and never allows a third attempt', () => {
    for (const path of finished) {
      const { context } = path.state;
      expect(context.attempt).toBeLessThanOrEqual(2);
      const attempts = path.steps.filter((s) => s.event.type === 'quiz.start' || s.event.type === 'quiz.retry').length;
      expect(attempts).toBe(context.attempt);
      // The counted score is the best of the attempts made on this path.
      const lastScores = path.steps
        .filter((s) => s.state.matches('review'))
        .map((s) => s.state.context.lastScore!);
      expect(context.countedScore).toBe(Math.max(...lastScores));
      expect(Object.keys(context.countedObjectives).sort()).toEqual(['basics', 'phases']);
    }
  });

  it('never checks an unanswered question', () => {
    for (const path of paths) {
      for (const step of path.steps) {
        if (step.state.matches('feedback')) {
          const id = step.state.context.drawn[step.state.context.index]!;
          expect(step.state.context.results[id]).toBeDefined();
        }
      }
    }
  });
});

describe('quiz machine', () => {
  function play(actor: ReturnType<typeof createActor<typeof quizMachine>>, answers: Record<string, Response>) {
    for (;;) {
      const { context } = actor.getSnapshot();
      const id = context.drawn[context.index]!;
      actor.send({ type: 'answer.change', response: answers[id]! });
      actor.send({ type: 'answer.check', at: 10_000 });
      actor.send({ type: 'question.next', at: 11_000 });
      if (actor.getSnapshot().matches('review')) return;
    }
  }

  it('emits each checked answer with its score and latency', () => {
    const actor = createActor(quizMachine, { input }).start();
    const answered: AnsweredEvent[] = [];
    actor.on('answered', (event) => answered.push(event));
    actor.send({ type: 'quiz.start', at: 4000 });
    play(actor, RIGHT);
    expect(answered.map((a) => [a.question.id, a.score, a.attempt])).toEqual(
      actor.getSnapshot().context.drawn.map((id) => [id, 1, 1]),
    );
    expect(answered[0]!.latencySeconds).toBe(6);
    expect(actor.getSnapshot().context.countedScore).toBe(100);
  });

  it('keeps the last score when the quiz says so', () => {
    const actor = createActor(quizMachine, { input: { ...input, quiz: { ...twoQuestions, keep: 'last' } } }).start();
    actor.send({ type: 'quiz.start', at: 0 });
    play(actor, RIGHT);
    actor.send({ type: 'quiz.retry', at: 0 });
    play(actor, WRONG);
    expect(actor.getSnapshot().context).toMatchObject({ lastScore: 0, countedScore: 0 });
  });

  it('allows unlimited attempts when attempts is 0', () => {
    const actor = createActor(quizMachine, { input: { ...input, quiz: { ...twoQuestions, attempts: 0 } } }).start();
    actor.send({ type: 'quiz.start', at: 0 });
    for (let i = 0; i < 5; i++) {
      play(actor, WRONG);
      actor.send({ type: 'quiz.retry', at: 0 });
    }
    expect(actor.getSnapshot().context.attempt).toBe(6);
  });

  it.each<QuizStateName>(['answering', 'feedback', 'review'])('resumes from a snapshot saved in %s with the same draw and answers', (where) => {
    const actor = createActor(quizMachine, { input: { ...input, quiz: { ...twoQuestions, draw: 2, questions: [trueFalse, single, multiple] } } }).start();
    actor.send({ type: 'quiz.start', at: 0 });
    const first = actor.getSnapshot().context.drawn[0]!;
    actor.send({ type: 'answer.change', response: RIGHT[first] ?? { type: 'multiple-response', options: ['w'] } });
    actor.send({ type: 'answer.check', at: 1 });
    if (where === 'answering') actor.send({ type: 'question.next', at: 2 });
    if (where === 'review') play(actor, { ...RIGHT, partners: { type: 'multiple-response', options: ['w'] } });
    const snapshot = actor.getSnapshot();
    const saved = quizSnapshotData(snapshot.value as QuizStateName, snapshot.context);
    const resumed = createActor(quizMachine, { input: { ...input, quiz: snapshot.context.quiz, restored: JSON.parse(JSON.stringify(saved)) } }).start();
    expect(resumed.getSnapshot().value).toBe(where);
    expect(resumed.getSnapshot().context.drawn).toEqual(snapshot.context.drawn);
    expect(resumed.getSnapshot().context.results).toEqual(snapshot.context.results);
    expect(resumed.getSnapshot().context.index).toBe(snapshot.context.index);
    expect(attemptScores(resumed.getSnapshot().context)).toEqual(attemptScores(snapshot.context));
  });
});
