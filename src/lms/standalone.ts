/**
 * No-LMS mode: the plain web build, or a package opened outside an LMS. Progress is kept
 * in the browser's storage, keyed by course, version and scope, so two courses or two
 * modules never overwrite each other.
 */
import type { ResumeData, RuntimeAdapter, TrackingRecord } from './runtime';

interface StoredRecord {
  location: string;
  suspendData: string;
  completion: TrackingRecord['completion'];
}

export class StandaloneRuntime implements RuntimeAdapter {
  readonly kind = 'standalone';
  private error = '';

  constructor(
    private readonly storageKey: string,
    private readonly storage: Storage | undefined = safeLocalStorage(),
  ) {}

  /** False when the browser refuses storage (private mode, disabled, quota). */
  get persistent(): boolean {
    return this.storage !== undefined;
  }

  initialize(): boolean {
    return true;
  }

  readResume(): ResumeData {
    const stored = this.read();
    return {
      entry: stored ? 'resume' : 'ab-initio',
      location: stored?.location ?? '',
      suspendData: stored?.suspendData ?? '',
      completion: stored?.completion ?? 'not-attempted',
      language: '',
    };
  }

  write(record: TrackingRecord): boolean {
    if (!this.storage) return false;
    const previous = this.read();
    const value: StoredRecord = {
      location: record.location,
      suspendData: record.suspendData,
      completion: previous?.completion === 'completed' ? 'completed' : record.completion,
    };
    try {
      this.storage.setItem(this.storageKey, JSON.stringify(value));
      this.error = '';
      return true;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return false;
    }
  }

  commit(): boolean {
    return this.persistent && this.error === '';
  }

  finish(): boolean {
    return true;
  }

  lastError(): string {
    return this.error;
  }

  private read(): StoredRecord | undefined {
    try {
      const text = this.storage?.getItem(this.storageKey);
      if (!text) return undefined;
      const value = JSON.parse(text) as Partial<StoredRecord>;
      if (typeof value.suspendData !== 'string' || typeof value.location !== 'string') return undefined;
      return { location: value.location, suspendData: value.suspendData, completion: value.completion === 'completed' ? 'completed' : 'incomplete' };
    } catch {
      return undefined;
    }
  }
}

function safeLocalStorage(): Storage | undefined {
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
