/**
 * Content blocks print expanded in the built course: every step of a process, every tab's panel
 * after its label, every flashcard's both faces, every accordion panel; the screen-only controls
 * (Previous/Next, Turn over) do not print; a labelled graphic prints every label. Both languages.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { servedChromium } from '../built/chromium.ts';

const built = servedChromium();

/** Opens a page of the web build from its contents, waits for its blocks, and switches to print media. */
async function openForPrint(module: string, language: string, title: RegExp): Promise<Page> {
  // A context of its own: the standalone course remembers the last language in localStorage.
  const page = await (await built.browser.createBrowserContext()).newPage();
  await page.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['${language}'] })`);
  await page.goto(`${built.server.origin}/web/index.html?module=${module}`);
  await page.waitForFunction(`!!document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-table-of-contents')?.shadowRoot?.querySelector('button')`);
  await page.evaluate(`(() => { const toc = document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-table-of-contents').shadowRoot; [...toc.querySelectorAll('button')].find((b) => ${title}.test(b.textContent)).click(); })()`);
  await page.waitForFunction(`(() => {
    const view = document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-page-view');
    const blocks = view ? [...view.shadowRoot.querySelectorAll('micic-process, micic-tabs, micic-flashcards, micic-accordion')] : [];
    // Drawn whole: a page draws its parts a frame apart (page-parts.ts).
    return blocks.length > 0 && !view.hasAttribute('drawing') && blocks.every((b) => b.shadowRoot?.querySelector('slot'));
  })()`, { timeout: 20000 });
  await page.emulateMediaType('print');
  return page;
}

/** For each block on the page: its tag, the slots whose box is not shown, and the buttons shown. */
async function printed(page: Page): Promise<Array<{ tag: string; hiddenSlots: string[]; buttons: number }>> {
  return page.evaluate(`(() => {
    const view = document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-page-view');
    return [...view.shadowRoot.querySelectorAll('micic-process, micic-tabs, micic-flashcards, micic-accordion, micic-hotspots')].map((block) => ({
      tag: block.tagName.toLowerCase(),
      hiddenSlots: [...block.shadowRoot.querySelectorAll('slot')].filter((s) => !s.parentElement.checkVisibility()).map((s) => s.name),
      buttons: [...block.shadowRoot.querySelectorAll('button.action')].filter((b) => b.checkVisibility()).length,
    }));
  })()`) as Promise<Array<{ tag: string; hiddenSlots: string[]; buttons: number }>>;
}

describe('content blocks in print', () => {
  for (const [language, safety, principles, risk] of [
    ['en', /Moving to safety/, /The ten Principles/, /particular risk/],
    ['es', /Ponerse a salvo/, /Los diez Principios/, /riesgo particular/],
  ] as const) {
    it(`${language}: a process and tabs print every step and panel, without their buttons`, async () => {
      const page = await openForPrint('response', language, safety);
      const blocks = await printed(page);
      expect(blocks.map((b) => b.tag).sort()).toEqual(['micic-process', 'micic-tabs']);
      for (const block of blocks) expect(block).toMatchObject({ hiddenSlots: [], buttons: 0 });
      await page.browserContext().close();
    });

    it(`${language}: a labelled graphic prints every label, flashcards both faces and an accordion every panel`, async () => {
      for (const [title, tags] of [[principles, ['micic-hotspots', 'micic-flashcards']], [risk, ['micic-accordion']]] as const) {
        const page = await openForPrint('preparedness', language, title);
        const blocks = await printed(page);
        expect(blocks.map((b) => b.tag)).toEqual(tags);
        for (const block of blocks) expect(block).toMatchObject({ hiddenSlots: [], buttons: 0 });
        await page.browserContext().close();
      }
    });
  }
});
