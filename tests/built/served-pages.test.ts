/**
 * dist/ served over HTTP (npm run build first), as by `npm start` or a website: the preview LMS
 * fits a 360 px phone with nothing wider than the screen, and no page asks for a file that is not
 * there (the browser's /favicon.ico among them).
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { servedChromium } from './chromium.ts';

const chromium = servedChromium();

/** Elements of the page that reach past its right edge, and how wide the page scrolls. */
function overflow(page: Page, width: number): Promise<{ scrollWidth: number; tooWide: string[] }> {
  return page.evaluate((limit) => {
    const tooWide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, tooWide };
  }, width);
}

/** Launches a package (or `web`, the plain web build) from the preview's list, and waits for the course to show a page. */
async function launchInPreview(page: Page, packageName: string): Promise<void> {
  await page.select('#package', packageName);
  await page.click('button[type="submit"]');
  const frame = await (await page.waitForSelector('iframe#course'))!.contentFrame();
  await frame.waitForFunction(
    () => {
      const shell = document.querySelector('micic-course-shell')?.shadowRoot;
      // A launch opens on the course home or a module landing: go in, as a learner does.
      const first = shell?.querySelector('micic-course-home, micic-module-landing')?.shadowRoot;
      (first?.querySelector<HTMLButtonElement>('[data-current] .primary') ?? first?.querySelector<HTMLButtonElement>('.primary'))?.click();
      return !!shell?.querySelector('micic-page-view')?.shadowRoot?.querySelector('h1');
    },
    { timeout: 10000 },
  );
}

async function openPreview(width: number, height: number): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await chromium.browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height });
  await page.goto(`${chromium.server.origin}/index.html`);
  await page.waitForFunction(() => document.querySelectorAll('#package option').length > 2);
  return { page, close: () => context.close() };
}

describe('the preview LMS on a 360 px phone', () => {
  it('has no horizontal overflow, before and after launching a SCO and with its API calls listed', async () => {
    const { page, close } = await openPreview(360, 740);
    try {
      expect(await overflow(page, 360)).toEqual({ scrollWidth: 360, tooWide: [] });
      // The package with the longest names: the full course, whose SCO titles are bilingual.
      const course = await page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('#package option')].find((o) => /^micic-course-[\d.]+-scorm12$/.test(o.value))!.value);
      await launchInPreview(page, course);
      await page.waitForFunction(() => document.querySelectorAll('#calls li').length > 5);
      expect(await overflow(page, 360)).toEqual({ scrollWidth: 360, tooWide: [] });
    } finally {
      await close();
    }
  });
});

describe('files asked for over HTTP', () => {
  it('every page finds its favicon, nothing is missing, and the offline bundle is not loaded', async () => {
    chromium.server.missing.length = 0;
    const { page, close } = await openPreview(1366, 768);
    try {
      const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href);
      expect(icon).toMatch(/\/web\/assets\/favicon\.svg$/);
      await launchInPreview(page, 'web');
      const course = await page.goto(`${chromium.server.origin}/web/index.html`);
      expect(course?.ok()).toBe(true);
      await page.waitForFunction(() => !!document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-course-home, micic-page-view'));
      // Over http the module build runs; the file:// fallback stays unused.
      expect(await page.evaluate(() => !!document.querySelector('script[src$="offline/course.js"]'))).toBe(false);
      const courseIcon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href);
      expect(courseIcon).toBe(`${chromium.server.origin}/web/assets/favicon.svg`);
      // Fetched, not opened: a bare SVG document has no icon of its own, so the browser would ask for /favicon.ico.
      expect(await page.evaluate(async (url) => (await fetch(url)).headers.get('content-type'), courseIcon!)).toBe('image/svg+xml');
      expect(chromium.server.missing).toEqual([]);
    } finally {
      await close();
    }
  });
});
