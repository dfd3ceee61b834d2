/**
 * Which saved copy is the learner's latest, decided without trusting any device's clock.
 *
 * The browser copy (mirror) remembers the fingerprint of the suspend_data the LMS held when the two
 * were last in step ("base"). At launch:
 *   - the browser copy has nothing the LMS did not confirm → the LMS copy (it may have moved on
 *     from another device; an empty LMS copy then means a new attempt);
 *   - the LMS still holds the base → the LMS missed this browser's later saves: the browser copy;
 *   - the LMS holds the browser copy itself → the LMS copy;
 *   - both moved on (another device saved, and this browser has unsent work) → merged by
 *     content: more progress wins item by item (pages seen, each quiz, each scenario).
 * Two saves in the same second, or a clock an hour fast, change nothing here.
 */
import type { MirrorEntry } from './mirror';

/** Merges two suspend_data strings by content; the course provides it (progress/merge.ts). */
export type MergeCopies = (lmsCopy: string, browserCopy: string) => string;

export interface LaunchChoice {
  use: 'lms' | 'browser' | 'merged';
  suspendData: string;
  location: string;
}

/** FNV-1a, 32 bits, with the length: enough to tell saved states apart, short to store. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}

/** Without the course's merge, unsent work is kept rather than lost. */
const keepBrowserCopy: MergeCopies = (lmsCopy, browserCopy) => browserCopy || lmsCopy;

export function chooseLaunchCopy(lms: { suspendData: string; location: string }, own: MirrorEntry | undefined, merge: MergeCopies = keepBrowserCopy): LaunchChoice {
  const fromLms: LaunchChoice = { use: 'lms', suspendData: lms.suspendData, location: lms.location };
  if (!own || own.confirmed || !own.suspendData) return fromLms;
  const lmsPrint = fingerprint(lms.suspendData);
  if (lmsPrint === fingerprint(own.suspendData)) return fromLms;
  if (own.base !== '' && own.base === lmsPrint) return { use: 'browser', suspendData: own.suspendData, location: own.location };
  const merged = merge(lms.suspendData, own.suspendData);
  if (merged === lms.suspendData) return fromLms;
  return { use: merged === own.suspendData ? 'browser' : 'merged', suspendData: merged, location: merged === lms.suspendData ? lms.location : own.location };
}
