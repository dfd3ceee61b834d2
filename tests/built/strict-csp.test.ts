/**
 * The course under a strict Content-Security-Policy (npm run build first): with
 * `default-src 'self'; style-src 'self'` on every course document, the launch pages carry no
 * inline style or script and no element gets a style attribute, so nothing is refused and the
 * progress bar and the scenario's indicator bars draw their real values. Both the plain web build
 * and a SCORM package launched by the preview LMS (scorm-again) are opened with that header.
 */
import type { Frame, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { servedChromium } from './chromium.ts';

const CSP = "default-src 'self'; style-src 'self'";
// The course's own documents get the policy; the preview LMS page around a package does not.
const chromium = servedChromium((pathname): Record<string, string> => (/^\/(web|packages)\//.test(pathname) ? { 'content-security-policy': CSP } : {}));

/** Every CSP refusal in any frame of the page, as "directive: what was blocked". */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window.top as unknown as { reportCspViolation?: (t: string) => void }).reportCspViolation?.(`${e.violatedDirective}: ${e.blockedURI || e.sample || 'inline'}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const shellQuery = (selector: string) => `document.querySelector('micic-course-shell')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;

/** Pages forward until the module's scenario shows, checking the progress bar on the way. */
async function walkToScenario(frame: Frame | Page): Promise<{ progress: Array<[number, number]>; meters: Array<[number, number, number]> }> {
  // The course opens on its home or the module's landing: Start leads to the first page.
  const firstView = shellQuery('micic-course-home, micic-module-landing');
  await frame.waitForFunction(`!!(${shellQuery('micic-page-view')}?.shadowRoot?.querySelector('h1') || ${firstView}?.shadowRoot?.querySelector('.primary'))`, { timeout: 10000 });
  await frame.evaluate(`(() => { const first = ${firstView}?.shadowRoot; (first?.querySelector('[data-current] .primary') ?? first?.querySelector('.primary'))?.click(); })()`);
  await frame.waitForFunction(`!!${shellQuery('micic-page-view')}?.shadowRoot?.querySelector('h1')`, { timeout: 10000 });
  const progress: Array<[number, number]> = [];
  for (let step = 0; step < 20; step++) {
    const bar = await frame.evaluate(`(() => { const p = ${shellQuery('micic-progress-meter')}?.shadowRoot?.querySelector('progress'); return p ? [p.value, p.max] : null; })()`);
    if (bar) progress.push(bar as [number, number]);
    // Indicator bars once the scenario's first decision shows.
    const meters = await frame.evaluate(
      `(() => { const view = ${shellQuery('micic-scenario-view')}?.shadowRoot; return view?.querySelector('ul.choices') ? [...view.querySelectorAll('meter')].map((m) => [m.min, m.value, m.max]) : null; })()`,
    );
    if (meters) return { progress, meters: meters as Array<[number, number, number]> };
    await frame.evaluate(`${shellQuery('.next')}.click()`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the scenario never showed');
}

function expectRealValues({ progress, meters }: Awaited<ReturnType<typeof walkToScenario>>): void {
  // Pages seen grow one by one out of the total, not a bar drawn full.
  expect(progress[0]![0]).toBeLessThan(progress[0]![1]);
  expect(progress.at(-1)![0]).toBeGreaterThan(progress[0]![0]);
  expect(meters.length).toBeGreaterThan(0);
  for (const [min, value, max] of meters) {
    expect(value).toBeGreaterThanOrEqual(min);
    expect(value).toBeLessThanOrEqual(max);
  }
}

describe(`the course under "${CSP}"`, () => {
  it('the web build: nothing refused, bars draw their values', async () => {
    const context = await chromium.browser.createBrowserContext();
    const page = await context.newPage();
    try {
      const violations = await recordViolations(page);
      const response = await page.goto(`${chromium.server.origin}/web/index.html`);
      expect(response?.headers()['content-security-policy']).toBe(CSP);
      const drawn = await walkToScenario(page);
      expect(violations).toEqual([]);
      expectRealValues(drawn);
    } finally {
      await context.close();
    }
  });

  it('a SCORM 2004 module package in the preview LMS: nothing refused, bars draw their values', async () => {
    const context = await chromium.browser.createBrowserContext();
    const page = await context.newPage();
    try {
      const violations = await recordViolations(page);
      await page.goto(`${chromium.server.origin}/index.html`);
      await page.waitForFunction(() => document.querySelectorAll('#package option').length > 2);
      const name = await page.evaluate(() => [...document.querySelectorAll<HTMLOptionElement>('#package option')].find((o) => /^micic-module1-.*-scorm2004$/.test(o.value))!.value);
      await page.select('#package', name);
      await page.click('button[type="submit"]');
      const frame = (await (await page.waitForSelector('iframe#course'))!.contentFrame())!;
      await frame.waitForFunction(`!!${shellQuery('micic-page-view, micic-module-landing')}`, { timeout: 10000 });
      expect(frame.url()).toContain('/packages/');
      const drawn = await walkToScenario(frame);
      expect(violations).toEqual([]);
      expectRealValues(drawn);
    } finally {
      await context.close();
    }
  });
});
