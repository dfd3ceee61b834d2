/**
 * Print layouts, rendered by Chromium: the facilitator guide prints to PDF on A4 and Letter with
 * pages, and nothing overflows the printable width.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, launchChromium, serveDist, type DistServer } from '../built/chromium.ts';

let browser: Browser;
let server: DistServer;
let origin = '';

beforeAll(async () => {
  // dist/ over HTTP: the course's ES modules do not load from file:// URLs.
  server = await serveDist();
  origin = server.origin;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Elements wider than the printable area, as "tag.class (width px)". */
async function overflowing(url: string, widthPx: number): Promise<string[]> {
  const page = await browser.newPage();
  await page.setViewport({ width: widthPx, height: 1000 });
  await page.goto(url);
  await page.emulateMediaType('print');
  const found = await page.evaluate((limit) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > limit + 1) out.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.right)}px)`);
    }
    return out;
  }, widthPx);
  await page.close();
  return found;
}

async function pdfPages(url: string, format: 'A4' | 'Letter'): Promise<number> {
  const page = await browser.newPage();
  await page.goto(url);
  const pdf = Buffer.from(await page.pdf({ format, printBackground: true }));
  await page.close();
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

describe('facilitator guide print layout', () => {
  for (const language of ['en', 'es']) {
    const url = pathToFileURL(join(dist, `facilitator-guide.${language}.html`)).href;

    it(`${language}: prints on A4 and Letter`, async () => {
      expect(await pdfPages(url, 'A4')).toBeGreaterThan(3);
      expect(await pdfPages(url, 'Letter')).toBeGreaterThan(3);
    });

    it(`${language}: nothing overflows the printable width of A4 (16 mm margins)`, async () => {
      // 210 mm - 2 × 16 mm = 178 mm ≈ 672 CSS px.
      expect(await overflowing(url, 672)).toEqual([]);
    });

    it(`${language}: nothing overflows the printable width of Letter (16 mm margins)`, async () => {
      // 215.9 mm - 2 × 16 mm ≈ 184 mm ≈ 695 CSS px; A4 above is the narrower of the two.
      expect(await overflowing(url, 695)).toEqual([]);
    });

    it(`${language}: the replication plan fits on one printed page of A4 and Letter`, async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 672, height: 1000 });
      await page.goto(url);
      await page.emulateMediaType('print');
      const height = await page.evaluate(() => document.querySelector('section.replication')!.getBoundingClientRect().height);
      await page.close();
      // Letter is the shorter page: 279.4 mm - 2 × 16 mm ≈ 247 mm ≈ 934 CSS px.
      expect(height).toBeGreaterThan(300);
      expect(height).toBeLessThanOrEqual(934);
    });

    it(`${language}: the build printed the guide to PDF with Chromium`, () => {
      const pdf = join(dist, `facilitator-guide.${language}.pdf`);
      expect(existsSync(pdf), `${pdf} (the build prints it when Chromium is installed)`).toBe(true);
      const bytes = readFileSync(pdf).toString('latin1');
      expect(bytes.startsWith('%PDF-')).toBe(true);
      expect((bytes.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(10);
    });

    it(`${language}: every label on the scenario maps prints at 9 pt or more inside its box, and no map part is taller than an A4 page`, async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 672, height: 1000 });
      await page.goto(url);
      await page.emulateMediaType('print');
      const report = await page.evaluate(() => {
        const problems: string[] = [];
        let labels = 0;
        for (const svg of document.querySelectorAll<SVGSVGElement>('figure.map svg')) {
          const box = svg.getBoundingClientRect();
          const scale = box.width / svg.viewBox.baseVal.width;
          // 297 mm - 2 × 16 mm = 265 mm ≈ 1001 CSS px of printable height.
          if (box.height > 1001) problems.push(`${svg.id}: ${Math.round(box.height)} px tall`);
          for (const text of svg.querySelectorAll('text')) {
            labels++;
            // 9 pt = 12 CSS px.
            const printed = parseFloat(getComputedStyle(text).fontSize) * scale;
            if (printed < 12) problems.push(`${svg.id} "${text.textContent}": ${printed.toFixed(1)} px`);
            // A label sits in its box; the map's title and legend sit in the map.
            const group = text.parentElement!;
            const frame = group instanceof SVGSVGElement ? box : group.querySelector('rect')?.getBoundingClientRect();
            const label = text.getBoundingClientRect();
            if (frame && (label.right > frame.right + 0.5 || label.left < frame.left - 0.5)) problems.push(`${svg.id} "${text.textContent}" runs out of its box by ${Math.round(label.right - frame.right)} px`);
          }
        }
        return { problems, labels };
      });
      await page.close();
      expect(report.labels).toBeGreaterThan(200);
      expect(report.problems).toEqual([]);
    });
  }
});

describe('workshop card print layout', () => {
  for (const language of ['en', 'es']) {
    it(`${language}: prints as a card with nothing overflowing, and without the course frame`, async () => {
      // A fresh context: no progress (and no language) saved by another test.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 672, height: 1000 });
      await page.evaluateOnNewDocument((lang) => Object.defineProperty(navigator, 'languages', { get: () => [lang] }), language);
      await page.goto(`${origin}/web/index.html?module=recovery`);
      const cardTitle = language === 'en' ? 'My workshop card' : 'Mi tarjeta para el taller';
      await page.waitForFunction(() => !!document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-table-of-contents'));
      await page.evaluate((title) => {
        const toc = document.querySelector('micic-course-shell')!.shadowRoot!.querySelector('micic-table-of-contents')!.shadowRoot!;
        [...toc.querySelectorAll('button')].find((b) => b.textContent?.includes(title))!.click();
      }, cardTitle);
      await page.waitForFunction(() => !!document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-workshop-card')?.shadowRoot?.querySelector('ol.prompts li'));
      await page.emulateMediaType('print');
      const layout = await page.evaluate(() => {
        const shell = document.querySelector('micic-course-shell')!.shadowRoot!;
        const card = shell.querySelector('micic-workshop-card')!.shadowRoot!;
        const tooWide = [...card.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > 673).map((el) => el.tagName);
        const hidden = ['header', 'nav.contents', '.pager'].map((selector) => getComputedStyle(shell.querySelector(selector)!).display);
        return { tooWide, hidden, scrollWidth: document.documentElement.scrollWidth };
      });
      expect(layout.tooWide).toEqual([]);
      expect(layout.hidden).toEqual(['none', 'none', 'none']);
      expect(layout.scrollWidth).toBeLessThanOrEqual(672);
      const pdf = Buffer.from(await page.pdf({ format: 'A4' }));
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThanOrEqual(2);
      await context.close();
    });
  }
});
