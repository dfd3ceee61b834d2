/**
 * The preview LMS: a page that hosts the built packages under scorm-again. It is built into
 * dist/ beside the packages, so `vite preview` serves both from one origin, as an LMS does.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { canOpenBrowser } from './can-open-browser.ts';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root: resolve(root, 'preview'),
  base: './',
  build: {
    // MICIC_DIST: where the course was built (the bench builds a generated course elsewhere).
    outDir: resolve(root, process.env.MICIC_DIST || 'dist'),
    emptyOutDir: false,
    assetsDir: 'preview-assets',
    target: 'es2020',
  },
  // Open a browser only where one can be opened (no xdg-open ENOENT on a machine without a desktop).
  preview: { port: 4173, open: canOpenBrowser() ? '/' : false },
});
