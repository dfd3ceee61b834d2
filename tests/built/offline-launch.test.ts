/**
 * The plain web build opened from disk, as from a USB stick (file://, npm run build first):
 * Chromium refuses module scripts there, so offline/boot.js must start the classic offline
 * bundle; the course renders, keeps progress in the browser across a reload, and the trainer
 * preview works the same way. Where a browser does run modules from disk, the course boots once.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CourseIndex } from '../../src/content/schema.ts';
import { translate } from '../../src/i18n/index.ts';
import { dist, launchChromium, readBuilt } from './chromium.ts';

const launchUrl = pathToFileURL(join(dist, 'web', 'index.html')).href;
const course = readBuilt<CourseIndex>('course-index.json');
const firstModule = course.modules[0]!;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A page in a fresh browser context (its own storage), recording uncaught errors. */
async function freshPage(on: Browser, language: 'en' | 'es'): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await on.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  await page.evaluateOnNewDocument((lang) => Object.defineProperty(navigator, 'languages', { get: () => [lang] }), language);
  await page.setViewport({ width: 1024, height: 768 });
  return { page, errors, close: () => context.close() };
}

/** The title of the page the course shows, once it shows one. */
async function shownTitle(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const shell = document.querySelector('micic-course-shell')?.shadowRoot;
      // A launch opens on the course home or a module landing: go in, as a learner does.
      const first = shell?.querySelector('micic-course-home, micic-module-landing')?.shadowRoot;
      (first?.querySelector<HTMLButtonElement>('[data-current] .primary') ?? first?.querySelector<HTMLButtonElement>('.primary'))?.click();
      const view = shell?.querySelector('micic-page-view, micic-quiz-view, micic-scenario-view, micic-scenario-script, micic-workshop-card');
      return view?.shadowRoot?.querySelector('h1')?.textContent?.trim() || false;
    },
    { timeout: 10000 },
  );
  return (await handle.jsonValue()) as string;
}

async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      // After a reload the course opens on its home again: Continue leads back to the page.
      const first = document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-course-home, micic-module-landing')?.shadowRoot;
      (first?.querySelector<HTMLButtonElement>('[data-current] .primary') ?? first?.querySelector<HTMLButtonElement>('.primary'))?.click();
      const view = document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-page-view');
      return view?.shadowRoot?.querySelector('h1')?.textContent?.trim() === expected;
    },
    { timeout: 10000, polling: 300 },
    title,
  );
}

/** Clicks the shell's button (or a contents entry) whose text contains `text`. */
async function clickButton(page: Page, text: string): Promise<void> {
  const clicked = await page.evaluate((label) => {
    const shell = document.querySelector('micic-course-shell')!.shadowRoot!;
    const toc = shell.querySelector('micic-table-of-contents')?.shadowRoot;
    const buttons = [...shell.querySelectorAll('button'), ...(toc ? toc.querySelectorAll('button') : [])];
    const button = buttons.find((b) => b.textContent?.includes(label));
    button?.click();
    return !!button;
  }, text);
  expect(clicked, `a button "${text}"`).toBe(true);
}

const offlineBundleLoaded = (page: Page) => page.evaluate(() => !!document.querySelector('script[src$="offline/course.js"]'));

describe('the web build opened from disk (file://)', () => {
  for (const language of ['en', 'es'] as const) {
    it(`${language}: renders the first page, moves on, and is still there after a reload`, async () => {
      const { page, errors, close } = await freshPage(browser, language);
      try {
        await page.goto(launchUrl);
        expect(await shownTitle(page)).toBe(firstModule.pages[0]!.title[language]);
        // Chromium refused the module entry, so the classic bundle is what runs.
        expect(await offlineBundleLoaded(page)).toBe(true);

        await clickButton(page, translate(language, 'nav.next'));
        const second = firstModule.pages[1]!.title[language];
        await waitForTitle(page, second);
        await page.reload();
        await waitForTitle(page, second);
        const saved = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('micic:')));
        expect(saved.length).toBeGreaterThan(0);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it('opens the trainer preview: answer keys, every scenario branch and its map', async () => {
    const { page, errors, close } = await freshPage(browser, 'en');
    try {
      await page.goto(`${launchUrl}?trainer=1`);
      await shownTitle(page);
      const notice = await page.evaluate(() => document.querySelector('micic-course-shell')!.shadowRoot!.querySelector('micic-notice-list')!.shadowRoot!.textContent);
      expect(notice).toContain(translate('en', 'notice.trainer'));

      const scenario = firstModule.scenarios[0]!;
      await clickButton(page, scenario.title.en);
      await page.waitForFunction(
        (title, script) => {
          const view = document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-scenario-script')?.shadowRoot;
          return view?.querySelector('h1')?.textContent === title && view.textContent?.includes(script);
        },
        { timeout: 10000 },
        scenario.title.en,
        translate('en', 'trainer.script'),
      );
      // The map is an SVG file beside index.html, which file:// pages may show as an image.
      const mapWidth = await page.waitForFunction(
        () => {
          const map = document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-scenario-script')?.shadowRoot?.querySelector('img');
          return map?.complete && map.naturalWidth > 0 ? map.naturalWidth : false;
        },
        { timeout: 10000 },
      );
      expect(await mapWidth.jsonValue()).toBeGreaterThan(0);

      await clickButton(page, translate('en', 'quiz.title'));
      await page.waitForFunction(
        (answerKey) => !!document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-quiz-view')?.shadowRoot?.textContent?.includes(answerKey),
        { timeout: 10000 },
        translate('en', 'trainer.answerKey'),
      );
      // Nothing saved in the preview.
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('micic:')))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('a browser that runs module scripts from disk', () => {
  let permissive: Browser;
  beforeAll(async () => {
    // This flag makes Chromium load module scripts from file:// as Firefox may do.
    permissive = await launchChromium(['--allow-file-access-from-files']);
  });
  afterAll(async () => {
    await permissive?.close();
  });

  it('boots the module build once and never loads the offline bundle', async () => {
    const { page, errors, close } = await freshPage(permissive, 'en');
    try {
      await page.goto(launchUrl);
      expect(await shownTitle(page)).toBe(firstModule.pages[0]!.title.en);
      expect(await offlineBundleLoaded(page)).toBe(false);
      expect(await page.evaluate(() => document.querySelectorAll('micic-course-shell').length)).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
