/**
 * The learner switches to Spanish by keyboard, leaves mid-module, and on the next launch is
 * back on the same page, in Spanish, with the pages seen still marked; for SCORM 1.2 and 2004.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nextLaunchData } from '../../preview/lms-host';
import { moduleKey, pageKey, quizKey, scenarioKey } from '../../src/progress/structure-keys';
import { catalogue, courseIndex, deepActiveElement, hostFor, launch, pageTitle, tabTo, waitFor } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[index.modules.length - 1]!;

for (const version of ['1.2', '2004'] as const) {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === version)!;
  const sco = pkg.scos[0]!;
  const url = `/dist/${pkg.folder}/${sco.href}`;

  describe(`SCORM ${version} single-module package: language and resume`, () => {
    it('switches to Spanish by keyboard and resumes there after a relaunch', async () => {
      const first = hostFor(pkg, module.id);
      const launched = await launch(url);
      launched.win.focus();
      await tabTo(launched, (el) => el.getAttribute('lang') === 'es' && el.tagName === 'BUTTON', 'the Español button');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => pageTitle(launched) === module.pages[0]!.title.es, 'the Spanish page title');
      expect(launched.doc.documentElement.lang).to.equal('es');
      expect(deepActiveElement(launched.doc)?.getAttribute('aria-pressed')).to.equal('true');

      await tabTo(launched, (el) => el.classList.contains('next'), 'Siguiente');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => pageTitle(launched) === module.pages[1]!.title.es, 'page 2 in Spanish');
      launched.close();
      first.uninstall(window);

      const suspend = first.value('cmi.suspend_data');
      // Pages 1 and 2 seen (their keys); the quiz field holds only the learner's seed until the quiz starts.
      const m = moduleKey(module.id);
      const seen = module.pages.slice(0, 2).map((p) => pageKey(p.id)).join('');
      const scenarios = module.scenarios.map((key) => `${scenarioKey(key)}1..`).join(',');
      expect(suspend).to.match(new RegExp(`^F2\\|${m}\\|[0-9a-z]+\\|es\\|${m}${pageKey(module.pages[1]!.id)}\\|${seen}\\|${quizKey(module.quiz!)}s[0-9a-z]+\\|${scenarios}\\|\\.\\|${(module.tasks ?? []).map(() => '-').join('')}$`));
      const unfinished = true;
      // 2004 always suspends (Moodle keeps a 2004 SCO's data only then).
      const normalExit = version === '1.2' ? '' : 'suspend';
      expect(first.value(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit')).to.equal(unfinished ? 'suspend' : normalExit);
      expect(first.value(version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location')).to.equal(`${module.id}/${module.pages[1]!.id}`);

      const second = hostFor(pkg, module.id, { saved: nextLaunchData(first) });
      const resumed = await launch(url);
      try {
        expect(second.value(version === '1.2' ? 'cmi.core.entry' : 'cmi.entry')).to.equal(unfinished ? 'resume' : '');
        expect(pageTitle(resumed)).to.equal(module.pages[1]!.title.es);
        expect(resumed.doc.documentElement.lang).to.equal('es');
        const toc = resumed.root.querySelector('micic-table-of-contents')!.shadowRoot!;
        const marks = [...toc.querySelectorAll('.mark')].map((m) => m.textContent);
        expect(marks).to.deep.equal([...module.pages, ...module.scenarios, 'quiz', 'card'].map((_, i) => (i < 2 ? '✓' : '')));
        expect(second.errors).to.deep.equal([]);
      } finally {
        resumed.close();
        second.uninstall(window);
      }
    });

    it('takes the LMS language preference on a first launch', async () => {
      const host = hostFor(pkg, module.id, { learnerLanguage: 'es' });
      const launched = await launch(url);
      try {
        expect(pageTitle(launched)).to.equal(module.pages[0]!.title.es);
      } finally {
        launched.close();
        host.uninstall(window);
      }
    });
  });
}

describe('contents navigation by keyboard', () => {
  it('moves focus to the chosen page title', async () => {
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '1.2')!;
    const host = hostFor(pkg, module.id);
    const launched = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
    try {
      launched.win.focus();
      const target = module.pages[module.pages.length - 1]!;
      await tabTo(launched, (el) => el.tagName === 'BUTTON' && !!el.textContent?.includes(target.title.en), 'the last page in the contents');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => pageTitle(launched) === target.title.en, 'the chosen page');
      await waitFor(() => deepActiveElement(launched.doc)?.tagName === 'H1', 'focus on the page title');
    } finally {
      launched.close();
      host.uninstall(window);
    }
  });
});
