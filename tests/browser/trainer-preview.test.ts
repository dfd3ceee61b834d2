/**
 * The trainer preview: in the plain web build with ?trainer=1, every answer and scenario branch
 * is shown and nothing reaches an LMS; a SCORM package ignores the parameter.
 */
import { expect } from '@open-wc/testing';
import { axeViolations, catalogue, courseIndex, hostFor, launch, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;

function openPage(sco: LaunchedSco, title: string): void {
  const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
  [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes(title))!.click();
}

describe('trainer preview', () => {
  it('shows every quiz answer and scenario branch, and never calls the LMS', async () => {
    const pkg = packages.find((p) => p.kind === 'course' && p.version === '1.2')!;
    // An LMS is present on the page: the preview must not use it.
    const host = hostFor(pkg, index.modules[0]!.id);
    const sco = await launch('/dist/web/index.html?trainer=1');
    try {
      expect(sco.root.querySelector('micic-notice-list')!.shadowRoot!.textContent).to.contain('Trainer preview');
      for (const module of index.modules) {
        openPage(sco, 'Module quiz');
        // The course-wide contents list has one quiz per module: open this module's.
        const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
        [...toc.querySelectorAll('ol')][module.number - 1]!.querySelectorAll('button').forEach((b) => {
          if (b.textContent?.includes('Module quiz')) b.click();
        });
        await waitFor(() => sco.root.querySelector('micic-quiz-view')?.shadowRoot?.querySelectorAll('micic-question').length === module.quiz!.questions.length, `${module.id} answer key`);
        const quiz = sco.root.querySelector('micic-quiz-view')!.shadowRoot!;
        expect(quiz.textContent).to.contain('Answer key');
        if (module.number === 1) expect(await axeViolations(sco)).to.deep.equal([]);
        // Every question is shown with its correct answer marked.
        for (const question of quiz.querySelectorAll('micic-question')) {
          await waitFor(() => question.shadowRoot?.querySelector('.mark.right'), 'a marked right answer');
        }
        for (const scenario of module.scenarios) {
          openPage(sco, scenario.title.en);
          await waitFor(() => {
            const view = sco.root.querySelector('micic-scenario-script')?.shadowRoot;
            return view?.querySelector('h1')?.textContent === scenario.title.en && view.textContent?.includes('All scenes, choices and endings');
          }, scenario.id);
          const view = sco.root.querySelector('micic-scenario-script')!.shadowRoot!;
          const choices = scenario.scenes.reduce((n, s) => n + s.choices.length, 0);
          expect(view.querySelectorAll('li')).to.have.length(choices);
          expect(view.querySelectorAll('dt')).to.have.length(scenario.endings.length);
          const map = view.querySelector('img')!;
          await waitFor(() => map.complete && map.naturalWidth > 0, 'the scenario map');
          // Drawn for paper (672 px wide, 12 px type); the trainer can enlarge it and open it alone.
          expect(map.naturalWidth).to.equal(672);
          const frame = view.querySelector<HTMLElement>('.map-frame')!;
          const zoomIn = view.querySelector<HTMLButtonElement>('.zoom-in')!;
          const zoomOut = view.querySelector<HTMLButtonElement>('.zoom-out')!;
          expect(zoomOut.disabled).to.equal(true);
          const fitted = map.getBoundingClientRect().width;
          expect(fitted).to.be.closeTo(frame.clientWidth, 1);
          zoomIn.click();
          await waitFor(() => Math.abs(map.getBoundingClientRect().width - 1.5 * fitted) < 2, 'the map at 150 %');
          expect(view.querySelector('output')!.textContent).to.equal('150%');
          zoomIn.click();
          zoomIn.click();
          await waitFor(() => zoomIn.disabled, 'the largest size');
          expect(map.getBoundingClientRect().width).to.be.closeTo(3 * fitted, 2);
          expect(frame.scrollWidth).to.be.greaterThan(frame.clientWidth);
          for (let i = 0; i < 3; i++) zoomOut.click();
          await waitFor(() => zoomOut.disabled && Math.abs(map.getBoundingClientRect().width - fitted) < 2, 'the fitted map');
          expect(view.querySelector('a[target="_blank"]')!.getAttribute('href')).to.equal(`scenario-maps/${module.id}-${scenario.id}.en.svg`);
          if (module.number === 1) expect(await axeViolations(sco)).to.deep.equal([]);
        }
      }
      expect(host.calls).to.deep.equal([]);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('micic:'))).to.deep.equal([]);
    } finally {
      sco.close();
      host.uninstall(window);
    }
    expect(host.calls).to.deep.equal([]);
  });

  it('cannot be switched on in a SCORM package', async () => {
    const pkg = packages.find((p) => p.kind === 'module' && p.version === '2004')!;
    const host = hostFor(pkg, pkg.moduleId!);
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}?trainer=1`);
    try {
      expect(sco.root.querySelector('micic-notice-list')!.shadowRoot!.textContent).not.to.contain('Trainer preview');
      expect(host.calls.map((c) => c.method)).to.include('Initialize');
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});
