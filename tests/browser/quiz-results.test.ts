/**
 * Results a trainee can read: numbered questions in the review, each missed one linked to the page
 * that teaches it, percentages written the way each language writes them, a retake of a passed
 * quiz asked first; and a module that opens with its objectives and how long it takes.
 */
import { expect } from '@open-wc/testing';
import { catalogue, courseIndex, deepActiveElement, hostFor, launch, openQuiz, pageTitle, quizRoot, takeQuizByKeyboard, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[1]!;
const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '1.2')!;

async function start(): Promise<{ sco: LaunchedSco; close: () => void }> {
  const host = hostFor(pkg, module.id);
  const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
  return { sco, close: () => { sco.close(); host.uninstall(window); } };
}

describe('quiz results', () => {
  it('number each question, link each missed one to its page, and write percentages per language', async () => {
    const { sco, close } = await start();
    try {
      await openQuiz(sco);
      const asked = await takeQuizByKeyboard(sco, module.id, module.quiz!, false);
      const review = () => quizRoot(sco);
      const items = [...review().querySelectorAll('ol.review > li')];
      expect(items.map((li) => li.querySelector('h3.number')!.textContent!.replace(/\s+/g, ' ').trim().split(' ').slice(0, 2).join(' '))).to.deep.equal(
        asked.map((_, i) => `Question ${i + 1}`),
      );
      // Every question was missed: each links to the page that teaches it.
      const links = items.map((li) => li.querySelector<HTMLAnchorElement>('a.study'));
      expect(links.every(Boolean)).to.equal(true);
      const expected = asked.map((id) => module.pages.find((p) => p.id === module.quiz!.teaching![id])!.title.en);
      expect(links.map((a) => a!.textContent!.trim())).to.deep.equal(expected.map((title) => `Read again: ${title}`));
      expect(review().querySelector('h2')!.textContent!.trim()).to.match(/^Your score: \d+(\.\d)?%\.$/);

      sco.root.querySelector('micic-language-switch')!.shadowRoot!.querySelector<HTMLButtonElement>('button[lang="es"]')!.click();
      await waitFor(() => review().querySelector('h2')?.textContent?.includes('Su puntuación'), 'the review in Spanish');
      expect(review().querySelector('h2')!.textContent!.trim().replace(/\s/g, ' ')).to.match(/^Su puntuación: \d+(,\d)? %\.$/);
      expect(review().textContent).to.not.match(/\d\.\d+ ?%/);

      links[0]!.click();
      const target = module.pages.find((p) => p.id === module.quiz!.teaching![asked[0]!])!;
      await waitFor(() => pageTitle(sco) === target.title.es, 'the teaching page');
      await waitFor(() => deepActiveElement(sco.doc)?.tagName === 'H1', 'focus on its title');
    } finally {
      close();
    }
  });

  it('ask before a new attempt of a passed quiz', async () => {
    const { sco, close } = await start();
    try {
      await openQuiz(sco);
      await takeQuizByKeyboard(sco, module.id, module.quiz!, true);
      const retry = [...quizRoot(sco).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Take the quiz again')!;
      retry.click();
      const yes = await waitFor(() => quizRoot(sco).querySelector<HTMLButtonElement>('[data-confirm]'), 'the question');
      expect(deepActiveElement(sco.doc)).to.equal(yes);
      expect(quizRoot(sco).querySelector('.confirm')!.textContent).to.contain('You have passed this quiz');
      // Still the review until the learner says yes.
      expect(quizRoot(sco).querySelector('ol.review')).to.not.equal(null);
      yes.click();
      await waitFor(() => !quizRoot(sco).querySelector('ol.review'), 'a new attempt');
    } finally {
      close();
    }
  });
});

describe('a module opening', () => {
  it('teaches from its first page (the objectives and time stand on the landing), and the contents show progress and minutes', async () => {
    const { sco, close } = await start();
    try {
      await waitFor(() => pageTitle(sco) === module.pages[0]!.title.en, 'the first page');
      expect(sco.root.querySelector('micic-module-intro'), 'no objectives repeated on the first page').to.equal(null);
      const minutes = module.pages.reduce((sum, p) => sum + p.minutes, 0);
      expect(minutes).to.be.greaterThan(module.pages.length);
      const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
      expect(toc.querySelector('.progress')!.textContent!.trim()).to.match(new RegExp(`^1 of ${module.pages.length + module.scenarios.length + 2} pages seen, about`));
      expect(toc.querySelectorAll('.minutes').length).to.equal(module.pages.length + module.scenarios.length + 2);
    } finally {
      close();
    }
  });
});
