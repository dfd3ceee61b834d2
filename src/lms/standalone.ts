/**
 * No-LMS mode: the plain web build, or a package opened outside an LMS. Progress is kept in
 * the browser's storage, keyed by course, version and scope, so two courses or two modules
 * never overwrite each other. Interactions have no one to report to and are not kept.
 */
import { strongerCompletion, strongerSuccess, type Completion, type ResumeData, type RuntimeAdapter, type Success, type TrackingRecord } from './runtime';
import { usableLocalStorage } from './mirror';

interface StoredRecord {
  location: string;
  suspendData: string;
  completion: Completion;
  success: Success;
}

export class StandaloneRuntime implements RuntimeAdapter {
  readonly kind = 'standalone';
  private error = '';

  constructor(
    private readonly storageKey: string,
    private readonly storage: Storage | undefined = usableLocalStorage(),
  ) {}

  /** False when the browser refuses storage (private mode, disabled, full). */
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
      success: stored?.success ?? 'unknown',
      language: '',
      learnerId: '',
    };
  }

  write(record: TrackingRecord): boolean {
    if (!this.storage) {
      this.error = 'browser storage is unavailable';
      return false;
    }
    const previous = this.read();
    const value: StoredRecord = {
      location: record.location,
      suspendData: record.suspendData,
      completion: strongerCompletion(previous?.completion ?? 'not-attempted', record.completion),
      success: strongerSuccess(previous?.success ?? 'unknown', record.success),
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

  writeInteraction(): boolean {
    return true;
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
      return {
        location: value.location,
        suspendData: value.suspendData,
        completion: value.completion === 'completed' || value.completion === 'incomplete' ? value.completion : 'not-attempted',
        success: value.success === 'passed' || value.success === 'failed' ? value.success : 'unknown',
      };
    } catch {
      return undefined;
    }
  }
}
