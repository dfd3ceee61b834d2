/**
 * npm run lighthouse: Lighthouse (mobile, its default throttling) on the web build (dist/web, run
 * npm run build first), served over http, in Debian's Chromium (CHROME_PATH or /usr/bin/chromium).
 * Prints performance, accessibility and best practices for the course home and, per module, its
 * landing (a page load) and its first content page, reached as a learner does (Continue): that
 * step is measured as a Lighthouse timespan (layout shift, blocking time) and a snapshot
 * (accessibility, best practices), as every launch opens on the home or a landing. Not in npm test.
 * LIGHTHOUSE_RUNS=N repeats every page N times and prints medians and ranges; LIGHTHOUSE_PAGES=text
 * keeps the pages whose name contains it.
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
const problems: string[] = [];
/** Per page and step, in the order first measured: each run's figures. */
const measured = new Map<string, { page: string; step: string; runs: Array<Record<string, number | undefined>> }>();
// LIGHTHOUSE_RUNS=5 measures every page five times (interleaved) and prints each figure's median
// and range: a single run on a busy machine can land a few points either side.
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));

function report(page: string, step: string, lhr: Result): void {
  const score = (id: string) => (step.includes('snapshot') && id === 'performance' ? undefined : lhr.categories[id]?.score ?? undefined);
  const key = `${page}\u0000${step}`;
  const entry = measured.get(key) ?? { page, step, runs: [] };
  measured.set(key, entry);
  entry.runs.push({
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    cls: lhr.audits['cumulative-layout-shift']?.numericValue,
    tbt: lhr.audits['total-blocking-time']?.numericValue,
  });
  // What keeps a score down: each failing audit of the three categories, once per page.
  for (const [id, audit] of Object.entries(lhr.audits)) {
    if (audit.score !== null && audit.score < 0.9 && !['cumulative-layout-shift', 'total-blocking-time'].includes(id) && audit.details?.items?.length) {
      problems.push(`${page}, ${step}: ${id}: ${audit.details.items.slice(0, 3).map((i) => i.source?.url ?? i.description ?? JSON.stringify(i).slice(0, 120)).join('; ')}`);
    }
  }
}

/** One cell: the value, or over several runs the median with the range. */
function cell(values: Array<number | undefined>, format: (value: number) => string): string {
  const known = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  if (!known.length) return '–';
  const median = known[Math.floor((known.length - 1) / 2)]!;
  return known.length === 1 || known[0] === known.at(-1) ? format(median) : `${format(median)} (${format(known[0]!)}–${format(known.at(-1)!)})`;
}

function table(): string {
  const score = (v: number) => String(Math.round(v * 100));
  const rows = ['| page | step | performance | accessibility | best practices | CLS | TBT (ms) |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const { page, step, runs: results } of measured.values()) {
    const column = (id: string) => results.map((r) => r[id]);
    rows.push(`| ${page} | ${step} | ${cell(column('performance'), score)} | ${cell(column('accessibility'), score)} | ${cell(column('best-practices'), score)} | ${cell(column('cls'), (v) => v.toFixed(3))} | ${cell(column('tbt'), (v) => v.toFixed(0))} |`);
  }
  return rows.join('\n');
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
  for (let run = 0; run < runs; run++) for (const [name, path] of targets) {
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
console.log(`Lighthouse ${CATEGORIES.join(', ')} on the web build (mobile), aims 98 / 100 / 100 and CLS < 0.01${runs > 1 ? `; ${runs} runs: median (lowest–highest)` : ''}:`);
console.log(table());
if (server.missing.length) console.log(`not found on the server: ${[...new Set(server.missing)].join(', ')}`);
if (problems.length) console.log(`\nWhat Lighthouse flagged:\n  ${[...new Set(problems)].join('\n  ')}`);
