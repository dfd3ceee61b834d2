/** The pre-test's part of suspend_data: compact, restored exactly, refused when it cannot be ours. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import { createQuizActor, quizSnapshotData, type QuizStateName } from '../../src/machines/quiz-machine.ts';
import { correctResponse } from '../../src/machines/quiz-scoring.ts';
import { pretestKey } from '../../src/machines/pretest.ts';
import { encodeProgress, type CodecModule, type SavedProgress } from '../../src/progress/codec.ts';
import { decodeProgress } from '../../src/progress/migration.ts';

const course = loadCourse(join(import.meta.dirname, '../..')).index;
const modules: CodecModule[] = course.modules.map((m) => ({ id: m.id, pageIds: m.pages.map((p) => p.id), quiz: m.quiz, scenarios: m.scenarios, objectiveIds: m.objectives.map((o) => o.id) }));

/** Module m's pre-test after `answered` questions (all right), as progress saves it. */
function pretestAfter(m: number, answered: number, seed = 12345) {
  const module = course.modules[m]!;
  const key = pretestKey(module.quiz, module.objectives.map((o) => o.id), seed)!;
  const actor = createQuizActor({ quiz: key, masteryScore: 0, seed });
  actor.start();
  actor.send({ type: 'quiz.start', at: 0 });
  for (let i = 0; i < answered; i++) {
    const question = key.questions.find((q) => q.id === actor.getSnapshot().context.drawn[actor.getSnapshot().context.index])!;
    actor.send({ type: 'answer.change', response: correctResponse(question) });
    actor.send({ type: 'answer.check', at: 1000 });
    actor.send({ type: 'question.next', at: 2000 });
  }
  const snapshot = actor.getSnapshot();
  return quizSnapshotData(snapshot.value as QuizStateName, snapshot.context);
}

const base: SavedProgress = {
  savedAt: 1_795_500_000_000,
  language: 'en',
  position: { module: 0, page: 0 },
  visited: course.modules.map((m) => m.pages.map(() => false)),
  quizzes: course.modules.map(() => undefined),
  scenarios: course.modules.map((m) => m.scenarios.map(() => undefined)),
};

describe('pre-test codec', () => {
  it('writes nothing until a pre-test starts', () => {
    const text = encodeProgress({ ...base, pretests: course.modules.map(() => undefined) }, modules);
    // Fields 9 and 10 (check answers, written tasks) are always written; the pre-test's 11th only once one starts.
    expect(text.split('|')).toHaveLength(10);
  });

  it('restores a pre-test half-way and one finished, per module, in few characters', () => {
    const half = pretestAfter(0, 2);
    const done = pretestAfter(2, course.modules[2]!.objectives.length);
    expect(done.state).toBe('review');
    const progress = { ...base, pretests: [half, undefined, done] };
    const text = encodeProgress(progress, modules);
    const field = text.split('|')[8]!;
    expect(field.length).toBeLessThan(120);
    expect(decodeProgress(text, 'h', modules)).toEqual({ status: 'restored', progress, dropped: [] });
  });

  it('sets aside a pre-test field that cannot be ours', () => {
    const text = encodeProgress({ ...base, pretests: [pretestAfter(0, 1), undefined, undefined] }, modules);
    const field = text.split('|')[8]!;
    for (const bad of [`${text}~`, text.replace(field, `${field.slice(0, 3)}zz,1,0~~`), text.replace(field, `${field.slice(0, 3)}a1,1,0,9,,,~~`)]) {
      expect(decodeProgress(bad, 'h', modules).status, bad).toBe('corrupt');
    }
  });

  it('drops a pre-test drawn from a quiz bank that has changed since, and keeps the rest', () => {
    const text = encodeProgress({ ...base, visited: base.visited.map((pages, m) => pages.map((_, p) => m === 0 && p === 0)), pretests: [pretestAfter(0, 1), undefined, undefined] }, modules);
    const changed = modules.map((m, i) => (i === 0 ? { ...m, quiz: { ...m.quiz!, questions: m.quiz!.questions.slice(1) } } : m));
    const result = decodeProgress(text, 'h', changed);
    expect(result.status).toBe('restored');
    if (result.status !== 'restored') return;
    expect(result.progress.pretests).toBeUndefined();
    expect(result.progress.visited[0]![0]).toBe(true);
    expect(result.dropped.some((d) => d.includes('pre-test of module preparedness'))).toBe(true);
  });
});
