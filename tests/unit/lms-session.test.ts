/**
 * The LMS session under the real scorm-again runtime: coalesced commits, retries and reports
 * when the LMS refuses, finish exactly once, and the local mirror that recovers what the LMS
 * lost at the next launch.
 */
import { describe, expect, it } from 'vitest';
import { nextLaunchData } from '../../preview/lms-host.ts';
import { COALESCE_MS, LmsSession, RETRY_DELAYS, type SessionNews } from '../../src/lms/session.ts';
import { answer, commits, ManualTimers, MemoryStorage, setup, state } from './session-harness.ts';

describe('LMS session', () => {
  it('coalesces page changes into one commit and commits answers at once', () => {
    const { host, session, timers } = setup();
    session.start();
    session.update(state('a', timers.now));
    session.update(state('b', timers.now));
    session.update(state('c', timers.now));
    expect(commits(host)).toHaveLength(0);
    timers.advance(COALESCE_MS);
    expect(commits(host)).toHaveLength(1);
    expect(host.value('cmi.core.lesson_location')).toBe('response/c');
    session.recordInteraction(answer('response.q1.1', timers.now));
    expect(commits(host)).toHaveLength(2);
    expect(host.value('cmi.interactions.0.id')).toBe('response.q1.1');
    expect(host.errors).toEqual([]);
  });

  it('retries a refused commit with back-off, tells once, and says when it recovers', () => {
    const { host, session, news, timers } = setup({ faults: { commitFails: true } });
    session.start();
    session.update(state('a', timers.now), 'now');
    expect(news.map((n) => n[0])).toEqual(['save-failed']);
    timers.advance(RETRY_DELAYS[0]!);
    timers.advance(RETRY_DELAYS[1]!);
    expect(commits(host)).toHaveLength(3);
    expect(news.map((n) => n[0])).toEqual(['save-failed']);
    host.setFaults({});
    timers.advance(RETRY_DELAYS[2]!);
    expect(news.map((n) => n[0])).toEqual(['save-failed', 'save-recovered']);
    expect(commits(host).at(-1)!.result).toBe('true');
    expect(host.value('cmi.core.lesson_location')).toBe('response/a');
  });

  it('survives a commit that throws', () => {
    const { session, news, timers } = setup({ faults: { commitThrows: true } });
    session.start();
    expect(() => session.update(state('a', timers.now), 'now')).not.toThrow();
    expect(news[0]![0]).toBe('save-failed');
  });

  it('finishes exactly once and calls nothing after', () => {
    const { host, session, timers } = setup();
    session.start();
    session.finish(state('a', timers.now, { finished: true, completion: 'completed' }));
    session.finish(state('b', timers.now));
    session.update(state('c', timers.now), 'now');
    expect(host.calls.filter((c) => c.method === 'LMSFinish')).toHaveLength(1);
    expect(host.calls.at(-1)!.method).toBe('LMSFinish');
    expect(host.value('cmi.core.lesson_location')).toBe('response/a');
    expect(host.value('cmi.core.exit')).toBe('');
    expect(session.state).toBe('finished');
  });

  it('recovers from the mirror what an LMS session that timed out never stored', () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const first = setup({ faults: { sessionEndsAfterCalls: 40 } }, storage, timers);
    first.session.start();
    first.session.update(state('a', timers.now), 'now');
    timers.advance(5000);
    first.session.recordInteraction(answer('response.q1.1', timers.now));
    // The LMS session times out: everything after this fails.
    first.host.setFaults({ sessionEndsAfterCalls: 0 });
    timers.advance(5000);
    first.session.recordInteraction(answer('response.q2.1', timers.now));
    first.session.update(state('b', timers.now), 'now');
    expect(first.news.map((n) => n[0])).toContain('save-failed');
    expect(first.host.value('cmi.core.lesson_location')).toBe('response/a');

    timers.advance(60_000);
    const second = setup({ saved: nextLaunchData(first.host) }, storage, timers);
    const launch = second.session.start();
    expect(launch).toMatchObject({ source: 'mirror', location: 'response/b' });
    // The course restores from what start() returned and saves it straight away.
    second.session.update(state('b', timers.now), 'now');
    expect(second.host.value('cmi.core.lesson_location')).toBe('response/b');
    const ids = Object.values(second.host.cmi().interactions as Record<string, { id: string }>).map((i) => i.id);
    expect(ids).toEqual(['response.q1.1', 'response.q2.1']);
    expect(second.host.errors).toEqual([]);
  });

  it('keeps working when initialise fails, and hands the work over at the next launch once the learner claims it', () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const first = setup({ faults: { initializeFails: true } }, storage, timers);
    expect(first.session.start()).toMatchObject({ source: 'none' });
    expect(first.news.map((n) => n[0])).toEqual(['initialize-failed']);
    first.session.recordInteraction(answer('response.q1.1', timers.now));
    first.session.update(state('c', timers.now), 'now');
    expect(first.host.calls.map((c) => c.method)).toEqual(['LMSInitialize']);

    timers.advance(10_000);
    const second = setup({}, storage, timers);
    const launch = second.session.start();
    expect(launch).toMatchObject({ source: 'none', unclaimed: { location: 'response/c', origins: ['lms-unreachable'] } });
    expect(second.session.settleUnclaimed(true)).toMatchObject({ source: 'mirror', location: 'response/c' });
    second.session.update(state('c', timers.now), 'now');
    expect(second.host.value('cmi.interactions.0.id')).toBe('response.q1.1');
    expect(second.host.value('cmi.core.lesson_location')).toBe('response/c');
    expect(storage.getItem('micic:mirror:anonymous:micic-course:1.0.0:response')).toBeNull();
  });

  it('starts fresh on a new LMS attempt even though the browser remembers the old one', () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const first = setup({}, storage, timers);
    first.session.start();
    first.session.update(state('z', timers.now), 'now');
    timers.advance(10_000);
    const second = setup({}, storage, timers);
    expect(second.session.start()).toMatchObject({ source: 'none', suspendData: '' });
  });

  it('takes the LMS copy when the browser copy holds nothing the LMS did not confirm', () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const first = setup({}, storage, timers);
    first.session.start();
    first.session.update(state('k', timers.now), 'now');
    first.session.finish();
    const second = setup({ saved: nextLaunchData(first.host) }, storage, timers);
    expect(second.session.start()).toMatchObject({ source: 'lms', location: 'response/k', entry: 'resume' });
  });

  it('two saves in the same second: the later one wins at the next launch, by save order, not by stamp', () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const first = setup({}, storage, timers);
    first.session.start();
    first.session.update(state('a', timers.now), 'now');
    timers.advance(200);
    // The LMS session times out between the two: the second save never reaches it.
    first.host.setFaults({ sessionEndsAfterCalls: 0 });
    first.session.recordInteraction(answer('response.q9.1', timers.now), false);
    // Same second, same stamp in suspend_data: only the order of saves tells them apart.
    first.session.update(state('b', timers.now - 200), 'now');
    const second = setup({ saved: nextLaunchData(first.host) }, storage, timers);
    expect(second.session.start()).toMatchObject({ source: 'mirror', location: 'response/b' });
    second.session.update(state('b', timers.now), 'now');
    expect(second.host.value('cmi.interactions.0.id')).toBe('response.q9.1');
  });

  it('tells the learner to re-enter when SCORM 2004 says the session already ended (error 104)', () => {
    const { host, session, news } = setup({ version: '2004', masteryScore: 0.8 });
    (host.api as unknown as { Initialize: (p: string) => string }).Initialize('');
    (host.api as unknown as { Terminate: (p: string) => string }).Terminate('');
    session.start();
    expect(news[0]?.[0]).toBe('session-already-ended');
  });

  it('runs on browser storage alone when no LMS is found, and says so', () => {
    const storage = new MemoryStorage();
    const news: SessionNews[] = [];
    const lonely = { parent: null } as unknown as Window;
    const session = new LmsSession({ packageVersion: '1.2', storageKey: 'k', window: lonely, storage, onNews: (n) => news.push(n) });
    expect(session.start()).toMatchObject({ source: 'none' });
    expect(news).toEqual(['no-lms']);
    session.update(state('q', 1_800_000_000_000), 'now');
    const again = new LmsSession({ packageVersion: '1.2', storageKey: 'k', window: lonely, storage });
    expect(again.start()).toMatchObject({ source: 'browser', location: 'response/q' });
  });

  it('warns when neither an LMS nor browser storage is there', () => {
    const news: SessionNews[] = [];
    const session = new LmsSession({ packageVersion: '1.2', storageKey: 'k', window: { parent: null } as unknown as Window, storage: undefined, onNews: (n) => news.push(n) });
    session.start();
    // One notice that says it all, not "saved in this browser" beside "will be lost".
    expect(news).toEqual(['no-storage']);
    expect(() => session.update(state('q', 0), 'now')).not.toThrow();
  });

  it('a refused value is logged once and is no lost connection; the rest is committed', () => {
    const { host, session, news, timers } = setup({ version: '2004', masteryScore: 0.8, faults: { refuseSet: /^cmi\.location$/, refuseCode: '406' } });
    session.start();
    session.update(state('a', timers.now), 'now');
    session.recordInteraction(answer('response.q1.1', timers.now));
    session.update(state('b', timers.now), 'now');
    timers.advance(60_000);
    expect(news.map((n) => n[0])).toEqual(['value-refused']);
    expect(news[0]![1]).toMatch(/^406.*cmi\.location/);
    expect(host.value('cmi.suspend_data')).toContain('|b');
    expect(host.value('cmi.interactions.0.id')).toBe('response.q1.1');
  });

  it('suspend_data refused: the next launch restores from the browser copy and sends no answer twice', () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const first = setup({ faults: { refuseSet: /^cmi\.suspend_data$/ } }, storage, timers);
    first.session.start();
    first.session.update(state('a', timers.now), 'now');
    for (const id of ['response.q1.1', 'response.q2.1', 'response.q3.1']) {
      timers.advance(1000);
      first.session.recordInteraction(answer(id, timers.now), false);
      first.session.update(state(id, timers.now), 'now');
    }
    expect(first.news.map((n) => n[0])).toEqual(['value-refused']);
    first.session.finish();
    timers.advance(60_000);
    const second = setup({ saved: nextLaunchData(first.host) }, storage, timers);
    expect(second.session.start()).toMatchObject({ source: 'mirror', location: 'response/response.q3.1' });
    second.session.update(state('c', timers.now), 'now');
    expect(second.host.calls.filter((c) => /interactions\.\d+\.id$/.test(c.args[0] ?? ''))).toEqual([]);
  });

  it('an answer value the LMS throws on is tried again, then recorded as unsendable once, without a notice', () => {
    const { host, session, news, timers } = setup({ version: '2004', masteryScore: 0.8, faults: { throwOnSet: /interactions\.0\.latency/ } });
    session.start();
    session.recordInteraction(answer('response.q1.1', timers.now));
    session.recordInteraction(answer('response.q2.1', timers.now));
    timers.advance(30_000);
    expect(news.map((n) => n[0])).toEqual(['value-refused']);
    expect(news[0]![1]).toMatch(/response\.q1\.1 could not be sent after 3 tries/);
    const latencyWrites = host.calls.filter((c) => c.args[0] === 'cmi.interactions.0.latency');
    expect(latencyWrites).toHaveLength(3);
    // The answer's other values, and the next answer, are in the LMS; no slot was used twice.
    expect(host.value('cmi.interactions.0.result')).toBe('correct');
    expect(host.value('cmi.interactions.1.id')).toBe('response.q2.1');
    expect(host.value('cmi.interactions.2.id')).toBe('');
  });

  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: terminates without a Commit just before${version === '2004' ? ', and the LMS stores the total time' : ''}`, () => {
      const { host, session, timers } = setup({ version, masteryScore: version === '1.2' ? 80 : 0.8 });
      session.start();
      session.update(state('a', timers.now), 'now');
      timers.advance(5000);
      session.finish(state('b', timers.now));
      const methods = host.calls.map((c) => c.method.replace(/^LMS/, ''));
      expect(methods.at(-1)).toBe(version === '1.2' ? 'Finish' : 'Terminate');
      expect(methods.slice(methods.lastIndexOf('Commit') + 1)).toContain('SetValue');
      expect(host.calls.at(-1)!.result).toBe('true');
      if (version === '2004') expect(host.value('cmi.total_time')).toBe('PT5S');
    });
  }

  it('SCORM 2004 in Moodle: a finished module relaunched ab-initio with no data keeps its status', () => {
    const storage = new MemoryStorage();
    const timers = new ManualTimers();
    const first = setup({ version: '2004', masteryScore: 0.8, moodle: true }, storage, timers);
    first.session.start();
    first.session.update(state('quiz', timers.now, { completion: 'completed', success: 'passed', finished: true, scorePercent: 100 }), 'now');
    first.session.finish();
    // A module that left with exit "normal" (e.g. before this fix) comes back empty.
    const saved = { ...nextLaunchData(first.host), exit: 'normal' };
    timers.advance(60_000);
    const second = setup({ version: '2004', masteryScore: 0.8, moodle: true, saved }, storage, timers);
    expect(second.session.start()).toMatchObject({ entry: 'ab-initio', source: 'mirror', location: 'response/quiz' });
    // Even a state that says less cannot lower it.
    second.session.update(state('intro', timers.now), 'now');
    expect(second.host.value('cmi.completion_status')).toBe('completed');
    expect(second.host.value('cmi.success_status')).toBe('passed');
  });
});
