/**
 * Saving around the page's life: when it is hidden (tab switch, phone screen off), when it goes
 * into the back/forward cache (saved, session kept open), when it comes back from that cache
 * (saving goes on, the session re-initialised if it had finished), and when it is left for good
 * (saved, then finished once). Never `unload`, which browsers cut short.
 */
import type { LmsSession, StateToSave } from '../lms/session';

export function watchPageLifecycle(win: Window, session: LmsSession, record: () => StateToSave): void {
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') session.update(record(), 'now');
  });
  win.addEventListener('pagehide', (event) => {
    if ((event as PageTransitionEvent).persisted) session.suspend(record());
    else session.finish(record());
  });
  win.addEventListener('pageshow', (event) => {
    if (!(event as PageTransitionEvent).persisted) return;
    session.resume();
    session.update(record(), 'now');
  });
}
