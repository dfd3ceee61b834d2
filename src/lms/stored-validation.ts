/**
 * Everything the course reads back from browser storage is checked here before it is used: a
 * damaged copy (an edited entry, a half-written value, another version's format) is dropped
 * piece by piece, never allowed to throw later in the LMS adapters or the machines.
 */
import type { InteractionPattern, InteractionRecord } from './runtime';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isPairList = (value: unknown): value is Array<[string, string]> =>
  Array.isArray(value) && value.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string');

function validPattern(value: unknown): InteractionPattern | undefined {
  if (!isObject(value)) return undefined;
  switch (value.type) {
    case 'choice':
    case 'sequencing':
      return isStringList(value.options) && isStringList(value.learner) && isStringList(value.correct)
        ? { type: value.type, options: value.options, learner: value.learner, correct: value.correct }
        : undefined;
    case 'true-false':
      return typeof value.learner === 'boolean' && typeof value.correct === 'boolean'
        ? { type: 'true-false', learner: value.learner, correct: value.correct }
        : undefined;
    case 'matching':
      return isStringList(value.sources) && isStringList(value.targets) && isPairList(value.learner) && isPairList(value.correct)
        ? { type: 'matching', sources: value.sources, targets: value.targets, learner: value.learner, correct: value.correct }
        : undefined;
    default:
      return undefined;
  }
}

/** An interaction as it was stored (timestamp as ISO text), or undefined when any part is damaged. */
export function validInteraction(value: unknown): InteractionRecord | undefined {
  if (!isObject(value)) return undefined;
  const pattern = validPattern(value.pattern);
  const timestamp = typeof value.timestamp === 'string' || typeof value.timestamp === 'number' ? new Date(value.timestamp) : undefined;
  if (!pattern || !timestamp || !Number.isFinite(timestamp.getTime())) return undefined;
  if (typeof value.id !== 'string' || value.id === '' || typeof value.description !== 'string') return undefined;
  if (value.result !== 'correct' && value.result !== 'incorrect' && value.result !== 'neutral') return undefined;
  if (typeof value.latencySeconds !== 'number' || !Number.isFinite(value.latencySeconds) || value.latencySeconds < 0) return undefined;
  if (value.weighting !== undefined && (typeof value.weighting !== 'number' || !Number.isFinite(value.weighting))) return undefined;
  if (value.objectiveId !== undefined && typeof value.objectiveId !== 'string') return undefined;
  return {
    id: value.id,
    description: value.description,
    ...(value.objectiveId !== undefined ? { objectiveId: value.objectiveId } : {}),
    pattern,
    result: value.result,
    ...(value.weighting !== undefined ? { weighting: value.weighting } : {}),
    latencySeconds: value.latencySeconds,
    timestamp,
  };
}

/** The valid interactions of a stored list; damaged entries are left out, the rest kept. */
export function validInteractions(value: unknown): InteractionRecord[] {
  if (!Array.isArray(value)) return [];
  return value.map(validInteraction).filter((i): i is InteractionRecord => i !== undefined);
}

/** A finite number, or the fallback. */
export function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Parses stored JSON into an object, or undefined for anything else (bad JSON, null, a list). */
export function parseStoredObject(text: string | null | undefined): Loose | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
