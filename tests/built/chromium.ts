/**
 * Debian's Chromium under puppeteer-core for the tests that open built pages (npm run build
 * first): from disk (file://) or from dist/ served over HTTP as an LMS or a website would.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { CONTENT_TYPES } from '../../preview/content-types.ts';

export const dist = join(import.meta.dirname, '../../dist');

/** A JSON file the build writes into dist/. */
export function readBuilt<T>(file: string): T {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const chrome = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!chrome) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH');
  return puppeteer.launch({
    executablePath: chrome,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

export interface DistServer {
  origin: string;
  /** Paths that were asked for and not found, such as /favicon.ico. */
  missing: string[];
  close(): void;
}

/** dist/ over HTTP at a free port of 127.0.0.1; `headers` adds response headers by path. */
export function serveDist(headers: (pathname: string) => Record<string, string> = () => ({})): Promise<DistServer> {
  const missing: string[] = [];
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const path = normalize(join(dist, pathname === '/' ? '/index.html' : pathname));
    if (!path.startsWith(dist) || !existsSync(path) || statSync(path).isDirectory()) {
      missing.push(pathname);
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', ...headers(pathname) }).end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, missing, close: () => server.close() });
    }),
  );
}

/** dist/ served and a Chromium for the tests of one file, started before them and closed after. */
export function servedChromium(headers?: (pathname: string) => Record<string, string>): { browser: Browser; server: DistServer } {
  const state = {} as { browser: Browser; server: DistServer };
  beforeAll(async () => {
    state.server = await serveDist(headers);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    state.server?.close();
  });
  return state;
}

/**
 * Goes into the course as a learner does: every launch opens on the course home or the module's
 * landing, whose Start/Continue (the current module's) leads to the learner's page.
 */
export async function intoCourse(page: Page | Frame): Promise<void> {
  const shell = `document.querySelector('micic-course-shell')?.shadowRoot`;
  await page.waitForFunction(
    `(() => {
      const shell = ${shell};
      if (shell?.querySelector('micic-page-view')?.shadowRoot?.querySelector('h1')) return true;
      const first = shell?.querySelector('micic-course-home, micic-module-landing')?.shadowRoot;
      (first?.querySelector('[data-current] .primary') ?? first?.querySelector('.primary'))?.click();
      return false;
    })()`,
    { timeout: 10000, polling: 300 },
  );
}

/**
 * A fresh page whose requests for paths `hold` matches wait until `release()` (the rest go on),
 * with the page's uncaught errors and the held paths listed.
 */
export async function pageWithHeldRequests(browser: Browser, hold: (path: string) => boolean) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const heldBack: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (!hold(path)) return void request.continue();
    heldBack.push(path);
    void held.then(() => request.continue());
  });
  return { context, page, errors, heldBack, release: () => release() };
}
