/**
 * A written task: the learner writes, compares with the model answer, ticks the key points covered
 * and saves. The LMS receives a fill-in (SCORM 1.2) or long-fill-in (2004) interaction with the
 * text; the answer is on the workshop card and survives a relaunch.
 */
import { expect } from '@open-wc/testing';
import { nextLaunchData } from '../../preview/lms-host';
import { lmsId } from '../../src/lms/identifiers';
import { catalogue, courseIndex, hostFor, launch, pageTitle, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules.find((m) => m.id === 'recovery')!;
const task = module.tasks![0]!;
const page = module.pages.find((p) => p.id === 'learning-lessons')!;
const ANSWER = 'Migrant associations, consulates and employers | with interpreters.\nQuestions: who was missed? referrals? complaints?';

const taskRoot = (sco: LaunchedSco) => sco.root.querySelector('micic-page-view')?.shadowRoot?.querySelector('micic-written-task')?.shadowRoot;
const button = (root: ShadowRoot, label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label);

async function openFromContents(sco: LaunchedSco, title: string): Promise<void> {
  const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
  [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes(title))!.click();
  await waitFor(() => pageTitle(sco) === title, title);
}

for (const version of ['1.2', '2004'] as const) {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === version)!;
  const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;

  describe(`SCORM ${version}: written task`, () => {
    it('reports the answer as a written interaction, keeps it on the card and after a relaunch', async () => {
      const host = hostFor(pkg, module.id);
      const sco = await launch(url);
      await openFromContents(sco, page.title.en);
      const root = await waitFor(() => (taskRoot(sco)?.querySelector('textarea') ? taskRoot(sco) : undefined), 'the written task');
      // Comparing before writing is refused with a message.
      button(root, 'Compare with a model answer')!.click();
      await waitFor(() => root.querySelector('.missing')?.textContent === 'Write your answer first.', 'the write-first message');
      const textarea = root.querySelector('textarea')!;
      textarea.value = ANSWER;
      textarea.dispatchEvent(new Event('input'));
      await waitFor(() => button(root, 'Compare with a model answer'), 'the compare button');
      button(root, 'Compare with a model answer')!.click();
      const boxes = await waitFor(() => {
        const found = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
        return found.length === task.points ? found : undefined;
      }, 'the key points');
      expect(root.querySelector('.model')!.textContent).to.contain('interpreters');
      boxes[0]!.click();
      boxes[2]!.click();
      await (sco.root.querySelector('micic-page-view')!.shadowRoot!.querySelector('micic-written-task') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      button(root, 'Save to my workshop card')!.click();

      const interaction = await waitFor(
        () => Object.values(host.cmi().interactions as Record<string, Record<string, unknown>>).find((i) => i.id === lmsId(`${module.id}.${task.id}`)),
        'the written interaction',
        5000,
      );
      if (version === '1.2') {
        expect(interaction.type).to.equal('fill-in');
        expect(interaction.student_response).to.equal(ANSWER.replace('\n', ' '));
      } else {
        expect(interaction.type).to.equal('long-fill-in');
        expect(interaction.learner_response).to.equal(`{lang=en}${ANSWER.replace('\n', ' ')}`);
      }
      expect(interaction.result).to.equal('neutral');
      expect(JSON.stringify(interaction.objectives)).to.contain(lmsId(`${module.id}.lessons-learned`));
      await waitFor(() => root.textContent?.includes('Saved to your workshop card: 2 of 6 key points covered.'), 'the saved message');
      expect(host.errors).to.deep.equal([]);

      const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
      [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes('My workshop card'))!.click();
      const card = await waitFor(() => sco.root.querySelector('micic-workshop-card')?.shadowRoot?.querySelector('.answer'), 'the answer on the card');
      expect(card.textContent).to.equal(ANSWER);
      sco.close();
      host.uninstall(window);

      const second = hostFor(pkg, module.id, { saved: nextLaunchData(host) });
      const resumed = await launch(url);
      try {
        await openFromContents(resumed, page.title.en);
        const again = await waitFor(() => (taskRoot(resumed)?.querySelector('textarea')?.value ? taskRoot(resumed) : undefined), 'the saved task');
        expect(again.querySelector('textarea')!.value).to.equal(ANSWER);
        expect([...again.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((b) => b.checked)).to.deep.equal([true, false, true, false, false, false]);
        expect(button(again, 'Revise my answer')).to.not.equal(undefined);
        expect(second.errors).to.deep.equal([]);
      } finally {
        resumed.close();
        second.uninstall(window);
      }
    });
  });
}
