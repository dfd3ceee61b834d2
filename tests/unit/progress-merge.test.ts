/** Two copies of one learner's progress merged by content, item by item, never by clock (issue 16, item 8). */
import { describe, expect, it } from 'vitest';
import { encodeProgress, type CodecModule, type SavedProgress } from '../../src/progress/codec.ts';
import { mergeCopies, mergeSaved } from '../../src/progress/merge.ts';
import type { QuizSnapshotData } from '../../src/machines/quiz-machine.ts';

const modules: CodecModule[] = [
  { id: 'one', pageIds: ['a', 'b', 'c', 'd', 'e'], objectiveIds: ['x'], scenarios: [] },
  { id: 'two', pageIds: ['a', 'b'], objectiveIds: ['y'], scenarios: [] },
];

const quiz = (answered: number, attempt = 1): QuizSnapshotData => ({
  state: 'answering',
  seed: 42,
  attempt,
  index: answered,
  responses: [...Array.from({ length: answered }, () => ({ type: 'true-false' as const, value: true })), undefined],
  countedObjectives: {},
});

const base = (over: Partial<SavedProgress>): SavedProgress => ({
  savedAt: 1_800_000_000_000,
  language: 'en',
  position: { module: 0, page: 0 },
  visited: [
    [false, false, false, false, false],
    [false, false],
  ],
  quizzes: [undefined, undefined],
  scenarios: [[], []],
  ...over,
});

describe('progress merge', () => {
  it('keeps every page seen on either side and the quiz that got further on its own side', () => {
    const fromLms = base({ visited: [[true, true, true, false, false], [false, false]], quizzes: [quiz(1), undefined], position: { module: 0, page: 2 } });
    const fromBrowser = base({ visited: [[true, false, false, false, true], [true, false]], quizzes: [quiz(3), undefined], position: { module: 0, page: 4 } });
    const merged = mergeSaved(fromLms, fromBrowser);
    expect(merged.visited).toEqual([[true, true, true, false, true], [true, false]]);
    expect(merged.quizzes[0]!.responses.filter(Boolean)).toHaveLength(3);
    expect(merged.position).toEqual({ module: 0, page: 4 });
  });

  it('does not look at the clock: a copy stamped an hour later with less progress does not win', () => {
    const further = base({ savedAt: 1_800_000_000_000, quizzes: [quiz(4), undefined], position: { module: 0, page: 3 } });
    const staleButLater = base({ savedAt: 1_800_003_600_000, quizzes: [quiz(1), undefined], position: { module: 0, page: 1 } });
    for (const merged of [mergeSaved(further, staleButLater), mergeSaved(staleButLater, further)]) {
      expect(merged.quizzes[0]!.index).toBe(4);
      expect(merged.position).toEqual({ module: 0, page: 3 });
    }
  });

  it('keeps a later attempt over more answers in an earlier one', () => {
    const merged = mergeSaved(base({ quizzes: [quiz(4, 1), undefined] }), base({ quizzes: [quiz(0, 2), undefined] }));
    expect(merged.quizzes[0]!.attempt).toBe(2);
  });

  it('merges the saved texts: pages from one, the quiz from the other', () => {
    const lms = encodeProgress(base({ visited: [[true, true, true, false, false], [false, false]], quizzes: [quiz(1), undefined] }), modules);
    const browser = encodeProgress(base({ visited: [[false, false, false, true, true], [false, false]], quizzes: [undefined, undefined] }), modules);
    const merged = mergeCopies(lms, browser, 'h', modules);
    expect(merged).not.toBe(lms);
    expect(mergeCopies(merged, lms, 'h', modules)).toBe(encodeProgress(mergeSaved(base({ visited: [[true, true, true, true, true], [false, false]], quizzes: [quiz(1), undefined] }), base({})), modules));
  });

  it('falls back to the readable copy when the other is damaged or empty', () => {
    const good = encodeProgress(base({ visited: [[true, true, false, false, false], [false, false]] }), modules);
    expect(mergeCopies('F2|garbage', good, 'h', modules)).toBe(good);
    expect(mergeCopies(good, 'F2|garbage', 'h', modules)).toBe(good);
    expect(mergeCopies('', good, 'h', modules)).toBe(good);
  });
});
