/**
 * Crisis scenarios under scorm-again 1.2 and 2004: played by keyboard to an ending, closed
 * mid-way and resumed at the same scene with the same indicators, one interaction per decision,
 * and axe-clean scene, consequence and debrief states.
 */
import { expect } from '@open-wc/testing';
import { nextLaunchData } from '../../preview/lms-host';
import { lmsId } from '../../src/lms/identifiers';
import { axeViolations, catalogue, deepActiveElement, courseIndex, hostFor, launch, playScenarioByKeyboard, scenarioRoot, scenarioTexts, waitFor, type LaunchedSco } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[1]!;
const key = module.scenarios[0]!;
const texts = (await scenarioTexts(module.id))[key.id]!;

async function openScenario(sco: LaunchedSco): Promise<void> {
  const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
  [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes(key.title.en))!.click();
  await waitFor(() => sco.root.querySelector('micic-scenario-view')?.shadowRoot?.querySelector('h1'), 'the scenario');
  sco.win.focus();
}

function indicatorValues(sco: LaunchedSco): string[] {
  return [...scenarioRoot(sco).querySelectorAll('dd')].map((dd) => dd.textContent!.trim());
}

for (const version of ['1.2', '2004'] as const) {
  const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === version)!;
  const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;

  describe(`SCORM ${version}: crisis scenario`, () => {
    it('is played by keyboard to a poor ending, reports each decision, and shows the debrief beside the best path', async () => {
      const host = hostFor(pkg, module.id);
      const sco = await launch(url);
      const violations: string[] = [];
      try {
        await openScenario(sco);
        violations.push(...(await axeViolations(sco)).map((v) => `scene: ${v}`));
        // Take the worst choice each time: the last one offered.
        const worst = (scene: (typeof key.scenes)[number]) => scene.choices.at(-1)!.id;
        const taken = await playScenarioByKeyboard(sco, key, texts, worst, 1);
        await waitFor(() => scenarioRoot(sco).querySelector('.consequence'), 'the consequence');
        violations.push(...(await axeViolations(sco)).map((v) => `consequence: ${v}`));
        taken.push(...(await playScenarioByKeyboard(sco, { ...key, start: key.scenes.find((s) => s.id === key.start)!.choices.find((c) => c.id === taken[0])!.next }, texts, worst)));
        violations.push(...(await axeViolations(sco)).map((v) => `debrief: ${v}`));
        expect(violations).to.deep.equal([]);
        const ending = key.endings.find((e) => scenarioRoot(sco).textContent!.includes(texts.endings[e.id]!.title))!;
        expect(ending.kind).to.equal('poor');
        expect(scenarioRoot(sco).querySelectorAll('tbody tr')).to.have.length(taken.length);

        const interactions = Object.values(host.cmi().interactions as Record<string, any>);
        let at = key.start;
        expect(interactions.map((i) => i.id)).to.deep.equal(
          taken.map((choice) => {
            const id = lmsId(`${module.id}.${key.id}.${at}.1`);
            at = key.scenes.find((s) => s.id === at)!.choices.find((c) => c.id === choice)!.next;
            return id;
          }),
        );
        for (const interaction of interactions) {
          expect(interaction.type).to.equal('choice');
          expect(interaction.result).to.equal(version === '1.2' ? 'wrong' : 'incorrect');
          expect(interaction.objectives['0'].id).to.equal(lmsId(`${module.id}.${key.objectives[0]}`));
        }
        if (version === '2004') expect(interactions[0].correct_responses['0'].pattern).to.equal(lmsId(key.scenes.find((s) => s.id === key.start)!.choices.find((c) => c.best)!.id));
        else expect(interactions[0].correct_responses['0'].pattern).to.match(/^[a-z]$/);
        expect(host.errors).to.deep.equal([]);

        // Replay asks first, then starts a new play from the first scene.
        scenarioRoot(sco).querySelector<HTMLButtonElement>('.primary')!.click();
        const confirm = await waitFor(() => scenarioRoot(sco).querySelector<HTMLButtonElement>('[data-confirm]'), 'the replay question');
        expect(deepActiveElement(sco.doc)).to.equal(confirm);
        confirm.click();
        await waitFor(() => scenarioRoot(sco).textContent!.includes(texts.scenes[key.start]!.situation), 'the first scene again');
      } finally {
        sco.close();
        host.uninstall(window);
      }
    });

    it('resumes mid-way at the same scene with the same indicators', async () => {
      const first = hostFor(pkg, module.id);
      const sco = await launch(url);
      let before: string[] = [];
      let taken: string[] = [];
      try {
        await openScenario(sco);
        taken = await playScenarioByKeyboard(sco, key, texts, undefined, 2);
        await waitFor(() => scenarioRoot(sco).textContent!.includes('Decision 3'), 'decision 3');
        before = indicatorValues(sco);
      } finally {
        sco.close();
        first.uninstall(window);
      }
      const second = hostFor(pkg, module.id, { saved: nextLaunchData(first) });
      const again = await launch(url);
      try {
        await waitFor(() => again.root.querySelector('micic-scenario-view')?.shadowRoot?.textContent?.includes('Decision 3'), 'the same decision');
        expect(indicatorValues(again)).to.deep.equal(before);
        let at = key.start;
        for (const choice of taken) at = key.scenes.find((s) => s.id === at)!.choices.find((c) => c.id === choice)!.next;
        expect(scenarioRoot(again).textContent).to.contain(texts.scenes[at]!.situation);
        expect(second.errors).to.deep.equal([]);
      } finally {
        again.close();
        second.uninstall(window);
      }
    });
  });
}
