/**
 * Nothing lost, ever (issue 16), under scorm-again 1.2 and 2004: browser copies belong to one
 * learner, unclaimed work is asked about, work done without an LMS reaches it, a failing LMS with
 * full storage is told truthfully, a fast clock changes nothing, a damaged copy is dropped piece by
 * piece, a second tab never writes over the first, and a dismissed failure notice comes back.
 */
import { describe, expect, it } from 'vitest';
import { nextLaunchData } from '../../preview/lms-host.ts';
import { answer, bookmark, FullStorage, interactionIds, ManualTimers, MemoryStorage, noLmsSession, setup, state } from './session-harness.ts';

const ANONYMOUS_KEY = 'micic:mirror:anonymous:micic-course:1.0.0:response';
const NO_LMS_KEY = 'micic-course:1.0.0:response';

for (const version of ['1.2', '2004'] as const) {
  describe(`SCORM ${version}: nothing lost`, () => {
    it('shared computer: learner B is asked about anonymous work and never gets it by default (item 1)', () => {
      const storage = new MemoryStorage();
      const timers = new ManualTimers();
      const a = setup({ version, learnerId: 'learner-a', faults: { initializeFails: true } }, storage, timers);
      a.session.start();
      a.session.recordInteraction(answer('response.q1.1', timers.now), false);
      a.session.update(state('quiz', timers.now), 'now');

      const b = setup({ version, learnerId: 'learner-b' }, storage, timers);
      const launch = b.session.start();
      expect(launch).toMatchObject({ source: 'none', suspendData: '', location: '' });
      expect(launch.unclaimed?.location).toBe('response/quiz');
      expect(b.session.settleUnclaimed(false)).toMatchObject({ source: 'none', suspendData: '' });
      b.session.update(state('start', timers.now), 'now');
      expect(interactionIds(b.host)).toEqual([]);
      expect(bookmark(b.host)).toBe('response/start');
      // Declined: gone from this computer, so nobody else is offered it either.
      expect(storage.getItem(ANONYMOUS_KEY)).toBeNull();
      expect(setup({ version, learnerId: 'learner-c' }, storage, timers).session.start().unclaimed).toBeUndefined();
    });

    it('a browser copy is read only for its own learner (item 1, guard)', () => {
      const storage = new MemoryStorage();
      const timers = new ManualTimers();
      const a = setup({ version, learnerId: 'learner-a' }, storage, timers);
      a.session.start();
      a.host.setFaults({ sessionEndsAfterCalls: 0 });
      a.session.update(state('quiz', timers.now), 'now');
      const b = setup({ version, learnerId: 'learner-b' }, storage, timers);
      expect(b.session.start()).toMatchObject({ source: 'none', suspendData: '' });
      const again = setup({ version, learnerId: 'learner-a', saved: nextLaunchData(a.host) }, storage, timers);
      expect(again.session.start()).toMatchObject({ source: 'mirror', location: 'response/quiz' });
    });

    it('work done with no LMS is offered at the next LMS launch and handed over on yes (item 6)', () => {
      const storage = new MemoryStorage();
      const timers = new ManualTimers();
      const offline = noLmsSession(storage, timers);
      offline.session.start();
      offline.session.update(state('p7', timers.now), 'now');
      const online = setup({ version }, storage, timers);
      const launch = online.session.start();
      expect(launch.unclaimed).toMatchObject({ location: 'response/p7', origins: ['no-lms'] });
      expect(online.session.settleUnclaimed(true)).toMatchObject({ source: 'mirror', location: 'response/p7' });
      online.session.update(state('p7', timers.now), 'now');
      expect(bookmark(online.host)).toBe('response/p7');
      expect(online.host.value('cmi.suspend_data')).toContain('p7');
      expect(storage.getItem(NO_LMS_KEY)).toBeNull();
      expect(online.host.errors).toEqual([]);
    });

    it('LMS failing and storage full: says the work is not saved, never "kept in this browser" (item 7)', () => {
      const { session, news, timers } = setup({ version, faults: { commitFails: true } }, new FullStorage());
      session.start();
      session.update(state('a', timers.now), 'now');
      expect(news.map((n) => n[0])).toEqual(['not-kept']);
    });

    it('storage that fills while the LMS is failing turns the notice into "not saved" (item 7)', () => {
      const storage = new MemoryStorage();
      const { session, news, timers } = setup({ version, faults: { commitFails: true } }, storage);
      session.start();
      session.update(state('a', timers.now), 'now');
      expect(news.map((n) => n[0])).toEqual(['save-failed']);
      storage.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      session.update(state('b', timers.now), 'now');
      expect(news.map((n) => n[0])).toEqual(['save-failed', 'not-kept']);
    });

    it('a device whose clock is an hour fast does not bring stale progress back (item 8)', () => {
      const hour = 3_600_000;
      const deviceA = new MemoryStorage();
      const timers = new ManualTimers();
      const a = setup({ version }, deviceA, timers, { now: () => timers.now + hour });
      a.session.start();
      a.session.update(state('a', timers.now + hour), 'now');
      a.session.finish();
      timers.advance(60_000);
      const b = setup({ version, saved: nextLaunchData(a.host) }, new MemoryStorage(), timers);
      b.session.start();
      b.session.update(state('b', timers.now), 'now');
      b.session.finish();
      const again = setup({ version, saved: nextLaunchData(b.host) }, deviceA, timers, { now: () => timers.now + hour });
      expect(again.session.start()).toMatchObject({ source: 'lms', location: 'response/b' });
    });

    it('a damaged browser copy is checked piece by piece: the course starts and the sound answers are sent (crash)', () => {
      const storage = new MemoryStorage();
      const good = { ...answer('response.q2.1', 1_800_000_000_000), timestamp: '2027-01-15T08:00:00.000Z' };
      storage.setItem(
        'micic:mirror:learner-1:micic-course:1.0.0:response',
        JSON.stringify({
          seq: 'x',
          savedAt: 'yesterday',
          location: 7,
          suspendData: 'T|1|damaged',
          confirmed: false,
          base: 1,
          pendingInteractions: [{}, { ...good, pattern: null }, { ...good, timestamp: 'not a date' }, { ...good, result: 'maybe' }, null, good],
        }),
      );
      storage.setItem(ANONYMOUS_KEY, '{"suspendData": 5, "pendingInteractions": "none"');
      storage.setItem(NO_LMS_KEY, JSON.stringify({ location: null, suspendData: ['x'] }));
      const { host, session, timers } = setup({ version }, storage);
      const launch = session.start();
      expect(launch).toMatchObject({ source: 'mirror', location: '' });
      expect(launch.unclaimed).toBeUndefined();
      session.update(state('a', timers.now), 'now');
      expect(interactionIds(host)).toEqual(['response.q2.1']);
      expect(host.errors).toEqual([]);
    });

    it('two tabs: the tab that finds a newer save by another tab stops writing and says so (item 2)', () => {
      const storage = new MemoryStorage();
      const timers = new ManualTimers();
      const first = setup({ version }, storage, timers);
      const second = setup({ version }, storage, timers);
      first.session.start();
      second.session.start();
      second.session.update(state('far', timers.now, { success: 'failed', completion: 'completed' }), 'now');
      const callsBefore = first.host.calls.length;
      first.session.update(state('stale', timers.now), 'now');
      first.session.finish(state('stale', timers.now));
      expect(first.news.map((n) => n[0])).toEqual(['other-tab']);
      expect(first.host.calls.slice(callsBefore).filter((c) => /SetValue|Commit|Finish|Terminate/.test(c.method))).toEqual([]);
      const mirror = JSON.parse(storage.getItem('micic:mirror:learner-1:micic-course:1.0.0:response')!) as { location: string; suspendData: string };
      // The browser copy still holds the other tab's newer work, not this tab's stale state.
      expect(mirror.suspendData).toContain('far');
      expect(second.news).toEqual([]);
    });

    it('a dismissed failure notice comes back when new work fails to save (honest messages)', () => {
      const { session, news, timers } = setup({ version, faults: { commitFails: true } });
      session.start();
      session.update(state('a', timers.now), 'now');
      // A minute later (RENOTIFY_MS), a new answer fails too.
      timers.advance(61_000);
      session.recordInteraction(answer('response.q1.1', timers.now));
      expect(news.map((n) => n[0])).toEqual(['save-failed', 'save-failed']);
    });

    it('back/forward cache: suspended, the session stays open and saves after the page comes back (item 5)', () => {
      const { host, session, timers } = setup({ version });
      session.start();
      session.suspend(state('a', timers.now));
      session.resume();
      session.update(state('b', timers.now), 'now');
      expect(bookmark(host)).toBe('response/b');
      expect(host.calls.some((c) => /Finish|Terminate/.test(c.method))).toBe(false);
    });

    it('back/forward cache after a finish: re-initialising is refused, so the learner is told how to go on (item 5)', () => {
      const { session, news, timers } = setup({ version });
      session.start();
      session.finish(state('a', timers.now));
      session.resume();
      expect(news.map((n) => n[0])).toEqual(['session-already-ended']);
      expect(() => session.update(state('b', timers.now), 'now')).not.toThrow();
    });
  });
}
