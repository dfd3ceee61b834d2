/**
 * Nothing lost, ever (issue 16), in Chromium with the built SCOs under scorm-again 1.2 and 2004:
 * two tabs, back/forward cache, unclaimed work on a shared computer, work done with no LMS,
 * storage full while the LMS fails, two saves in the same second, a damaged browser copy.
 */
import { expect } from '@open-wc/testing';
import { createLmsHost, nextLaunchData, type LmsHost } from '../../preview/lms-host';
import { catalogue, courseIndex, fillLocalStorage, hostFor, launch, learnerPageIn, noticesOf, pageTitle, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[0]!;
const storageKey = `micic:${index.id}:${index.version}:${module.id}`;
const pageId = (n: number) => `${module.id}/${module.pages[n]!.id}`;

async function goNext(sco: LaunchedSco, toPage: number): Promise<void> {
  sco.root.querySelector<HTMLButtonElement>('.next')!.click();
  await waitFor(() => pageTitle(sco) === module.pages[toPage]!.title.en, `page ${toPage + 1}`);
}

const writes = (host: LmsHost) => host.calls.filter((c) => /SetValue|Commit|Finish|Terminate/.test(c.method));

/** The claim question in a frame, once it shows. */
async function claimQuestion(src: string): Promise<{ frame: HTMLIFrameElement; answer(mine: boolean): Promise<LaunchedSco> }> {
  const frame = document.createElement('iframe');
  frame.style.width = '1024px';
  frame.style.height = '768px';
  frame.src = src;
  document.body.append(frame);
  const question = await waitFor(() => frame.contentDocument?.querySelector('micic-copy-claim')?.shadowRoot?.querySelector('button.yes') && frame.contentDocument.querySelector('micic-copy-claim')!.shadowRoot!, 'the question about unclaimed work');
  return {
    frame,
    async answer(mine) {
      question.querySelector<HTMLButtonElement>(mine ? 'button.yes' : 'button.no')!.click();
      const root = await learnerPageIn(frame, 'the course after the answer');
      return { frame, win: frame.contentWindow!, doc: frame.contentDocument!, root, close: () => frame.remove() };
    },
  };
}

for (const version of ['1.2', '2004'] as const) {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === version)!;
  const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;
  const locationElement = version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';
  const declared = pkg.scos[0]!.masteryScore;
  const masteryScore = declared === undefined ? undefined : version === '1.2' ? declared : declared / 100;

  /** A browser tab of its own: a frame that plays the LMS page, with its own LMS API, holding the SCO. */
  async function openTab(saved?: Record<string, unknown>): Promise<{ sco: LaunchedSco; host: LmsHost; close(): void }> {
    const lmsPage = document.createElement('iframe');
    document.body.append(lmsPage);
    await waitFor(() => lmsPage.contentDocument?.body, 'the LMS page');
    const host = createLmsHost({ version, masteryScore, saved });
    host.install(lmsPage.contentWindow!);
    const sco = await launch(url, { into: lmsPage.contentDocument! });
    return { sco, host, close: () => lmsPage.remove() };
  }

  describe(`SCORM ${version}: nothing lost`, () => {
    it('two tabs of one activity: the second says so and writes nothing to the LMS (item 2)', async () => {
      const first = await openTab();
      const second = await openTab();
      try {
        await waitFor(() => noticesOf(second.sco).includes('also open in another tab'), 'the other-tab notice', 5000);
        expect(noticesOf(first.sco)).to.equal('');
        await goNext(second.sco, 1);
        await goNext(first.sco, 1);
        await goNext(first.sco, 2);
        await waitFor(() => first.host.value(locationElement) === pageId(2), 'the first tab to save');
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect(writes(second.host)).to.deep.equal([]);
        second.close();
        expect(writes(second.host)).to.deep.equal([]);
      } finally {
        second.close();
        first.close();
      }
    });

    it('back/forward cache: after pagehide and pageshow (persisted) the course still saves (item 5)', async () => {
      const host = hostFor(pkg, module.id);
      const sco = await launch(url);
      try {
        await goNext(sco, 1);
        sco.win.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
        await waitFor(() => host.value(locationElement) === pageId(1), 'the save as the page is cached');
        sco.win.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        await goNext(sco, 2);
        await waitFor(() => host.value(locationElement) === pageId(2), 'the save after the page came back', 5000);
        expect(host.calls.filter((c) => /Finish|Terminate/.test(c.method))).to.deep.equal([]);
        expect(host.errors).to.deep.equal([]);
      } finally {
        sco.close();
        host.uninstall(window);
      }
    });

    it('work done with no LMS is offered at the next LMS launch and reaches the LMS on yes (item 6)', async () => {
      const offline = await launch(url);
      await goNext(offline, 1);
      await goNext(offline, 2);
      offline.close();
      const host = hostFor(pkg, module.id);
      const question = await claimQuestion(url);
      const sco = await question.answer(true);
      try {
        expect(pageTitle(sco)).to.equal(module.pages[2]!.title.en);
        await waitFor(() => host.value(locationElement) === pageId(2), 'the LMS to get the handed-over place');
        expect(localStorage.getItem(storageKey)).to.equal(null);
        expect(host.errors).to.deep.equal([]);
      } finally {
        sco.close();
        host.uninstall(window);
      }
    });

    it('shared computer: anonymous work declined by the next learner stays out of their record and is deleted (item 1)', async () => {
      const learnerA = hostFor(pkg, module.id, { learnerId: 'learner-a', faults: { initializeFails: true } });
      const first = await launch(url);
      await goNext(first, 1);
      first.close();
      learnerA.uninstall(window);
      const learnerB = hostFor(pkg, module.id, { learnerId: 'learner-b' });
      const sco = await (await claimQuestion(url)).answer(false);
      try {
        expect(pageTitle(sco)).to.equal(module.pages[0]!.title.en);
        await waitFor(() => learnerB.value(locationElement) === pageId(0), 'B’s own first save');
        expect(Object.keys(localStorage).filter((k) => k.startsWith('micic:mirror:anonymous:'))).to.deep.equal([]);
      } finally {
        sco.close();
        learnerB.uninstall(window);
      }
    });

    it('browser storage full while the LMS fails: says the work is not saved (item 7)', async () => {
      const emptyStorage = fillLocalStorage();
      const host = hostFor(pkg, module.id, { faults: { commitFails: true } });
      const sco = await launch(url);
      try {
        await waitFor(() => noticesOf(sco).includes('is not saved'), 'the not-saved notice');
        expect(noticesOf(sco)).not.to.contain('kept in this browser');
        await goNext(sco, 1);
      } finally {
        sco.close();
        host.uninstall(window);
        emptyStorage();
      }
    });

    it('two saves in the same second: the later one is the one restored (item 10)', async () => {
      for (let attempt = 0; ; attempt++) {
        await waitFor(() => Date.now() % 1000 < 300, 'the start of a second', 5000);
        const faulty = hostFor(pkg, module.id);
        const sco = await launch(url);
        let sameSecond = false;
        try {
          const lmsStamp = await waitFor(() => /^F\d\|[^|]*\|([0-9a-z]+)\|/.exec(faulty.value('cmi.suspend_data'))?.[1], 'the first save');
          sameSecond = parseInt(lmsStamp, 36) === Math.floor(Date.now() / 1000);
          if (sameSecond) {
            // The LMS session ends; the next save, within the same second, reaches only the browser copy.
            faulty.setFaults({ sessionEndsAfterCalls: 0 });
            await goNext(sco, 1);
          }
        } finally {
          sco.close();
          faulty.uninstall(window);
        }
        if (!sameSecond) {
          if (attempt > 5) throw new Error('could not make two saves within one second');
          localStorage.clear();
          continue;
        }
        const healthy = hostFor(pkg, module.id, { saved: nextLaunchData(faulty) });
        const again = await launch(url);
        try {
          expect(pageTitle(again)).to.equal(module.pages[1]!.title.en);
        } finally {
          again.close();
          healthy.uninstall(window);
        }
        return;
      }
    });

    it('a damaged browser copy: the course starts, says what happened, and sends the sound answers (crash)', async () => {
      const sound = { id: `${module.id}.probe.1`, description: 'probe', pattern: { type: 'true-false', learner: true, correct: true }, result: 'correct', latencySeconds: 1, timestamp: '2027-01-15T08:00:00.000Z' };
      localStorage.setItem(
        `micic:mirror:learner-1:${storageKey}`,
        JSON.stringify({ seq: null, savedAt: 'x', location: {}, suspendData: 'F2|damaged|zz', confirmed: 'no', pendingInteractions: [{}, { ...sound, pattern: null }, { ...sound, timestamp: 'soon' }, sound] }),
      );
      localStorage.setItem(`micic:mirror:anonymous:${storageKey}`, '{"suspendData":');
      const host = hostFor(pkg, module.id);
      const sco = await launch(url);
      try {
        expect(pageTitle(sco)).to.equal(module.pages[0]!.title.en);
        expect(noticesOf(sco)).to.contain('could not be read because it is damaged');
        await waitFor(() => host.value('cmi.interactions.0.id') === sound.id, 'the sound answer to be sent');
        expect(host.value('cmi.interactions.1.id')).to.equal('');
      } finally {
        sco.close();
        host.uninstall(window);
      }
    });
  });
}
