/**
 * The graded quiz under scorm-again 1.2 and 2004: every question type answered by keyboard
 * alone, the exact interactions, objectives, score and status it leaves, resume half-way with
 * the same order and answers, and axe-clean question, feedback and review states.
 */
import { lmsId } from '../../src/lms/identifiers';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nextLaunchData, type LmsHost } from '../../preview/lms-host';
import {
  answerByKeyboard,
  axeViolations,
  catalogue,
  courseIndex,
  deepActiveElement,
  hostFor,
  launch,
  openQuiz,
  promptsByQuestion,
  takeQuizByKeyboard,
  questionOnScreen,
  questionRoot,
  quizRoot,
  tabTo,
  waitFor,
} from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[0]!;
const quizKey = module.quiz!;
const press = (key: string) => sendKeys({ press: key });

for (const version of ['1.2', '2004'] as const) {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === version)!;
  const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;

  describe(`SCORM ${version}: module quiz`, () => {
    it('is answered by keyboard alone, every question type, and leaves exact interactions, objectives, score and status', async () => {
      const host = hostFor(pkg, module.id);
      const sco = await launch(url);
      const prompts = await promptsByQuestion(module.id);
      const violations: string[] = [];
      try {
        await openQuiz(sco);
        violations.push(...(await axeViolations(sco)).map((v) => `intro: ${v}`));
        const asked = await takeQuizByKeyboard(sco, module.id, quizKey, true, {
          beforeAnswer: async (n) => {
            if (n === 0) violations.push(...(await axeViolations(sco)).map((v) => `question: ${v}`));
          },
          afterAnswer: async (n) => {
            if (n === 0) violations.push(...(await axeViolations(sco)).map((v) => `feedback: ${v}`));
          },
        });
        violations.push(...(await axeViolations(sco)).map((v) => `review: ${v}`));
        expect(violations).to.deep.equal([]);
        expect(quizRoot(sco).textContent).to.contain('You passed');
        expect(new Set(asked).size).to.equal(quizKey.draw);
        const types = new Set(asked.map((id) => quizKey.questions.find((q) => q.id === id)!.type));
        expect([...types].sort()).to.deep.equal(['matching', 'multiple-response', 'ordering', 'single-choice', 'true-false']);

        const cmi = host.cmi() as Record<string, any>;
        const interactions = Object.values(cmi.interactions as Record<string, any>);
        // Ids as sent: hyphens as underscores (Moodle refuses hyphens in 2004 responses).
        expect(interactions.map((i) => i.id)).to.deep.equal(asked.map((id) => lmsId(`${module.id}.${id}.1`)));
        for (const interaction of interactions) {
          const question = quizKey.questions.find((q) => lmsId(`${module.id}.${q.id}.1`) === interaction.id)!;
          expect(interaction.result).to.equal('correct');
          expect(interaction.objectives['0'].id).to.equal(lmsId(`${module.id}.${question.objective}`));
          const expectedType = { 'single-choice': 'choice', 'multiple-response': 'choice', 'true-false': 'true-false', ordering: 'sequencing', matching: 'matching' }[question.type];
          expect(interaction.type).to.equal(expectedType);
          const learner = version === '1.2' ? interaction.student_response : interaction.learner_response;
          expect(learner, interaction.id).to.equal(interaction.correct_responses['0'].pattern);
          expect(learner, interaction.id).to.not.contain('-');
        }
        // The learner went straight to the quiz: passed, but the module's pages are not all seen.
        if (version === '1.2') {
          expect(cmi.core).to.include({ lesson_status: 'passed', exit: 'suspend' });
          expect(cmi.core.score).to.deep.include({ raw: '100', min: '0', max: '100' });
          const interaction = interactions.find((i) => i.type === 'choice')!;
          expect(interaction.student_response).to.match(/^[a-z](,[a-z])*$/);
        } else {
          expect(cmi).to.include({ completion_status: 'incomplete', success_status: 'passed', exit: 'suspend' });
          expect(cmi.score).to.deep.include({ scaled: '1', raw: '100' });
          expect(interactions.every((i) => i.description.length > 0 && i.description.length <= 60)).to.equal(true);
        }
        const objectives = Object.values(cmi.objectives as Record<string, any>);
        expect(objectives.map((o) => o.id)).to.deep.equal(module.objectives.map((o) => lmsId(`${module.id}.${o.id}`)));
        const tested = new Set(asked.map((id) => quizKey.questions.find((q) => q.id === id)!.objective));
        for (const objective of objectives) {
          const status = version === '1.2' ? objective.status : objective.success_status;
          expect(status, objective.id).to.equal(tested.has(objective.id.split('.')[1]!.replace(/_/g, '-')) ? 'passed' : version === '1.2' ? 'incomplete' : 'unknown');
        }
        expect(host.errors).to.deep.equal([]);
      } finally {
        sco.close();
        host.uninstall(window);
      }
    });

    it('resumes a quiz closed half-way with the same question, order and answers', async () => {
      const first = hostFor(pkg, module.id);
      const sco = await launch(url);
      const prompts = await promptsByQuestion(module.id);
      let shownOrder: string[] = [];
      let firstAsked = '';
      try {
        await openQuiz(sco);
        quizRoot(sco).querySelector<HTMLButtonElement>('.primary')!.click();
        await waitFor(() => quizRoot(sco).querySelector('micic-question'), 'question 1');
        const question = questionOnScreen(sco, prompts, quizKey);
        firstAsked = question.id;
        await answerByKeyboard(sco, question, false);
        quizRoot(sco).querySelector<HTMLButtonElement>('.primary')!.click();
        await waitFor(() => !quizRoot(sco).querySelector('.result'), 'question 2');
        shownOrder = [...questionRoot(sco).querySelectorAll('label, .text')].map((l) => l.textContent!.trim());
      } finally {
        sco.close();
        first.uninstall(window);
      }
      const second = hostFor(pkg, module.id, { saved: nextLaunchData(first) });
      const again = await launch(url);
      try {
        expect(again.root.querySelector('micic-page-view')).to.equal(null);
        expect(quizRoot(again).textContent).to.contain(`Question 2 of ${quizKey.draw}`);
        expect([...questionRoot(again).querySelectorAll('label, .text')].map((l) => l.textContent!.trim())).to.deep.equal(shownOrder);
        const interactions = Object.values(second.cmi().interactions as Record<string, { id: string; result: string }>).map((i) => [i.id, i.result]);
        expect(interactions).to.deep.equal([[lmsId(`${module.id}.${firstAsked}.1`), version === '1.2' ? 'wrong' : 'incorrect']]);
        expect(second.errors).to.deep.equal([]);
      } finally {
        again.close();
        second.uninstall(window);
      }
    });
  });
}

describe('module quiz in Spanish', () => {
  it('shows the quiz and its review in Spanish with no axe violations', async () => {
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '1.2')!;
    const host: LmsHost = hostFor(pkg, module.id, { learnerLanguage: 'es' });
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
    try {
      const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
      [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes('Cuestionario del módulo'))!.click();
      await waitFor(() => sco.root.querySelector('micic-quiz-view')?.shadowRoot?.querySelector('h1'), 'the quiz');
      expect(quizRoot(sco).textContent).to.contain('Comenzar el cuestionario');
      quizRoot(sco).querySelector<HTMLButtonElement>('.primary')!.click();
      await waitFor(() => quizRoot(sco).querySelector('micic-question'), 'a question');
      expect(quizRoot(sco).textContent).to.contain('Pregunta 1 de');
      expect(await axeViolations(sco)).to.deep.equal([]);
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});
