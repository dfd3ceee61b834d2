/**
 * The bench's web server: a built dist/ over HTTP on 127.0.0.1, as an LMS or a website serves it,
 * plus /bench/host.html, a stand-in LMS page (preview/lms-host.ts under scorm-again) that opens a
 * SCO in a frame. Its own files are under /bench/ so the measurement can leave them out.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { CONTENT_TYPES } from '../../preview/content-types.ts';

export const HOST_PAGE = '/bench/host.html';

/** preview/lms-host.ts as one classic script exposing `MicicLms` (createLmsHost, nextLaunchData). */
async function lmsHostScript(root: string): Promise<string> {
  const outDir = join(tmpdir(), `micic-bench-lms-${process.pid}`);
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      minify: false,
      lib: { entry: join(root, 'preview/lms-host.ts'), formats: ['iife'], name: 'MicicLms', fileName: () => 'lms.js' },
    },
  });
  return readFileSync(join(outDir, 'lms.js'), 'utf8');
}

export interface BenchServer {
  origin: string;
  /** Paths asked for and not found. */
  missing: string[];
  close(): void;
}

/** Serves `dist`; with `root` (the project), also the stand-in LMS page under /bench/. */
export async function serve(dist: string, root?: string): Promise<BenchServer> {
  const lms = root ? await lmsHostScript(root) : '';
  const missing: string[] = [];
  const own: Record<string, [string, string]> = {
    [HOST_PAGE]: ['text/html', '<!doctype html><html lang="en"><title>bench LMS</title><link rel="icon" href="data:,"><script src="/bench/lms.js"></script><body></body></html>'],
    '/bench/lms.js': ['text/javascript', lms],
  };
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const mine = root ? own[pathname] : undefined;
    if (mine) return void response.writeHead(200, { 'content-type': mine[0] }).end(mine[1]);
    const path = normalize(join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!path.startsWith(dist) || !existsSync(path) || statSync(path).isDirectory()) {
      missing.push(pathname);
      return void response.writeHead(404).end();
    }
    const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
    // Compressed as any web server or LMS sends text (Lighthouse times the bytes on the wire).
    if (/text|svg|json/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      return void response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(gzipSync(readFileSync(path), { level: 9 }));
    }
    response.writeHead(200, { 'content-type': type }).end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, missing, close: () => server.close() });
    }),
  );
}
