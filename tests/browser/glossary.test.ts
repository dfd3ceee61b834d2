/** The glossary and references open from every page, by keyboard, in both languages, and close with Escape. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations, catalogue, deepActiveElement, hostFor, launch, tabTo, waitFor } from './helpers';

const packages = (await catalogue()).packages;
const glossary = (await (await fetch('/dist/web/assets/content/reference.en.js')).text()).length;

describe('glossary and references', () => {
  it('open by keyboard, hold every entry, are accessible, and close with Escape back to the button', async () => {
    expect(glossary).to.be.greaterThan(0);
    const pkg = packages.find((p) => p.kind === 'module' && p.version === '1.2')!;
    const host = hostFor(pkg, pkg.moduleId!);
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
    try {
      sco.win.focus();
      const button = await tabTo(sco, (el) => el.textContent?.trim() === 'Glossary', 'the Glossary button');
      await sendKeys({ press: 'Enter' });
      const dialog = await waitFor(() => sco.root.querySelector('micic-reference-dialog')?.shadowRoot?.querySelector('dialog[open] dl dt'), 'the glossary');
      const root = sco.root.querySelector('micic-reference-dialog')!.shadowRoot!;
      const referenceUrl = '/dist/web/assets/content/reference.en.js';
      const content = (await import(/* @vite-ignore */ referenceUrl)) as { default: { glossary: Array<{ term: string }>; references: Array<{ url: string }> } };
      expect([...root.querySelectorAll('dt')].map((dt) => dt.textContent)).to.deep.equal(content.default.glossary.map((g) => g.term));
      expect(dialog).to.exist;
      expect(await axeViolations(sco)).to.deep.equal([]);
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !sco.root.querySelector('micic-reference-dialog'), 'the dialog to close');
      expect(deepActiveElement(sco.doc)).to.equal(button);

      sco.root.querySelector('micic-language-switch')!.shadowRoot!.querySelector<HTMLButtonElement>('button[lang="es"]')!.click();
      await waitFor(() => sco.doc.documentElement.lang === 'es', 'Spanish');
      const referencesButton = [...sco.root.querySelectorAll<HTMLButtonElement>('.tool')].find((b) => b.textContent?.trim() === 'Referencias')!;
      referencesButton.click();
      await waitFor(() => sco.root.querySelector('micic-reference-dialog')?.shadowRoot?.querySelector('dialog[open] li a'), 'the references');
      const links = [...sco.root.querySelector('micic-reference-dialog')!.shadowRoot!.querySelectorAll('a')];
      expect(links.length).to.equal(content.default.references.length);
      expect(links.every((a) => a.href.startsWith('https://') && a.rel.includes('noopener'))).to.equal(true);
      expect(await axeViolations(sco)).to.deep.equal([]);
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});
