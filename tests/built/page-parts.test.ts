/**
 * A page is drawn in parts, a frame apart (src/components/page-parts.ts; npm run build first): the
 * first part comes with the tap, the rest follow below it, the pager waits unseen until the page
 * is whole, nothing on screen moves, and the page ends up with all its text, in order. Printing
 * draws what is left at once.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { CourseIndex } from '../../src/content/schema.ts';
import { intoCourse, pageWithHeldRequests, readBuilt, servedChromium } from './chromium.ts';

const chromium = servedChromium();
const course = readBuilt<CourseIndex>('course-index.json');
const module = course.modules.at(-1)!;
const firstPage = module.pages[0]!.id;

/** What the course shows, from inside the page. */
const IN_PAGE = `
  const shell = () => document.querySelector('micic-course-shell').shadowRoot;
  const view = () => shell().querySelector('micic-page-view');
`;

async function openLanding(page: Page): Promise<void> {
  await page.setViewport({ width: 412, height: 823 });
  await page.goto(`${chromium.server.origin}/web/index.html?module=${module.id}`);
}

/** Runs `test` on the module's landing, in a browser context of its own. */
async function onLanding(test: (page: Page) => Promise<void>): Promise<void> {
  const context = await chromium.browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await openLanding(page);
    await test(page);
  } finally {
    await context.close();
  }
}

describe('a page drawn in parts', () => {
  it('shows its top with the tap, the rest below it frame by frame, the pager once whole, nothing moving', () =>
    onLanding(async (page) => {
      // Every frame from the tap on: how many elements the article holds, whether the page is
      // still drawing, whether the pager can be seen; and every layout shift, a tap's included.
      await page.evaluate(`(() => {
        ${IN_PAGE}
        window.frames_ = [];
        window.shifts_ = [];
        new PerformanceObserver((list) => window.shifts_.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift' });
        const record = () => {
          const article = view()?.shadowRoot?.querySelector('article');
          const pager = shell().querySelector('.pager');
          if (article) window.frames_.push({ elements: article.childElementCount, drawing: view().hasAttribute('drawing'), pager: pager ? getComputedStyle(pager).visibility : 'none' });
          if (!article || view().hasAttribute('drawing')) requestAnimationFrame(record);
        };
        requestAnimationFrame(record);
      })()`);
      await intoCourse(page);
      await page.waitForFunction(`(() => { ${IN_PAGE} return view()?.shadowRoot?.querySelector('h1') && !view().hasAttribute('drawing'); })()`, { timeout: 20000 });
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      const frames = (await page.evaluate('window.frames_')) as Array<{ elements: number; drawing: boolean; pager: string }>;
      const drawing = frames.filter((f) => f.drawing);
      // Drawn over several frames, growing, the pager unseen meanwhile and seen after.
      expect(new Set(drawing.map((f) => f.elements)).size).toBeGreaterThan(1);
      expect(drawing.every((f) => f.pager !== 'visible')).toBe(true);
      expect(frames.at(-1)).toMatchObject({ drawing: false, pager: 'visible' });
      expect(frames.at(-1)!.elements).toBeGreaterThan(drawing[0]!.elements);
      expect(await page.evaluate('window.shifts_')).toEqual([]);
      // Whole: the text of each of the page's blocks, in order, as its chunk holds it.
      const [drawn, expected] = (await page.evaluate(`(async () => {
        ${IN_PAGE}
        const chunk = await import('/web/assets/content/${module.id}.en.page-${firstPage}.js');
        const blocks = chunk.default.page.blocks.filter((b) => 'html' in b);
        const text = (html) => new DOMParser().parseFromString(html, 'text/html').body.textContent;
        const article = view().shadowRoot.querySelector('article');
        const drawn = [...article.childNodes].filter((n) => n.nodeName !== 'H1' && n.nodeType !== Node.COMMENT_NODE).map((n) => n.textContent).join('');
        const squash = (s) => s.replace(/\\s+/g, ' ').trim();
        return [squash(drawn), squash(blocks.map((b) => text(b.html)).join(''))];
      })()`)) as [string, string];
      expect(expected.length).toBeGreaterThan(500);
      expect(drawn).toBe(expected);
    }));

  it('draws the rest at once for printing', () =>
    onLanding(async (page) => {
      // The moment the first part is drawn, the learner prints.
      await page.evaluate(`(() => {
        ${IN_PAGE}
        new MutationObserver((changes, observer) => {
          const drawing = view();
          if (!drawing?.hasAttribute('drawing')) return;
          observer.disconnect();
          const before = drawing.shadowRoot.querySelector('article').childElementCount;
          window.dispatchEvent(new Event('beforeprint'));
          window.printed_ = { before, after: drawing.shadowRoot.querySelector('article').childElementCount, drawing: drawing.hasAttribute('drawing') };
        }).observe(shell(), { subtree: true, attributes: true, attributeFilter: ['drawing'] });
      })()`);
      await intoCourse(page);
      await page.waitForFunction('!!window.printed_', { timeout: 20000 });
      const printed = (await page.evaluate('window.printed_')) as { before: number; after: number; drawing: boolean };
      const whole = (await page.evaluate(`(async () => {
        ${IN_PAGE}
        await view().updateComplete;
        return view().shadowRoot.querySelector('article').childElementCount;
      })()`)) as number;
      expect(printed.before).toBeLessThan(whole);
      expect(printed).toEqual({ before: printed.before, after: whole, drawing: false });
    }));

  it('says a page is on its way (aria-busy) while its text loads, and keeps the current page meanwhile', async () => {
    const far = module.pages.at(-2)!;
    const held = `/web/assets/content/${module.id}.en.page-${far.id}.js`;
    const { context, page, errors, release } = await pageWithHeldRequests(chromium.browser, (path) => path === held);
    try {
      await page.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['en'] })`);
      await openLanding(page);
      await intoCourse(page);
      const busy = `(() => { ${IN_PAGE} return shell().querySelector('main').getAttribute('aria-busy'); })()`;
      const title = `(() => { ${IN_PAGE} return view()?.shadowRoot?.querySelector('h1')?.textContent?.trim(); })()`;
      await page.waitForFunction(`${title} === ${JSON.stringify(module.pages[0]!.title.en)}`, { timeout: 20000 });
      expect(await page.evaluate(busy)).toBe('false');
      await page.evaluate(`(() => { ${IN_PAGE} [...shell().querySelector('micic-table-of-contents').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.includes(${JSON.stringify(far.title.en)})).click(); })()`);
      await page.waitForFunction(`${busy} === 'true'`, { timeout: 5000 });
      expect(await page.evaluate(title)).toBe(module.pages[0]!.title.en);
      release();
      await page.waitForFunction(`${title} === ${JSON.stringify(far.title.en)}`, { timeout: 20000 });
      expect(await page.evaluate(busy)).toBe('false');
      expect(errors).toEqual([]);
    } finally {
      release();
      await context.close();
    }
  });

  it('draws the same page in the other language whole at once, keeping the reader where they were', () =>
    onLanding(async (page) => {
      await intoCourse(page);
      await page.waitForFunction(`(() => { ${IN_PAGE} return view()?.shadowRoot?.querySelector('h1') && !view().hasAttribute('drawing'); })()`, { timeout: 20000 });
      await page.evaluate('scrollTo(0, document.documentElement.scrollHeight / 2)');
      const before = (await page.evaluate('scrollY')) as number;
      expect(before).toBeGreaterThan(0);
      // Every time the page is seen drawing from now on, and its title in Spanish.
      await page.evaluate(`(() => {
        ${IN_PAGE}
        window.drawing_ = 0;
        new MutationObserver(() => { if (view()?.hasAttribute('drawing')) window.drawing_++; }).observe(shell(), { subtree: true, attributes: true, attributeFilter: ['drawing'] });
        shell().querySelector('micic-language-switch').shadowRoot.querySelector('button[lang="es"]').click();
      })()`);
      await page.waitForFunction(`(() => { ${IN_PAGE} return view()?.shadowRoot?.querySelector('h1')?.textContent.trim() === ${JSON.stringify(module.pages[0]!.title.es)}; })()`, { timeout: 20000 });
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      expect(await page.evaluate('window.drawing_')).toBe(0);
      expect(Math.abs(((await page.evaluate('scrollY')) as number) - before)).toBeLessThan(200);
    }));
});
