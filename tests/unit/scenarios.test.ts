/**
 * Scenarios: every real one walked path by path on its compiled machine, and broken ones
 * refused at build time, naming the scenario, the scene and the problem.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSimplePaths } from '@xstate/graph';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, type ContentProblem } from '../../src/content/errors.ts';
import { loadCourse } from '../../src/content/loader.ts';
import type { ScenarioKey } from '../../src/content/schema.ts';
import { bestPath, buildScenarioMachine, scorePercent, startScenario } from '../../src/machines/scenario-machine.ts';
import { scenarioPaths } from '../../src/machines/scenario-paths.ts';
import { bestIsLongestRate } from '../../src/content/scenario-figures.ts';
import { decodeScenarios, encodeScenarios } from '../../src/progress/scenario-codec.ts';

const root = join(import.meta.dirname, '../..');
const FIXTURE = join(import.meta.dirname, '../fixtures/valid-course');
const SCENARIO = 'modules/01-alpha/scenarios/small-crisis.yaml';

function allPaths(key: ScenarioKey) {
  return scenarioPaths(key).filter((p) => p.state.status === 'done');
}

/** The reference walk: @xstate/graph's getSimplePaths (slow on large scenarios, so used to check the fast walk). */
function referencePaths(key: ScenarioKey) {
  return getSimplePaths(buildScenarioMachine(key), {
    events: (snapshot) =>
      (key.scenes.find((s) => s.id === snapshot.value)?.choices ?? []).map((c) => ({ type: 'choose' as const, choice: c.id })),
    serializeState: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.path]),
  });
}

const summary = (paths: Array<{ state: { value: unknown; status: string; context: unknown }; steps: Array<{ state: { value: unknown } }> }>) =>
  paths.map((p) => JSON.stringify([p.state.value, p.state.status, p.state.context, p.steps.map((s) => s.state.value)])).sort();

describe('the real scenarios', () => {
  const course = loadCourse(root, 'modules', { assessmentRules: false });
  const scenarios = course.index.modules.flatMap((m) => m.scenarios.map((s) => [m.id, s] as const));

  it('exist in every module', () => {
    expect(new Set(scenarios.map(([m]) => m))).toEqual(new Set(course.index.modules.map((m) => m.id)));
  });

  it('are walked path by path exactly as @xstate/graph walks them', () => {
    const fixture = loadCourse(FIXTURE, 'modules', { assessmentRules: false }).index.modules[0]!.scenarios[0]!;
    const small = scenarios.map(([, key]) => key).find((key) => key.id === 'after-the-floods')!;
    for (const key of [fixture, small]) expect(summary(scenarioPaths(key))).toEqual(summary(referencePaths(key)));
  });

  it('do not reward picking the longest choice: the best choice is the longest text in at most 40 % of scenes, in each language', () => {
    for (const language of course.index.languages) {
      let scenes = 0;
      let longest = 0;
      for (const [moduleId, key] of scenarios) {
        const rate = bestIsLongestRate(key, course.contents.get(`${moduleId}.${language}`)!.scenarios[key.id]!);
        scenes += rate.scenes;
        longest += rate.longest;
      }
      expect(longest / scenes, language).toBeLessThanOrEqual(0.4);
    }
  });

  for (const [moduleId, key] of scenarios) {
    describe(`${moduleId}/${key.id}`, () => {
      const paths = allPaths(key);

      it('ends every path in one of its endings, and reaches every ending', () => {
        expect(paths.length).toBeGreaterThan(0);
        const endings = new Set(paths.map((p) => String(p.state.value)));
        expect([...endings].sort()).toEqual(key.endings.map((e) => e.id).sort());
      });

      it('scores each path as its choices declare, never above the best path', () => {
        for (const path of paths) {
          const declared = path.state.context.path.reduce(
            (sum, step) => sum + key.scenes.find((s) => s.id === step.scene)!.choices.find((c) => c.id === step.choice)!.score,
            0,
          );
          expect(path.state.context.score).toBe(declared);
          expect(path.state.context.score).toBeLessThanOrEqual(key.bestScore);
        }
        const best = paths.find((p) => JSON.stringify(p.state.context.path) === JSON.stringify(bestPath(key)))!;
        expect(best.state.context.score).toBe(key.bestScore);
        expect(key.endings.find((e) => e.id === best.state.value)?.kind).toBe('good');
      });

      it('keeps every indicator within its range on every path', () => {
        for (const path of paths) {
          for (const step of path.steps) {
            for (const indicator of key.indicators) {
              const value = step.state.context.indicators[indicator.id]!;
              expect(value).toBeGreaterThanOrEqual(indicator.min);
              expect(value).toBeLessThanOrEqual(indicator.max);
            }
          }
        }
      });

      it('resumes mid-way from the saved choices, through the progress codec', () => {
        for (const path of paths) {
          const choices = path.state.context.path.map((s) => s.choice);
          const half = choices.slice(0, Math.ceil(choices.length / 2));
          const text = encodeScenarios([{ plays: 3, choices: half }], [key]);
          const decoded = decodeScenarios(text, [key])![0]!;
          expect(decoded.choices).toEqual(half);
          const actor = startScenario(key, decoded.choices)!;
          expect(actor.getSnapshot().context.path.map((s) => s.choice)).toEqual(half);
          actor.stop();
        }
        expect(scorePercent(key, key.bestScore)).toBe(100);
      });
    });
  }
});

describe('scenario verification at build time', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  function broken(change: (text: string) => string): ContentProblem[] {
    dir = mkdtempSync(join(tmpdir(), 'micic-scenario-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const path = join(dir, SCENARIO);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    if (after === before) throw new Error('the edit changed nothing');
    writeFileSync(path, after);
    try {
      loadCourse(dir, 'modules', { assessmentRules: false });
    } catch (error) {
      if (error instanceof ContentError) return error.problems;
      throw error;
    }
    throw new Error('expected the scenario to be rejected');
  }

  it('accepts the fixture scenario', () => {
    expect(loadCourse(FIXTURE, 'modules', { assessmentRules: false }).index.modules[0]!.scenarios[0]).toMatchObject({ id: 'small-crisis', bestScore: 3 });
  });

  it('rejects an unknown target', () => {
    expect(broken((t) => t.replace('next: sad', 'next: sadd'))).toEqual([
      { file: SCENARIO, line: 46, message: 'scenario "small-crisis": scene "second", choice "bad" leads to "sadd", which is neither a scene nor an ending' },
    ]);
  });

  it('rejects an unreachable scene', () => {
    expect(broken((t) => t.replace(/next: second/g, 'next: happy'))).toEqual([
      { file: SCENARIO, line: 31, message: 'scenario "small-crisis": scene "second" cannot be reached from the start' },
      { file: SCENARIO, line: 52, message: 'scenario "small-crisis": ending "sad" cannot be reached' },
    ]);
  });

  it('rejects an endless loop', () => {
    expect(broken((t) => t.replace('next: sad', 'next: first'))).toEqual([
      expect.objectContaining({ file: SCENARIO, line: 31, message: expect.stringMatching(/scene "second" leads back to "first" \(first → second → first\): scenarios may not loop/) }),
    ]);
  });

  it('rejects a dead end: a scene with nothing to choose', () => {
    const problems = broken((t) => t.replace(/      - id: bad\n        text: \{ en: Bad, es: Mala \}\n        consequence: \{ en: Oops\., es: Uy\. \}\n        guidelines: \[2\]\n        next: sad\n/, ''));
    expect(problems[0]).toMatchObject({ file: SCENARIO, message: '"scenes.1.choices" a scene needs at least two choices' });
  });

  it('rejects a missing translation', () => {
    const problems = broken((t) => t.replace('situation: { en: Second decision., es: Segunda decisión. }', 'situation: { en: Second decision. }'));
    expect(problems).toEqual([{ file: SCENARIO, line: 32, message: '"scenes.1.situation.es" is required but missing' }]);
  });

  it('rejects an indicator pushed out of its range on some path', () => {
    const problems = broken((t) => t.replace('effects: { trust: -3 }', 'effects: { trust: -6 }'));
    expect(problems).toEqual([
      {
        file: SCENARIO,
        line: 14,
        message: 'scenario "small-crisis": scene "first", choice "bad" takes indicator "trust" to -1, outside its range 0 to 10 (path: bad)',
      },
    ]);
  });

  it('rejects a scene without exactly one best choice', () => {
    const problems = broken((t) => t.replace('        best: true\n        score: 1', '        score: 1'));
    expect(problems).toEqual([{ file: SCENARIO, line: 31, message: 'scenario "small-crisis": scene "second" must mark exactly one choice "best: true" (it marks 0)' }]);
  });
});
