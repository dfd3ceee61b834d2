/**
 * The ungraded pre-test under scorm-again 1.2 and 2004: taken on the module's first page, it
 * records `<module>.pre.<question>` interactions, leaves status, score and objectives untouched,
 * survives a relaunch, and shows per objective beside the quiz on the workshop card.
 */
import { expect } from '@open-wc/testing';
import { nextLaunchData } from '../../preview/lms-host';
import { correctResponse, type Response } from '../../src/machines/quiz-scoring';
import type { QuestionKey } from '../../src/content/schema';
import { axeViolations, catalogue, courseIndex, hostFor, launch, promptsByQuestion, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[1]!;

const pretestRoot = (sco: LaunchedSco) => sco.root.querySelector('micic-pretest')?.shadowRoot;

/** A response that is surely wrong: another option, false for true, reversed order, shifted pairs. */
function wrongResponse(question: QuestionKey): Response {
  switch (question.type) {
    case 'single-choice':
      return { type: 'single-choice', option: question.options.find((o) => o !== question.answer)! };
    case 'multiple-response':
      return { type: 'multiple-response', options: question.options.filter((o) => !question.answers.includes(o)).slice(0, 1) };
    case 'true-false':
      return { type: 'true-false', value: !question.answer };
    case 'ordering':
      return { type: 'ordering', order: [...question.items].reverse() };
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(question.sources.map((s, i) => [s, question.answer[question.sources[(i + 1) % question.sources.length]!]!])) };
  }
}

for (const version of ['1.2', '2004'] as const) {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === version)!;
  const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;

  describe(`SCORM ${version}: pre-test`, () => {
    it('records pre interactions and never changes status, score or objectives', async () => {
      const host = hostFor(pkg, module.id);
      const sco = await launch(url);
      const prompts = await promptsByQuestion(module.id);
      const asked: Array<[string, boolean]> = [];
      let before: Record<string, unknown> = {};
      try {
        await waitFor(() => pretestRoot(sco)?.querySelector('button.start'), 'the pre-test');
        expect(pretestRoot(sco)!.textContent).to.contain(`${module.objectives.length} questions, one per learning objective`);
        before = nextLaunchData(host);
        pretestRoot(sco)!.querySelector<HTMLButtonElement>('button.start')!.click();
        for (let n = 0; n < module.objectives.length; n++) {
          const question = await waitFor(() => {
            const legend = pretestRoot(sco)?.querySelector('micic-question')?.shadowRoot?.querySelector('legend')?.textContent?.trim();
            const id = Object.entries(prompts).find(([, text]) => text === legend)?.[0];
            return id && !asked.some(([a]) => a === id) ? module.quiz!.questions.find((q) => q.id === id) : undefined;
          }, `pre-test question ${n + 1}`);
          if (n === 0) expect(await axeViolations(sco)).to.deep.equal([]);
          // The first answer wrong, the others right.
          const right = n > 0;
          pretestRoot(sco)!
            .querySelector('micic-question')!
            .dispatchEvent(new CustomEvent('answer-change', { detail: right ? correctResponse(question) : wrongResponse(question) }));
          asked.push([question.id, right]);
          // The panel renders the answer it was given before Save reads it.
          await waitFor(() => (sco.root.querySelector('micic-pretest') as unknown as { pretest?: { context: { draft?: unknown } } }).pretest?.context.draft, 'the answer on screen');
          pretestRoot(sco)!.querySelector<HTMLButtonElement>('button.save')!.click();
          // No feedback between questions: never a correctness mark in the pre-test.
          expect(pretestRoot(sco)!.textContent).not.to.match(/Correct\.|Not quite/);
        }
        await waitFor(() => pretestRoot(sco)?.textContent?.includes(`Pre-test done: ${module.objectives.length - 1} of ${module.objectives.length} right`), 'the pre-test result');
        expect(await axeViolations(sco)).to.deep.equal([]);
        // One question per objective.
        expect(new Set(asked.map(([id]) => module.quiz!.questions.find((q) => q.id === id)!.objective)).size).to.equal(module.objectives.length);

        const cmi = host.cmi() as Record<string, any>;
        const interactions = Object.values(cmi.interactions as Record<string, any>);
        expect(interactions.map((i) => i.id)).to.deep.equal(asked.map(([id]) => `${module.id}.pre.${id.replace(/-/g, '_')}`));
        for (const interaction of interactions) expect(interaction.id).to.match(/^[\w.]{1,250}$/);
        const wrong = version === '1.2' ? 'wrong' : 'incorrect';
        expect(interactions.map((i) => i.result)).to.deep.equal(asked.map(([, right]) => (right ? 'correct' : wrong)));
        // Status, score and objectives exactly as before the pre-test.
        const was = before as Record<string, any>;
        if (version === '1.2') {
          expect(cmi.core.lesson_status).to.equal('incomplete');
          expect(cmi.core.lesson_status).to.equal(was.core.lesson_status);
          expect(cmi.core.score).to.deep.equal(was.core.score);
        } else {
          expect([cmi.completion_status, cmi.success_status]).to.deep.equal([was.completion_status, was.success_status]);
          expect(cmi.score).to.deep.equal(was.score);
        }
        expect(cmi.objectives).to.deep.equal(was.objectives);
        expect(host.errors).to.deep.equal([]);
      } finally {
        sco.close();
        host.uninstall(window);
      }

      // Relaunch: the pre-test is done, and the card shows it beside the (not yet taken) quiz.
      const second = hostFor(pkg, module.id, { saved: nextLaunchData(host) });
      const again = await launch(url);
      try {
        const toc = again.root.querySelector('micic-table-of-contents')!.shadowRoot!;
        [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes(module.pages[0]!.title.en))!.click();
        await waitFor(() => pretestRoot(again)?.textContent?.includes('Pre-test done'), 'the pre-test restored');
        [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes('My workshop card'))!.click();
        const card = await waitFor(() => again.root.querySelector('micic-workshop-card')?.shadowRoot?.querySelector('table.objectives') && again.root.querySelector('micic-workshop-card')!.shadowRoot!, 'the card');
        const cells = [...card.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('td.pretest')!.textContent!.trim(), tr.querySelector('td.quiz')!.textContent!.trim()]);
        const wrongObjective = module.quiz!.questions.find((q) => q.id === asked[0]![0])!.objective;
        // The wrong answer scores below 100 % (a multiple-response answer can earn part credit).
        const wrongRow = module.objectives.findIndex((o) => o.id === wrongObjective);
        expect(cells[wrongRow]![0]).to.match(/^\d+%$/).and.not.equal('100%');
        expect(cells.filter((_, i) => i !== wrongRow)).to.deep.equal(module.objectives.filter((o) => o.id !== wrongObjective).map(() => ['100%', '– not assessed yet']));
        expect(cells[wrongRow]![1]).to.equal('– not assessed yet');
        expect(Object.keys(second.cmi().interactions as object)).to.have.length(module.objectives.length);
      } finally {
        again.close();
        second.uninstall(window);
      }
    });
  });
}
