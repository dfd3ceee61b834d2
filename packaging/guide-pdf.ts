/**
 * A PDF of each facilitator guide, printed by headless Chromium when one is installed (Debian's
 * /usr/bin/chromium or CHROME_PATH); without Chromium the build says so and the HTML is the guide.
 * MICIC_GUIDE_PDF=0 skips it. Nothing is downloaded.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function chromiumPath(): string | undefined {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p): p is string => !!p && existsSync(p));
}

/** Prints each HTML file to the PDF beside it (A4). Returns the PDFs written. */
export async function printGuides(htmlFiles: readonly string[]): Promise<string[]> {
  const chrome = chromiumPath();
  if (!chrome || process.env.MICIC_GUIDE_PDF === '0') return [];
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: chrome, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const written: string[] = [];
  try {
    for (const html of htmlFiles) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const pdf = html.replace(/\.html$/, '.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, margin: { top: '16mm', bottom: '16mm', left: '16mm', right: '16mm' } });
      await page.close();
      written.push(pdf);
    }
  } finally {
    await browser.close();
  }
  return written;
}
