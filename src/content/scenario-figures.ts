/** Item-writing figures for scenarios, shared by the figures script and the tests. */
import type { ScenarioKey, ScenarioText } from './schema.ts';

/** In how many scenes the best choice is the longest text (ties count against the scene). */
export function bestIsLongestRate(key: ScenarioKey, text: ScenarioText): { scenes: number; longest: number } {
  let longest = 0;
  for (const scene of key.scenes) {
    const lengths = scene.choices.map((c) => ({ best: c.best, length: text.scenes[scene.id]!.choices[c.id]!.text.length }));
    const best = lengths.find((c) => c.best)!.length;
    if (lengths.every((c) => c.best || c.length <= best)) longest++;
  }
  return { scenes: key.scenes.length, longest };
}
