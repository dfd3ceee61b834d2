/**
 * The saved state of the interactive content blocks (flashcards turned, the step a process is at):
 * one small number per block, kept in the browser beside the course's own progress. Compact,
 * versioned and tied to the content hash, because block ids are positions in the content:
 *
 *   K1|<contentHash>|<block id>=<state, base 36>,<block id>=<state>…
 *
 * Anything else (another format, other content, a damaged entry) reads as "no saved state".
 */
export const BLOCK_FORMAT_TAG = 'K1';

const ID = /^[a-z0-9][a-z0-9.-]*$/;
const VALUE = /^[0-9a-z]{1,10}$/;

export function encodeBlockStates(states: ReadonlyMap<string, number>, contentHash: string): string {
  const entries = [...states]
    .filter(([id, state]) => ID.test(id) && Number.isSafeInteger(state) && state >= 0)
    .map(([id, state]) => `${id}=${state.toString(36)}`);
  return [BLOCK_FORMAT_TAG, contentHash, entries.join(',')].join('|');
}

export function decodeBlockStates(text: string | null | undefined, contentHash: string): Map<string, number> {
  const states = new Map<string, number>();
  const parts = (text ?? '').split('|');
  if (parts.length !== 3 || parts[0] !== BLOCK_FORMAT_TAG || parts[1] !== contentHash || !parts[2]) return states;
  for (const entry of parts[2].split(',')) {
    const [id = '', value = '', extra] = entry.split('=');
    if (extra !== undefined || !ID.test(id) || !VALUE.test(value)) return new Map();
    states.set(id, parseInt(value, 36));
  }
  return states;
}
