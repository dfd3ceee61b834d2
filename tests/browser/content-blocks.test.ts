/**
 * Every content block as built from Markdown and shown by the page: each used by keyboard, axe-clean
 * closed and open, expanded in print, readable at 320 px, and (flashcards, process) keeping its
 * state when the page is shown again.
 */
import '../catalogs';
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { compileMarkdown } from '../../src/content/markdown';
import type { CompiledPage } from '../../src/content/schema';
import { BlockStates } from '../../src/controllers/block-states';
import '../../src/components/page-view';
import type { PageView } from '../../src/components/page-view';
import { nextLaunchData } from '../../preview/lms-host';
import { catalogue, deepActiveElement, hostFor, launch, pageDrawn, pageTitle, waitFor, type LaunchedSco } from './helpers';

const SOURCE = `# Blocks

## The blocks

![Three phases, one after the other](media/phases.svg "The three phases.")

:::callout key
Plan with migrants, not only for them.
:::

:::quote Ana Pérez, consular officer, 2016
We called every registered national within a day.
:::

:::figure
| Phase | Guidelines |
|---|---|
| Preparedness | 1 to 6 |

The phases and their Guidelines.
:::

:::timeline
### 2014
The Initiative starts.
### 2016
The Guidelines are published.
:::

:::accordion
### Host State
Protects everyone on its territory.
### State of origin
Assists its nationals abroad.
:::

:::reveal Show the answer
Guideline 12.
:::

:::tabs
### Before
Prepare.
### During
Respond.
### After
Recover.
:::

:::process
### Identify
Find people with specific needs.
### Refer
Send them to the actor best placed.
### Follow up
Check they got help.
:::

:::flashcards
### Non-refoulement
No one is sent where they face persecution.
### Referral
Getting a person to the right service.
:::

:::hotspots
![The actors around a migrant](media/actors.svg "The actors around a migrant.")

### Host State {20, 30}
Leads the response.
### Employers {80, 70}
Help their workers.
:::
`;

function compiled(language: 'en' | 'es'): CompiledPage {
  // Any drawn figure of the project will do: a banner (960 × 240) stands in for both images.
  const media = () => ({ ok: true as const, image: { url: '/modules/01-preparedness/media/banner.svg', width: 960, height: 240 } });
  const result = compileMarkdown(`modules/m/pages/blocks.${language}.md`, SOURCE, { blockPrefix: 'm.blocks', media });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { id: 'blocks', title: result.page.title, blocks: result.page.blocks };
}

const KEY = 'micic:blocks:test';
let host: HTMLElement;

async function showPage(language: 'en' | 'es' = 'en'): Promise<ShadowRoot> {
  host?.remove();
  host = document.createElement('div');
  new BlockStates(localStorage, KEY, 'hash0001').attach(host);
  const view = document.createElement('micic-page-view') as PageView;
  view.language = language;
  view.page = compiled(language);
  host.append(view);
  document.body.append(host);
  await view.updateComplete;
  for (const tag of ['micic-accordion', 'micic-tabs', 'micic-process', 'micic-flashcards', 'micic-hotspots']) {
    await waitFor(() => customElements.get(tag), `${tag} to load`);
  }
  const root = view.shadowRoot!;
  await waitFor(() => [...root.querySelectorAll('micic-flashcards, micic-process')].every((el) => el.shadowRoot?.querySelector('button')), 'the blocks to render');
  return root;
}

const inner = (root: ShadowRoot, tag: string, nth = 0) => root.querySelectorAll(tag)[nth]!.shadowRoot!;
const focused = () => deepActiveElement(document);
const visible = (el: Element) => (el as HTMLElement).checkVisibility();

async function axe(): Promise<string[]> {
  const win = window as Window & { axe?: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } };
  if (!win.axe) {
    const script = document.createElement('script');
    script.textContent = await (await fetch('/node_modules/axe-core/axe.min.js')).text();
    document.head.append(script);
  }
  // The fixture is a fragment of a page: the page-level landmark and h1 rules do not apply.
  const rules = { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } };
  const result = await win.axe!.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, rules });
  return result.violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('content blocks', () => {
  beforeEach(() => localStorage.removeItem(KEY));
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    host?.remove();
  });

  it('renders the blocks without script as notes, quotes, figures and a timeline', async () => {
    const root = await showPage();
    expect(root.querySelector('.block-callout[role="note"] .block-label')!.textContent).to.equal('Key point');
    expect(root.querySelector('.block-quote figcaption')!.textContent).to.equal('Ana Pérez, consular officer, 2016');
    expect(root.querySelector('.block-figure table + figcaption, .block-figure figcaption')!.textContent).to.equal('The phases and their Guidelines.');
    expect([...root.querySelectorAll('.block-timeline h3')].map((h) => h.textContent)).to.deep.equal(['2014', '2016']);
  });

  it('opens accordion panels with Enter and moves between titles with the arrow keys', async () => {
    const root = await showPage();
    const accordion = inner(root, 'micic-accordion');
    const [first, second] = [...accordion.querySelectorAll<HTMLButtonElement>('.control')];
    expect(accordion.querySelector('[role="heading"]')!.getAttribute('aria-level')).to.equal('3');
    first!.focus();
    await sendKeys({ press: 'Enter' });
    expect(first!.getAttribute('aria-expanded')).to.equal('true');
    expect(visible(accordion.querySelector('#panel-0')!)).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(second);
    await sendKeys({ press: ' ' });
    expect(visible(accordion.querySelector('#panel-1')!)).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(visible(accordion.querySelector('#panel-1')!)).to.equal(false);
    const reveal = inner(root, 'micic-accordion', 1);
    const button = reveal.querySelector<HTMLButtonElement>('button')!;
    expect(button.closest('[role="heading"]')).to.equal(null);
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(visible(reveal.querySelector('#panel-0')!)).to.equal(true);
  });

  it('moves between tabs with the arrow keys, Home and End, showing the tab reached', async () => {
    const root = await showPage();
    const tabs = inner(root, 'micic-tabs');
    const tab = (i: number) => tabs.querySelector(`#tab-${i}`)!;
    tabs.querySelector<HTMLElement>('#tab-0')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(tab(1));
    expect(tab(1).getAttribute('aria-selected')).to.equal('true');
    expect(tab(0).getAttribute('tabindex')).to.equal('-1');
    expect(visible(tabs.querySelector('#panel-1')!)).to.equal(true);
    expect(visible(tabs.querySelector('#panel-0')!)).to.equal(false);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(tab(2));
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(tab(0));
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(tabs.querySelector('#panel-0'));
  });

  it('walks a process step by step and keeps the step reached', async () => {
    let root = await showPage();
    let process = inner(root, 'micic-process');
    const [previous, next] = [...process.querySelectorAll<HTMLButtonElement>('.controls button')];
    expect(previous!.getAttribute('aria-disabled')).to.equal('true');
    next!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    expect(process.querySelector('.counter')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Step 3 of 3: Follow up');
    expect(next!.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect([...process.querySelectorAll('.step')].map(visible)).to.deep.equal([false, false, true]);
    expect(focused()).to.equal(next);

    root = await showPage('es');
    process = inner(root, 'micic-process');
    expect(process.querySelector('.counter')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Paso 3 de 3: Follow up');
    expect(process.querySelector('.controls button')!.textContent!.trim()).to.equal('Paso anterior');
  });

  it('turns flashcards with Space and keeps them turned when the page opens again', async () => {
    let root = await showPage();
    let cards = inner(root, 'micic-flashcards');
    const button = cards.querySelectorAll<HTMLButtonElement>('li button')[1]!;
    expect(button.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Turn over, card 2 of 2');
    button.focus();
    await sendKeys({ press: ' ' });
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    const back = cards.querySelectorAll('li')[1]!.querySelector('.back')!;
    expect(visible(back)).to.equal(true);
    expect(cards.querySelector('.summary')!.textContent).to.equal('Cards turned: 1 of 2');

    root = await showPage();
    cards = inner(root, 'micic-flashcards');
    expect([...cards.querySelectorAll('li button')].map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true']);
    expect(localStorage.getItem(KEY)).to.equal('K1|hash0001|m.blocks.4=2');
  });

  it('reaches the hotspot markers with Tab, opens one with Enter and closes it with Escape', async () => {
    const root = await showPage();
    const spots = inner(root, 'micic-hotspots');
    const markers = [...spots.querySelectorAll<HTMLButtonElement>('.marker')];
    expect(markers.map((m) => m.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['1. Host State', '2. Employers']);
    expect(markers[1]!.style.left).to.equal('80%');
    markers[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(markers[1]);
    await sendKeys({ press: 'Enter' });
    expect(markers[1]!.getAttribute('aria-expanded')).to.equal('true');
    expect(visible(spots.querySelector('#spot-1')!)).to.equal(true);
    expect(visible(spots.querySelector('#spot-0')!)).to.equal(false);
    await sendKeys({ press: 'Escape' });
    expect(visible(spots.querySelector('#spot-1')!)).to.equal(false);
    expect(focused()).to.equal(markers[1]);
  });

  it('places hotspot markers over the image alone, with its caption under the graphic', async () => {
    const root = await showPage();
    const spots = inner(root, 'micic-hotspots');
    const block = root.querySelector('micic-hotspots')!;
    const image = block.querySelector('img')!;
    await waitFor(() => image.complete && image.getBoundingClientRect().height > 0, 'the image');
    const box = image.getBoundingClientRect();
    const centre = (el: Element) => { const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
    const [x, y] = centre(spots.querySelectorAll('.marker')[1]!);
    expect(Math.abs(x! - (box.left + 0.8 * box.width))).to.be.lessThan(2);
    expect(Math.abs(y! - (box.top + 0.7 * box.height))).to.be.lessThan(2);
    const caption = block.querySelector('[slot="caption"]')!;
    expect(caption.textContent).to.equal('The actors around a migrant.');
    expect(block.querySelector('figcaption, .figure-hint')).to.equal(null);
    expect(caption.getBoundingClientRect().top).to.be.at.least(box.bottom);
  });

  it('keeps a drawn figure at 30rem or more, scrolling in a frame the keyboard reaches only when the column is narrower', async () => {
    const root = await showPage();
    host.style.width = '320px';
    const frame = root.querySelector<HTMLElement>('.figure > .figure-frame')!;
    const image = frame.querySelector('img')!;
    await waitFor(() => frame.getAttribute('tabindex') === '0', 'the frame to become focusable');
    expect(image.getBoundingClientRect().width).to.equal(480);
    expect(frame.getAttribute('role')).to.equal('group');
    expect(frame.getAttribute('aria-label')).to.equal('The three phases.');
    expect(visible(root.querySelector('.figure-hint')!)).to.equal(true);
    frame.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => frame.scrollLeft > 0, 'the frame to scroll');
    // The labelled graphic scrolls as a whole: the markers stay on their places.
    const scroller = inner(root, 'micic-hotspots').querySelector('.scroller')!;
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    host.style.width = '900px';
    await waitFor(() => !frame.hasAttribute('tabindex'), 'the frame to leave the tab order');
    expect(frame.hasAttribute('role')).to.equal(false);
    expect(frame.scrollWidth).to.be.at.most(frame.clientWidth + 1);
    expect(visible(root.querySelector('.figure-hint')!)).to.equal(false);
  });

  it('has no axe violations, closed and with every block opened', async () => {
    const root = await showPage();
    expect(await axe()).to.deep.equal([]);
    inner(root, 'micic-accordion').querySelector<HTMLButtonElement>('.control')!.click();
    inner(root, 'micic-accordion', 1).querySelector<HTMLButtonElement>('.control')!.click();
    inner(root, 'micic-flashcards').querySelector<HTMLButtonElement>('li button')!.click();
    inner(root, 'micic-hotspots').querySelector<HTMLButtonElement>('.marker')!.click();
    inner(root, 'micic-process').querySelectorAll<HTMLButtonElement>('.controls button')[1]!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(await axe()).to.deep.equal([]);
  });

  it('prints every panel, tab, step, card face and hotspot', async () => {
    const root = await showPage();
    await emulateMedia({ media: 'print' });
    const hidden: string[] = [];
    for (const tag of ['micic-accordion', 'micic-tabs', 'micic-process', 'micic-flashcards', 'micic-hotspots']) {
      root.querySelectorAll(tag).forEach((block) => {
        for (const slot of block.shadowRoot!.querySelectorAll('slot')) {
          if (!visible(slot.parentElement!)) hidden.push(`${tag} ${slot.name}`);
        }
      });
    }
    expect(hidden).to.deep.equal([]);
    const tabs = inner(root, 'micic-tabs');
    const top = (selector: string) => tabs.querySelector(selector)!.getBoundingClientRect().top;
    expect(top('#tab-1')).to.be.greaterThan(top('#panel-0'));
    expect(top('#panel-1')).to.be.greaterThan(top('#tab-1'));
    expect(visible(inner(root, 'micic-process').querySelector('.controls')!)).to.equal(false);
  });

  it('fits 320 px without sideways scrolling of the page (a drawn figure scrolls in its own frame), axe-clean there', async () => {
    const root = await showPage();
    host.style.width = '320px';
    await new Promise((r) => setTimeout(r, 50));
    // Figures keep their text legible by scrolling inside a frame; everything else fits.
    const framed = (el: Element) => !!el.closest('.figure-frame, [slot="graphic"]') || (el.getRootNode() as ShadowRoot).host?.tagName === 'MICIC-HOTSPOTS' && !!el.closest('.stage');
    const wide = [...root.querySelectorAll('*')]
      .flatMap((el) => [el, ...(el.shadowRoot ? el.shadowRoot.querySelectorAll('*') : [])])
      .filter((el) => !framed(el))
      .filter((el) => el.getBoundingClientRect().right > host.getBoundingClientRect().right + 1);
    expect(wide.map((el) => `${el.tagName} ${el.className}`)).to.deep.equal([]);
    expect(await axe()).to.deep.equal([]);
  });
});

describe('content block state in the course', () => {
  it('keeps flashcards turned across a relaunch of the module', async () => {
    const pkg = (await catalogue()).packages.find((p) => p.kind === 'module' && p.moduleId === 'preparedness' && p.version === '1.2')!;
    const url = `/dist/${pkg.folder}/${pkg.scos[0]!.href}`;
    const openCards = async (sco: LaunchedSco) => {
      const toc = sco.root.querySelector('micic-table-of-contents')!.shadowRoot!;
      [...toc.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('The ten Principles'))!.click();
      await waitFor(() => pageTitle(sco) === 'The ten Principles', 'the Principles page');
      await pageDrawn(sco);
      const cards = sco.root.querySelector('micic-page-view')!.shadowRoot!.querySelector('micic-flashcards')!;
      return waitFor(() => cards.shadowRoot?.querySelectorAll<HTMLButtonElement>('li button'), 'the flashcards to render');
    };
    for (const key of Object.keys(localStorage)) if (key.startsWith('micic:blocks:')) localStorage.removeItem(key);
    const first = hostFor(pkg, pkg.moduleId!);
    const launched = await launch(url);
    try {
      launched.win.focus();
      const buttons = await openCards(launched);
      buttons[1]!.focus();
      await sendKeys({ press: ' ' });
      expect(buttons[1]!.getAttribute('aria-pressed')).to.equal('true');
      expect(Object.keys(localStorage).filter((key) => key.startsWith('micic:blocks:')).length).to.equal(1);
    } finally {
      launched.close();
      first.uninstall(window);
    }
    const second = hostFor(pkg, pkg.moduleId!, { saved: nextLaunchData(first) });
    const resumed = await launch(url);
    try {
      const buttons = await openCards(resumed);
      expect([...buttons].map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'true', 'false', 'false', 'false']);
    } finally {
      resumed.close();
      second.uninstall(window);
    }
  });
});
