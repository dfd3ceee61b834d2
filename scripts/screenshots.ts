/**
 * Screenshots of the web build as a trainee sees it, for looking at before a change is called
 * done: `npm run screenshots -- [out-dir]` (after `npm run build`). Phone (360×740) and laptop
 * (1366×768), English and Spanish, a fixed list of states. Uses Debian's Chromium.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';

const web = resolve(import.meta.dirname, '../dist/web');
const out = resolve(process.argv[2] ?? 'dist/screenshots');
const chrome = process.env.CHROME_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!chrome) throw new Error('No Chromium found (apt-get install chromium, or set CHROME_PATH)');
if (!existsSync(join(web, 'index.html'))) throw new Error('dist/web is missing: run npm run build first');
mkdirSync(out, { recursive: true });

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.css': 'text/css', '.json': 'application/json' };
const server = createServer((request, response) => {
  const path = normalize(join(web, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'index.html') : path;
  if (!file.startsWith(web) || !existsSync(file)) return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/** Clicks the first button, in any shadow root, whose text contains `text`. */
async function clickText(page: Page, text: string): Promise<void> {
  // A string, not a function: tsx would wrap a function's inner helpers in its own __name().
  await page.evaluate(`(() => {
    const walk = (root) => {
      for (const el of root.querySelectorAll('button, a')) if (el.textContent.includes(${JSON.stringify(text)})) return el;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const found = walk(el.shadowRoot); if (found) return found; }
      return undefined;
    };
    walk(document)?.click();
  })()`);
  await new Promise((r) => setTimeout(r, 400));
}

/** Runs a script in the page with `find(selector)` (through shadow roots) and `click(text)` available. */
async function run(page: Page, body: string): Promise<void> {
  await page.evaluate(`(async () => {
    const all = (root, selector, out = []) => {
      out.push(...root.querySelectorAll(selector));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, selector, out);
      return out;
    };
    const find = (selector) => all(document, selector)[0];
    const click = (text) => all(document, 'button, a').find((el) => el.textContent.trim().includes(text))?.click();
    const pause = (ms) => new Promise((r) => setTimeout(r, ms));
    ${body}
  })()`);
  await new Promise((r) => setTimeout(r, 500));
}

const texts = {
  en: { next: 'Next page', menu: 'Menu', contents: 'Contents', check: 'Check answer', quiz: 'Module quiz', start: 'Start the quiz', card: 'My workshop card', replay: 'Play the scenario again', retry: 'Take the quiz again' },
  es: { next: 'Página siguiente', menu: 'Menú', contents: 'Contenido', check: 'Comprobar respuesta', quiz: 'Cuestionario del módulo', start: 'Comenzar el cuestionario', card: 'Mi tarjeta para el taller', replay: 'Repetir el escenario', retry: 'Volver a hacer el cuestionario' },
};

/** Plays the first scenario of the page's module, always taking the first choice shown. */
const playScenario = `
  for (let i = 0; i < 12 && !find('micic-scenario-view')?.shadowRoot?.querySelector('table'); i++) {
    find('micic-scenario-view')?.shadowRoot?.querySelector('ul.choices button')?.click();
    await pause(150);
  }`;

/** Opens the page whose title matches `title` from the contents, then runs `then` with find/click (content blocks). */
const blockState = (name: string, query: string, title: RegExp, then: string) => ({
  name,
  query,
  act: async (page: Page) => {
    await page.evaluate(`(() => { const toc = document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-table-of-contents').shadowRoot; [...toc.querySelectorAll('button')].find((b) => ${title}.test(b.textContent))?.click(); })()`);
    await new Promise((r) => setTimeout(r, 800));
    // Block code loads on first use: wait until the page's blocks have rendered.
    await run(page, `for (let i = 0; i < 50 && all(document, ':not(:defined)').some((el) => el.tagName.startsWith('MICIC-')); i++) await pause(100); ${then}`);
  },
});

/** Each state: a name, a URL query and what to do before the picture. */
const states: Array<{ name: string; query: string; act?: (page: Page, language: 'en' | 'es') => Promise<void>; fullPage?: boolean; stay?: boolean }> = [
  { name: 'home', query: '', stay: true, fullPage: true },
  { name: 'landing', query: '?module=response', stay: true },
  {
    name: 'figure',
    query: '?module=response',
    act: async (page) => {
      await page.evaluate(`(() => { const toc = document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-table-of-contents').shadowRoot; [...toc.querySelectorAll('button')].find((b) => /Referral|derivación/.test(b.textContent))?.click(); })()`);
      await new Promise((r) => setTimeout(r, 800));
      await run(page, `find('micic-page-view').shadowRoot.querySelector('figure').scrollIntoView()`);
    },
  },
  { name: 'first-page', query: '' },
  { name: 'after-next', query: '', act: async (page, l) => { await page.evaluate('window.scrollTo(0, 1e6)'); await clickText(page, texts[l].next); } },
  { name: 'menu-open', query: '', act: async (page, l) => clickText(page, texts[l].menu) },
  { name: 'contents-open', query: '', act: async (page, l) => clickText(page, texts[l].contents) },
  {
    name: 'check-unanswered',
    query: '?module=preparedness',
    act: async (page, l) => {
      await clickText(page, texts[l].next);
      await run(page, `const check = find('micic-knowledge-check'); check.scrollIntoView(); check.shadowRoot.querySelector('button').click();`);
    },
  },
  {
    name: 'scenario-debrief',
    query: '?module=response',
    act: async (page, l) => {
      await page.evaluate(`(() => { const toc = document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-table-of-contents').shadowRoot; [...toc.querySelectorAll('button')].find((b) => /scenario|escenario|Stranded|Varados|Bringing|Sacar|evacu/i.test(b.textContent))?.click(); })()`);
      await new Promise((r) => setTimeout(r, 600));
      await run(page, playScenario);
      await clickText(page, texts[l].replay);
      await run(page, `find('micic-scenario-view').shadowRoot.querySelector('table').scrollIntoView()`);
    },
  },
  {
    name: 'quiz-review',
    query: '?module=recovery',
    act: async (page, l) => {
      await page.evaluate(`(() => { const toc = document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-table-of-contents').shadowRoot; [...toc.querySelectorAll('button')].find((b) => b.textContent.includes(${JSON.stringify('QUIZ')}))?.click(); })()`.replace('QUIZ', texts[l].quiz));
      await new Promise((r) => setTimeout(r, 600));
      await clickText(page, texts[l].start);
      await run(page, `
        for (let i = 0; i < 80 && !find('micic-quiz-view').shadowRoot.querySelector('ol.review'); i++) {
          const quiz = find('micic-quiz-view').shadowRoot;
          const question = quiz.querySelector('micic-question')?.shadowRoot;
          const groups = question ? [...question.querySelectorAll('fieldset.pair')] : [];
          // One group at a time: each answer arrives through a new render.
          for (const group of groups) { group.querySelector('input').click(); await pause(80); }
          if (!groups.length) question?.querySelector('input')?.click();
          await pause(60);
          quiz.querySelector('.primary')?.click();
          await pause(120);
        }
        const review = find('micic-quiz-view').shadowRoot.querySelector('ol.review');
        if (!review) throw new Error('no review: ' + find('micic-quiz-view').shadowRoot.textContent.slice(0, 300));
        review.scrollIntoView();`);
    },
  },
  {
    name: 'card',
    query: '?module=preparedness',
    fullPage: true,
    act: async (page, l) => {
      await page.evaluate(`(() => { const toc = document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-table-of-contents').shadowRoot; [...toc.querySelectorAll('button')].find((b) => b.textContent.includes(${JSON.stringify('CARD')}))?.click(); })()`.replace('CARD', texts[l].card));
      await page.waitForFunction(`!!document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-workshop-card')?.shadowRoot?.querySelector('h1')`, { timeout: 5000 });
    },
  },
  {
    name: 'trainer-map',
    query: '?module=response&trainer=1',
    act: async (page) => {
      await page.evaluate(`(() => { const toc = document.querySelector('micic-course-shell').shadowRoot.querySelector('micic-table-of-contents').shadowRoot; [...toc.querySelectorAll('button')].find((b) => /Bringing|Sacar/.test(b.textContent))?.click(); })()`);
      await new Promise((r) => setTimeout(r, 800));
      await run(page, `const view = find('micic-scenario-script').shadowRoot; view.querySelector('.zoom-in').click(); await pause(200); view.querySelector('.map-tools').scrollIntoView();`);
    },
  },
  { name: 'full-first-page', query: '', fullPage: true },
  blockState('block-timeline', '?module=preparedness', /What MICIC is|Qué es MICIC/, `find('.block-timeline').scrollIntoView()`),
  blockState('block-accordion', '?module=preparedness', /particular risk|riesgo particular/, `const a = find('micic-accordion'); a.shadowRoot.querySelector('button').click(); a.scrollIntoView();`),
  blockState('block-flashcards', '?module=preparedness', /ten Principles|diez Principios/, `const f = find('micic-flashcards'); f.shadowRoot.querySelector('li button').click(); await pause(100); f.scrollIntoView();`),
  blockState('block-tabs', '?module=preparedness', /Including migrants|Incluir a los migrantes/, `const t = find('micic-tabs'); t.shadowRoot.querySelectorAll('[role=tab]')[1].click(); t.scrollIntoView();`),
  blockState('block-process', '?module=response', /Moving to safety|Ponerse a salvo/, `const p = find('micic-process'); p.shadowRoot.querySelectorAll('.controls button')[1].click(); await pause(100); p.scrollIntoView();`),
  blockState('block-callout', '?module=recovery', /host communities|comunidades de acogida/, `find('.block-callout').scrollIntoView(); window.scrollBy(0, -120);`),
  blockState('block-hotspots', '?module=preparedness', /ten Principles|diez Principios/, `const h = find('micic-hotspots'); h.shadowRoot.querySelectorAll('.marker')[1].click(); await pause(100); h.scrollIntoView();`),
  blockState('block-hotspots-open', '?module=preparedness', /ten Principles|diez Principios/, `const h = find('micic-hotspots'); h.shadowRoot.querySelectorAll('.marker')[4].click(); await pause(100); h.shadowRoot.querySelector('#spot-4').scrollIntoView(); window.scrollBy(0, -200);`),
  blockState('block-quote', '?module=response', /First, save lives|Ante todo, salvar vidas/, `find('.block-quote').scrollIntoView(); window.scrollBy(0, -80);`),
  blockState('block-figure', '?module=recovery', /Returning home|Volver a casa|Regresar/, `find('.block-figure').scrollIntoView(); window.scrollBy(0, -80);`),
  // Next on a module's last page opens the next module's landing (its objectives), not its first page.
  blockState('next-module-landing', '', /My workshop card|Mi tarjeta para el taller/, `find('micic-course-shell').shadowRoot.querySelector('.next').click(); await pause(600);`),
  blockState('figure-data', '?module=preparedness', /Early warning|Alerta temprana/, `find('micic-page-view').shadowRoot.querySelector('figure').scrollIntoView();`),
  blockState('figure-small-text', '?module=response', /Communicating|Comunicar/, `find('micic-page-view').shadowRoot.querySelector('figure').scrollIntoView();`),
];

const only = process.env.STATES?.split(',');
const browser = await puppeteer.launch({ executablePath: chrome, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  for (const [width, height] of [[360, 740], [1366, 768]] as const) {
    for (const language of ['en', 'es'] as const) {
      for (const state of states.filter((s) => !only || only.includes(s.name))) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport({ width, height });
        await page.evaluateOnNewDocument(`Object.defineProperty(navigator, 'languages', { get: () => ['${language}'] })`);
        page.on('pageerror', (error) => console.error(`${state.name}: ${error}`));
        await page.goto(`${origin}/${state.query}`);
        await new Promise((r) => setTimeout(r, 600));
        // Every launch opens on the course home or the module's landing: its first button goes in.
        if (!state.stay) await run(page, `find('micic-course-home, micic-module-landing')?.shadowRoot.querySelector('.primary')?.click()`);
        await state.act?.(page, language);
        const file = join(out, `${state.name}.${language}.${width}.png`);
        await page.screenshot({ path: file, fullPage: state.fullPage ?? false });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
