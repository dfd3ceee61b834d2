/**
 * A module's scenarios in suspend_data: per scenario `<plays>.<choices>.<best>[.<last>]`, joined
 * by ','. plays is base 36; each choice is its position in its scene (one base-36 character); best
 * is the best finished play's score in hundredths of a percent, base 36 (empty when none yet);
 * last, only while a new play is under way, holds the choices of the last finished play, so the
 * workshop card keeps showing it until the new play ends.
 */
import type { ScenarioKey } from '../content/schema';

export interface ScenarioProgress {
  /** Plays started (1-based); the current play's choices so far. */
  plays: number;
  choices: string[];
  bestPercent?: number;
  /** The last finished play's choices, kept while a later play is not finished yet. */
  lastFinished?: string[];
}

const b36 = (n: number) => n.toString(36);

export function encodeScenarios(progress: ReadonlyArray<ScenarioProgress | undefined>, keys: readonly ScenarioKey[]): string {
  return keys
    .map((key, i) => {
      const p = progress[i];
      if (!p) return '';
      const best = p.bestPercent === undefined ? '' : b36(Math.round(p.bestPercent * 100));
      const last = p.lastFinished ? `.${encodeChoices(key, p.lastFinished)}` : '';
      return `${b36(p.plays)}.${encodeChoices(key, p.choices)}.${best}${last}`;
    })
    .join(',');
}

function encodeChoices(key: ScenarioKey, choiceIds: readonly string[]): string {
  let at = key.start;
  return choiceIds
    .map((choiceId) => {
      const scene = key.scenes.find((s) => s.id === at)!;
      const index = scene.choices.findIndex((c) => c.id === choiceId);
      at = scene.choices[index]!.next;
      return b36(index);
    })
    .join('');
}

/** The choice ids a code stands for, walking the graph from the start; null when it leaves the graph. */
function decodeChoices(key: ScenarioKey, codes: string): string[] | null {
  let at = key.start;
  const choices: string[] = [];
  for (const code of codes) {
    const scene = key.scenes.find((s) => s.id === at);
    const choice = scene?.choices[parseInt(code, 36)];
    if (!choice) return null;
    choices.push(choice.id);
    at = choice.next;
  }
  return choices;
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
    const match = /^([0-9a-z]+)\.([0-9a-z]*)\.([0-9a-z]*)(?:\.([0-9a-z]+))?$/.exec(part);
    if (!match) return null;
    const key = keys[i]!;
    const choices = decodeChoices(key, match[2]!);
    const lastFinished = match[4] === undefined ? undefined : decodeChoices(key, match[4]);
    if (!choices || lastFinished === null) return null;
    const best = match[3] === '' ? undefined : parseInt(match[3]!, 36) / 100;
    if (best !== undefined && best > 100) return null;
    out.push({
      plays: parseInt(match[1]!, 36),
      choices,
      ...(best === undefined ? {} : { bestPercent: best }),
      ...(lastFinished ? { lastFinished } : {}),
    });
  }
  return out;
}
