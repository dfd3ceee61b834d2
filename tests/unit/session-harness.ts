/** The LMS session under test: in-memory storage, hand-driven timers, scorm-again as the LMS. */
import { createLmsHost, type HostOptions, type LmsHost } from '../../preview/lms-host.ts';
import { connectScorm } from '../../src/lms/connect.ts';
import { LmsSession, type SessionNews, type SessionOptions, type StateToSave, type Timers } from '../../src/lms/session.ts';
import type { InteractionRecord } from '../../src/lms/runtime.ts';

export class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

/** Timers we advance by hand. */
export class ManualTimers implements Timers {
  now = 1_800_000_000_000;
  private queue: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 1;
  set(fn: () => void, ms: number) {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  }
  clear(handle: unknown) {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number) {
    const until = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > until) break;
      this.queue.shift();
      this.now = next.at;
      next.fn();
    }
    this.now = until;
  }
}

export const state = (page: string, savedAt: number, extra: Partial<StateToSave> = {}): StateToSave => ({
  finished: false,
  location: `response/${page}`,
  // The savedAt field mimics the real codec's second-resolution stamp.
  suspendData: `T|${Math.floor(savedAt / 1000)}|${page}`,
  completion: 'incomplete',
  success: 'unknown',
  objectives: [],
  ...extra,
});

export const answer = (id: string, at: number): InteractionRecord => ({
  id,
  description: id,
  pattern: { type: 'true-false', learner: true, correct: true },
  result: 'correct',
  latencySeconds: 2,
  timestamp: new Date(at),
});

export function setup(options: Partial<HostOptions> = {}, storage: Storage | undefined = new MemoryStorage(), timers = new ManualTimers(), extra: Partial<SessionOptions> = {}) {
  const host = createLmsHost({ version: '1.2', masteryScore: options.version === '2004' ? 0.8 : 80, ...options });
  const fakeWindow = {} as Window & { parent: Window };
  fakeWindow.parent = fakeWindow;
  host.install(fakeWindow);
  const news: Array<[SessionNews, string]> = [];
  const session = new LmsSession({
    packageVersion: options.version ?? '1.2',
    storageKey: 'micic-course:1.0.0:response',
    window: fakeWindow,
    storage,
    timers,
    now: () => timers.now,
    onNews: (n, detail) => news.push([n, detail]),
    connect: connectScorm(extra.lmsPassingScore ?? true),
    ...extra,
  });
  return { host, session, news, storage, timers };
}

/** The bookmark as the LMS holds it, in either version. */
export const bookmark = (host: LmsHost) => host.value(host.version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location');

/** The interaction ids the LMS holds, in order. */
export const interactionIds = (host: LmsHost) => Object.values((host.cmi().interactions ?? {}) as Record<string, { id?: string }>).map((i) => i.id).filter(Boolean);

/** A session that finds no LMS (the package opened outside one). */
export function noLmsSession(storage: Storage | undefined, timers = new ManualTimers()) {
  const news: SessionNews[] = [];
  const lonely = { parent: null } as unknown as Window;
  const session = new LmsSession({ packageVersion: '1.2', storageKey: 'micic-course:1.0.0:response', window: lonely, storage, timers, now: () => timers.now, onNews: (n) => news.push(n) });
  return { session, news };
}

/** Storage that is full: every write throws, as browsers do with QuotaExceededError. */
export class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }
}

export const commits = (host: LmsHost) => host.calls.filter((c) => /Commit$/.test(c.method));

