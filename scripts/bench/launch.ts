/**
 * One launch of the built course in headless Chromium, measured as a learner meets it: under the
 * stand-in LMS (scorm-again) in a frame, or the web build at top level with no LMS. Every response
 * the course's document received before a view rendered is counted (Resource Timing, by when each
 * response ended), and its bytes are read from dist/ and compressed with gzip -9.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer, { type Browser, type BrowserContext, type Frame, type Page } from 'puppeteer-core';
import { chromiumPath } from '../../packaging/guide-pdf.ts';
import { installDriver, type BenchDriver, type ViewKind } from './in-page.ts';
import { HOST_PAGE, type BenchServer } from './serve.ts';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  const chrome = chromiumPath();
  if (!chrome) throw new Error("No Chromium found: install Debian's (apt-get install chromium) or set CHROME_PATH");
  return puppeteer.launch({ executablePath: chrome, args: CHROMIUM_FLAGS });
}

export interface LmsSpec {
  version: '1.2' | '2004';
  masteryScore?: number;
  learnerLanguage?: string;
  /** What the LMS kept from the previous session (resume). */
  saved?: Record<string, unknown>;
}

/** What the course's document had received when a view rendered: gzip -9 bytes. */
export interface Received {
  /** JavaScript and CSS, the budgeted figure. */
  code: number;
  /** The launch page's HTML. */
  html: number;
  requests: number;
}

export interface Session {
  frame: Frame;
  /** Calls into the page's bench driver (a function, or its source when it needs values from here). */
  run<T>(call: ((bench: BenchDriver) => Promise<T> | T) | string): Promise<T>;
  firstView: Received;
  firstPage: Received & { kind: ViewKind };
  /** Ends the SCO as leaving it does (Terminate) and returns what the LMS keeps. */
  end(): Promise<{ saved?: Record<string, unknown>; longestSuspendData: number }>;
  errors: string[];
}

const gzipCache = new Map<string, number>();
function gzipOf(path: string): number {
  let size = gzipCache.get(path);
  if (size === undefined) gzipCache.set(path, (size = gzipSync(readFileSync(path), { level: 9 }).length));
  return size;
}

type Host = { createLmsHost(options: unknown): { install(win: Window): void; onCall(l: (c: { method: string; args: string[] }) => void): void }; nextLaunchData(host: unknown): Record<string, unknown> };
type HostWindow = Window & { MicicLms: Host; lmsHost: unknown; longestSuspendData: number };

/** Opens `path` (under dist/) in a fresh browser context; with `lms`, in a frame of the stand-in LMS page. */
export async function open(browser: Browser, server: BenchServer, dist: string, path: string, options: { lms?: LmsSpec; navigatorLanguage?: string } = {}): Promise<Session> {
  const context: BrowserContext = await browser.createBrowserContext();
  const page: Page = await context.newPage();
  await page.setViewport({ width: 1024, height: 768 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  // Functions sent to the page keep the esbuild name helper tsx adds: give it one.
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f;');
  await page.evaluateOnNewDocument(installDriver);
  if (options.navigatorLanguage) {
    await page.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['${options.navigatorLanguage}'] }); Object.defineProperty(navigator, 'language', { get: () => '${options.navigatorLanguage}' });`);
  }
  const url = `${server.origin}${path}`;
  let frame: Frame;
  if (options.lms) {
    await page.goto(`${server.origin}${HOST_PAGE}`);
    const framed = page.waitForFrame((f) => f.url() === url);
    await page.evaluate(
      (lms, url) => {
        const win = window as unknown as HostWindow;
        const host = win.MicicLms.createLmsHost(lms);
        host.install(window);
        win.lmsHost = host;
        win.longestSuspendData = 0;
        host.onCall((call) => {
          if (/SetValue$/.test(call.method) && call.args[0] === 'cmi.suspend_data') win.longestSuspendData = Math.max(win.longestSuspendData, call.args[1]?.length ?? 0);
        });
        const iframe = document.createElement('iframe');
        iframe.style.cssText = 'width:1024px;height:768px;border:0';
        iframe.src = url;
        document.body.append(iframe);
      },
      options.lms,
      url,
    );
    frame = await framed;
  } else {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    frame = page.mainFrame();
  }
  const run = async <T>(call: ((bench: BenchDriver) => Promise<T> | T) | string): Promise<T> => {
    for (let tries = 0; ; tries++) {
      try {
        await frame.waitForFunction('!!window.bench', { timeout: 20000 });
        return (await frame.evaluate(`(${call.toString()})(window.bench)`)) as T;
      } catch (error) {
        // The frame's first document (about:blank) may go while the course's comes in.
        if (tries < 3 && /context was destroyed|detached|Cannot find context/i.test(String(error))) continue;
        throw error;
      }
    }
  };
  const received = async (until: number): Promise<Received> => {
    const responses = (await run((bench) => bench.responses())).filter((r) => r.end <= until && r.url.startsWith(server.origin));
    const files = responses.map((r) => new URL(r.url).pathname).filter((p) => !p.startsWith('/bench/'));
    const code = files.filter((p) => /\.(js|css)$/.test(p)).reduce((sum, p) => sum + gzipOf(join(dist, p)), 0);
    return { code, html: gzipOf(join(dist, path)), requests: files.length + 1 };
  };
  const firstViewAt = await run((bench) => bench.firstView());
  const firstView = await received(firstViewAt);
  const shown = await run((bench) => bench.continue());
  const firstPage = { ...(await received(shown.at)), kind: shown.kind };
  return {
    frame,
    run,
    firstView,
    firstPage,
    errors,
    async end() {
      const result = options.lms
        ? await page.evaluate(() => {
            const win = window as unknown as HostWindow;
            document.querySelector('iframe')!.remove();
            return { saved: win.MicicLms.nextLaunchData(win.lmsHost), longestSuspendData: win.longestSuspendData };
          })
        : { saved: undefined, longestSuspendData: 0 };
      await context.close();
      return result;
    },
  };
}
