/**
 * A resumed launch draws its first view from the saved text alone (npm run build first): with the
 * modules' details, the progress codec and the engine held back, the landing already shows the
 * pages the learner has seen; once they arrive, Continue opens the page the learner left.
 */
import { describe, expect, it } from 'vitest';
import type { CourseIndex } from '../../src/content/schema.ts';
import { withExtraPages } from '../../src/controllers/module-pages.ts';
import { encodeProgress } from '../../src/progress/codec.ts';
import { codecModulesOf } from '../../src/progress/merge.ts';
import { pageWithHeldRequests, readBuilt, servedChromium } from './chromium.ts';

const chromium = servedChromium();
const shell = `document.querySelector('micic-course-shell').shadowRoot`;
const packages = readBuilt<{ packages: Array<{ kind: string; moduleId?: string; version: string; folder: string; scos: Array<{ href: string }> }> }>('packages.json').packages;
const course = readBuilt<CourseIndex>('course-index.json');
const module = withExtraPages(course.modules[0]!);
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
