/** The workshop card shows the trainee's own objectives, the decisions actually taken and the prompts. */
import { expect } from '@open-wc/testing';
import { axeViolations, catalogue, courseIndex, hostFor, launch, playScenarioByKeyboard, scenarioTexts, waitFor } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[2]!;

describe('workshop card', () => {
  it('shows the decisions taken in the scenario and where they led, in English and Spanish', async () => {
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '1.2')!;
    const host = hostFor(pkg, module.id);
    const sco = await launch(`/dist/${pkg.folder}/${pkg.scos[0]!.href}`);
    try {
      const key = module.scenarios[0]!;
      const texts = (await scenarioTexts(module.id))[key.id]!;
      const toc = () => sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
      const open = (title: string) => [...toc().querySelectorAll('button')].find((b) => b.textContent?.includes(title))!.click();
      open(key.title.en);
      await waitFor(() => sco.root.querySelector('micic-scenario-view')?.shadowRoot?.querySelector('h1'), 'the scenario');
      sco.win.focus();
      // A mixed path: the best choice first, then the second choice each time.
      let first = true;
      const taken = await playScenarioByKeyboard(sco, key, texts, (scene) => {
        const pick = first ? scene.choices.find((c) => c.best)!.id : scene.choices[1]!.id;
        first = false;
        return pick;
      });
      open('My workshop card');
      await waitFor(() => sco.root.querySelector('micic-workshop-card')?.shadowRoot?.querySelector('h1'), 'the card');
      const card = sco.root.querySelector('micic-workshop-card')!.shadowRoot!;
      let at = key.start;
      const expectedChoices = taken.map((choice) => {
        const label = texts.scenes[at]!.choices[choice]!.text;
        at = key.scenes.find((s) => s.id === at)!.choices.find((c) => c.id === choice)!.next;
        return label;
      });
      const shown = [...card.querySelectorAll('ol.decisions .choice')].map((span) => span.textContent!.trim());
      expect(shown).to.deep.equal(expectedChoices);
      expect(card.textContent).to.contain(texts.endings[at]!.title);
      expect([...card.querySelectorAll('ol.prompts li > span')].map((span) => span.textContent!.trim())).to.deep.equal(module.workshopPrompts.map((p) => p.en));
      expect(card.querySelectorAll('ol.prompts textarea')).to.have.length(module.workshopPrompts.length);
      // Pre-test (not taken here) beside the quiz, per objective.
      expect(card.querySelectorAll('table.objectives tbody tr')).to.have.length(module.objectives.length);
      expect([...card.querySelectorAll('td.pretest')].map((td) => td.textContent!.trim())).to.deep.equal(module.objectives.map(() => 'not taken'));
      expect(await axeViolations(sco)).to.deep.equal([]);

      sco.root.querySelector('micic-language-switch')!.shadowRoot!.querySelector<HTMLButtonElement>('button[lang="es"]')!.click();
      const cardNow = () => sco.root.querySelector('micic-workshop-card')?.shadowRoot;
      await waitFor(() => cardNow()?.textContent?.includes('Mi tarjeta para el taller'), 'the card in Spanish');
      await waitFor(() => cardNow()?.textContent?.includes(module.workshopPrompts[0]!.es), 'the Spanish prompts');
      expect(await axeViolations(sco)).to.deep.equal([]);
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});
