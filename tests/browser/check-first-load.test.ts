/**
 * A knowledge check shows on the first page that needs one: its component loads on first use and
 * upgrades after the page has set its question, and must still render and answer.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { catalogue, hostFor, launch, pageDrawn, pageTitle, tabTo, waitFor } from './helpers';

const packages = (await catalogue()).packages;

describe('knowledge check on first load', () => {
  it('renders on the Principles page, the first page with a check that the learner opens', async () => {
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === 'preparedness' && p.version === '1.2')!;
    const host = hostFor(pkg, pkg.moduleId!);
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
    try {
      sco.win.focus();
      await tabTo(sco, (el) => el.tagName === 'BUTTON' && !!el.textContent?.includes('The ten Principles'), 'the Principles page in the contents');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => pageTitle(sco) === 'The ten Principles', 'the Principles page');
      await pageDrawn(sco);
      const check = sco.root.querySelector('micic-page-view')!.shadowRoot!.querySelector('micic-knowledge-check')!;
      const section = await waitFor(() => check.shadowRoot?.querySelector('section'), 'the knowledge check to render');
      expect(section.querySelector('h2')!.textContent).to.equal('Check your understanding');
      const question = await waitFor(() => section.querySelector('micic-question')?.shadowRoot?.textContent, 'the question');
      expect(question).to.contain('residence permit');
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});
