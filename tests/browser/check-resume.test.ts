/**
 * A knowledge check answered before leaving is shown answered after a relaunch: the same choice,
 * locked, with its feedback, in SCORM 1.2 and 2004 under scorm-again.
 */
import { expect } from '@open-wc/testing';
import { nextLaunchData } from '../../preview/lms-host';
import { catalogue, courseIndex, hostFor, launch, pageTitle, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules.find((m) => m.id === 'recovery')!;
const page = module.pages.find((p) => p.id === 'host-communities')!;
const checkIds = Object.keys(module.checks);

function checkRoot(sco: LaunchedSco): ShadowRoot | null | undefined {
  return sco.root.querySelector('micic-page-view')?.shadowRoot?.querySelector('micic-knowledge-check')?.shadowRoot;
}

for (const version of ['1.2', '2004'] as const) {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === version)!;
  const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;

  describe(`SCORM ${version}: knowledge checks after resume`, () => {
    it('shows the answer checked before leaving, locked and with its feedback', async () => {
      const first = hostFor(pkg, module.id);
      const launched = await launch(url);
      const toc = launched.root.querySelector('micic-table-of-contents')!.shadowRoot!;
      const entry = [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes(page.title.en))!;
      entry.click();
      await waitFor(() => pageTitle(launched) === page.title.en, 'the host communities page');
      const check = await waitFor(() => checkRoot(launched)?.querySelector('micic-question')?.shadowRoot?.querySelector('input'), 'the check');
      const question = check.getRootNode() as ShadowRoot;
      // A wrong answer, so that the resumed page must show the learner's own choice, not the key.
      const falseInput = [...question.querySelectorAll('input')].find((i) => question.querySelector(`label[for="${i.id}"]`)?.textContent === 'False')!;
      falseInput.click();
      // The check button reads the answer from the element's last render.
      await (launched.root.querySelector('micic-page-view')!.shadowRoot!.querySelector('micic-knowledge-check') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      [...checkRoot(launched)!.querySelectorAll('button')].find((b) => b.textContent === 'Check answer')!.click();
      await waitFor(() => checkRoot(launched)!.querySelector('.result')?.textContent?.includes('Guideline 15'), 'the feedback');
      const token = `${':'.repeat(checkIds.indexOf('check-host-communities'))}f.`;
      await waitFor(() => first.value("cmi.suspend_data").split("|")[8] === token, "the answer in suspend_data", 5000);
      launched.close();
      first.uninstall(window);

      const second = hostFor(pkg, module.id, { saved: nextLaunchData(first) });
      const resumed = await launch(url);
      try {
        expect(pageTitle(resumed)).to.equal(page.title.en);
        const shown = await waitFor(() => checkRoot(resumed)?.querySelector('micic-question')?.shadowRoot, 'the resumed check');
        const inputs = await waitFor(() => {
          const found = [...shown.querySelectorAll('input')];
          return found.length === 2 ? found : undefined;
        }, 'the resumed check inputs');
        const chosen = inputs.filter((i) => i.checked).map((i) => shown.querySelector(`label[for="${i.id}"]`)?.textContent);
        expect(chosen).to.deep.equal(['False']);
        expect(inputs.every((i) => i.disabled)).to.equal(true);
        const result = checkRoot(resumed)!.querySelector('.result')!.textContent!;
        expect(result).to.contain('Not quite.');
        expect(result).to.contain('Guideline 15');
        expect([...checkRoot(resumed)!.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal(['Try again']);
        expect(second.errors).to.deep.equal([]);
      } finally {
        resumed.close();
        second.uninstall(window);
      }
    });
  });
}
