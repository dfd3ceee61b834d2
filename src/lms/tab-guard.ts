/**
 * One tab saves per learner and activity. The first tab takes a Web Lock named after the learner
 * and the activity and holds it while the page lives; a second tab finds the lock taken and
 * becomes read-only (it saves nothing). Where Web Locks are missing (an LMS served over plain
 * http), a BroadcastChannel asks whether another tab is already saving. The session's own check
 * of the browser copy's save counter (session.ts) catches whatever both of these miss.
 */
export type TabRole = 'saves' | 'read-only';

/** How long a tab without Web Locks waits for another tab to answer. */
export const ANSWER_WAIT_MS = 150;
/**
 * A tab that was just closed or reloaded lets go of its lock a moment later: keep asking this
 * long before deciding another tab is really open.
 */
export const LOCK_WAIT_MS = 1000;
const LOCK_RETRY_MS = 100;

interface LockManagerLike {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

export function tabLockName(learnerId: string, storageKey: string): string {
  return `micic-tab:${learnerId || 'anonymous'}:${storageKey}`;
}

/**
 * Decides this tab's role. The lock is let go while the page sits in the back/forward cache
 * (so the cache may keep it) and taken again when it comes back; if another tab took it
 * meanwhile, `onLost` is called and this tab must stop saving.
 */
export async function claimTab(name: string, win: Window, onLost: () => void): Promise<TabRole> {
  const locks = (win.navigator as Navigator & { locks?: LockManagerLike }).locks;
  if (locks && typeof locks.request === 'function') {
    let release: (() => void) | undefined;
    const take = () =>
      new Promise<boolean>((resolve) => {
        locks
          .request(name, { ifAvailable: true }, (lock) => {
            resolve(lock !== null);
            if (lock === null) return;
            return new Promise<void>((done) => (release = done));
          })
          .catch(() => resolve(true));
      });
    let got = await take();
    for (let waited = 0; !got && waited < LOCK_WAIT_MS; waited += LOCK_RETRY_MS) {
      await new Promise((resolve) => win.setTimeout(resolve, LOCK_RETRY_MS));
      got = await take();
    }
    if (got) {
      // Let go as the page goes (closed, reloaded or cached), so the next page need not wait.
      win.addEventListener('pagehide', () => release?.());
      win.addEventListener('pageshow', (event) => {
        if ((event as PageTransitionEvent).persisted) void take().then((again) => again || onLost());
      });
    }
    return got ? 'saves' : 'read-only';
  }
  return askOtherTabs(name, win);
}

/** Without Web Locks: ask on a BroadcastChannel; a tab that saves answers. */
async function askOtherTabs(name: string, win: Window): Promise<TabRole> {
  const Channel = (win as Window & { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (!Channel) return 'saves';
  const channel = new Channel(name);
  const answered = await new Promise<boolean>((resolve) => {
    const timer = win.setTimeout(() => resolve(false), ANSWER_WAIT_MS);
    channel.onmessage = (event: MessageEvent) => {
      if (event.data === 'saving') {
        win.clearTimeout(timer);
        resolve(true);
      }
    };
    channel.postMessage('who-saves');
  });
  if (answered) {
    channel.close();
    return 'read-only';
  }
  channel.onmessage = (event: MessageEvent) => {
    if (event.data === 'who-saves') channel.postMessage('saving');
  };
  win.addEventListener('pagehide', () => channel.close());
  return 'saves';
}
