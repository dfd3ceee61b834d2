/**
 * The monkey run (issue 16): random learner actions on the built web course served over http,
 * with reloads, tab switches and back/forward between them. After every reload and every
 * back/forward the learner must be exactly where they were (same view, same heading, same pages
 * marked seen, same question), and no page error may occur. Seeded, so a failure can be replayed:
 *   MONKEY_ACTIONS=1000 MONKEY_SEED=7 npx vitest run tests/built/monkey.test.ts   (npm run monkey)
 * CI runs a shorter walk (MONKEY_ACTIONS defaults to 100).
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDist, type DistServer } from './chromium.ts';

const ACTIONS = Number(process.env.MONKEY_ACTIONS ?? 100);
// CI replays one fixed run (a landing must not hang on luck); elsewhere each run explores a new seed.
const SEED = Number(process.env.MONKEY_SEED ?? (process.env.CI ? 12345 : Date.now() % 100000));

let browser: Browser;
let server: DistServer;
beforeAll(async () => {
  browser = await launchChromium();
  server = await serveDist();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** mulberry32: a small seeded generator, so a run can be repeated exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the learner sees that progress must keep: view, heading, pages seen, question, language. */
function whereAmI(page: Page): Promise<string | null> {
  // While a navigation is under way there is no page to ask: that reads as "not there yet".
  return page.evaluate(() => {
    const shell = document.querySelector('micic-course-shell')?.shadowRoot;
    // Every launch opens on the course home (not saved): its Continue leads back to the learner's page.
    const home = shell?.querySelector('micic-course-home, micic-module-landing');
    if (home) {
      (home.shadowRoot?.querySelector<HTMLButtonElement>('[data-current] .primary') ?? home.shadowRoot?.querySelector<HTMLButtonElement>('.primary'))?.click();
      return null;
    }
    const view = shell?.querySelector('micic-page-view, micic-quiz-view, micic-scenario-view, micic-workshop-card');
    const h1 = view?.shadowRoot?.querySelector('h1')?.textContent?.trim();
    // The page shown must have caught up with the course's position: no page on its way (the
    // course saves the new place at once, and shows the page once loaded), and drawn whole.
    if (shell!.querySelector('main')?.getAttribute('aria-busy') === 'true' || view?.hasAttribute('drawing')) return null;
    if (!view || !h1 || !document.title.startsWith(`${h1} – `)) return null;
    const marks = [...(shell!.querySelector('micic-table-of-contents')?.shadowRoot?.querySelectorAll('.mark') ?? [])].map((m) => m.textContent).join('');
    const question = view.shadowRoot?.querySelector('micic-question')?.shadowRoot?.querySelector('legend')?.textContent?.trim() ?? '';
    return JSON.stringify({ view: view.tagName.toLowerCase(), h1, title: document.title, marks, question, lang: document.documentElement.lang });
  }).catch(() => null);
}

/** Where the learner is once the page has settled (two equal readings in a row). */
async function settled(page: Page): Promise<string> {
  let last: string | null = null;
  for (let i = 0; i < 200; i++) {
    const now = await whereAmI(page);
    if (now && now === last) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the course did not settle (last seen ${last})`);
}

/** Where the learner is once the view has left `before` and settled there. */
async function settledAfterChange(page: Page, before: string): Promise<string> {
  for (let i = 0; i < 200 && (await whereAmI(page)) === before; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return settled(page);
}

/** Clicks one of the learner's controls: in the page, the navigation, the contents, the language switch. */
function clickSomething(page: Page, where: 'next' | 'previous' | 'contents' | 'view' | 'language', pick: number): Promise<string> {
  return page.evaluate(
    (where, pick) => {
      const shell = document.querySelector('micic-course-shell')!.shadowRoot!;
      const deep = (root: ParentNode): HTMLElement[] => {
        const found: HTMLElement[] = [...root.querySelectorAll<HTMLElement>('button, input, select')];
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deep(el.shadowRoot));
        return found;
      };
      let candidates: HTMLElement[];
      if (where === 'next' || where === 'previous') candidates = [...shell.querySelectorAll<HTMLElement>(`.${where}`)];
      else if (where === 'contents') candidates = deep(shell.querySelector('micic-table-of-contents')?.shadowRoot ?? document.createDocumentFragment());
      else if (where === 'language') candidates = deep(shell.querySelector('micic-language-switch')?.shadowRoot ?? document.createDocumentFragment());
      else candidates = deep(shell.querySelector('micic-page-view, micic-quiz-view, micic-scenario-view, micic-workshop-card')?.shadowRoot ?? document.createDocumentFragment());
      // Printing opens a dialog no learner action here closes.
      candidates = candidates.filter((el) => !(el as HTMLButtonElement).disabled && !/print|imprimir/i.test(el.textContent ?? ''));
      const target = candidates[Math.floor(pick * candidates.length)];
      if (!target) return `${where}: nothing to click`;
      if (target instanceof HTMLSelectElement && target.options.length > 1) {
        target.selectedIndex = (target.selectedIndex + 1) % target.options.length;
        target.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        target.click();
      }
      return `${where}: ${target.tagName.toLowerCase()} "${(target.textContent ?? (target as HTMLInputElement).value ?? '').trim().slice(0, 40)}"`;
    },
    where,
    pick,
  );
}

const cacheCounter = () => {
  addEventListener('pageshow', (event) => {
    if (event.persisted) (window as unknown as { restoredFromCache: number }).restoredFromCache = ((window as unknown as { restoredFromCache?: number }).restoredFromCache ?? 0) + 1;
  });
};

describe('back/forward cache (Chromium keeps the page)', () => {
  it('a page restored from the cache goes on saving: the place after it survives a reload (item 5)', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.evaluateOnNewDocument(cacheCounter);
    try {
      await page.goto(`${server.origin}/web/index.html`);
      const first = await settled(page);
      await clickSomething(page, 'next', 0);
      await settledAfterChange(page, first);
      await page.goto('about:blank', { waitUntil: 'domcontentloaded' });
      await page.evaluate(() => history.back()).catch(() => undefined);
      await settled(page);
      expect(await page.evaluate(() => (window as unknown as { restoredFromCache?: number }).restoredFromCache)).toBe(1);
      const restored = await settled(page);
      await clickSomething(page, 'next', 0);
      // Next shows the page once its text and code have loaded: wait for it to appear, then settle.
      const third = await settledAfterChange(page, restored);
      await page.reload({ waitUntil: 'domcontentloaded' });
      expect(await settled(page)).toBe(third);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('monkey run', () => {
  it(`${ACTIONS} random actions (seed ${SEED}): no page error, and the learner is where they were after every reload and back/forward`, async () => {
    const rand = random(SEED);
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    await page.evaluateOnNewDocument(cacheCounter);
    await page.setViewport({ width: 1024, height: 768 });
    const url = `${server.origin}/web/index.html`;
    await page.goto(url);
    await settled(page);
    const log: string[] = [];
    const counts = { reload: 0, backForward: 0, fromCache: 0, tabSwitch: 0, clicks: 0 };
    let other: Page | undefined;
    try {
      for (let n = 0; n < ACTIONS; n++) {
        const roll = rand();
        if (roll < 0.1 || roll >= 0.9) {
          const before = await settled(page);
          const kind = roll < 0.1 ? 'reload' : 'back/forward';
          if (kind === 'reload') {
            await page.reload({ waitUntil: 'domcontentloaded' });
            counts.reload++;
          } else {
            await page.goto('about:blank', { waitUntil: 'domcontentloaded' });
            // history.back(), not page.goBack(): a page restored from the cache fires no load event to wait for.
            await page.evaluate(() => history.back()).catch(() => undefined);
            counts.backForward++;
          }
          const after = await settled(page);
          if (kind === 'back/forward') {
            counts.fromCache += await page.evaluate(() => {
              const win = window as unknown as { restoredFromCache?: number };
              const restored = win.restoredFromCache ? 1 : 0;
              win.restoredFromCache = 0;
              return restored;
            });
          }
          log.push(`${n}: ${kind}`);
          if (process.env.MONKEY_VERBOSE) process.stderr.write(`${new Date().toISOString().slice(17, 23)} ${log.at(-1)}\n`);
          expect(after, `after ${kind} at action ${n} (seed ${SEED}); last actions:\n${log.slice(-8).join('\n')}`).toBe(before);
        } else if (roll < 0.18) {
          // Another tab comes to the front and goes: the course's page is hidden, then shown.
          other ??= await context.newPage();
          await other.bringToFront();
          await page.bringToFront();
          counts.tabSwitch++;
          log.push(`${n}: tab switch`);
        } else {
          const where = roll < 0.4 ? 'next' : roll < 0.5 ? 'previous' : roll < 0.6 ? 'contents' : roll < 0.63 ? 'language' : 'view';
          log.push(`${n}: ${await clickSomething(page, where, rand())}`);
          if (process.env.MONKEY_VERBOSE) process.stderr.write(`${new Date().toISOString().slice(17, 23)} ${log.at(-1)}\n`);
          counts.clicks++;
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        expect(errors, `page errors by action ${n} (seed ${SEED})`).toEqual([]);
      }
      const before = await settled(page);
      await page.reload();
      expect(await settled(page)).toBe(before);
      expect(errors).toEqual([]);
      process.stderr.write(`monkey run, seed ${SEED}: ${ACTIONS} actions ${JSON.stringify(counts)}\n`);
    } finally {
      await context.close();
    }
  }, Math.max(60_000, ACTIONS * 1500));
});
