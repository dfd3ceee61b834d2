/**
 * A copy of the learner's latest state in the browser's storage, kept beside the LMS. When the
 * LMS refuses or loses a save, the next launch takes the newer of the two and replays the
 * answers the LMS never got. Keyed by learner, course version and scope.
 */
import type { Completion, InteractionRecord, Success } from './runtime';

export interface MirrorEntry {
  /** When the state was saved (ms since 1970); the newer of LMS and mirror wins at launch. */
  savedAt: number;
  location: string;
  suspendData: string;
  /** Interactions not yet confirmed by an LMS commit. */
  pendingInteractions: InteractionRecord[];
  /** True once an LMS commit stored this very state. */
  confirmed: boolean;
  /** The status this state reports (absent in copies made before it was kept). */
  completion?: Completion;
  success?: Success;
}

interface StoredEntry extends Omit<MirrorEntry, 'pendingInteractions'> {
  pendingInteractions: Array<Omit<InteractionRecord, 'timestamp'> & { timestamp: string }>;
}

export class LocalMirror {
  constructor(
    private readonly key: string,
    private readonly storage: Storage | undefined,
  ) {}

  read(): MirrorEntry | undefined {
    try {
      const text = this.storage?.getItem(this.key);
      if (!text) return undefined;
      const stored = JSON.parse(text) as StoredEntry;
      if (typeof stored.savedAt !== 'number' || typeof stored.suspendData !== 'string') return undefined;
      return {
        savedAt: stored.savedAt,
        location: String(stored.location ?? ''),
        suspendData: stored.suspendData,
        pendingInteractions: (stored.pendingInteractions ?? []).map((i) => ({ ...i, timestamp: new Date(i.timestamp) })),
        confirmed: stored.confirmed === true,
        ...(['incomplete', 'completed'].includes(String(stored.completion)) ? { completion: stored.completion } : {}),
        ...(['passed', 'failed'].includes(String(stored.success)) ? { success: stored.success } : {}),
      };
    } catch {
      return undefined;
    }
  }

  /** False when storage is disabled or full: the LMS copy is then the only one. */
  write(entry: MirrorEntry): boolean {
    if (!this.storage) return false;
    try {
      const stored: StoredEntry = {
        ...entry,
        pendingInteractions: entry.pendingInteractions.map((i) => ({ ...i, timestamp: i.timestamp.toISOString() })),
      };
      this.storage.setItem(this.key, JSON.stringify(stored));
      return true;
    } catch {
      return false;
    }
  }
}

/** The browser's localStorage, or undefined when it is disabled or refuses writes. */
export function usableLocalStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    const probe = '__micic_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}
