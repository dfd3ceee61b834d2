/**
 * A resumed launch draws its first view from the saved text alone (npm run build first): with the
 * modules' details, the progress codec and the engine held back, the landing already shows the
 * pages the learner has seen; once they arrive, Continue opens the page the learner left.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CourseIndex } from '../../src/content/schema.ts';
import { withExtraPages } from '../../src/controllers/module-pages.ts';
import { encodeProgress } from '../../src/progress/codec.ts';
import { codecModulesOf } from '../../src/progress/merge.ts';
import { dist, pageWithHeldRequests, readBuilt, servedChromium } from './chromium.ts';

const chromium = servedChromium();
const shell = `document.querySelector('micic-course-shell').shadowRoot`;
const packages = readBuilt<{ packages: Array<{ kind: string; moduleId?: string; version: string; folder: string; scos: Array<{ href: string }> }> }>('packages.json').packages;
const course = readBuilt<CourseIndex>('course-index.json');
const module = withExtraPages(course.modules[0]!);
/** The figures (drawn, not raster) a page's English text shows, as paths under the web build. */
function figuresOf(moduleId: string, pageId: string): string[] {
  const chunk = join(dist, 'web', 'assets', 'content', `${moduleId}.en.page-${pageId}.js`);
  if (!existsSync(chunk)) return [];
  return [...readFileSync(chunk, 'utf8').matchAll(/<img src=\\?"(assets\/media\/[^"\\]+\.svg)\\?"/g)].map((m) => m[1]!);
}
/** What loads with the engine, after the first view. */
const AFTER_FIRST_VIEW = /\/(app|codec|merge|restored-start|quiz-machine)\.js$|\.details\.js$/;

describe('the first view of a launch', () => {
  it('resumed: shows the saved progress before the details, codec and engine arrive; then Continue opens the saved page', async () => {
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '1.2')!;
    const seen = [0, 1, 2, 3];
    const left = 3;
    const suspendData = encodeProgress(
      {
        savedAt: Date.now(),
        language: 'es',
        position: { module: 0, page: left },
        visited: [module.pages.map((_, p) => seen.includes(p))],
        quizzes: [undefined],
        scenarios: [module.scenarios.map(() => undefined)],
      },
      codecModulesOf([module]),
    );
    const { context, page, errors, heldBack, release } = await pageWithHeldRequests(chromium.browser, (path) => AFTER_FIRST_VIEW.test(path));
    try {
      // Opened with no LMS around it, the package keeps progress in the browser under its storage key.
      await page.goto(`${chromium.server.origin}/packages.json`);
      await page.evaluate(
        (key, record) => localStorage.setItem(key, record),
        `micic:${course.id}:${course.version}:${module.id}`,
        JSON.stringify({ location: `${module.id}/${module.pages[left]!.id}`, suspendData, savedAt: Date.now() }),
      );
      await page.goto(`${chromium.server.origin}/${pkg.folder}/${pkg.scos[0]!.href}`);
      await page.waitForFunction(`${shell}.querySelector('micic-module-landing')?.shadowRoot?.querySelector('micic-progress-meter')?.shadowRoot?.querySelector('progress')?.value === ${seen.length}`, { timeout: 20000 });
      const landing = await page.evaluate(`${shell}.querySelector('micic-module-landing').shadowRoot.textContent`);
      // In the saved language, with the saved progress, and nothing of the engine has arrived.
      expect(landing).toContain(module.title.es);
      expect(landing).toContain('Continuar');
      // The engine is asked for once the view is painted: it is held back, and the view stays.
      for (let tries = 0; heldBack.length === 0 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heldBack.some((path) => path.endsWith('/app.js'))).toBe(true);
      expect(await page.evaluate(`${shell}.querySelector('micic-module-landing').shadowRoot.querySelector('micic-progress-meter').shadowRoot.querySelector('progress').value`)).toBe(seen.length);
      expect(errors).toEqual([]);

      release();
      await page.evaluate(`${shell}.querySelector('micic-module-landing').shadowRoot.querySelector('button.primary').click()`);
      await page.waitForFunction(
        (title: string) => document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-page-view')?.shadowRoot?.querySelector('h1')?.textContent?.trim() === title,
        { timeout: 20000 },
        module.pages[left]!.title.es,
      );
      expect(await page.evaluate(`${shell}.querySelector('micic-table-of-contents') !== null`)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      release();
      await context.close();
    }
  });

  it('fetches the page Continue opens while the landing shows, figures included: the tap fetches nothing and the figure is drawn with the page', async () => {
    const found = course.modules.find((m) => figuresOf(m.id, m.pages[0]!.id).length > 0);
    expect(found, 'a module whose first page has a figure').toBeDefined();
    const withFigure = found!;
    const figures = figuresOf(withFigure.id, withFigure.pages[0]!.id);
    const { context, page, errors } = await pageWithHeldRequests(chromium.browser, () => false);
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    try {
      await page.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['en'] })`);
      await page.goto(`${chromium.server.origin}/web/index.html?module=${withFigure.id}`);
      await page.waitForFunction(`!!${shell}.querySelector('micic-module-landing')?.shadowRoot?.querySelector('h1')`, { timeout: 20000 });
      const wanted = [`/web/assets/content/${withFigure.id}.en.page-${withFigure.pages[0]!.id}.js`, ...figures.map((f) => `/web/${f}`)];
      for (let tries = 0; wanted.some((path) => !requested.includes(path)) && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(requested).toEqual(expect.arrayContaining(wanted));
      const before = requested.length;

      await page.evaluate(`${shell}.querySelector('micic-module-landing').shadowRoot.querySelector('button.primary').click()`);
      await page.waitForFunction(`!!${shell}.querySelector('micic-page-view:not([drawing])')?.shadowRoot?.querySelector('h1')`, { timeout: 20000 });
      // Drawn with the page: the figure is already decoded when the page is drawn whole.
      const drawn = await page.evaluate(`[...${shell}.querySelector('micic-page-view').shadowRoot.querySelectorAll('.figure img')].map((img) => img.complete && img.naturalWidth > 0)`);
      expect(drawn).toEqual(figures.map(() => true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      // What the tap asked the network for: none of the page's own text or figures.
      expect(requested.slice(before).filter((path) => wanted.includes(path))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a 320 px phone: the notice wraps its text, and no button label runs out of its button', async () => {
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '1.2')!;
    for (const language of ['en', 'es']) {
      const { context, page, errors } = await pageWithHeldRequests(chromium.browser, () => false);
      try {
        await page.setViewport({ width: 320, height: 640 });
        await page.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['${language}'] })`);
        // Opened with no LMS around it: a notice says progress stays in this browser.
        await page.goto(`${chromium.server.origin}/${pkg.folder}/${pkg.scos[0]!.href}`);
        await page.waitForFunction(`!!${shell}.querySelector('micic-notice-list')?.shadowRoot?.querySelector('li button')`, { timeout: 20000 });
        const squeezed = await page.evaluate(`(() => {
          const roots = [${shell}, ${shell}.querySelector('micic-notice-list').shadowRoot, ${shell}.querySelector('micic-module-landing').shadowRoot];
          return roots.flatMap((root) => [...root.querySelectorAll('button')])
            .filter((b) => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
            .map((b) => b.textContent.trim());
        })()`);
        expect(squeezed, language).toEqual([]);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
