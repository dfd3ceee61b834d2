/**
 * A module's scenarios in suspend_data: per scenario `<plays>.<choices>.<best>`, joined by ','.
 * plays is base 36; each choice is its position in its scene (one base-36 character); best is
 * the best finished play's score in hundredths of a percent, base 36 (empty when none yet).
 */
import type { ScenarioKey } from '../content/schema';

export interface ScenarioProgress {
  /** Plays started (1-based); the current play's choices so far. */
  plays: number;
  choices: string[];
  bestPercent?: number;
}

const b36 = (n: number) => n.toString(36);

export function encodeScenarios(progress: ReadonlyArray<ScenarioProgress | undefined>, keys: readonly ScenarioKey[]): string {
  return keys
    .map((key, i) => {
      const p = progress[i];
      if (!p) return '';
      let at = key.start;
      const choices = p.choices.map((choiceId) => {
        const scene = key.scenes.find((s) => s.id === at)!;
        const index = scene.choices.findIndex((c) => c.id === choiceId);
        at = scene.choices[index]!.next;
        return b36(index);
      });
      return `${b36(p.plays)}.${choices.join('')}.${p.bestPercent === undefined ? '' : b36(Math.round(p.bestPercent * 100))}`;
    })
    .join(',');
}

/** null when the text is not a valid record of these scenarios. */
export function decodeScenarios(text: string, keys: readonly ScenarioKey[]): Array<ScenarioProgress | undefined> | null {
  if (keys.length === 0) return text === '' ? [] : null;
  const parts = text.split(',');
  if (parts.length !== keys.length) return null;
  const out: Array<ScenarioProgress | undefined> = [];
  for (let i = 0; i < keys.length; i++) {
    const part = parts[i]!;
    if (part === '') {
      out.push(undefined);
      continue;
    }
    const match = /^([0-9a-z]+)\.([0-9a-z]*)\.([0-9a-z]*)$/.exec(part);
    if (!match) return null;
    const key = keys[i]!;
    let at = key.start;
    const choices: string[] = [];
    for (const code of match[2]!) {
      const scene = key.scenes.find((s) => s.id === at);
      const choice = scene?.choices[parseInt(code, 36)];
      if (!choice) return null;
      choices.push(choice.id);
      at = choice.next;
    }
    const best = match[3] === '' ? undefined : parseInt(match[3]!, 36) / 100;
    if (best !== undefined && best > 100) return null;
    out.push({ plays: parseInt(match[1]!, 36), choices, ...(best === undefined ? {} : { bestPercent: best }) });
  }
  return out;
}
