/** Written-task answers in suspend_data, and the whole course's worst case within SCORM 1.2's limit. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import type { TaskKey } from '../../src/content/schema.ts';
import { attemptSeed, correctResponse, drawQuestions, type Response } from '../../src/machines/quiz-scoring.ts';
import { encodeProgress, type CodecModule } from '../../src/progress/codec.ts';
import { decodeProgress } from '../../src/progress/migration.ts';
import { decodeTasks, encodeTasks } from '../../src/progress/task-codec.ts';
import { format12, format2004 } from '../../src/lms/interaction-format.ts';

const { index } = loadCourse(join(import.meta.dirname, '../..'));
const tasks: TaskKey[] = [
  { id: 'a', objective: 'o', points: 4, maxLength: 40 },
  { id: 'b', objective: 'o', points: 3, maxLength: 60 },
];

describe('task codec', () => {
  it('round-trips text with the separators of suspend_data, accents and line breaks', () => {
    const answers = { b: { text: 'Alerta | 100% ~ radio:\nrevisión, señal', covered: [true, false, true] } };
    const text = encodeTasks(answers, tasks);
    expect(text).toBe('-5.18.Alerta %7C 100%25 %7E radio:\nrevisión, señal');
    expect(text).not.toMatch(/[|~]/);
    expect(decodeTasks(text, tasks)).toEqual(answers);
  });

  it('keeps each answer to its task maxLength, escapes included', () => {
    const long = { a: { text: 'x'.repeat(100), covered: [true, true, true, true] } };
    expect(decodeTasks(encodeTasks(long, tasks), tasks)).toEqual({ a: { text: 'x'.repeat(40), covered: [true, true, true, true] } });
    const pipes = { a: { text: '|'.repeat(40), covered: [false, false, false, false] } };
    expect(decodeTasks(encodeTasks(pipes, tasks), tasks)).toEqual({ a: { text: '|'.repeat(13), covered: [false, false, false, false] } });
  });

  it('refuses text cut short or not its own', () => {
    const text = encodeTasks({ a: { text: 'hello world', covered: [false, true, false, false] }, b: { text: 'ok', covered: [true, true, true] } }, tasks);
    for (let cut = 0; cut < text.length; cut++) expect(decodeTasks(text.slice(0, cut), tasks), `cut at ${cut}`).toBeNull();
    for (const bad of ['x', '--x', 'g.1.a-', '0.z.a-']) expect(decodeTasks(bad, tasks), bad).toBeNull();
  });
});

describe('written answers as interactions', () => {
  it('are fill-in in SCORM 1.2 (255 characters) and long-fill-in in 2004, with no correct response', () => {
    const pattern = { type: 'fill-in' as const, learner: 'y'.repeat(300), language: 'es' };
    expect(format12(pattern)).toEqual({ type: 'fill-in', learner: 'y'.repeat(255) });
    expect(format2004(pattern)).toEqual({ type: 'long-fill-in', learner: `{lang=es}${'y'.repeat(300)}` });
  });

  it('go as one line, never starting with "{" (the data models refuse both)', () => {
    const pattern = { type: 'fill-in' as const, learner: '{a}\n1. Radio\n\n2. Door to door ', language: 'en' };
    expect(format12(pattern).learner).toBe('a} 1. Radio 2. Door to door');
    expect(format2004(pattern).learner).toBe('{lang=en}a} 1. Radio 2. Door to door');
    expect(format2004(pattern).learner).toMatch(/^({lang=([a-zA-Z]{1,8}|i|x)(-[a-zA-Z0-9-]{2,8})?})?((?!{.*$).{0,4000}$)?$/);
  });
});

describe('the whole course in one SCORM 1.2 SCO', () => {
  it('fits the worst case (every page seen, quizzes reviewed, checks answered, tasks full) in 3,000 characters, well inside 4,096', () => {
    const scope: CodecModule[] = index.modules.map((m) => ({
      id: m.id,
      pageIds: [...m.pages.map((p) => p.id), ...m.scenarios.map((s) => `scenario-${s.id}`), 'quiz', 'workshop-card'],
      quiz: m.quiz,
      scenarios: m.scenarios,
      objectiveIds: m.objectives.map((o) => o.id),
      checks: m.checks,
      tasks: m.tasks,
    }));
    expect(index.modules.every((m) => (m.tasks ?? []).length > 0)).toBe(true);
    const seed = 0x7ffffffe;
    const text = encodeProgress(
      {
        savedAt: 4_000_000_000_000,
        language: 'es',
        position: { module: scope.length - 1, page: scope.at(-1)!.pageIds.length - 1 },
        visited: scope.map((m) => m.pageIds.map(() => true)),
        quizzes: index.modules.map((m) => {
          const drawn = drawQuestions(m.quiz!.questions, m.quiz!.draw, attemptSeed(seed, 999));
          return {
            state: 'review' as const,
            seed,
            attempt: 999,
            index: drawn.length - 1,
            responses: drawn.map((id) => correctResponse(m.quiz!.questions.find((q) => q.id === id)!) as Response),
            lastScore: 99.99,
            countedScore: 99.99,
            countedObjectives: Object.fromEntries(m.objectives.map((o) => [o.id, 100])),
          };
        }),
        scenarios: index.modules.map((m) => m.scenarios.map(() => ({ plays: 999, choices: [], bestPercent: 100 }))),
        checks: index.modules.map((m) => Object.fromEntries(Object.values(m.checks).map((c) => [c.id, correctResponse(c) as Response]))),
        // Every character escaped: the worst a learner can type.
        tasks: index.modules.map((m) => Object.fromEntries((m.tasks ?? []).map((t) => [t.id, { text: '|'.repeat(t.maxLength), covered: Array(t.points).fill(true) }]))),
      },
      scope,
    );
    expect(text.length).toBeLessThanOrEqual(3000);
    console.log(`suspend_data worst case, whole course: ${text.length} characters`);
    expect(decodeProgress(text, index.contentHash, scope).status).toBe('restored');
  });
});
