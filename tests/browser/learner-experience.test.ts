/**
 * What every trainee meets, on a phone (360×740) and a laptop (1366×768), in English and Spanish,
 * in the plain web build and in SCORM packages: each page opens at its top with focus on its
 * title, lazily loaded parts render on a cold first visit, a check with nothing chosen says so,
 * choices come in an order of the learner's own, starting over asks first and keeps the finished
 * play on the card, and the header leaves the page title on screen.
 */
import { expect } from '@open-wc/testing';
import { nextLaunchData, type LmsHost } from '../../preview/lms-host';
import {
  catalogue,
  courseIndex,
  deepActiveElement,
  hostFor,
  launch,
  pageDrawn,
  pageTitle,
  playScenarioByKeyboard,
  scenarioRoot,
  scenarioTexts,
  waitFor,
  type LaunchedSco,
} from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const first = index.modules[0]!;
type Language = 'en' | 'es';

const modulePackage = (version: '1.2' | '2004', moduleId = first.id) => packages.find((p) => p.kind === 'module' && p.moduleId === moduleId && p.version === version)!;
const coursePackage = (version: '1.2' | '2004') => packages.find((p) => p.kind === 'course' && p.version === version)!;

/** A launch under test: the web build (no LMS) or a SCO of a package under the stand-in LMS. */
interface Launch {
  name: string;
  start(options?: { saved?: Record<string, unknown> }): Promise<{ sco: LaunchedSco; host?: LmsHost }>;
}
const launches: Launch[] = [
  { name: 'the web build', start: async () => ({ sco: await launch('/dist/web/index.html') }) },
  {
    name: 'a module package (SCORM 1.2)',
    start: async (options) => {
      const pkg = modulePackage('1.2');
      const host = hostFor(pkg, first.id, options);
      return { host, sco: await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`) };
    },
  },
  {
    name: 'the course package (SCORM 2004)',
    start: async (options) => {
      const pkg = coursePackage('2004');
      const host = hostFor(pkg, first.id, options);
      return { host, sco: await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`) };
    },
  },
];

async function resize(sco: LaunchedSco, width: number, height: number): Promise<void> {
  sco.frame.style.width = `${width}px`;
  sco.frame.style.height = `${height}px`;
  await waitFor(() => sco.win.innerWidth === width && sco.win.innerHeight === height, `a ${width}×${height} frame`);
}

async function setLanguage(sco: LaunchedSco, language: Language): Promise<void> {
  if (sco.doc.documentElement.lang === language) return;
  sco.root.querySelector('micic-language-switch')!.shadowRoot!.querySelector<HTMLButtonElement>(`button[lang="${language}"]`)!.click();
  await waitFor(() => sco.doc.documentElement.lang === language && pageTitle(sco) !== '', `the course in ${language}`);
}

const view = (sco: LaunchedSco) => sco.root.querySelector('micic-page-view, micic-quiz-view, micic-scenario-view, micic-workshop-card')!;
const viewTitle = (sco: LaunchedSco) => view(sco)?.shadowRoot?.querySelector('h1') ?? null;

/** The page opened at its top: scrolled to 0, its title on screen and focused. */
async function expectOpenedAtTop(sco: LaunchedSco, what: string): Promise<void> {
  await waitFor(() => deepActiveElement(sco.doc) === viewTitle(sco) && viewTitle(sco), `focus on the title (${what})`);
  await waitFor(() => sco.win.scrollY === 0, `the top of the page (${what})`);
  const box = viewTitle(sco)!.getBoundingClientRect();
  expect(box.top, what).to.be.at.least(0);
  expect(box.bottom, what).to.be.at.most(sco.win.innerHeight);
}

function tocButton(sco: LaunchedSco, title: string): HTMLButtonElement {
  const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
  return [...toc.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.querySelector('.title')?.textContent === title)!;
}

/** Opens a page from the contents, through the drawer on a phone. */
async function openFromContents(sco: LaunchedSco, title: string): Promise<void> {
  const toggle = sco.root.querySelector<HTMLButtonElement>('.toggle')!;
  if (getComputedStyle(toggle).display !== 'none') {
    toggle.click();
    await waitFor(() => getComputedStyle(sco.root.querySelector('nav.contents')!).display === 'block', 'the contents drawer');
  }
  tocButton(sco, title).click();
}

describe('page changes', () => {
  const cases = launches.flatMap((l) => [
    { launch: l, width: 360, height: 740, language: 'es' as Language },
    { launch: l, width: 1366, height: 768, language: 'en' as Language },
  ]);
  for (const { launch: kind, width, height, language } of cases) {
    it(`open each new page at its top with focus on its title: ${kind.name}, ${width} px, ${language}`, async () => {
      const { sco, host } = await kind.start();
      try {
        await resize(sco, width, height);
        await setLanguage(sco, language);
        const titles = first.pages.map((p) => p.title[language]);
        const moduleName = `${language === 'en' ? 'Module' : 'Módulo'} 1: ${first.title[language]}`;
        expect(sco.doc.title).to.equal(`${titles[0]} – ${moduleName} – ${index.title[language]}`);

        // Next, from the bottom of a long page.
        sco.win.scrollTo(0, sco.doc.documentElement.scrollHeight);
        sco.root.querySelector<HTMLButtonElement>('.next')!.click();
        await waitFor(() => pageTitle(sco) === titles[1], 'page 2');
        await expectOpenedAtTop(sco, 'after Next');
        expect(sco.doc.title).to.equal(`${titles[1]} – ${moduleName} – ${index.title[language]}`);

        sco.root.querySelector<HTMLButtonElement>('.next')!.click();
        await waitFor(() => pageTitle(sco) === titles[2], 'page 3');
        sco.win.scrollTo(0, sco.doc.documentElement.scrollHeight);
        sco.root.querySelector<HTMLButtonElement>('.previous')!.click();
        await waitFor(() => pageTitle(sco) === titles[1], 'back to page 2');
        await expectOpenedAtTop(sco, 'after Previous');

        // A page chosen in the contents: focus goes into the content, the drawer closes.
        sco.win.scrollTo(0, sco.doc.documentElement.scrollHeight);
        await openFromContents(sco, titles[4]!);
        await waitFor(() => pageTitle(sco) === titles[4], 'page 5 from the contents');
        await expectOpenedAtTop(sco, 'after the contents');
        if (width === 360) expect(getComputedStyle(sco.root.querySelector('nav.contents')!).display).to.equal('none');
      } finally {
        sco.close();
        host?.uninstall(window);
      }
    });
  }

  it('keep every page title of a module on a phone screen without scrolling, under a one-line header', async () => {
    const { sco } = await launches[0]!.start();
    try {
      await resize(sco, 360, 740);
      await setLanguage(sco, 'es');
      expect(sco.root.querySelector('header')!.getBoundingClientRect().height).to.be.lessThan(64);
      for (const page of first.pages) {
        await openFromContents(sco, page.title.es);
        await waitFor(() => viewTitle(sco)?.textContent?.trim() === page.title.es || pageTitle(sco) === page.title.es, page.id);
        await waitFor(() => sco.win.scrollY === 0, `${page.id} at its top`);
        expect(viewTitle(sco)!.getBoundingClientRect().bottom, page.id).to.be.at.most(740);
      }
    } finally {
      sco.close();
    }
  });
});

/** The first page of module 1 whose text holds a knowledge check. */
async function goToFirstCheck(sco: LaunchedSco): Promise<string> {
  for (let p = 0; p < first.pages.length; p++) {
    await waitFor(() => pageTitle(sco) === first.pages[p]!.title.en, `page ${p + 1}`);
    await pageDrawn(sco);
    // The page is drawn whole; a check, if any, is in the page view's markup.
    const check = view(sco).shadowRoot!.querySelector('micic-knowledge-check');
    if (check) return first.pages[p]!.id;
    sco.root.querySelector<HTMLButtonElement>('.next')!.click();
  }
  throw new Error('module 1 has no knowledge check');
}

const checkRoot = (sco: LaunchedSco): ShadowRoot | DocumentFragment =>
  view(sco)?.shadowRoot?.querySelector('micic-knowledge-check')?.shadowRoot ?? document.createDocumentFragment();

describe('lazily loaded parts', () => {
  for (const kind of [launches[0]!, launches[2]!]) {
    it(`render on a cold first visit and when resuming onto them: ${kind.name}`, async () => {
      const started = await kind.start();
      let { sco } = started;
      try {
        const pageId = await goToFirstCheck(sco);
        // Rendered the first time, with nothing else loaded before it.
        await waitFor(() => checkRoot(sco).querySelector('micic-question'), `the knowledge check on ${pageId}, first visit`);

        // Resuming straight onto the page renders it too.
        sco.close();
        const saved = started.host ? nextLaunchData(started.host) : undefined;
        started.host?.uninstall(window);
        const resumed = await kind.start(saved ? { saved } : {});
        sco = resumed.sco;
        started.host = resumed.host;
        await waitFor(() => pageTitle(sco) === first.pages.find((p) => p.id === pageId)!.title.en, 'the resumed page');
        await waitFor(() => checkRoot(sco).querySelector('micic-question'), 'the knowledge check after resume');

        // The players, the card and the glossary on their first use.
        for (const title of [first.scenarios[0]!.title.en, 'Module quiz', 'My workshop card']) {
          await openFromContents(sco, title);
          await waitFor(() => viewTitle(sco)?.textContent?.trim(), `${title}, first visit`);
        }
        [...sco.root.querySelectorAll<HTMLButtonElement>('.tool')].find((b) => b.textContent?.trim() === 'Glossary')!.click();
        await waitFor(() => sco.root.querySelector('micic-reference-dialog')?.shadowRoot?.querySelector('dt'), 'the glossary');
      } finally {
        sco.close();
        started.host?.uninstall(window);
      }
    });
  }
});

describe('checking an answer with nothing chosen', () => {
  it('says so, in a knowledge check and in the quiz', async () => {
    const { sco } = await launches[0]!.start();
    try {
      await goToFirstCheck(sco);
      await waitFor(() => checkRoot(sco).querySelector('button'), 'the check');
      [...checkRoot(sco).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Check answer')!.click();
      await waitFor(() => checkRoot(sco).querySelector('.missing')?.textContent?.trim() === 'Choose an answer first.', 'the message in the check');
      await setLanguage(sco, 'es');
      await waitFor(() => checkRoot(sco).querySelector('micic-question'), 'the check in Spanish');

      await openFromContents(sco, 'Cuestionario del módulo');
      const quiz = () => sco.root.querySelector('micic-quiz-view')?.shadowRoot ?? document.createDocumentFragment();
      await waitFor(() => quiz().querySelector('.primary'), 'the quiz');
      quiz().querySelector<HTMLButtonElement>('.primary')!.click();
      await waitFor(() => quiz().querySelector('micic-question'), 'the first question');
      const checkButton = () => [...quiz().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Comprobar respuesta')!;
      // An ordering question counts as answered in the order shown: if the learner's draw opens
      // with one, it is checked as it stands and the test goes on to the next question.
      const questionType = () => (quiz().querySelector('micic-question') as (Element & { question?: { type: string } }) | null)?.question?.type;
      if (questionType() === 'ordering') {
        checkButton().click();
        const next = await waitFor(() => [...quiz().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim().startsWith('Siguiente pregunta')), 'the next question button');
        next.click();
        await waitFor(() => checkButton() && questionType() !== 'ordering', 'the second question');
      }
      checkButton().click();
      await waitFor(() => quiz().querySelector('.missing')?.textContent?.trim() === 'Primero elija una respuesta.', 'the message in the quiz');
      expect(quiz().querySelector('.result')).to.equal(null);
    } finally {
      sco.close();
    }
  });
});

describe('the order of choices', () => {
  const key = first.scenarios[0]!;
  const shownOrder = (sco: LaunchedSco) => [...scenarioRoot(sco).querySelectorAll('ul.choices button')].map((b) => b.textContent!.trim());

  async function openScenario(sco: LaunchedSco): Promise<string[]> {
    await openFromContents(sco, key.title.en);
    await waitFor(() => scenarioRoot(sco)?.querySelector('ul.choices button'), 'the first decision');
    return shownOrder(sco);
  }

  it('is the learner’s own: the same after a reload, different for another learner', async () => {
    const texts = (await scenarioTexts(first.id))[key.id]!;
    const authored = key.scenes.find((s) => s.id === key.start)!.choices.map((c) => texts.scenes[key.start]!.choices[c.id]!.text);
    let sco = (await launches[0]!.start()).sco;
    const mine = await openScenario(sco);
    expect([...mine].sort()).to.deep.equal([...authored].sort());
    sco.close();
    sco = (await launches[0]!.start()).sco;
    await waitFor(() => scenarioRoot(sco)?.querySelector('ul.choices button'), 'the resumed scenario');
    expect(shownOrder(sco)).to.deep.equal(mine);
    sco.close();
    // Other learners (fresh browsers) get other orders.
    const others: string[][] = [];
    for (let i = 0; i < 6 && others.every((o) => o.join() === mine.join()); i++) {
      for (const k of Object.keys(localStorage)) if (k.startsWith('micic:')) localStorage.removeItem(k);
      sco = (await launches[0]!.start()).sco;
      others.push(await openScenario(sco));
      sco.close();
    }
    expect(others.some((o) => o.join() !== mine.join())).to.equal(true);
  });
});

describe('starting over', () => {
  const module = first;
  const key = module.scenarios[0]!;

  it('asks first, and keeps the finished play on the workshop card until a new play finishes, across a relaunch', async () => {
    const pkg = modulePackage('1.2');
    let host = hostFor(pkg, module.id);
    let sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
    try {
      const texts = (await scenarioTexts(module.id))[key.id]!;
      await openFromContents(sco, key.title.en);
      await waitFor(() => scenarioRoot(sco)?.querySelector('h1'), 'the scenario');
      sco.win.focus();
      const finished = await playScenarioByKeyboard(sco, key, texts);
      const finishedLabels = (() => {
        let at = key.start;
        return finished.map((choice) => {
          const label = texts.scenes[at]!.choices[choice]!.text;
          at = key.scenes.find((s) => s.id === at)!.choices.find((c) => c.id === choice)!.next;
          return label;
        });
      })();

      // Play again → a question; Cancel keeps the debrief.
      scenarioRoot(sco).querySelector<HTMLButtonElement>('.primary')!.click();
      await waitFor(() => scenarioRoot(sco).querySelector('[data-confirm]'), 'the question');
      [...scenarioRoot(sco).querySelectorAll<HTMLButtonElement>('.confirm button')].find((b) => b.textContent?.trim() === 'Cancel')!.click();
      await waitFor(() => !scenarioRoot(sco).querySelector('[data-confirm]'), 'the question gone');
      expect(scenarioRoot(sco).querySelector('table')).to.not.equal(null);

      // Yes → a new play, one decision into it.
      scenarioRoot(sco).querySelector<HTMLButtonElement>('.primary')!.click();
      (await waitFor(() => scenarioRoot(sco).querySelector<HTMLButtonElement>('[data-confirm]'), 'the question')).click();
      await playScenarioByKeyboard(sco, key, texts, undefined, 1);

      const cardChoices = async () => {
        await openFromContents(sco, 'My workshop card');
        const card = await waitFor(() => sco.root.querySelector('micic-workshop-card')?.shadowRoot?.querySelector('h1') && sco.root.querySelector('micic-workshop-card')!.shadowRoot!, 'the card');
        const section = [...card.querySelectorAll('h3')].find((h) => h.textContent === texts.title)!;
        const list = section.nextElementSibling?.tagName === 'P' ? section.nextElementSibling.nextElementSibling! : section.nextElementSibling!;
        return { earlier: section.nextElementSibling!.textContent!.includes('last finished play'), choices: [...list.querySelectorAll('.choice')].map((c) => c.textContent!.trim()) };
      };
      expect(await cardChoices()).to.deep.equal({ earlier: true, choices: finishedLabels });

      // Relaunch: still there.
      sco.close();
      const saved = nextLaunchData(host);
      host.uninstall(window);
      host = hostFor(pkg, module.id, { saved });
      sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
      expect(await cardChoices()).to.deep.equal({ earlier: true, choices: finishedLabels });

      // Finishing the new play replaces it.
      await openFromContents(sco, key.title.en);
      await waitFor(() => scenarioRoot(sco)?.querySelector('ul.choices'), 'the scenario again');
      sco.win.focus();
      const rest = key.scenes.find((s) => s.id === key.start)!.choices.find((c) => c.best)!.next;
      await playScenarioByKeyboard(sco, { ...key, start: rest }, texts);
      const after = await cardChoices();
      expect(after.earlier).to.equal(false);
      expect(after.choices).to.have.length(finished.length);
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});

describe('on a phone', () => {
  it('stacks the scenario debrief and shows each matching option in full', async () => {
    const { sco } = await launches[0]!.start();
    try {
      await resize(sco, 360, 740);
      const key = first.scenarios[0]!;
      const texts = (await scenarioTexts(first.id))[key.id]!;
      await openFromContents(sco, key.title.en);
      await waitFor(() => scenarioRoot(sco)?.querySelector('h1'), 'the scenario');
      sco.win.focus();
      await playScenarioByKeyboard(sco, key, texts);
      const row = scenarioRoot(sco).querySelector('tbody tr')!;
      expect(getComputedStyle(row).display).to.equal('block');
      expect(sco.doc.documentElement.scrollWidth).to.be.at.most(360);
      for (const cell of row.querySelectorAll('td')) expect(getComputedStyle(cell, '::before').content).to.match(/Your choice|Best choice/);
    } finally {
      sco.close();
    }
  });
});
