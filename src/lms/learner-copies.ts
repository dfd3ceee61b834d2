/**
 * Browser copies and whose they are. A copy made while the LMS named the learner is kept under
 * that learner's id and is only ever read for that learner. A copy made without a known learner
 * (the LMS did not start, or the package ran with no LMS at all) belongs to nobody: it is offered
 * to the next learner only as a question ("is this yours?"), handed over on yes and removed once
 * handed over, removed on no. Nothing here decides for the learner.
 */
import { LocalMirror } from './mirror';
import type { InteractionRecord } from './runtime';
import type { MergeCopies } from './save-order';
import { finiteOr, parseStoredObject } from './stored-validation';

/** The key of a learner's copy; learnerId '' is the anonymous copy. */
export function mirrorKey(learnerId: string, storageKey: string): string {
  return `micic:mirror:${learnerId || 'anonymous'}:${storageKey}`;
}

/** Work on this computer that no learner has claimed yet. */
export interface UnclaimedCopy {
  /** When it was last saved (this device's clock, for the question only; 0 when unknown). */
  savedAt: number;
  location: string;
  suspendData: string;
  pendingInteractions: InteractionRecord[];
  /** Where it came from: a failed LMS start, or a launch with no LMS. */
  origins: Array<'lms-unreachable' | 'no-lms'>;
  /** The storage keys it is kept under, removed once it is handed over or declined. */
  keys: string[];
}

/** What StandaloneRuntime keeps (the package run with no LMS), checked. */
export function readStandaloneRecord(storage: Storage | undefined, storageKey: string): { location: string; suspendData: string; savedAt: number } | undefined {
  let value;
  try {
    value = parseStoredObject(storage?.getItem(storageKey));
  } catch {
    return undefined;
  }
  if (!value || typeof value.suspendData !== 'string' || typeof value.location !== 'string' || !value.suspendData) return undefined;
  return { location: value.location, suspendData: value.suspendData, savedAt: finiteOr(value.savedAt, 0) };
}

/**
 * The unclaimed work for this activity: the anonymous copy and the no-LMS copy, merged when both
 * exist. `includeNoLms` is false when the caller runs with no LMS itself (that copy is then its own).
 */
export function findUnclaimed(storage: Storage | undefined, storageKey: string, merge: MergeCopies, includeNoLms = true): UnclaimedCopy | undefined {
  const anonymous = new LocalMirror(mirrorKey('', storageKey), storage).read();
  const standalone = includeNoLms ? readStandaloneRecord(storage, storageKey) : undefined;
  const parts: UnclaimedCopy[] = [];
  if (anonymous?.suspendData && !anonymous.confirmed) {
    parts.push({ ...anonymous, origins: ['lms-unreachable'], keys: [mirrorKey('', storageKey)] });
  }
  if (standalone) parts.push({ ...standalone, pendingInteractions: [], origins: ['no-lms'], keys: [storageKey] });
  if (parts.length < 2) return parts[0];
  const [a, b] = parts as [UnclaimedCopy, UnclaimedCopy];
  return {
    savedAt: Math.max(a.savedAt, b.savedAt),
    location: b.savedAt > a.savedAt ? b.location : a.location,
    suspendData: merge(b.suspendData, a.suspendData),
    pendingInteractions: a.pendingInteractions,
    origins: [...a.origins, ...b.origins],
    keys: [...a.keys, ...b.keys],
  };
}

/** Removes a copy that was handed over or declined. */
export function removeCopy(storage: Storage | undefined, copy: UnclaimedCopy): void {
  for (const key of copy.keys) {
    try {
      storage?.removeItem(key);
    } catch {
      // Storage that refuses removal is storage we cannot clean; nothing else to do.
    }
  }
}

/**
 * Whether starting a session with an LMS may have to merge two saved texts: this browser holds a
 * copy of this activity no LMS commit has confirmed (any learner's, or nobody's), or work done with
 * no LMS. Merging needs the progress codec and the modules' details, which a launch otherwise
 * loads only after its first view; it loads them first only when this says so.
 */
export function mayNeedMerge(storage: Storage | undefined, storageKey: string): boolean {
  if (!storage) return false;
  try {
    if (readStandaloneRecord(storage, storageKey)) return true;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith('micic:mirror:') || !key.endsWith(`:${storageKey}`)) continue;
      const entry = new LocalMirror(key, storage).read();
      if (entry?.suspendData && !entry.confirmed) return true;
    }
    return false;
  } catch {
    // Storage that cannot be listed: assume the worst, so a merge is never attempted unprepared.
    return true;
  }
}
