/**
 * Choices give nothing away: each learner sees a scene's choices in an order of their own, the
 * same after resume; and a finished play is kept (for the workshop card) while a new one runs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loader.ts';
import { bestPath, choiceOrder } from '../../src/machines/scenario-machine.ts';
import { decodeScenarios, encodeScenarios } from '../../src/progress/scenario-codec.ts';

const course = loadCourse(join(import.meta.dirname, '../..'));
const scenarios = course.index.modules.flatMap((m) => m.scenarios);
const scenes = scenarios.flatMap((key) => key.scenes.map((scene) => ({ key, scene })));

describe('the order of scenario choices', () => {
  it('holds every choice once and is the same for the same learner', () => {
    for (const { key, scene } of scenes) {
      const order = choiceOrder(key, scene.id, 12345);
      expect([...order].sort()).toEqual(scene.choices.map((c) => c.id).sort());
      expect(choiceOrder(key, scene.id, 12345)).toEqual(order);
    }
  });

  it('differs between learners and puts the best choice anywhere, not first', () => {
    const seeds = Array.from({ length: 40 }, (_, i) => 1000 + i * 7919);
    for (const { key, scene } of scenes) {
      const orders = new Set(seeds.map((seed) => choiceOrder(key, scene.id, seed).join()));
      expect(orders.size, `${key.id}/${scene.id}`).toBeGreaterThan(1);
    }
    // Over all scenes and learners, the best choice stands first about as often as chance says.
    const best = scenes.map(({ scene }) => scene.choices.find((c) => c.best)!.id);
    let first = 0;
    let total = 0;
    for (const seed of seeds) {
      scenes.forEach(({ key, scene }, i) => {
        total++;
        if (choiceOrder(key, scene.id, seed)[0] === best[i]) first++;
      });
    }
    const chance = scenes.reduce((sum, { scene }) => sum + 1 / scene.choices.length, 0) / scenes.length;
    expect(first / total).toBeGreaterThan(chance * 0.6);
    expect(first / total).toBeLessThan(chance * 1.4);
  });
});

describe('a finished play kept while a new one runs', () => {
  it('survives the progress codec, and old records without it still decode', () => {
    for (const key of scenarios) {
      const finished = bestPath(key).map((s) => s.choice);
      const text = encodeScenarios([{ plays: 2, choices: finished.slice(0, 1), bestPercent: 100, lastFinished: finished }], [key]);
      expect(decodeScenarios(text, [key])).toEqual([{ plays: 2, choices: finished.slice(0, 1), bestPercent: 100, lastFinished: finished }]);
      const old = encodeScenarios([{ plays: 1, choices: finished }], [key]);
      expect(old.split('.')).toHaveLength(3);
      expect(decodeScenarios(old, [key])).toEqual([{ plays: 1, choices: finished }]);
    }
  });

  it('refuses a kept play that leaves the scenario graph', () => {
    const key = scenarios[0]!;
    expect(decodeScenarios('2.0.2s.zz', [key])).toBeNull();
  });
});

describe('the learner seed', () => {
  it('is kept in progress before the quiz is ever started', async () => {
    const { decodeQuiz, encodeQuiz } = await import('../../src/progress/quiz-codec.ts');
    const module = course.index.modules[0]!;
    const objectiveIds = module.objectives.map((o) => o.id);
    const text = encodeQuiz({ state: 'ready', seed: 987654, attempt: 0, index: 0, responses: [], countedObjectives: {} }, module.quiz!, objectiveIds);
    expect(text).toBe(`s${(987654).toString(36)}`);
    expect(decodeQuiz(text, module.quiz!, objectiveIds)).toMatchObject({ state: 'ready', seed: 987654, attempt: 0 });
    expect(decodeQuiz('s', module.quiz!, objectiveIds)).toBeNull();
  });
});
