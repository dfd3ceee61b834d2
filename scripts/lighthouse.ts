/**
 * npm run lighthouse: Lighthouse (mobile, its default throttling) on the web build (dist/web, run
 * npm run build first), served over http, in Debian's Chromium (CHROME_PATH or /usr/bin/chromium).
 * Prints performance, accessibility and best practices for the course home and, per module, its
 * landing (a page load) and its first content page, reached as a learner does (Continue): that
 * step is measured as a Lighthouse timespan (layout shift, blocking time) and a snapshot
 * (accessibility, best practices), as every launch opens on the home or a landing. Not in npm test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFlow } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import type { CourseIndex } from '../src/content/schema.ts';
import { chromiumPath } from '../packaging/guide-pdf.ts';
import { CHROMIUM_FLAGS } from './bench/launch.ts';
import { serve } from './bench/serve.ts';

const web = join(import.meta.dirname, '..', 'dist', 'web');
if (!existsSync(join(web, 'index.html'))) throw new Error('dist/web is missing: run npm run build first');
const course = JSON.parse(readFileSync(join(web, '..', 'course-index.json'), 'utf8')) as CourseIndex;
const chrome = chromiumPath();
if (!chrome) throw new Error("No Chromium found: install Debian's (apt-get install chromium) or set CHROME_PATH");

type Result = { categories: Record<string, { score: number | null }>; audits: Record<string, { numericValue?: number; score: number | null; details?: { items?: Array<{ source?: { url?: string; description?: string }; description?: string }> } }> };
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const rows: string[] = ['| page | step | performance | accessibility | best practices | CLS | TBT |', '|---|---|---:|---:|---:|---:|---:|'];
const problems: string[] = [];

function report(page: string, step: string, lhr: Result): void {
  const score = (id: string) => {
    const value = step.includes('snapshot') && id === 'performance' ? null : lhr.categories[id]?.score;
    return value === null || value === undefined ? '–' : String(Math.round(value * 100));
  };
  const numeric = (id: string, digits: number) => lhr.audits[id]?.numericValue?.toFixed(digits) ?? '–';
  rows.push(`| ${page} | ${step} | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${numeric('cumulative-layout-shift', 3)} | ${numeric('total-blocking-time', 0)} ms |`);
  // What keeps a score down: each failing audit of the three categories, once per page.
  for (const [id, audit] of Object.entries(lhr.audits)) {
    if (audit.score !== null && audit.score < 0.9 && !['cumulative-layout-shift', 'total-blocking-time'].includes(id) && audit.details?.items?.length) {
      problems.push(`${page}, ${step}: ${id}: ${audit.details.items.slice(0, 3).map((i) => i.source?.url ?? i.description ?? JSON.stringify(i).slice(0, 120)).join('; ')}`);
    }
  }
}

const server = await serve(web);
const browser = await puppeteer.launch({ executablePath: chrome, args: CHROMIUM_FLAGS });
const flags = { onlyCategories: CATEGORIES, logLevel: 'error' as const };
const continueInto = async (page: Page) => {
  // A real tap (input events through the browser), as the layout-shift rules treat a learner's.
  const button = await page.evaluateHandle(() => {
    const first = document.querySelector('micic-course-shell')!.shadowRoot!.querySelector('micic-course-home, micic-module-landing')!.shadowRoot!;
    return (first.querySelector<HTMLButtonElement>('[data-current] .primary') ?? first.querySelector<HTMLButtonElement>('.primary'))!;
  });
  await button.click();
  await page.waitForFunction(() => !!document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-page-view')?.shadowRoot?.querySelector('h1'), { timeout: 20000 });
  // Let the page settle (images, the next page's prefetch) as a learner starts reading.
  await new Promise((resolve) => setTimeout(resolve, 1500));
};
const waitForView = (page: Page) =>
  page.waitForFunction(() => !!document.querySelector('micic-course-shell')?.shadowRoot?.querySelector('micic-course-home, micic-module-landing')?.shadowRoot?.querySelector('h1'), { timeout: 20000 });
try {
  // LIGHTHOUSE_PAGES=recovery runs only the pages whose name contains it.
  const targets = ([['course home', '/index.html'], ...course.modules.map((m) => [`module ${m.number} (${m.id})`, `/index.html?module=${m.id}`])] as Array<[string, string]>).filter(([name]) => name.includes(process.env.LIGHTHOUSE_PAGES ?? ''));
  for (const [name, path] of targets) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const flow = await startFlow(page as never, { flags });
    await flow.navigate(`${server.origin}${path}`, { name: 'load' });
    await waitForView(page);
    await flow.startTimespan({ name: 'Continue → first page' });
    await continueInto(page);
    await flow.endTimespan();
    await flow.snapshot({ name: 'first page' });
    const result = await flow.createFlowResult();
    const [load, timespan, snapshot] = result.steps.map((s) => s.lhr as unknown as Result);
    report(name, path.includes('module') ? 'landing, page load' : 'home, page load', load!);
    report(name, 'Continue → first page (timespan)', timespan!);
    report(name, 'first page (snapshot)', snapshot!);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`Lighthouse ${CATEGORIES.join(', ')} on the web build (mobile), aims 98 / 100 / 100 and CLS < 0.01:`);
console.log(rows.join('\n'));
if (server.missing.length) console.log(`not found on the server: ${[...new Set(server.missing)].join(', ')}`);
if (problems.length) console.log(`\nWhat Lighthouse flagged:\n  ${[...new Set(problems)].join('\n  ')}`);
