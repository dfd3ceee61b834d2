/** After Vite writes the web build, make every SCORM package from it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadCourse } from '../src/content/loader.ts';
import { buildAllPackages } from './build-packages.ts';
import { loadFacilitation } from '../src/content/facilitation.ts';
import { facilitatorGuide } from './facilitator-guide.ts';
import { printGuides } from './guide-pdf.ts';
import { lmsIdentifierProblems } from './lms-identifiers.ts';
import { buildOfflineBundle } from './offline-bundle.ts';
import { scenarioMap } from './scenario-maps.ts';
import { principleTraceability, traceability, traceabilityMarkdown } from './traceability.ts';

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
    async writeBundle() {
      // First, so the web zip below carries it: the course as one classic script for file://.
      await buildOfflineBundle({ root, contentRoot: options.contentRoot ?? root, webDir });
      const { index, contents, reference } = loadCourse(options.contentRoot ?? root);
      // Every id sent to an LMS must be one every LMS accepts (Moodle refuses a hyphen in 2004 responses).
      const idProblems = lmsIdentifierProblems(index);
      if (idProblems.length) throw new Error(`Identifiers an LMS would refuse:\n  - ${idProblems.join('\n  - ')}`);
      const facilitation = loadFacilitation(options.contentRoot ?? root, index);
      const dist = resolve(root, options.distDir);
      // Scenario maps for authors and trainers: dist/scenario-maps/<module>-<scenario>.<language>.svg,
      // and a copy in the web build for its trainer preview (SCORM packages take only assets/).
      for (const dir of [join(dist, 'scenario-maps'), join(webDir, 'scenario-maps')]) {
        mkdirSync(dir, { recursive: true });
        for (const module of index.modules) {
          for (const scenario of module.scenarios) {
            for (const language of index.languages) {
              const text = contents.get(`${module.id}.${language}`)!.scenarios[scenario.id]!;
              writeFileSync(join(dir, `${module.id}-${scenario.id}.${language}.svg`), scenarioMap(scenario, text, language));
            }
          }
        }
      }
      const built = buildAllPackages(index, webDir, dist);
      this.info(`made ${built.length} SCORM packages in ${options.distDir}/`);
      // Which objectives, pages, questions and decisions cover each MICIC guideline.
      const english = (moduleId: string) => contents.get(`${moduleId}.en`)!;
      writeFileSync(join(dist, 'traceability.md'), traceabilityMarkdown(traceability(index, english), principleTraceability(index, english)));
      // The facilitator guide, one printable page per language: dist/facilitator-guide.<language>.html (and .pdf)
      const guides = index.languages.map((language) => {
        const path = join(dist, `facilitator-guide.${language}.html`);
        writeFileSync(path, facilitatorGuide(index, (moduleId) => contents.get(`${moduleId}.${language}`)!, facilitation, reference.get(language)!, language));
        return path;
      });
      const pdfs = await printGuides(guides);
      this.info(pdfs.length ? `printed ${pdfs.length} facilitator guides to PDF` : 'no Chromium found (or MICIC_GUIDE_PDF=0): the facilitator guides are HTML only');
    },
  };
}
