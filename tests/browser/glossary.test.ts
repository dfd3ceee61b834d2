/** The glossary, references and the table of the 15 Guidelines open from every page, by keyboard, in both languages, and close with Escape. */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { axeViolations, catalogue, deepActiveElement, hostFor, launch, tabTo, waitFor } from './helpers';

const packages = (await catalogue()).packages;
const glossary = (await (await fetch('/dist/web/assets/content/reference.en.js')).text()).length;

describe('glossary, references and the 15 Guidelines', () => {
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
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !sco.root.querySelector('micic-reference-dialog'), 'the references to close');

      // The 15 Guidelines: one table per phase, Guidelines 1 to 15 in order, in Spanish.
      const guidelinesButton = [...sco.root.querySelectorAll<HTMLButtonElement>('.tool')].find((b) => b.textContent?.trim() === 'Las 15 Directrices')!;
      guidelinesButton.click();
      await waitFor(() => sco.root.querySelector('micic-reference-dialog')?.shadowRoot?.querySelector('dialog[open] table tbody tr'), 'the Guidelines table');
      const tables = [...sco.root.querySelector('micic-reference-dialog')!.shadowRoot!.querySelectorAll('table')];
      expect(tables.map((t) => t.querySelector('caption')!.textContent)).to.deep.equal([
        'Preparación para situaciones de crisis (Directrices 1 a 8)',
        'Respuesta de emergencia (Directrices 9 a 13)',
        'Medidas posteriores a la crisis (Directrices 14 y 15)',
      ]);
      const rows = tables.flatMap((t) => [...t.querySelectorAll('tbody tr')]);
      expect(rows.map((r) => r.querySelector('td')!.textContent)).to.deep.equal(Array.from({ length: 15 }, (_, i) => String(i + 1)));
      const spanish = ((await import(/* @vite-ignore */ referenceUrl.replace('.en.', '.es.'))) as { default: { guidelines: { phases: Array<{ guidelines: Array<{ title: string }> }> } } }).default;
      expect(rows.map((r) => r.querySelectorAll('td')[1]!.textContent)).to.deep.equal(spanish.guidelines.phases.flatMap((p) => p.guidelines.map((g) => g.title)));
      expect(await axeViolations(sco)).to.deep.equal([]);
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !sco.root.querySelector('micic-reference-dialog'), 'the Guidelines table to close');
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});
