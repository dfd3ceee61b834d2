/**
 * Switching language on the workshop card while the new language's texts are still on their way
 * (npm run build first): the card waits for them, and nothing the learner does meanwhile (here,
 * dismissing a notice, which redraws the course) throws. The Spanish scenario texts are held back
 * until after that redraw.
 */
import { describe, expect, it } from 'vitest';
import type { CourseIndex } from '../../src/content/schema.ts';
import { pageWithHeldRequests, readBuilt, servedChromium, intoCourse } from './chromium.ts';

const chromium = servedChromium();

const shell = `document.querySelector('micic-course-shell').shadowRoot`;
const packages = readBuilt<{ packages: Array<{ kind: string; moduleId?: string; version: string; folder: string; scos: Array<{ href: string }> }> }>('packages.json').packages;
const module = readBuilt<CourseIndex>('course-index.json').modules[0]!;

describe('language switch on the workshop card', () => {
  it("throws nothing before the new language's texts load", async () => {
    const pkg = packages.find((p) => p.kind === 'module' && p.moduleId === module.id && p.version === '1.2')!;
    const { context, page, errors, release } = await pageWithHeldRequests(chromium.browser, (path) => path.includes(`/${module.id}.es.scenario-`));
    try {
      // Opened with no LMS around it: the course says so in a notice the learner can dismiss.
      await page.goto(`${chromium.server.origin}/${pkg.folder}/${pkg.scos[0]!.href}`);
      await intoCourse(page);
      await page.evaluate(`[...${shell}.querySelector('micic-table-of-contents').shadowRoot.querySelectorAll('ol')[0].querySelectorAll('li button')].at(-1).click()`);
      // A card that throws while drawing never shows: report the errors, not a time-out.
      await page.waitForFunction(`!!${shell}.querySelector('micic-workshop-card')?.shadowRoot?.querySelector('h1')`, { timeout: 10000 }).catch((timeout: Error) => {
        expect(errors).toEqual([]);
        throw timeout;
      });
      await page.evaluate(`${shell}.querySelector('micic-language-switch').shadowRoot.querySelector('button[lang="es"]').click()`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await page.evaluate(`${shell}.querySelector('micic-notice-list').shadowRoot.querySelector('button').click()`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(errors).toEqual([]);
      release();
      await page.waitForFunction(
        (title: string) => document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-workshop-card')?.shadowRoot?.textContent?.includes(title),
        { timeout: 10000 },
        module.scenarios[0]!.title.es,
      );
      expect(errors).toEqual([]);
    } finally {
      release();
      await context.close();
    }
  });
});
