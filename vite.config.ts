import { defineConfig } from 'vitest/config';
import { micicContent } from './src/content/vite-plugin.ts';
import { scormPackaging } from './packaging/vite-plugin.ts';

const CONTENT_CHUNK = /^\0micic-content\/(.+)\.js$/;
// The bench builds a generated course from elsewhere: MICIC_CONTENT_ROOT is the folder holding its
// modules/ (default: this project), MICIC_DIST the folder the build writes (default: dist).
const contentRoot = process.env.MICIC_CONTENT_ROOT || undefined;
const distDir = process.env.MICIC_DIST || 'dist';

export default defineConfig(({ mode }) => ({
  // Relative URLs: the same files work from any LMS folder and from file://-like hosts.
  base: './',
  // Unit tests load the real content themselves; they need neither the content nor the packaging plugin.
  plugins: mode === 'test' ? [] : [micicContent({ root: contentRoot }), scormPackaging({ distDir, contentRoot })],
  build: {
    outDir: `${distDir}/web`,
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: false,
    // Stable file names keep the committed imsmanifest.xml meaningful; LMSs version packages themselves.
    rollupOptions: {
      output: {
        // Everything the entry imports statically in one file (rolldown would otherwise split
        // out each module a lazy chunk shares with it): fewer requests before the first view.
        // The content chunks are entries of their own (emitted by name): never part of the shell.
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'], test: (id: string) => !id.startsWith('\0micic-content/') }] },
        entryFileNames: 'assets/main.js',
        chunkFileNames: (chunk) => {
          const content = chunk.facadeModuleId ? CONTENT_CHUNK.exec(chunk.facadeModuleId) : null;
          return content ? `assets/content/${content[1]}.js` : 'assets/[name].js';
        },
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/print/**/*.test.ts', 'tests/built/**/*.test.ts'],
    // Chromium-driven print and built-page tests: generous, so a busy machine does not fail them.
    testTimeout: 90000,
    hookTimeout: 60000,
    environment: 'node',
    // Both languages' UI strings, which the course itself loads one at a time.
    setupFiles: ['tests/catalogs.ts'],
  },
}));
