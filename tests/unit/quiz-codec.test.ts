/** The quiz part of suspend_data round-trips any state of any attempt, and refuses what is not its own. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionKey, QuizKey } from '../../src/content/schema.ts';
import type { QuizSnapshotData } from '../../src/machines/quiz-machine.ts';
import { attemptSeed, drawQuestions, type Response } from '../../src/machines/quiz-scoring.ts';
import { decodeQuiz, encodeQuiz } from '../../src/progress/quiz-codec.ts';

const questions: QuestionKey[] = [
  { id: 'tf', type: 'true-false', objective: 'a', guidelines: [1], answer: true },
  { id: 'sc', type: 'single-choice', objective: 'a', guidelines: [1], options: ['o1', 'o2', 'o3', 'o4'], answer: 'o2' },
  { id: 'mr', type: 'multiple-response', objective: 'b', guidelines: [2], options: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'], answers: ['p1'], partialCredit: true },
  { id: 'or', type: 'ordering', objective: 'b', guidelines: [3], items: ['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8'], partialCredit: true },
  {
    id: 'ma',
    type: 'matching',
    objective: 'c',
    guidelines: [4],
    sources: ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'],
    targets: ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'],
    answer: { s1: 't1', s2: 't2', s3: 't3', s4: 't4', s5: 't5', s6: 't6', s7: 't7', s8: 't8' },
    partialCredit: true,
  },
];
const objectiveIds = ['a', 'b', 'c', 'unused'];
const quiz: QuizKey = { attempts: 0, keep: 'best', draw: 4, questions };

function responseFor(question: QuestionKey): fc.Arbitrary<Response> {
  switch (question.type) {
    case 'true-false':
      return fc.boolean().map((value) => ({ type: 'true-false', value }));
    case 'single-choice':
      return fc.constantFrom(...question.options).map((option) => ({ type: 'single-choice', option }));
    case 'multiple-response':
      return fc.subarray(question.options, { minLength: 1 }).map((options) => ({ type: 'multiple-response', options }));
    case 'ordering':
      return fc.shuffledSubarray(question.items, { minLength: question.items.length }).map((order) => ({ type: 'ordering', order }));
    case 'matching':
      return fc
        .tuple(...question.sources.map(() => fc.option(fc.constantFrom(...question.targets), { nil: undefined })))
        .map((targets) => ({
          type: 'matching',
          pairs: Object.fromEntries(question.sources.flatMap((s, i) => (targets[i] ? [[s, targets[i]!]] : []))),
        }));
  }
}

const snapshot: fc.Arbitrary<QuizSnapshotData> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    attempt: fc.integer({ min: 1, max: 500 }),
    state: fc.constantFrom('answering' as const, 'feedback' as const, 'review' as const, 'ready' as const),
  })
  .chain(({ seed, attempt, state }) => {
    const drawn = drawQuestions(questions, quiz.draw, attemptSeed(seed, attempt));
    return fc.record({
      seed: fc.constant(seed),
      attempt: fc.constant(attempt),
      state: fc.constant(state),
      index: fc.integer({ min: 0, max: drawn.length - 1 }),
      responses: fc.tuple(...drawn.map((id) => fc.option(responseFor(questions.find((q) => q.id === id)!), { nil: undefined }))),
      lastScore: fc.option(fc.integer({ min: 0, max: 10000 }).map((n) => n / 100), { nil: undefined }),
      countedScore: fc.option(fc.integer({ min: 0, max: 10000 }).map((n) => n / 100), { nil: undefined }),
      countedObjectives: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 100 })),
    });
  });

describe('quiz codec', () => {
  it('round-trips any quiz state', () => {
    fc.assert(
      fc.property(snapshot, (data) => {
        const text = encodeQuiz(data, quiz, objectiveIds);
        expect(text).not.toContain('|');
        expect(text).not.toContain('~');
        expect(decodeQuiz(text, quiz, objectiveIds)).toEqual(data);
      }),
    );
  });

  it('writes nothing for a quiz not started', () => {
    expect(encodeQuiz(undefined, quiz, objectiveIds)).toBe('');
    expect(decodeQuiz('', quiz, objectiveIds)).toBeUndefined();
  });

  it('refuses malformed text instead of guessing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const decoded = decodeQuiz(text, quiz, objectiveIds);
        if (decoded) expect(encodeQuiz(decoded, quiz, objectiveIds)).toBe(text);
      }),
    );
    expect(decodeQuiz('v1,1,0,t:1,,,', quiz, objectiveIds)).toBeNull();
  });
});
