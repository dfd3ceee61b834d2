/**
 * What can be read from a scenario's graph and a play's state without running its machine: the
 * views, the outline and the workshop card use these, so they load without XState.
 */
import type { ScenarioKey } from '../content/schema';
import { hashString, shuffled } from './quiz-scoring.ts';

export interface ScenarioStep {
  scene: string;
  choice: string;
}

export interface ScenarioContext {
  indicators: Record<string, number>;
  score: number;
  path: ScenarioStep[];
}

export type ScenarioEvent = { type: 'choose'; choice: string };

export function startContext(key: ScenarioKey): ScenarioContext {
  return { indicators: Object.fromEntries(key.indicators.map((i) => [i.id, i.start])), score: 0, path: [] };
}

/** The best path: the best choice at each scene from the start to an ending. */
export function bestPath(key: ScenarioKey): ScenarioStep[] {
  const path: ScenarioStep[] = [];
  let at = key.start;
  const seen = new Set<string>();
  for (;;) {
    const scene = key.scenes.find((s) => s.id === at);
    if (!scene || seen.has(at)) return path;
    seen.add(at);
    const best = scene.choices.find((c) => c.best) ?? scene.choices[0]!;
    path.push({ scene: scene.id, choice: best.id });
    at = best.next;
  }
}

export function scorePercent(key: ScenarioKey, score: number): number {
  return key.bestScore > 0 ? Math.round(Math.min(100, (score / key.bestScore) * 100) * 100) / 100 : 100;
}


/**
 * The order a learner sees a scene's choices in: shuffled by the learner's own seed, the same on
 * every visit and after resume, so the best choice's place in the list gives nothing away.
 */
export function choiceOrder(key: ScenarioKey, sceneId: string, seed: number): string[] {
  const scene = key.scenes.find((s) => s.id === sceneId);
  if (!scene) return [];
  return shuffled(
    scene.choices.map((c) => c.id),
    (seed ^ hashString(`${key.id}/${sceneId}`)) >>> 0,
  );
}
