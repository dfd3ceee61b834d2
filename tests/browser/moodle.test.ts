/**
 * The course under a scorm-again as strict as Moodle 4.5 (preview/lms-host.ts `moodle`): 2004
 * response identifiers without hyphens, the whole data model sent in one beacon at exit (refused
 * above 64 KiB), a 2004 SCO that left without `suspend` relaunched empty, and the 1.2 mastery
 * override. SCORM 1.2 and 2004.
 */
import { expect } from '@open-wc/testing';
import { BEACON_LIMIT, moodlePayloadBytes, nextLaunchData, type LmsHost } from '../../preview/lms-host';
import { catalogue, courseIndex, noticesOf, hostFor, launch, openQuiz, pageTitle, takeQuizByKeyboard, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[0]!;


const refusedCalls = (host: LmsHost) => host.calls.filter((c) => /SetValue$/.test(c.method) && c.result !== 'true');
const commits = (host: LmsHost) => host.calls.filter((c) => /Commit$/.test(c.method)).length;

for (const version of ['1.2', '2004'] as const) {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === version)!;
  const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;

  describe(`SCORM ${version} under a Moodle-strict LMS`, () => {
    it('a quiz taken: no refused call, no notice; the exit stays under 64 KiB and stores the time', async () => {
      const host = hostFor(pkg, module.id, { moodle: true });
      const sco = await launch(url);
      try {
        await openQuiz(sco);
        await takeQuizByKeyboard(sco, module.id, module.quiz!, true);
        await waitFor(() => host.value(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status') === 'passed', 'the pass to be saved');
        expect(refusedCalls(host)).to.deep.equal([]);
        expect(noticesOf(sco)).to.equal('');
        expect(host.calls.filter((c) => /interactions\.\d+\.id$/.test(c.args[0] ?? '')).length).to.be.at.least(module.quiz!.draw);
      } finally {
        sco.close();
        host.uninstall(window);
      }
      const bytes = moodlePayloadBytes(host.cmi());
      console.info(`SCORM ${version} module ${module.id}, quiz passed: exit payload ${bytes} bytes`);
      expect(bytes).to.be.below(BEACON_LIMIT);
      const last = host.calls.at(-1)!;
      expect(last.method).to.equal(version === '1.2' ? 'LMSFinish' : 'Terminate');
      expect(last.result).to.equal('true');
      // No Commit right before the end: Terminate stores everything.
      expect(host.calls.at(-2)!.method).to.not.match(/Commit$/);
      if (version === '2004') {
        // The LMS added this session's time (some seconds of quiz-taking) to the total at Terminate.
        const total = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(host.value('cmi.total_time'));
        expect(total, host.value('cmi.total_time')).to.not.equal(null);
        expect(Number(total![1] ?? 0) * 3600 + Number(total![2] ?? 0) * 60 + Number(total![3] ?? 0)).to.be.above(1);
      }
      expect(host.errors).to.deep.equal([]);
    });

    it('quiz draft changes are coalesced into one commit', async () => {
      const host = hostFor(pkg, module.id, { moodle: true });
      const sco = await launch(url);
      try {
        await openQuiz(sco);
        // Let the page change's coalesced commit go first.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const shell = sco.doc.querySelector('micic-course-shell')!;
        shell.dispatchEvent(new CustomEvent('quiz-event', { detail: { type: 'quiz.start', at: Date.now() } }));
        const afterStart = commits(host);
        // Six draft changes, as six Move up/down presses make.
        for (let i = 0; i < 6; i++) shell.dispatchEvent(new CustomEvent('quiz-event', { detail: { type: 'answer.change', response: { value: i % 2 === 0 } } }));
        expect(commits(host)).to.equal(afterStart);
        await waitFor(() => commits(host) === afterStart + 1, 'one coalesced commit', 3000);
        await new Promise((resolve) => setTimeout(resolve, 1200));
        expect(commits(host)).to.equal(afterStart + 1);
      } finally {
        sco.close();
        host.uninstall(window);
      }
    });
  });
}

describe('SCORM 2004 under a Moodle-strict LMS: leaving and coming back', () => {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '2004')!;
  const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;

  it('exits with suspend, so Moodle gives the learner their place back', async () => {
    const first = hostFor(pkg, module.id, { moodle: true });
    const sco = await launch(url);
    sco.root.querySelector<HTMLButtonElement>('.next')!.click();
    await waitFor(() => pageTitle(sco) === module.pages[1]!.title.en, 'page 2');
    sco.close();
    first.uninstall(window);
    expect(first.value('cmi.exit')).to.equal('suspend');
    // Another browser: no copy here, only what Moodle kept.
    for (const key of Object.keys(localStorage)) if (key.startsWith('micic:')) localStorage.removeItem(key);
    const second = hostFor(pkg, module.id, { moodle: true, saved: nextLaunchData(first) });
    const again = await launch(url);
    try {
      expect(second.value('cmi.entry')).to.equal('resume');
      expect(pageTitle(again)).to.equal(module.pages[1]!.title.en);
    } finally {
      again.close();
      second.uninstall(window);
    }
  });

  it('a finished module relaunched ab-initio with no data keeps its status and the learner\'s place', async () => {
    // The LMS holds a passed module (e.g. from an earlier session).
    const saved = { completion_status: 'completed', success_status: 'passed', exit: 'suspend', score: { scaled: '1', raw: '100', min: '0', max: '100' } };
    const first = hostFor(pkg, module.id, { moodle: true, saved });
    const sco = await launch(url);
    sco.root.querySelector<HTMLButtonElement>('.next')!.click();
    await waitFor(() => pageTitle(sco) === module.pages[1]!.title.en, 'page 2');
    sco.close();
    first.uninstall(window);
    const kept = first.value('cmi.suspend_data');
    // It left without suspend (as before this fix): Moodle relaunches it ab-initio with nothing.
    const second = hostFor(pkg, module.id, { moodle: true, saved: { ...nextLaunchData(first), exit: 'normal' } });
    const again = await launch(url);
    try {
      expect(second.value('cmi.entry')).to.equal('ab-initio');
      expect(pageTitle(again)).to.equal(module.pages[1]!.title.en);
      await waitFor(() => second.value('cmi.suspend_data'), 'the first save');
      expect(second.value('cmi.completion_status')).to.equal('completed');
      expect(second.value('cmi.success_status')).to.equal('passed');
      expect(second.value('cmi.suspend_data').length).to.be.at.least(kept.length);
      expect(noticesOf(again)).to.equal('');
    } finally {
      again.close();
      second.uninstall(window);
    }
  });

  it('moving to another module in one player session: tells exactly what to do, in the right module', async () => {
    const course = packages.find((p) => p.kind === 'course' && p.version === '2004')!;
    const second = index.modules[1]!;
    const host = hostFor(course, second.id, { moodle: true });
    // The first module's SCO ran and terminated in this player: Moodle refuses a new Initialize (104).
    const api = host.api as unknown as { Initialize: (p: string) => string; Terminate: (p: string) => string };
    api.Initialize('');
    api.Terminate('');
    const sco = await launch(`/dist/${course.folder}/${course.scos.find((s) => s.id === second.id)!.href}`);
    try {
      expect(noticesOf(sco)).to.contain(`open it again to continue with module ${second.number}`);
      expect(noticesOf(sco)).to.not.contain('did not respond');
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});
