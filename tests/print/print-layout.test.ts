/**
 * Print layouts, rendered by Chromium: the facilitator guide prints to PDF on A4 and Letter with
 * pages, and nothing overflows the printable width.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '../../dist');
const chrome = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
let browser: Browser;

beforeAll(async () => {
  if (!chrome) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH');
  browser = await puppeteer.launch({
    executablePath: chrome,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => browser?.close());

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
  }
});
