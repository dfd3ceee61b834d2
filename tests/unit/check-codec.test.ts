/** Knowledge-check answers in suspend_data: compact, exact on resume, never misread. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import type { QuestionKey } from '../../src/content/schema.ts';
import { correctResponse, type Response } from '../../src/machines/quiz-scoring.ts';
import { decodeChecks, encodeChecks, type CheckAnswers } from '../../src/progress/check-codec.ts';
import { encodeProgress, type CodecModule } from '../../src/progress/codec.ts';
import { decodeProgress } from '../../src/progress/migration.ts';

const { index } = loadCourse(join(import.meta.dirname, '../..'));

const checks: Record<string, QuestionKey> = {
  one: { id: 'one', type: 'single-choice', objective: 'o', guidelines: [], options: ['a', 'b', 'c'], answer: 'a' },
  many: { id: 'many', type: 'multiple-response', objective: 'o', guidelines: [], options: ['a', 'b', 'c', 'd', 'e'], answers: ['a', 'b'], partialCredit: true },
  tf: { id: 'tf', type: 'true-false', objective: 'o', guidelines: [], answer: true },
  order: { id: 'order', type: 'ordering', objective: 'o', guidelines: [], items: ['x', 'y', 'z'], partialCredit: true },
  match: { id: 'match', type: 'matching', objective: 'o', guidelines: [], sources: ['s1', 's2'], targets: ['t1', 't2', 't3'], answer: { s1: 't1', s2: 't2' }, partialCredit: true },
};

describe('check codec', () => {
  it('round-trips every type of answer, in checks.yaml order', () => {
    const answers: CheckAnswers = {
      one: { type: 'single-choice', option: 'c' },
      many: { type: 'multiple-response', options: ['b', 'e'] },
      tf: { type: 'true-false', value: false },
      order: { type: 'ordering', order: ['z', 'x', 'y'] },
      match: { type: 'matching', pairs: { s1: 't3', s2: 't1' } },
    };
    const text = encodeChecks(answers, checks);
    expect(text).toBe('2:i:f:201:20');
    expect(decodeChecks(text, checks)).toEqual(answers);
  });

  it('leaves unanswered checks empty and drops the trailing ones', () => {
    const answers: CheckAnswers = { many: { type: 'multiple-response', options: ['a'] } };
    expect(encodeChecks(answers, checks)).toBe(':1');
    expect(decodeChecks(':1', checks)).toEqual(answers);
    expect(encodeChecks({}, checks)).toBe('');
    expect(decodeChecks('', checks)).toEqual({});
  });

  it('refuses text that cannot be its checks', () => {
    for (const bad of ['9', ':::::x', '2:i:f:201:20:1', 'x', '::t:00']) expect(decodeChecks(bad, checks), bad).toBeNull();
  });

  it('ignores an answer whose type no longer matches the check', () => {
    expect(encodeChecks({ tf: { type: 'single-choice', option: 'a' } as Response }, checks)).toBe('');
  });
});

describe('check answers in progress', () => {
  const scope: CodecModule[] = index.modules.map((m) => ({
    id: m.id,
    pageIds: m.pages.map((p) => p.id),
    quiz: m.quiz,
    scenarios: m.scenarios,
    objectiveIds: m.objectives.map((o) => o.id),
    checks: m.checks,
  }));
  const base = {
    savedAt: 1_700_000_000_000,
    language: 'es' as const,
    position: { module: 1, page: 2 },
    visited: scope.map((m) => m.pageIds.map(() => true)),
    quizzes: scope.map(() => undefined),
    scenarios: scope.map((m) => m.scenarios.map(() => undefined)),
  };

  it('restores every check of the course answered, and stays short', () => {
    const checks = index.modules.map((m) => Object.fromEntries(Object.values(m.checks).map((c) => [c.id, correctResponse(c) as Response])));
    const text = encodeProgress({ ...base, checks }, scope);
    const decoded = decodeProgress(text, index.contentHash, scope);
    expect(decoded).toEqual({ status: 'restored', progress: { ...base, checks }, dropped: [] });
    const field = text.split('|')[8]!;
    expect(field.length).toBeLessThan(150);
  });

  it('restores progress with no check answered without a checks list', () => {
    const text = encodeProgress(base, scope);
    expect(decodeProgress(text, index.contentHash, scope)).toEqual({ status: 'restored', progress: base, dropped: [] });
  });

  it('never restores data cut inside the check answers', () => {
    const checks = index.modules.map((m) => Object.fromEntries(Object.values(m.checks).map((c) => [c.id, correctResponse(c) as Response])));
    const text = encodeProgress({ ...base, checks }, scope);
    const start = text.lastIndexOf('|');
    for (let cut = start; cut < text.length; cut++) expect(decodeProgress(text.slice(0, cut), index.contentHash, scope).status, `cut at ${cut}`).toBe('corrupt');
  });
});
