/**
 * The trainer preview's class view: three sample workshop card files (tests/fixtures/cards) and a
 * stray file are opened in the browser and summarised: decisions per scenario, mastery per
 * objective, the prompts' answers; nothing is stored or sent to an LMS.
 */
import { expect } from '@open-wc/testing';
import { axeViolations, catalogue, courseIndex, hostFor, launch, waitFor } from './helpers';

const index = await courseIndex();
const packages = (await catalogue()).packages;
const module = index.modules[0]!;

describe('class view', () => {
  it('summarises three card files in the trainer preview, in the browser only', async () => {
    const pkg = packages.find((p) => p.kind === 'course' && p.version === '1.2')!;
    // An LMS is present on the page: the class view must not use it.
    const host = hostFor(pkg, module.id);
    const sco = await launch('/dist/web/index.html?trainer=1');
    // The frame's own constructors: files and events of its realm.
    const frame = sco.win as unknown as typeof globalThis;
    try {
      sco.root.querySelector<HTMLButtonElement>('button.class-view')!.click();
      const view = await waitFor(() => sco.root.querySelector('micic-class-view')?.shadowRoot?.querySelector('input[type=file]') && sco.root.querySelector('micic-class-view')!.shadowRoot!, 'the class view');
      expect(view.textContent).to.contain('0 cards');

      const names = ['ana.json', 'ben.json', 'caro.json'];
      const texts = await Promise.all(names.map(async (name) => (await fetch(`/tests/fixtures/cards/${name}`)).text()));
      const transfer = new frame.DataTransfer();
      names.forEach((name, i) => transfer.items.add(new frame.File([texts[i]!], name, { type: 'application/json' })));
      transfer.items.add(new frame.File(['{"kind":"micic-workshop-card","version":1,"course":"another-course"}'], 'stray.json'));
      const input = view.querySelector<HTMLInputElement>('input[type=file]')!;
      input.files = transfer.files;
      input.dispatchEvent(new frame.Event('change'));

      await waitFor(() => view.querySelector('p.total')?.textContent?.includes('3 cards') && view.querySelector('table.scene caption')?.textContent !== 'registry', 'the summary with its texts');
      expect(view.querySelector('.errors')!.textContent).to.contain('stray.json');

      // Decisions: the counts per choice of the tsunami scenario's first scene, by choice text.
      const tsunami = module.scenarios.find((s) => s.id === 'tsunami-plan')!;
      const scenes = [...view.querySelectorAll('table.scene')];
      const sceneCount = module.scenarios.reduce((n, s) => n + s.scenes.length, 0);
      expect(scenes).to.have.length(sceneCount);
      // Scenes appear scenario by scenario, in the module's order.
      const offset = module.scenarios.slice(0, module.scenarios.indexOf(tsunami)).reduce((n, s) => n + s.scenes.length, 0);
      const first = scenes[offset]!;
      expect([...first.querySelectorAll('tr')].map((tr) => Number(tr.getAttribute('data-count')))).to.deep.equal([2, 1, 0]);
      expect(first.querySelector('strong')!.textContent).to.contain('block by block');
      const shelter = scenes[offset + tsunami.scenes.findIndex((s) => s.id === 'shelter-rules')]!;
      expect([...shelter.querySelectorAll('tr')].map((tr) => Number(tr.getAttribute('data-count')))).to.deep.equal([1, 1, 1]);
      const endings = [...view.querySelectorAll('ul.endings')][module.scenarios.indexOf(tsunami)]!;
      expect([...endings.querySelectorAll('strong')].map((b) => b.textContent)).to.deep.equal(['1', '1', '1']);

      // Mastery per objective: "2 of 3 mastered", and the last objective "2 of 2".
      const mastery = [...view.querySelectorAll('table.mastery tr')].map((tr) => tr.querySelectorAll('td')[1]!.textContent!.trim());
      expect(mastery).to.deep.equal(['2 of 3 mastered', '2 of 3 mastered', '2 of 3 mastered', '2 of 3 mastered', '2 of 3 mastered', '2 of 2 mastered']);
      expect(view.querySelector('table.mastery tr')!.textContent).to.contain('average pre-test 66.7%, quiz 83.3%');

      // The prompts' answers side by side.
      const answers = [...view.querySelectorAll('ol.answers > li')].map((li) => li.querySelectorAll('blockquote').length);
      expect(answers).to.deep.equal([2, 1, 1, 0, 0, 0]);
      expect(view.querySelector('ol.answers blockquote')!.textContent).to.contain('llamaría a Cáritas');

      expect(await axeViolations(sco)).to.deep.equal([]);

      // Opening the same file again replaces it instead of counting it twice.
      const again = new frame.DataTransfer();
      again.items.add(new frame.File([texts[0]!], names[0]!, { type: 'application/json' }));
      input.files = again.files;
      input.dispatchEvent(new frame.Event('change'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(view.querySelector('p.total')!.textContent).to.contain('3 cards');

      view.querySelector<HTMLButtonElement>('button.close')!.click();
      await waitFor(() => !sco.root.querySelector('micic-class-view') && sco.root.querySelector('micic-page-view'), 'back to the course');
      expect(host.calls).to.deep.equal([]);
      expect(Object.keys(localStorage).filter((k) => k.startsWith('micic:'))).to.deep.equal([]);
    } finally {
      sco.close();
      host.uninstall(window);
    }
  });
});
