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

/** Prints each HTML file to the PDF beside it (A4). Returns the PDFs written, and how many came from the cache. */
export async function printGuides(htmlFiles: readonly string[]): Promise<{ pdfs: string[]; cached: number }> {
  const chrome = chromiumPath();
  if (!chrome || process.env.MICIC_GUIDE_PDF === '0') return { pdfs: [], cached: 0 };
  mkdirSync(CACHE, { recursive: true });
  const jobs = htmlFiles.map((html) => ({ html, pdf: html.replace(/\.html$/, '.pdf'), cached: join(CACHE, `${cacheKey(chrome, html)}.pdf`) }));
  const toPrint = jobs.filter((job) => {
    if (!existsSync(job.cached)) return true;
    copyFileSync(job.cached, job.pdf);
    return false;
  });
  if (toPrint.length) {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ executablePath: chrome, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
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
  }
  return { pdfs: jobs.map((job) => job.pdf), cached: jobs.length - toPrint.length };
}
