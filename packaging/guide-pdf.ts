/**
 * A PDF of each facilitator guide, printed by headless Chromium when one is installed (Debian's
 * /usr/bin/chromium or CHROME_PATH); without Chromium the build says so and the HTML is the guide.
 * MICIC_GUIDE_PDF=0 skips it. Nothing is downloaded. Printing is the slowest step of a build, so
 * each PDF is kept in node_modules/.cache/micic-guide-pdf/ (of the folder the build runs in) under the hash of its HTML (and of the
 * Chromium that printed it): a build whose guide did not change copies it instead.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CACHE = join(process.cwd(), 'node_modules', '.cache', 'micic-guide-pdf');
const PDF_OPTIONS = { format: 'A4', printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '16mm', right: '16mm' } } as const;
/** PDFs kept: a few builds' worth of both languages. */
const CACHE_SIZE = 12;

function cacheKey(chrome: string, html: string): string {
  return createHash('sha256').update(`${chrome} ${statSync(chrome).mtimeMs} ${JSON.stringify(PDF_OPTIONS)}\n`).update(readFileSync(html)).digest('hex');
}

/** Keeps the newest PDFs of the cache. */
function prune(): void {
  const files = readdirSync(CACHE).map((name) => ({ path: join(CACHE, name), at: statSync(join(CACHE, name)).mtimeMs }));
  for (const old of files.sort((a, b) => b.at - a.at).slice(CACHE_SIZE)) rmSync(old.path, { force: true });
}

export function chromiumPath(): string | undefined {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p): p is string => !!p && existsSync(p));
}

type Printer = Awaited<ReturnType<typeof import('puppeteer-core').default.launch>>;

/**
 * Starts the printing Chromium ahead, while the build is still reading the course (it takes half
 * a second to start, and printing is the last step to finish). printGuides uses it, or closes it
 * if every PDF comes from the cache.
 */
export function startPrinter(): Promise<Printer | Error> | undefined {
  const chrome = chromiumPath();
  if (!chrome || process.env.MICIC_GUIDE_PDF === '0') return undefined;
  return import('puppeteer-core')
    .then(({ default: puppeteer }) => puppeteer.launch({ executablePath: chrome, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] }))
    .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}

/** Closes a printer started ahead and not needed (every PDF from the cache, or a build that failed first). */
export async function stopPrinter(printer: Promise<Printer | Error> | undefined): Promise<void> {
  const browser = await printer;
  if (browser && !(browser instanceof Error)) await browser.close().catch(() => undefined);
}

/** Prints each HTML file to the PDF beside it (A4). Returns the PDFs written, and how many came from the cache. */
export async function printGuides(htmlFiles: readonly string[], printer?: Promise<Printer | Error>): Promise<{ pdfs: string[]; cached: number }> {
  const chrome = chromiumPath();
  if (!chrome || process.env.MICIC_GUIDE_PDF === '0') {
    await stopPrinter(printer);
    return { pdfs: [], cached: 0 };
  }
  mkdirSync(CACHE, { recursive: true });
  const jobs = htmlFiles.map((html) => ({ html, pdf: html.replace(/\.html$/, '.pdf'), cached: join(CACHE, `${cacheKey(chrome, html)}.pdf`) }));
  const toPrint = jobs.filter((job) => {
    if (!existsSync(job.cached)) return true;
    copyFileSync(job.cached, job.pdf);
    return false;
  });
  if (!toPrint.length) {
    await stopPrinter(printer);
    return { pdfs: jobs.map((job) => job.pdf), cached: jobs.length };
  }
  const browser = await (printer ?? startPrinter());
  if (!browser || browser instanceof Error) throw new Error(`Chromium (${chrome}) did not start to print the facilitator guides: ${browser?.message ?? 'unknown'}`);
  try {
    // Side by side: each page prints in its own renderer process.
    await Promise.all(
      toPrint.map(async ({ html, pdf, cached }) => {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        await page.pdf({ path: pdf, ...PDF_OPTIONS });
        await page.close();
        copyFileSync(pdf, cached);
      }),
    );
  } finally {
    await browser.close();
  }
  prune();
  return { pdfs: jobs.map((job) => job.pdf), cached: jobs.length - toPrint.length };
}
