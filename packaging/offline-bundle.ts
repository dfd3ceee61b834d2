/**
 * The offline bundle of the plain web build: the same course entry (src/main.ts) built a second
 * time as one classic script with every lazy chunk inlined, written to web/offline/course.js.
 *
 * Opened from disk (file://), Chromium refuses module scripts and dynamic imports (CORS), so the
 * fast lazy module build shows a blank page. web/offline/boot.js, a tiny classic script that
 * index.html always loads, starts this bundle only on file:// and only when the module entry did
 * not start, so a browser that does run modules from disk never boots twice.
 *
 * SCORM packages are served over http by an LMS: they take only assets/, never offline/.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import type { LoadedCourse } from '../src/content/loader.ts';
import { micicContent } from '../src/content/vite-plugin.ts';

/** Where the offline files live in the web build; packaging must keep them out of SCORM packages. */
export const OFFLINE_DIR = 'offline';
export const OFFLINE_BUNDLE = `${OFFLINE_DIR}/course.js`;
export const OFFLINE_BOOT = `${OFFLINE_DIR}/boot.js`;

export async function buildOfflineBundle(options: { root: string; contentRoot: string; webDir: string; course: LoadedCourse }): Promise<void> {
  await build({
    // Only the content plugin: the project's vite.config.ts would run packaging again.
    configFile: false,
    root: options.root,
    base: './',
    logLevel: 'warn',
    plugins: [micicContent({ root: options.contentRoot, course: options.course, inline: true })],
    build: {
      outDir: options.webDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2020',
      modulePreload: false,
      rolldownOptions: {
        input: resolve(options.root, 'src/main.ts'),
        // The lazy-import helper asks import.meta for a base URL; in a classic script it gets {} and
        // falls back to the document's, which is what the inlined imports need (none fetch anything).
        onLog(level, log, handler) {
          if (log.code !== 'EMPTY_IMPORT_META') handler(level, log);
        },
        output: {
          format: 'iife',
          // One file: a classic script cannot import anything else.
          codeSplitting: false,
          entryFileNames: OFFLINE_BUNDLE,
        },
      },
    },
  });
}
