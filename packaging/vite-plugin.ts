/** After Vite writes the web build, make every SCORM package from it. */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadCourse } from '../src/content/loader.ts';
import { buildAllPackages } from './build-packages.ts';

export function scormPackaging(options: { distDir: string; contentRoot?: string }): Plugin {
  let root = process.cwd();
  let webDir = '';
  return {
    name: 'micic-scorm-packaging',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      webDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const { index } = loadCourse(options.contentRoot ?? root);
      const built = buildAllPackages(index, webDir, resolve(root, options.distDir));
      this.info(`made ${built.length} SCORM packages in ${options.distDir}/`);
    },
  };
}
