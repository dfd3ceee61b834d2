import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumPath } from '../../packaging/guide-pdf.ts';
import { CHROMIUM_FLAGS } from './launch.ts';
import { serve } from './serve.ts';
const server = await serve(join(import.meta.dirname, '../../dist/web'));
const browser = await puppeteer.launch({ executablePath: chromiumPath()!, args: CHROMIUM_FLAGS });
for (const path of process.argv.slice(2)) {
  for (let run = 0; run < 2; run++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.evaluateOnNewDocument(() => {
      (window as any).shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as any[]) {
          (window as any).shifts.push({ value: e.value.toFixed(4), at: Math.round(e.startTime), input: e.hadRecentInput, sources: e.sources.map((s: any) => { const n = s.node; const desc = n ? `${n.nodeName}.${n.className ?? ''} in ${(n.getRootNode() as any).host?.localName ?? 'document'}` : '?'; return `${desc} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`; }) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 4000));
    console.log(path, JSON.stringify(await page.evaluate(() => (window as any).shifts), null, 1));
    await context.close();
  }
}
await browser.close(); server.close();
