/** After Vite writes the web build, make every SCORM package from it. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadCourse, type LoadedCourse } from '../src/content/loader.ts';
import type { MicicContentApi } from '../src/content/vite-plugin.ts';
import { buildAllPackages, clearOldPackages } from './build-packages.ts';
import { loadFacilitation } from '../src/content/facilitation.ts';
import { facilitatorGuide } from './facilitator-guide.ts';
import { printGuides, startPrinter, stopPrinter } from './guide-pdf.ts';
import { lmsIdentifierProblems } from './lms-identifiers.ts';
import { buildOfflineBundle } from './offline-bundle.ts';
import { scenarioMap } from './scenario-maps.ts';
import { principleTraceability, traceability, traceabilityMarkdown } from './traceability.ts';

export function scormPackaging(options: { distDir: string; contentRoot?: string }): Plugin {
  let root = process.cwd();
  let webDir = '';
  let content: MicicContentApi | undefined;
  let guidesPrinting: Promise<{ pdfs: string[]; cached: number } | { error: unknown }> | undefined;
  let oldPackagesCleared: Promise<void> | undefined;
  let printer: ReturnType<typeof startPrinter>;
  /**
   * The facilitator guide, one printable page per language: dist/facilitator-guide.<language>.html,
   * and its PDF printed by Chromium in its own processes. Settled, so a failure is reported when
   * awaited rather than as an unhandled rejection meanwhile.
   */
  const startGuides = ({ index, contents, reference }: LoadedCourse) => {
    const facilitation = loadFacilitation(options.contentRoot ?? root, index);
    const dist = resolve(root, options.distDir);
    mkdirSync(dist, { recursive: true });
    const guides = index.languages.map((language) => {
      const path = join(dist, `facilitator-guide.${language}.html`);
      writeFileSync(path, facilitatorGuide(index, (moduleId) => contents.get(`${moduleId}.${language}`)!, facilitation, reference.get(language)!, language));
      return path;
    });
    const started = printer;
    printer = undefined;
    return printGuides(guides, started).catch((error: unknown) => ({ error }));
  };
  return {
    name: 'micic-scorm-packaging',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      webDir = resolve(config.root, config.build.outDir);
      content = config.plugins.find((p) => p.name === 'micic-content')?.api as MicicContentApi | undefined;
      // Before the course is read (the content plugin's buildStart), so Chromium starts meanwhile.
      printer = startPrinter();
    },
    async buildEnd(error) {
      // A build that failed before the guides were sent to print leaves no Chromium behind.
      if (error) {
        await stopPrinter(printer);
        printer = undefined;
      }
    },
    // The facilitator guides need only the content: written and sent to Chromium to print while
    // the course is bundled and packaged (printing is the longest step of a build).
    buildStart() {
      guidesPrinting = startGuides(content?.course() ?? loadCourse(options.contentRoot ?? root));
      oldPackagesCleared = clearOldPackages(resolve(root, options.distDir));
    },
    async writeBundle() {
      // MICIC_BUILD_TIMES=1 prints how long each step took.
      const times: string[] = [];
      let last = performance.now();
      const step = (name: string) => {
        times.push(`${name} ${((performance.now() - last) / 1000).toFixed(1)} s`);
        last = performance.now();
      };
      // The course as this build's content plugin loaded and checked it (once per build).
      const course = content?.course() ?? loadCourse(options.contentRoot ?? root);
      const { index, contents } = course;
      // Every id sent to an LMS must be one every LMS accepts (Moodle refuses a hyphen in 2004 responses).
      const idProblems = lmsIdentifierProblems(index);
      if (idProblems.length) throw new Error(`Identifiers an LMS would refuse:\n  - ${idProblems.join('\n  - ')}`);
      const dist = resolve(root, options.distDir);
      const printing = guidesPrinting ?? startGuides(course);
      guidesPrinting = undefined;
      // First, so the web zip below carries it: the course as one classic script for file://.
      await buildOfflineBundle({ root, contentRoot: options.contentRoot ?? root, webDir, course });
      step('offline bundle');
      // Scenario maps for authors and trainers: dist/scenario-maps/<module>-<scenario>.<language>.svg,
      // and a copy in the web build for its trainer preview (SCORM packages take only assets/).
      const maps = index.modules.flatMap((module) =>
        module.scenarios.flatMap((scenario) =>
          index.languages.map((language) => {
            const text = contents.get(`${module.id}.${language}`)!.scenarios[scenario.id]!;
            return [`${module.id}-${scenario.id}.${language}.svg`, scenarioMap(scenario, text, language)] as const;
          }),
        ),
      );
      for (const dir of [join(dist, 'scenario-maps'), join(webDir, 'scenario-maps')]) {
        mkdirSync(dir, { recursive: true });
        for (const [name, svg] of maps) writeFileSync(join(dir, name), svg);
      }
      step('scenario maps');
      const built = buildAllPackages(index, webDir, dist);
      this.info(`made ${built.length} SCORM packages in ${options.distDir}/`);
      step('packages');
      // Which objectives, pages, questions and decisions cover each MICIC guideline.
      const english = (moduleId: string) => contents.get(`${moduleId}.en`)!;
      writeFileSync(join(dist, 'traceability.md'), traceabilityMarkdown(traceability(index, english), principleTraceability(index, english)));
      step('traceability');
      await oldPackagesCleared;
      oldPackagesCleared = undefined;
      const printed = await printing;
      if ('error' in printed) throw printed.error;
      const { pdfs, cached } = printed;
      step('waiting for the PDFs');
      this.info(pdfs.length ? `facilitator guides in PDF: ${pdfs.length - cached} printed, ${cached} unchanged (from node_modules/.cache)` : 'no Chromium found (or MICIC_GUIDE_PDF=0): the facilitator guides are HTML only');
      if (process.env.MICIC_BUILD_TIMES) this.info(`packaging steps: ${times.join(', ')}`);
    },
  };
}
