/**
 * LMS faults the course survives, for SCORM 1.2 and 2004: the learner keeps working, sees a
 * short notice when it matters, and nothing is lost once the LMS works again.
 */
import { expect } from '@open-wc/testing';
import { nextLaunchData, type LmsFaults, type LmsHost } from '../../preview/lms-host';
import { catalogue, courseIndex, noticesOf, fillLocalStorage, hostFor, launch, learnerPageIn, pageTitle, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[0]!;


/** Launches a course that first asks whose unclaimed work it holds, and answers "mine". */
async function claimAndLaunch(src: string): Promise<LaunchedSco> {
  const frame = document.createElement('iframe');
  frame.style.width = '1024px';
  frame.src = src;
  document.body.append(frame);
  const yes = await waitFor(() => frame.contentDocument?.querySelector('micic-copy-claim')?.shadowRoot?.querySelector<HTMLButtonElement>('button.yes'), 'the question about unclaimed work');
  yes.click();
  const root = await learnerPageIn(frame, 'the course after the answer');
  return { frame, win: frame.contentWindow!, doc: frame.contentDocument!, root, close: () => frame.remove() };
}

async function goNext(sco: LaunchedSco, toPage: number): Promise<void> {
  sco.root.querySelector<HTMLButtonElement>('.next')!.click();
  await waitFor(() => pageTitle(sco) === module.pages[toPage]!.title.en, `page ${toPage + 1}`);
}

async function goBack(sco: LaunchedSco, toPage: number): Promise<void> {
  sco.root.querySelector<HTMLButtonElement>('.previous')!.click();
  await waitFor(() => pageTitle(sco) === module.pages[toPage]!.title.en, `page ${toPage + 1}`);
}

for (const version of ['1.2', '2004'] as const) {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === version)!;
  const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;
  const locationElement = version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';

  /**
   * Runs a first session under `faults` (set before launch, or by `before` once it runs), moves to
   * page 2, then relaunches under a healthy LMS holding what the first one kept.
   */
  async function faultThenRecovery(
    faults: LmsFaults,
    during?: (sco: LaunchedSco, host: LmsHost) => Promise<void>,
    before?: (host: LmsHost) => void,
  ) {
    const faulty = hostFor(pkg, module.id, { faults });
    const sco = await launch(url);
    before?.(faulty);
    await goNext(sco, 1);
    await during?.(sco, faulty);
    sco.close();
    faulty.uninstall(window);
    const healthy = hostFor(pkg, module.id, { saved: nextLaunchData(faulty) });
    // Work saved while the LMS did not start belongs to nobody: the learner is asked first.
    const again = faults.initializeFails ? await claimAndLaunch(url) : await launch(url);
    return { faulty, healthy, again };
  }

  describe(`SCORM ${version}: LMS faults`, () => {
    it('initialise returns false: keeps working, says so, and hands the work over next time', async () => {
      const { healthy, again } = await faultThenRecovery({ initializeFails: true }, async (sco) => {
        expect(noticesOf(sco)).to.contain('did not respond');
      });
      try {
        expect(pageTitle(again)).to.equal(module.pages[1]!.title.en);
        expect(noticesOf(again)).to.equal('');
        await waitFor(() => healthy.value(locationElement) === `${module.id}/${module.pages[1]!.id}`, 'the LMS to get the recovered location');
        expect(healthy.errors).to.deep.equal([]);
      } finally {
        again.close();
        healthy.uninstall(window);
      }
    });

    it('a refused value: logged once, no connection notice, the rest is saved and the browser copy fills the gap', async () => {
      const warnings: string[] = [];
      const { faulty, healthy, again } = await faultThenRecovery({ refuseSet: /suspend_data/, refuseCode: version === '1.2' ? '405' : '406' }, async (sco, host) => {
        const frameConsole = (sco.win as Window & typeof globalThis).console;
        const warn = frameConsole.warn;
        frameConsole.warn = (...args: unknown[]) => warnings.push(args.join(' '));
        await waitFor(() => host.value(locationElement) === `${module.id}/${module.pages[1]!.id}`, 'the location to be saved anyway');
        await goBack(sco, 0);
        await goNext(sco, 1);
        await new Promise((resolve) => setTimeout(resolve, 2500));
        expect(noticesOf(sco)).to.equal('');
        frameConsole.warn = warn;
      });
      try {
        expect(faulty.value('cmi.suspend_data')).to.equal('');
        // Refused at launch, then at each save: the launch's warning was before the spy, later ones are not repeated.
        expect(warnings.filter((w) => /suspend_data/.test(w))).to.deep.equal([]);
        expect(pageTitle(again)).to.equal(module.pages[1]!.title.en);
        // The only complaint allowed: reading the suspend_data the faulty LMS never stored.
        expect(healthy.errors.filter((e) => !/403.*cmi\.suspend_data/.test(e))).to.deep.equal([]);
      } finally {
        again.close();
        healthy.uninstall(window);
      }
    });

    it('commit returns false, then the LMS comes back: the notice goes and the data arrives', async () => {
      const host = hostFor(pkg, module.id, { faults: { commitFails: true } });
      const sco = await launch(url);
      try {
        await waitFor(() => noticesOf(sco).includes('did not respond'), 'the notice');
        await goNext(sco, 1);
        host.setFaults({});
        // The retry (after 2 s, then 5 s) commits and clears the notice.
        await waitFor(() => noticesOf(sco) === '', 'the notice to clear', 15000);
        await waitFor(() => host.value(locationElement) === `${module.id}/${module.pages[1]!.id}`, 'the saved location', 5000);
      } finally {
        sco.close();
        host.uninstall(window);
      }
    });

    it('commit throws: the course does not crash and keeps the learner moving', async () => {
      const host = hostFor(pkg, module.id, { faults: { commitThrows: true } });
      const sco = await launch(url);
      try {
        await waitFor(() => noticesOf(sco).includes('did not respond'), 'the notice');
        await goNext(sco, 1);
        await goBack(sco, 0);
      } finally {
        sco.close();
        host.uninstall(window);
      }
    });

    it('the LMS session ends mid-way: nothing done after it is lost at the next launch', async () => {
      const { faulty, healthy, again } = await faultThenRecovery(
        {},
        async (sco) => {
          await waitFor(() => noticesOf(sco).includes('did not respond'), 'the notice', 5000);
        },
        (host) => host.setFaults({ sessionEndsAfterCalls: 0 }),
      );
      try {
        expect(faulty.value(locationElement)).to.equal(`${module.id}/${module.pages[0]!.id}`);
        expect(pageTitle(again)).to.equal(module.pages[1]!.title.en);
        const marks = [...again.root.querySelector('micic-table-of-contents')!.shadowRoot!.querySelectorAll('.mark')].map((m) => m.textContent);
        expect(marks.slice(0, 2)).to.deep.equal(['✓', '✓']);
        expect(healthy.errors).to.deep.equal([]);
      } finally {
        again.close();
        healthy.uninstall(window);
      }
    });

    for (const [name, suspendData, notice] of [
      ['corrupt', 'F1|%%%|garbage', 'could not be read because it is damaged'],
      ['truncated', `F1|${index.contentHash}|tozso0|en|0.`, 'could not be read because it is damaged'],
      ['from an older content version', 'F1|00000000|tozso0|es|0.2|7|~|~', 'content has been updated'],
    ] as const) {
      it(`suspend_data ${name}: starts at the beginning with a notice that says what happened`, async () => {
        const saved = version === '1.2'
          ? { suspend_data: suspendData, core: { lesson_status: 'incomplete', exit: 'suspend', lesson_location: 'nowhere/at-all' } }
          : { suspend_data: suspendData, completion_status: 'incomplete', exit: 'suspend', location: 'nowhere/at-all' };
        const host = hostFor(pkg, module.id, { saved });
        const sco = await launch(url);
        try {
          expect(pageTitle(sco)).to.equal(module.pages[0]!.title.en);
          expect(noticesOf(sco)).to.contain(notice);
          await goNext(sco, 1);
          expect(host.errors).to.deep.equal([]);
        } finally {
          sco.close();
          host.uninstall(window);
        }
      });
    }

    it('browser storage full: the LMS still gets everything', async () => {
      const emptyStorage = fillLocalStorage();
      const host = hostFor(pkg, module.id);
      const sco = await launch(url);
      try {
        await goNext(sco, 1);
        await waitFor(() => host.value(locationElement) === `${module.id}/${module.pages[1]!.id}`, 'the LMS to hold the location');
        expect(noticesOf(sco)).to.equal('');
      } finally {
        sco.close();
        host.uninstall(window);
        emptyStorage();
      }
    });
  });
}

describe('no LMS and no browser storage', () => {
  it('warns that progress will be lost, and still works', async () => {
    const emptyStorage = fillLocalStorage();
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '2004')!;
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
    try {
      // One notice, not "saved in this browser" beside "will be lost".
      expect(noticesOf(sco)).to.contain('no learning platform was found');
      expect(noticesOf(sco)).to.contain('will be lost');
      expect(noticesOf(sco)).not.to.contain('saved in this browser');
      await goNext(sco, 1);
    } finally {
      sco.close();
      emptyStorage();
    }
  });
});
