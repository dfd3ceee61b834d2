/**
 * A copy of the learner's latest state in the browser's storage, kept beside the LMS. When the
 * LMS refuses or loses a save, the next launch compares the two (see save-order.ts) and replays
 * the answers the LMS never got. Keyed by learner, course version and scope (learner-copies.ts).
 */
import type { Completion, InteractionRecord, Success } from './runtime';
import { finiteOr, parseStoredObject, validInteractions } from './stored-validation';

export interface MirrorEntry {
  /** Save counter: grows with every write to this key, from any tab; orders copies without clocks. */
  seq: number;
  /** When the state was saved (ms since 1970, this device's clock): shown to learners, never used to order. */
  savedAt: number;
  location: string;
  suspendData: string;
  /** Interactions not yet confirmed by an LMS commit. */
  pendingInteractions: InteractionRecord[];
  /** True once an LMS commit stored this very state. */
  confirmed: boolean;
  /** Fingerprint of the suspend_data the LMS held when this copy was last in step with it ('' unknown). */
  base: string;
  /** The tab that wrote it. */
  writer: string;
  /** The status this state reports (absent in copies made before it was kept). */
  completion?: Completion;
  success?: Success;
}

interface StoredEntry extends Omit<MirrorEntry, 'pendingInteractions'> {
  pendingInteractions: Array<Omit<InteractionRecord, 'timestamp'> & { timestamp: string }>;
}

export class LocalMirror {
  constructor(
    readonly key: string,
    private readonly storage: Storage | undefined,
  ) {}

  /** The stored entry, checked part by part; undefined when absent or unusable. */
  read(): MirrorEntry | undefined {
    let stored;
    try {
      stored = parseStoredObject(this.storage?.getItem(this.key));
    } catch {
      return undefined;
    }
    if (!stored || typeof stored.suspendData !== 'string') return undefined;
    return {
      seq: finiteOr(stored.seq, 0),
      savedAt: finiteOr(stored.savedAt, 0),
      location: typeof stored.location === 'string' ? stored.location : '',
      suspendData: stored.suspendData,
      pendingInteractions: validInteractions(stored.pendingInteractions),
      confirmed: stored.confirmed === true,
      base: typeof stored.base === 'string' ? stored.base : '',
      writer: typeof stored.writer === 'string' ? stored.writer : '',
      ...(stored.completion === 'incomplete' || stored.completion === 'completed' ? { completion: stored.completion } : {}),
      ...(stored.success === 'passed' || stored.success === 'failed' ? { success: stored.success } : {}),
    };
  }

  /** False when storage is disabled or full: then nothing was kept, and the caller must say so. */
  write(entry: MirrorEntry): boolean {
    if (!this.storage) return false;
    try {
      const stored: StoredEntry = {
        ...entry,
        pendingInteractions: entry.pendingInteractions.map((i) => ({ ...i, timestamp: i.timestamp.toISOString() })),
      };
      const text = JSON.stringify(stored);
      this.storage.setItem(this.key, text);
      // Some browsers report success and keep nothing (storage quota 0): read it back.
      return this.storage.getItem(this.key) === text;
    } catch {
      return false;
    }
  }

  remove(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing to do: storage that refuses removal refuses reading too.
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
