/**
 * axe-core finds no WCAG 2.2 AA violations on any page of the course, in English and Spanish,
 * and the layout holds at 320 px wide (no sideways scrolling).
 */
import { expect } from '@open-wc/testing';
import type { LmsHost } from '../../preview/lms-host';
import { axeViolations, catalogue, courseIndex, hostFor, launch, pageTitle, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const singleSco = (await catalogue()).packages.find((p) => p.kind === 'course-single-sco' && p.version === '1.2')!;

async function openEveryPage(sco: LaunchedSco, visit: (label: string) => Promise<void>): Promise<void> {
  const language = sco.doc.documentElement.lang as 'en' | 'es';
  for (const module of index.modules) {
    for (const page of module.pages) {
      const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
      const button = [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes(page.title[language]))!;
      button.click();
      await waitFor(() => pageTitle(sco) === page.title[language], `${module.id}/${page.id} in ${language}`);
      await visit(`${module.id}/${page.id} (${language})`);
    }
  }
}

async function switchLanguage(sco: LaunchedSco, language: 'en' | 'es'): Promise<void> {
  const languageSwitch = sco.root.querySelector('micic-language-switch')!.shadowRoot!;
  languageSwitch.querySelector<HTMLButtonElement>(`button[lang="${language}"]`)!.click();
  await waitFor(() => sco.doc.documentElement.lang === language, `the course in ${language}`);
}

describe('accessibility', () => {
  let host: LmsHost;
  let sco: LaunchedSco;

  beforeEach(async () => {
    host = hostFor(singleSco, 'course');
    sco = await launch(`/dist/${singleSco.folder}/${singleSco.scos[0]!.href}`);
  });

  afterEach(() => {
    sco.close();
    host.uninstall(window);
  });

  for (const language of ['en', 'es'] as const) {
    it(`has no axe violations on any page in ${language}`, async function () {
      // Every page of the course with axe on each: over a minute on a busy two-core machine.
      this.timeout(240000);
      await switchLanguage(sco, language);
      const found: string[] = [];
      await openEveryPage(sco, async (label) => {
        for (const violation of await axeViolations(sco)) found.push(`${label}: ${violation}`);
      });
      expect(found).to.deep.equal([]);
    });
  }

  it('fits a 320 px wide screen without sideways scrolling, with the contents in a drawer and the tools in a menu', async () => {
    sco.frame.style.width = '320px';
    await waitFor(() => sco.win.innerWidth === 320, 'the frame to be 320 px wide');
    const toggle = sco.root.querySelector<HTMLButtonElement>('.toggle')!;
    const drawer = sco.root.querySelector<HTMLElement>('nav.contents')!;
    expect(getComputedStyle(toggle).display).to.not.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(getComputedStyle(drawer).display).to.equal('none');
    // The tools wait behind the Menu button: the header is one line.
    expect(getComputedStyle(sco.root.querySelector('.tools')!).display).to.equal('none');
    expect(sco.root.querySelector('header')!.getBoundingClientRect().height).to.be.lessThan(64);
    const overflow: string[] = [];
    await switchLanguage(sco, 'es');
    await openEveryPage(sco, async (label) => {
      if (sco.doc.documentElement.scrollWidth > 320) overflow.push(`${label}: ${sco.doc.documentElement.scrollWidth}px`);
    });
    expect(overflow).to.deep.equal([]);
    toggle.click();
    await waitFor(() => toggle.getAttribute('aria-expanded') === 'true', 'the contents to open');
    expect(getComputedStyle(drawer).display).to.equal('block');
    expect(getComputedStyle(drawer).position).to.equal('fixed');
    expect(await axeViolations(sco, true)).to.deep.equal([]);
    const menu = sco.root.querySelector<HTMLButtonElement>('.menu-toggle')!;
    menu.click();
    await waitFor(() => getComputedStyle(sco.root.querySelector('.tools')!).display === 'flex', 'the menu to open');
    expect(await axeViolations(sco, true)).to.deep.equal([]);
  });
});
