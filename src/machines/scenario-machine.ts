/**
 * A branching crisis scenario compiled to a state machine: each scene is a state, each choice a
 * `choose` transition, each ending a final state; indicators, score and the path taken live in
 * the context. The same machine is walked at build time to prove the scenario sound.
 */
import { assign, createActor, setup, type Actor } from 'xstate';
import type { ScenarioKey } from '../content/schema';
import { startContext, type ScenarioContext, type ScenarioEvent } from './scenario-graph.ts';

export * from './scenario-graph.ts';

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
