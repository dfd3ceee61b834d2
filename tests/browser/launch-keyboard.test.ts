/**
 * Every module of the built multi-SCO course, under scorm-again's SCORM 1.2 and 2004 runtimes:
 * launched, read to the last page by keyboard alone, and left with the exact CMI values.
 */
import { lmsId } from '../../src/lms/identifiers';
import { MAX_INTERACTIONS_2004 } from '../../src/lms/scorm2004-runtime';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { moduleKey, pageKey, quizKey, scenarioKey } from '../../src/progress/structure-keys';
import { catalogue, courseIndex, deepActiveElement, hostFor, launch, pageTitle, playScenarioByKeyboard, scenarioTexts, tabTo, takeQuizByKeyboard, waitFor } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;

for (const version of ['1.2', '2004'] as const) {
  const course = packages.find((p) => p.kind === 'course' && p.version === version)!;

  describe(`SCORM ${version} multi-SCO course`, () => {
    for (const module of index.modules) {
      it(`module ${module.id}: launches incomplete, is read and its quiz passed by keyboard, ends completed and passed`, async () => {
        const sco = course.scos.find((s) => s.id === module.id)!;
        const host = hostFor(course, module.id);
        const launched = await launch(`/dist/${course.folder}/${sco.href}`);
        try {
          const status = version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
          const locationElement = version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';
          const exit = version === '1.2' ? 'cmi.core.exit' : 'cmi.exit';
          expect(host.value(status)).to.equal('incomplete');
          expect(host.value(locationElement)).to.equal(`${module.id}/${module.pages[0]!.id}`);
          expect(host.value(exit)).to.equal('suspend');
          expect(pageTitle(launched)).to.equal(module.pages[0]!.title.en);

          launched.win.focus();
          for (let p = 1; p < module.pages.length; p++) {
            await tabTo(launched, (el) => el.classList.contains('next'), 'the Next button', 400);
            await sendKeys({ press: 'Enter' });
            await waitFor(() => pageTitle(launched) === module.pages[p]!.title.en, `page ${p + 1}`);
            // The new page opens at its top, its title focused so screen readers announce it.
            await waitFor(() => deepActiveElement(launched.doc)?.tagName === 'H1', `focus on the title of page ${p + 1}`);
            expect(launched.win.scrollY).to.equal(0);
          }
          // After the pages come the module's scenarios, played to the end by keyboard.
          const texts = await scenarioTexts(module.id);
          for (const scenario of module.scenarios) {
            launched.root.querySelector<HTMLButtonElement>('.next')!.focus();
            await sendKeys({ press: 'Enter' });
            await waitFor(() => launched.root.querySelector('micic-scenario-view')?.shadowRoot?.querySelector('h1')?.textContent === scenario.title.en, scenario.id);
            await playScenarioByKeyboard(launched, scenario, texts[scenario.id]!);
          }
          // Then the module quiz.
          launched.root.querySelector<HTMLButtonElement>('.next')!.focus();
          await sendKeys({ press: 'Enter' });
          await waitFor(() => launched.root.querySelector('micic-quiz-view')?.shadowRoot?.querySelector('h1'), 'the quiz page');
          // Not complete before the last page (the workshop card) is seen; not done before the quiz.
          await waitFor(() => host.value(locationElement) === `${module.id}/quiz`, 'the LMS to hold the quiz page', 5000);
          expect(host.value(status)).to.equal('incomplete');
          expect(host.value(exit)).to.equal('suspend');

          const asked = await takeQuizByKeyboard(launched, module.id, module.quiz!, true);
          expect(asked).to.have.length(module.quiz!.draw);
          // The last page: the trainee's workshop card.
          launched.root.querySelector<HTMLButtonElement>('.next')!.click();
          await waitFor(() => launched.root.querySelector('micic-workshop-card')?.shadowRoot?.querySelector('h1'), 'the workshop card');
          expect(launched.root.querySelector('.next')!.getAttribute('aria-disabled')).to.equal('true');
          await waitFor(() => host.value(locationElement) === `${module.id}/workshop-card`, 'the LMS to hold the last page', 5000);
          if (version === '1.2') expect(host.value('cmi.core.lesson_status')).to.equal('passed');
          else expect([host.value('cmi.completion_status'), host.value('cmi.success_status')]).to.deep.equal(['completed', 'passed']);
          // A finished 1.2 module exits normally; 2004 always suspends (Moodle gives a 2004 SCO its data back only then).
          expect(host.value(exit)).to.equal(version === '1.2' ? '' : 'suspend');
          // Every page seen (keys), the quiz in review, each scenario finished with the best score.
          const m = moduleKey(module.id);
          const scenarios = module.scenarios.map((key) => `${scenarioKey(key)}1\\.[0-9a-z]+\\.7ps`).join(',');
          expect(host.value('cmi.suspend_data')).to.match(new RegExp(`^F2\\|${m}\\|[0-9a-z]+\\|en\\|${m}${pageKey('workshop-card')}\\|([0-9a-z]{3})+\\|${quizKey(module.quiz!)}v1,[^|]+\\|${scenarios}\\|[^|]*\\.\\|[^|]*$`));
          // One interaction per scenario decision, the best choice each time.
          const decisions = Object.values(host.cmi().interactions as Record<string, { id: string; result: string }>).filter((i) => i.id.split('.').length === 4);
          expect(decisions.length).to.be.greaterThan(3);
          expect(decisions.every((i) => i.result === 'correct')).to.equal(true);
        } finally {
          launched.close();
          host.uninstall(window);
        }
        const finish = version === '1.2' ? 'LMSFinish' : 'Terminate';
        expect(host.calls.filter((c) => c.method === finish).map((c) => c.result)).to.deep.equal(['true']);
        expect(host.calls.filter((c) => c.result === 'false')).to.deep.equal([]);
        expect(host.errors).to.deep.equal([]);
      });
    }
  });
}

for (const version of ['1.2', '2004'] as const) {
  describe(`SCORM ${version} single-SCO course`, () => {
    it('rolls every module up into one status, score, objectives, interactions and suspend_data', async () => {
      const pkg = packages.find((p) => p.kind === 'course-single-sco' && p.version === version)!;
      const host = hostFor(pkg, 'course');
      const launched = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
      try {
        const toc = () => launched.root.querySelector('micic-table-of-contents')!.shadowRoot!;
        for (const [m, module] of index.modules.entries()) {
          for (const page of module.pages) {
            [...toc().querySelectorAll('ol')][m]!.querySelectorAll('button').forEach((b) => {
              if (b.textContent?.includes(page.title.en)) b.click();
            });
            await waitFor(() => pageTitle(launched) === page.title.en, page.id);
          }
          const texts = await scenarioTexts(module.id);
          for (const scenario of module.scenarios) {
            [...toc().querySelectorAll('ol')][m]!.querySelectorAll('button').forEach((b) => {
              if (b.textContent?.includes(scenario.title.en)) b.click();
            });
            await waitFor(() => launched.root.querySelector('micic-scenario-view')?.shadowRoot?.querySelector('h1')?.textContent === scenario.title.en, scenario.id);
            launched.win.focus();
            await playScenarioByKeyboard(launched, scenario, texts[scenario.id]!);
          }
          [...toc().querySelectorAll('ol')][m]!.querySelectorAll('button').forEach((b) => {
            if (b.textContent?.includes('Module quiz')) b.click();
          });
          await waitFor(() => launched.root.querySelector('micic-quiz-view')?.shadowRoot?.querySelector('h1'), `${module.id} quiz`);
          launched.win.focus();
          await takeQuizByKeyboard(launched, module.id, module.quiz!, true);
          [...toc().querySelectorAll('ol')][m]!.querySelectorAll('button').forEach((b) => {
            if (b.textContent?.includes('My workshop card')) b.click();
          });
          await waitFor(() => launched.root.querySelector('micic-workshop-card')?.shadowRoot?.querySelector('h1'), `${module.id} card`);
        }
        // The last page visit is committed coalesced, about a second later.
        await waitFor(() => (version === '1.2' ? host.value('cmi.core.exit') === '' : host.value('cmi.completion_status') === 'completed'), 'the course to be done', 5000);
        const cmi = host.cmi() as Record<string, any>;
        if (version === '1.2') {
          expect(cmi.core).to.include({ lesson_status: 'passed', exit: '' });
          expect(cmi.core.score.raw).to.equal('100');
        } else {
          expect(cmi).to.include({ completion_status: 'completed', success_status: 'passed', exit: 'suspend' });
          expect(cmi.score).to.deep.include({ raw: '100', scaled: '1' });
        }
        const objectiveIds = Object.values(cmi.objectives as Record<string, { id: string }>).map((o) => o.id);
        expect(objectiveIds).to.deep.equal(index.modules.flatMap((m) => m.objectives.map((o) => lmsId(`${m.id}.${o.id}`))));
        const interactionModules = Object.values(cmi.interactions as Record<string, { id: string }>).map((i) => i.id.split('.')[0]);
        expect([...new Set(interactionModules)]).to.deep.equal(index.modules.map((m) => lmsId(m.id)));
        const quizAnswers = Object.values(cmi.interactions as Record<string, { id: string }>).filter((i) => i.id.split('.').length === 3);
        if (version === '1.2') expect(quizAnswers).to.have.length(index.modules.reduce((n, m) => n + m.quiz!.draw, 0));
        // 2004: at most MAX_INTERACTIONS_2004 per session, so that Moodle's exit beacon stays under 64 KiB;
        // a whole course in one session (every quiz and scenario) reaches it.
        else expect(Object.values(cmi.interactions as object).length).to.equal(MAX_INTERACTIONS_2004);
        expect(String(cmi.suspend_data).length).to.be.below(3000);
        expect(host.errors).to.deep.equal([]);
      } finally {
        launched.close();
        host.uninstall(window);
      }
    });
  });
}
