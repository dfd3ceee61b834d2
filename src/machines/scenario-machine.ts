/**
 * A branching crisis scenario compiled to a state machine: each scene is a state, each choice a
 * `choose` transition, each ending a final state; indicators, score and the path taken live in
 * the context. The same machine is walked at build time to prove the scenario sound.
 */
import { assign, createActor, setup, type Actor } from 'xstate';
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

export function buildScenarioMachine(key: ScenarioKey) {
  const base = setup({
    types: { context: {} as ScenarioContext, events: {} as ScenarioEvent },
  });
  const states: Record<string, object> = {};
  for (const scene of key.scenes) {
    states[scene.id] = {
      on: {
        choose: scene.choices.map((choice) => ({
          guard: ({ event }: { event: ScenarioEvent }) => event.choice === choice.id,
          target: choice.next,
          actions: assign(({ context }: { context: ScenarioContext }) => ({
            score: context.score + choice.score,
            indicators: Object.fromEntries(
              Object.entries(context.indicators).map(([id, value]) => [id, value + (choice.effects[id] ?? 0)]),
            ),
            path: [...context.path, { scene: scene.id, choice: choice.id }],
          })),
        })),
      },
    };
  }
  for (const ending of key.endings) states[ending.id] = { type: 'final' };
  return base.createMachine({
    id: `scenario-${key.id}`,
    context: startContext(key),
    initial: key.start,
    states: states as never,
  });
}

export type ScenarioActor = Actor<ReturnType<typeof buildScenarioMachine>>;

/**
 * Starts a scenario and replays the saved choices, which restores its snapshot exactly (progress
 * saves only the choices). Undefined when a saved choice does not fit the scenario.
 */
export function startScenario(key: ScenarioKey, choices: readonly string[] = []): ScenarioActor | undefined {
  const actor = createActor(buildScenarioMachine(key)).start();
  for (const choice of choices) {
    const before = actor.getSnapshot();
    actor.send({ type: 'choose', choice });
    if (actor.getSnapshot() === before || actor.getSnapshot().context.path.length === before.context.path.length) {
      actor.stop();
      return undefined;
    }
  }
  return actor;
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
