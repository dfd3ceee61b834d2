/**
 * A content edit keeps every in-progress learner's work wherever it still fits: progress is keyed
 * per module and per saved structure (pages, quiz draw and questions, scenario graph), and what
 * no longer fits is set aside as a browser copy instead of being lost.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CourseIndex, ModuleSummary } from '../../src/content/schema.ts';
import { loadCourse } from '../../src/content/loader.ts';
import { attemptSeed, drawQuestions } from '../../src/machines/quiz-scoring.ts';
import { encodeProgress, type CodecModule, type SavedProgress } from '../../src/progress/codec.ts';
import { decodeProgress } from '../../src/progress/migration.ts';
import { restoreSaved, SetAsideStore } from '../../src/controllers/saved-progress.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/valid-course');
const ALPHA = 'modules/01-alpha';
let workDir = '';

afterEach(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = '';
});

/** The fixture course after an author's edit. */
function editedCourse(edits: Record<string, (text: string) => string>, newFiles: Record<string, string> = {}): CourseIndex {
  workDir = mkdtempSync(join(tmpdir(), 'micic-migration-'));
  cpSync(FIXTURE, workDir, { recursive: true });
  for (const [file, text] of Object.entries(newFiles)) writeFileSync(join(workDir, file), text);
  for (const [file, change] of Object.entries(edits)) {
    const before = readFileSync(join(workDir, file), 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the edit to ${file} changed nothing`);
    writeFileSync(join(workDir, file), after);
  }
  return loadCourse(workDir, 'modules', { assessmentRules: false }).index;
}

/** The course's modules as the app hands them to the codec (pages, then scenarios, then the quiz). */
const codecModules = (index: CourseIndex): CodecModule[] =>
  index.modules.map((m: ModuleSummary) => ({
    id: m.id,
    pageIds: [...m.pages.map((p) => p.id), ...m.scenarios.map((s) => `scenario-${s.id}`), ...(m.quiz ? ['quiz'] : [])],
    quiz: m.quiz,
    scenarios: m.scenarios,
    objectiveIds: m.objectives.map((o) => o.id),
  }));

const before = loadCourse(FIXTURE, 'modules', { assessmentRules: false }).index;
const beforeModules = codecModules(before);
const SEED = 4242;

/** A learner half-way: pages seen, two quiz answers checked, one scenario decision. */
function inProgress(): SavedProgress {
  const quiz = before.modules[0]!.quiz!;
  const drawn = drawQuestions(quiz.questions, quiz.draw, attemptSeed(SEED, 1));
  const answers: Record<string, unknown> = {
    'pick-one': { type: 'single-choice', option: 'right' },
    'pick-many': { type: 'multiple-response', options: ['yes-1', 'yes-2'] },
    'pair-up': { type: 'matching', pairs: { 'left-a': 'right-a' } },
  };
  const index = drawn.indexOf('pair-up');
  return {
    savedAt: 1_795_500_000_000,
    language: 'es',
    position: { module: 0, page: beforeModules[0]!.pageIds.indexOf('details') },
    visited: beforeModules.map((m, i) => m.pageIds.map((id) => i === 0 && (id === 'intro' || id === 'details'))),
    quizzes: [
      { state: 'answering', seed: SEED, attempt: 1, index, responses: drawn.map((id) => (id === 'pair-up' ? undefined : (answers[id] as never))), countedObjectives: {} },
      undefined,
    ],
    scenarios: [[{ plays: 1, choices: ['good'] }], []],
  };
}

describe('content update with migration', () => {
  it('a text-only edit (one letter of a page) keeps all progress, though the content hash changed', () => {
    const after = editedCourse({ [`${ALPHA}/pages/intro.en.md`]: (t) => t.replace('Some', 'Sume') });
    expect(after.contentHash).not.toBe(before.contentHash);
    const text = encodeProgress(inProgress(), beforeModules);
    expect(decodeProgress(text, after.contentHash, codecModules(after))).toEqual({ status: 'restored', progress: inProgress(), dropped: [] });
  });

  it('a page inserted: pages seen and the position are carried by page id', () => {
    const page = '# New\n\nText.\n';
    const after = editedCourse(
      { [`${ALPHA}/module.yaml`]: (t) => t.replace('  - intro\n', '  - new-page\n  - intro\n') },
      { [`${ALPHA}/pages/new-page.en.md`]: page, [`${ALPHA}/pages/new-page.es.md`]: page },
    );
    const modules = codecModules(after);
    const result = decodeProgress(encodeProgress(inProgress(), beforeModules), after.contentHash, modules);
    if (result.status !== 'restored') throw new Error(result.status);
    expect(result.dropped).toEqual([]);
    const seen = modules[0]!.pageIds.filter((_, i) => result.progress.visited[0]![i]);
    expect(seen).toEqual(['intro', 'details']);
    expect(modules[0]!.pageIds[result.progress.position.page]).toBe('details');
    expect(result.progress.quizzes[0]).toEqual(inProgress().quizzes[0]);
  });

  it('a changed question drops only its answer; the others and the attempt stay', () => {
    const after = editedCourse({
      [`${ALPHA}/quiz.yaml`]: (t) => t.replace('      - id: no-1\n', '      - id: maybe\n        text: { en: Maybe, es: Quizás }\n      - id: no-1\n'),
    });
    const modules = codecModules(after);
    const result = decodeProgress(encodeProgress(inProgress(), beforeModules), after.contentHash, modules);
    if (result.status !== 'restored') throw new Error(result.status);
    const quiz = after.modules[0]!.quiz!;
    const drawn = drawQuestions(quiz.questions, quiz.draw, attemptSeed(SEED, 1));
    const kept = Object.fromEntries(drawn.map((id, i) => [id, result.progress.quizzes[0]!.responses[i]]));
    expect(kept).toEqual({ 'pick-one': { type: 'single-choice', option: 'right' }, 'pick-many': undefined, 'pair-up': undefined });
    expect(result.progress.quizzes[0]).toMatchObject({ state: 'answering', attempt: 1, seed: SEED, index: drawn.findIndex((id) => id !== 'pick-one') });
    expect(result.dropped).toEqual(['1 quiz answer(s) in module alpha to questions that changed']);
    expect(result.progress.scenarios[0]).toEqual([{ plays: 1, choices: ['good'] }]);
  });

  it("a changed scenario graph drops that scenario's play only", () => {
    const after = editedCourse({ [`${ALPHA}/scenarios/small-crisis.yaml`]: (t) => t.replace(/- id: good\n/, '- id: fine\n') });
    const result = decodeProgress(encodeProgress(inProgress(), beforeModules), after.contentHash, codecModules(after));
    if (result.status !== 'restored') throw new Error(result.status);
    expect(result.progress.scenarios[0]).toEqual([undefined]);
    expect(result.progress.visited).toEqual(inProgress().visited);
    expect(result.dropped).toEqual(['1 scenario play(s) in module alpha whose scenario changed']);
  });

  describe('the old data is kept as a browser copy when it does not fit', () => {
    const memoryStorage = (full = false): Storage => {
      const items = new Map<string, string>();
      return {
        get length() { return items.size; },
        clear: () => items.clear(),
        key: (i) => [...items.keys()][i] ?? null,
        getItem: (k) => items.get(k) ?? null,
        removeItem: (k) => void items.delete(k),
        setItem: (k, v) => {
          if (full) throw new DOMException('full', 'QuotaExceededError');
          items.set(k, v);
        },
      };
    };
    const legacy = `F1|${'0'.repeat(8)}|tozso0|es|0.1|3.|~|~`;

    it('nothing fits: the saved text goes to the browser copy and the notice says so', () => {
      const store = new SetAsideStore('micic:set-aside:learner-1:x', memoryStorage());
      const outcome = restoreSaved(legacy, before.contentHash, beforeModules, store, 1000);
      expect(outcome).toEqual({ notice: 'notice.progressSetAside' });
      expect(store.read()).toEqual([{ at: 1000, reason: expect.stringContaining('saved by position'), suspendData: legacy }]);
    });

    it('partly fits: what fits is restored, and the full text is still kept', () => {
      const after = editedCourse({ [`${ALPHA}/scenarios/small-crisis.yaml`]: (t) => t.replace(/- id: good\n/, '- id: fine\n') });
      const text = encodeProgress(inProgress(), beforeModules);
      const store = new SetAsideStore('k', memoryStorage());
      const outcome = restoreSaved(text, after.contentHash, codecModules(after), store, 5);
      expect(outcome.notice).toBe('notice.progressMigrated');
      expect(outcome.progress?.visited).toEqual(inProgress().visited);
      expect(store.read().map((e) => e.suspendData)).toEqual([text]);
    });

    it('storage full: no claim that a copy was kept', () => {
      const outcome = restoreSaved(legacy, before.contentHash, beforeModules, new SetAsideStore('k', memoryStorage(true)));
      expect(outcome).toEqual({ notice: 'notice.progressReset' });
    });

    it('everything fits: no copy, no notice', () => {
      const store = new SetAsideStore('k', memoryStorage());
      const text = encodeProgress(inProgress(), beforeModules);
      expect(restoreSaved(text, before.contentHash, beforeModules, store)).toEqual({ progress: inProgress() });
      expect(store.read()).toEqual([]);
    });
  });
});

describe('structure keys of the real course', () => {
  it('no two pages, questions, objectives or scenarios of a module share a key', async () => {
    const { moduleKey, objectiveKey, pageKey, questionKey, scenarioKey } = await import('../../src/progress/structure-keys.ts');
    const course = loadCourse(join(import.meta.dirname, '../..')).index;
    const distinct = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    distinct(course.modules.map((m) => moduleKey(m.id)));
    for (const module of codecModules(course)) {
      distinct(module.pageIds.map(pageKey));
      distinct(module.objectiveIds.map(objectiveKey));
      distinct(module.scenarios.map(scenarioKey));
      distinct(module.quiz?.questions.map(questionKey) ?? []);
    }
  });
});
