/**
 * Every path through a scenario, walked on its compiled machine with xstate's pure transition
 * functions: one entry per reachable prefix, like @xstate/graph's getSimplePaths, whose steps
 * start with the initial snapshot and hold the snapshot after each choice. Linear in the number
 * of paths (getSimplePaths is far slower once a scenario has hundreds of paths). Build time and
 * tests only.
 */
import { getInitialSnapshot, getNextSnapshot, type SnapshotFrom } from 'xstate';
import type { ScenarioKey } from '../content/schema';
import { buildScenarioMachine, type ScenarioEvent } from './scenario-machine.ts';

export type ScenarioSnapshot = SnapshotFrom<ReturnType<typeof buildScenarioMachine>>;

export interface ScenarioPath {
  /** The snapshot the path ends in. */
  state: ScenarioSnapshot;
  steps: Array<{ state: ScenarioSnapshot; event: ScenarioEvent | { type: 'xstate.init' } }>;
}

export function scenarioPaths(key: ScenarioKey): ScenarioPath[] {
  const machine = buildScenarioMachine(key);
  const paths: ScenarioPath[] = [];
  // A scenario cannot loop (the loader refuses loops first); the bound only keeps a bad key finite.
  const limit = key.scenes.length + 1;
  const walk = (steps: ScenarioPath['steps']): void => {
    const state = steps.at(-1)!.state;
    paths.push({ state, steps });
    if (state.status !== 'active' || steps.length > limit) return;
    for (const choice of key.scenes.find((s) => s.id === state.value)?.choices ?? []) {
      const event: ScenarioEvent = { type: 'choose', choice: choice.id };
      const next: ScenarioSnapshot = getNextSnapshot(machine, state, event);
      if (next !== state) walk([...steps, { state: next, event }]);
    }
  };
  walk([{ state: getInitialSnapshot(machine), event: { type: 'xstate.init' } }]);
  return paths;
}
