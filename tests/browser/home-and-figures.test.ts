/**
 * The course home, a module's landing and the figures in pages, as a learner meets them in built
 * packages: by keyboard, with axe, alt text and captions in both languages.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { axeViolations, catalogue, courseIndex, deepActiveElement, hostFor, launch, pageTitle, tabTo, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const home = (sco: LaunchedSco) => sco.root.querySelector('micic-course-home')?.shadowRoot;
const landing = (sco: LaunchedSco) => sco.root.querySelector('micic-module-landing')?.shadowRoot;
const pageRoot = (sco: LaunchedSco) => sco.root.querySelector('micic-page-view')!.shadowRoot!;

describe('the course home', () => {
  it('shows every module as a card, takes the learner into a module by keyboard and keeps their progress', async () => {
    const pkg = packages.find((p) => p.kind === 'course-single-sco' && p.version === '1.2')!;
    const host = hostFor(pkg, pkg.scos[0]!.id);
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`, { stayOnFirstView: true });
    try {
      const cards = [...home(sco)!.querySelectorAll('li')];
      expect(cards.map((c) => c.querySelector('h2')!.textContent!.trim())).to.deep.equal(index.modules.map((m) => m.title.en));
      index.modules.forEach((module, m) => {
        const banner = cards[m]!.querySelector('img')!;
        expect(banner.getAttribute('alt'), 'a banner says nothing the title does not').to.equal('');
        expect(Number(banner.getAttribute('width'))).to.be.greaterThan(0);
        expect(cards[m]!.textContent).to.contain(`${module.objectives.length} learning objectives`);
        expect(cards[m]!.querySelector('micic-progress-meter')!.shadowRoot!.textContent).to.contain('0 of');
      });
      expect(await axeViolations(sco)).to.deep.equal([]);

      sco.win.focus();
      const second = cards[1]!.querySelector('.primary')!;
      await tabTo(sco, (el) => el === second, 'Start on the second module', 200);
      expect(second.textContent!.trim()).to.equal('Start');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => pageTitle(sco) === index.modules[1]!.pages[0]!.title.en, 'the second module’s first page');
      await waitFor(() => deepActiveElement(sco.doc)?.tagName === 'H1', 'focus on the page title');

      sco.root.querySelector<HTMLButtonElement>('.tools .tool')!.click();
      await waitFor(() => home(sco)?.querySelector('h1'), 'the home again');
      const again = home(sco)!.querySelectorAll('li')[1]!;
      expect(again.hasAttribute('data-current')).to.equal(true);
      expect(again.querySelector('.primary')!.textContent!.trim()).to.match(/^Continue/);
      expect(again.querySelector('micic-progress-meter')!.shadowRoot!.textContent!.trim()).to.match(/^1 of \d+ pages seen/);
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});

describe('a module package', () => {
  it('opens on the module landing (banner, objectives, time) and starts the module by keyboard', async () => {
    const module = index.modules[2]!;
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '2004')!;
    const host = hostFor(pkg, module.id);
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`, { stayOnFirstView: true });
    try {
      const view = landing(sco)!;
      expect(view.querySelector('h1')!.textContent!.trim()).to.equal(module.title.en);
      expect(view.querySelector('img.banner')!.getAttribute('alt')).to.equal('');
      const intro = view.querySelector('micic-module-intro')!.shadowRoot!;
      expect(intro.querySelectorAll('li')).to.have.length(module.objectives.length);
      expect(intro.querySelector('.duration')!.textContent).to.match(/About .*min/);
      expect(sco.root.querySelector('.pager'), 'no page navigation before the pages').to.equal(null);
      expect(await axeViolations(sco)).to.deep.equal([]);

      sco.win.focus();
      await tabTo(sco, (el) => el.classList.contains('primary'), 'Start', 200);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => pageTitle(sco) === module.pages[0]!.title.en, 'the first page');
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});

describe('figures in pages', () => {
  it('show the image of the page’s language with its size, alt text and caption, and pass axe', async () => {
    const module = index.modules.find((m) => m.pages.some((p) => p.id === 'referral-pathways'))!;
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '1.2')!;
    const host = hostFor(pkg, module.id);
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
    try {
      const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
      [...toc.querySelectorAll('button')].find((b) => b.textContent!.includes('Referral pathways'))!.click();
      await waitFor(() => pageTitle(sco) === 'Referral pathways', 'the referral page');
      const figure = await waitFor(() => pageRoot(sco).querySelector('figure'), 'a figure');
      const img = figure.querySelector('img')!;
      expect(img.getAttribute('src')).to.match(/^assets\/media\/response\/referral-pathway\.en\.svg$/);
      expect(img.alt.length, 'alt text says what the figure shows').to.be.greaterThan(40);
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(Number(img.getAttribute('width'))).to.equal(560);
      expect(figure.querySelector('figcaption')!.textContent).to.contain('Guideline 12');
      img.scrollIntoView();
      await waitFor(() => img.complete && img.naturalWidth > 0, 'the image to load from the package');
      expect(await axeViolations(sco)).to.deep.equal([]);

      // Printed, the figure keeps its caption and is not split across pages.
      await emulateMedia({ media: 'print' });
      try {
        expect(getComputedStyle(figure).breakInside).to.equal('avoid');
        expect(getComputedStyle(figure.querySelector('figcaption')!).display).to.not.equal('none');
        expect(figure.getBoundingClientRect().height).to.be.greaterThan(100);
      } finally {
        await emulateMedia({ media: 'screen' });
      }

      sco.root.querySelector('micic-language-switch')!.shadowRoot!.querySelector<HTMLButtonElement>('button[lang="es"]')!.click();
      await waitFor(() => pageRoot(sco).querySelector('figure img')?.getAttribute('src')?.endsWith('.es.svg'), 'the Spanish figure');
      const spanish = pageRoot(sco).querySelector('figure')!;
      expect(spanish.querySelector('figcaption')!.textContent).to.contain('Directriz 12');
      expect(spanish.querySelector('img')!.alt).to.contain('Ruta de derivación');
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });

  it('credit every image on the references page', async () => {
    const pkg = packages.find((p) => p.kind === 'module' && p.version === '1.2')!;
    const host = hostFor(pkg, pkg.scos[0]!.id);
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
    try {
      [...sco.root.querySelectorAll<HTMLButtonElement>('.tools .tool')].find((b) => b.textContent!.includes('References'))!.click();
      const dialog = await waitFor(() => sco.root.querySelector('micic-reference-dialog')?.shadowRoot?.querySelector('ul.credits'), 'the image credits');
      expect(dialog.textContent).to.contain('Licence: MIT');
      expect(dialog.querySelectorAll('li').length).to.be.greaterThan(0);
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});
