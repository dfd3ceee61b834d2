/**
 * The connection drops after the first page (npm run build first): the quiz and scenario players
 * and their texts load on first use, so opening them offline fails. That must show the plain
 * "could not load" message, with no uncaught error and no unhandled promise rejection.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { CourseIndex } from '../../src/content/schema.ts';
import { readBuilt, servedChromium, intoCourse } from './chromium.ts';

const chromium = servedChromium();

/** Uncaught errors and unhandled rejections of the page, as text. */
async function recordPageErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`));
  await page.exposeFunction('reportRejection', (text: string) => errors.push(`unhandledrejection: ${text}`));
  await page.evaluateOnNewDocument(() => {
    window.addEventListener('unhandledrejection', (e) => (window as unknown as { reportRejection: (t: string) => void }).reportRejection(String(e.reason)));
  });
  return errors;
}

const shell = `document.querySelector('micic-course-shell').shadowRoot`;
const first = readBuilt<CourseIndex>('course-index.json').modules[0]!;
// In the contents a module lists its text pages, then its scenarios, the quiz and the card.
const entry = { scenario: first.pages.length, quiz: first.pages.length + first.scenarios.length };

describe('offline after the first page', () => {
  for (const part of ['quiz', 'scenario'] as const) {
    it(`opening the ${part} offline says it could not load, with no unhandled rejection`, async () => {
      const context = await chromium.browser.createBrowserContext();
      const page = await context.newPage();
      try {
        const errors = await recordPageErrors(page);
        await page.goto(`${chromium.server.origin}/web/index.html`);
        await intoCourse(page);
        await page.setOfflineMode(true);
        // The module's quiz, or its first scenario, from the contents.
        await page.evaluate(`${shell}.querySelector('micic-table-of-contents').shadowRoot.querySelectorAll('ol')[0].querySelectorAll('li button')[${entry[part]}].click()`);
        await page.waitForFunction(`!!${shell}.querySelector('p[role="alert"]')`, { timeout: 10000 });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
